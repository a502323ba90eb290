/** Window counting and trend math of playbook triggers: plain numbers in, plain numbers out. */

export const DAY_MS = 86_400_000;

/** A point of a series: when (epoch ms) and the value. */
export interface SeriesPoint {
  at: number;
  value: number;
}

/**
 * The least-squares slope of a series, per day: how fast the values move. Null with fewer than two points
 * or when every point has the same time (no line fits).
 */
export function slopePerDay(points: readonly SeriesPoint[]): number | null {
  const usable = points.filter((p) => Number.isFinite(p.at) && Number.isFinite(p.value));
  if (usable.length < 2) return null;
  // Days relative to the first point keep the sums small (epoch milliseconds squared lose precision).
  const origin = usable[0]!.at;
  const n = usable.length;
  let sx = 0;
  let sy = 0;
  for (const p of usable) {
    sx += (p.at - origin) / DAY_MS;
    sy += p.value;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of usable) {
    const dx = (p.at - origin) / DAY_MS - mx;
    sxx += dx * dx;
    sxy += dx * (p.value - my);
  }
  if (sxx === 0) return null;
  return sxy / sxx;
}

/**
 * Where a trigger's window starts: `withinDays` before `now`, or right after the evidence an earlier firing
 * used, whichever is later — evidence that made a playbook fire never makes it fire again.
 */
export function windowStart(now: number, withinDays: number, evidenceThrough: number | null): number {
  const start = now - withinDays * DAY_MS;
  return evidenceThrough === null ? start : Math.max(start, evidenceThrough);
}

/** Whether `at` lies in the window (start exclusive, end inclusive). */
export function inWindow(at: number, start: number, end: number): boolean {
  return at > start && at <= end;
}

/** The items whose time lies in the window, oldest first. */
export function itemsInWindow<T extends { at: number }>(items: readonly T[], start: number, end: number): T[] {
  return items.filter((item) => inWindow(item.at, start, end)).sort((a, b) => a.at - b.at);
}
