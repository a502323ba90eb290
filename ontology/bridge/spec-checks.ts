import { describeValue, formatNumber } from "./format";

/**
 * Small checks shared by the spec validators (transform, normalisation, aggregation, mapping). Each
 * returns its problems with their location, so pack validation can report them all at once, as
 * `mappings[4].transform.points: x values must increase`.
 */

/** One problem of a spec: where it is and what is wrong. */
export interface SpecProblem {
  /** Location in the pack, e.g. `mappings[4].transform.points`; empty for the spec itself at top level. */
  where: string;
  /** What was expected and what was received. */
  message: string;
}

/** A problem as one line of text: "<where>: <message>". */
export function formatProblem(p: SpecProblem): string {
  return p.where === "" ? p.message : `${p.where}: ${p.message}`;
}

/** The location of a key inside `where`; an empty `where` means the top level. */
export function at(where: string, key: string | number): string {
  if (typeof key === "number") return `${where}[${key}]`;
  return where === "" ? key : `${where}.${key}`;
}

/** A problem at a location. */
export function located(where: string, message: string): SpecProblem {
  return { where, message };
}

/** Whether a value is a plain object (what YAML mappings and GraphQL input objects become). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Whether a value is absent: YAML and GraphQL write "not given" as a missing key or as null. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/**
 * Keys that are not part of a spec. Reported because a misspelt optional key (`scael: 2`) would otherwise
 * be silently ignored and the default used instead.
 */
export function unknownKeys(
  spec: Record<string, unknown>,
  allowed: readonly string[],
  where: string,
  what: string,
): SpecProblem[] {
  return Object.keys(spec)
    .filter((key) => !allowed.includes(key))
    .map((key) => located(at(where, key), `is not a field of ${what}; expected ${allowed.join(", ")}`));
}

/** A finite number, required or optional; `extra` adds a further condition on it. */
export function finiteNumber(
  value: unknown,
  where: string,
  required: boolean,
  extra?: { test: (n: number) => boolean; expected: string },
): SpecProblem[] {
  if (isAbsent(value)) return required ? [located(where, "is required and must be a finite number")] : [];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return [located(where, `must be a finite number; received ${describeValue(value)}`)];
  }
  if (extra !== undefined && !extra.test(value)) {
    return [located(where, `must be ${extra.expected}; received ${formatNumber(value)}`)];
  }
  return [];
}

/** One of a fixed list of values. */
export function oneOfValues(value: unknown, where: string, allowed: readonly string[], what: string): SpecProblem[] {
  if (isAbsent(value)) return [located(where, `is required; expected one of ${allowed.join(", ")}`)];
  if (typeof value !== "string" || !allowed.includes(value)) {
    const shown = typeof value === "string" ? JSON.stringify(value) : describeValue(value);
    return [located(where, `unknown ${what} ${shown}; expected one of ${allowed.join(", ")}`)];
  }
  return [];
}

/** Non-empty text of bounded length. */
export function text(value: unknown, where: string, required: boolean, maxLength: number): SpecProblem[] {
  if (isAbsent(value)) return required ? [located(where, "is required and must be text")] : [];
  if (typeof value !== "string") return [located(where, `must be text; received ${describeValue(value)}`)];
  if (value.trim().length === 0) return [located(where, "must not be empty")];
  if (value.length > maxLength) {
    return [located(where, `is ${value.length} characters long; at most ${maxLength} are allowed`)];
  }
  return [];
}
