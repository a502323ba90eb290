/** Helpers that reduce answers to a canonical form: instants as ISO strings, lists in one order. */

/** An instant in ISO form with milliseconds, whatever precision or offset notation it came in. */
export function instant(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const parsed = Date.parse(String(value));
  if (Number.isNaN(parsed)) throw new Error(`"${String(value)}" is not an instant`);
  return new Date(parsed).toISOString();
}

/** Picks `keys` of an object, in that order, with missing values as null. */
export function pick(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const source = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, source[key] ?? null]));
}

type Key = string | number;

/** Sorts by a tuple of keys; `desc` flips every key. */
export function sortBy<T>(items: readonly T[], key: (item: T) => readonly Key[], desc = false): T[] {
  const sign = desc ? -1 : 1;
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i += 1) {
      const x = ka[i] as Key;
      const y = kb[i] as Key;
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return 0;
  });
}

/** The first difference between two canonical answers, as a path and both values; null when equal. */
export function firstDifference(expected: unknown, actual: unknown, at = "$"): string | null {
  if (Object.is(expected, actual)) return null;
  // Within 1e-9, relative for large numbers: sums and slopes computed in another order differ in their last bits.
  if (
    typeof expected === "number" &&
    typeof actual === "number" &&
    Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected), Math.abs(actual))
  ) {
    return null;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${at}: ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i += 1) {
      const difference = firstDifference(expected[i], actual[i], `${at}[${i}]`);
      if (difference !== null) return difference;
    }
    return null;
  }
  if (expected && actual && typeof expected === "object" && typeof actual === "object") {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of [...keys].sort()) {
      const difference = firstDifference(
        (expected as Record<string, unknown>)[key],
        (actual as Record<string, unknown>)[key],
        `${at}.${key}`,
      );
      if (difference !== null) return difference;
    }
    return null;
  }
  return `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}
