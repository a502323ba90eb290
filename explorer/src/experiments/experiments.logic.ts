/** A rate or share as a percentage with one decimal ("59.1%"), or "–". Pure. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : `${(value * 100).toFixed(1)}%`;
}

/** A difference in percentage points, signed ("+25.1 pp", "−3.0 pp"), or "–". Pure. */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const text = `${Math.abs(value * 100).toFixed(1)} pp`;
  return value < 0 ? `−${text}` : `+${text}`;
}

/** A p-value as statisticians write it: "< 0.0001" or four decimals, or "–". Pure. */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined) return "–";
  return p < 0.0001 ? "< 0.0001" : p.toFixed(4);
}

/**
 * The x range of the lift chart: symmetric around 0 and wide enough for the interval and the estimate,
 * rounded up to the next 10 points, at least ±10 points. Pure.
 */
export function liftAxis(values: ReadonlyArray<number | null | undefined>): number {
  const widest = Math.max(0.1, ...values.filter((v): v is number => typeof v === "number").map(Math.abs));
  return Math.ceil(widest * 10 - 1e-9) / 10;
}

/** An x position for `value` in [−range, +range] drawn `width` wide. Pure. */
export function liftX(value: number, range: number, width: number): number {
  const clamped = Math.max(-range, Math.min(range, value));
  return ((clamped + range) / (2 * range)) * width;
}
