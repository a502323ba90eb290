/** Weeks of an anchor's series: Monday 00:00 UTC to the next Monday, named by their Monday (YYYY-MM-DD). */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** The Monday (UTC) of the week holding `instant`, as YYYY-MM-DD. */
export function weekStartOf(instant: Date): string {
  const day = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday `weeks` weeks after (negative: before) the week starting `weekStart`. */
export function addWeeks(weekStart: string, weeks: number): string {
  return new Date(Date.parse(`${weekStart}T00:00:00Z`) + weeks * WEEK_MS).toISOString().slice(0, 10);
}

/** Weeks (fractional) from the epoch's Monday to an instant: the x axis of projections. */
export function weekNumber(instant: string | Date): number {
  const ms =
    typeof instant === "string"
      ? Date.parse(instant.length === 10 ? `${instant}T00:00:00Z` : instant)
      : instant.getTime();
  // 1970-01-05 was a Monday.
  return (ms - Date.UTC(1970, 0, 5)) / WEEK_MS;
}

/** The instant a week starts, ISO-8601. */
export function weekInstant(weekStart: string): string {
  return `${weekStart}T00:00:00.000Z`;
}

/**
 * The `weeks` weeks from the Monday `first` as consecutive spans of at most `size` weeks (the last may be
 * shorter), each `{ from, to }` as instants with `to` excluded. A weekly series read span by span has the
 * same points as one read over the whole range, because every span starts and ends on a Monday; each read
 * stays bounded whatever the tenant's volume (a 26-week backfill of a million tickets in one statement ran
 * past the query timeout).
 */
export function weekSpans(first: string, weeks: number, size: number): Array<{ from: string; to: string }> {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`span size must be a positive integer; received ${size}`);
  const spans: Array<{ from: string; to: string }> = [];
  for (let start = 0; start < weeks; start += size) {
    const end = Math.min(weeks, start + size);
    spans.push({ from: weekInstant(addWeeks(first, start)), to: weekInstant(addWeeks(first, end)) });
  }
  return spans;
}
