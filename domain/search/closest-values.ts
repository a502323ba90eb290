/** A filter value that matched nothing, with the valid values closest to it. */
export interface FilterNotice {
  /** Where the value was given, e.g. "filter.region". */
  filter: string;
  value: string;
  /** The tenant's values closest to it, best first (at most {@link MAX_SUGGESTIONS}). */
  closest: string[];
  message: string;
}

export const MAX_SUGGESTIONS = 5;

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * How far a valid value is from what was typed, or null when it is not close: the same in another case
 * first, then values starting with it (APAC → APAC-CN) or it starting with them, then values containing
 * it, then small spelling differences (at most a third of the longer text).
 */
function distance(typed: string, candidate: string): number | null {
  const t = typed.trim().toLowerCase();
  const c = candidate.toLowerCase();
  if (t === "") return null;
  if (t === c) return 0;
  if (c.startsWith(t) || t.startsWith(c)) return 1;
  if (c.includes(t) || t.includes(c)) return 2;
  const edits = editDistance(t, c);
  return edits <= Math.max(t.length, c.length) / 3 ? 3 + edits : null;
}

/** The valid values closest to `typed`, best first, at most {@link MAX_SUGGESTIONS}. */
export function closestValues(typed: string, valid: readonly string[]): string[] {
  return valid
    .flatMap((candidate) => {
      const d = distance(typed, candidate);
      return d === null ? [] : [{ candidate, d }];
    })
    .sort((a, b) => a.d - b.d || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.candidate);
}

/** A notice for every asked value that no record of the tenant has. */
export function filterNotices(
  asked: ReadonlyArray<{ filter: string; values: readonly string[] | null }>,
  valid: Readonly<Record<string, readonly string[]>>,
): FilterNotice[] {
  return asked.flatMap(({ filter, values }) => {
    const known = new Set(valid[filter] ?? []);
    return (values ?? [])
      .filter((value) => !known.has(value))
      .map((value) => {
        const closest = closestValues(value, valid[filter] ?? []);
        const hint =
          closest.length > 0
            ? `did you mean ${closest.map((c) => `"${c}"`).join(" or ")}? Values match exactly`
            : "no value is close to it; the facets query lists the valid values";
        return { filter, value, closest, message: `${filter}: no record has "${value}"; ${hint}.` };
      });
  });
}
