/** Pure view logic of the value anchor pages (issue 17, docs/value-anchors.md). */

export interface SeriesPoint {
  weekStart: string;
  value?: number | null;
}

export interface ChartInput {
  series: readonly SeriesPoint[];
  baseline: number | null;
  target: number;
  deadline: string;
  projection: number | null;
  width: number;
  height: number;
}

export interface ChartGeometry {
  /** One polyline per run of weeks with a value (a week without records breaks the line). */
  lines: string[];
  dots: Array<{ x: number; y: number; weekStart: string; value: number }>;
  baselineY: number | null;
  targetY: number;
  /** From the last value to the projected value at the deadline; null without both. */
  projection: { x1: number; y1: number; x2: number; y2: number } | null;
  deadlineX: number;
  yTicks: Array<{ y: number; value: number }>;
  xLabels: Array<{ x: number; text: string }>;
}

const PAD = { left: 48, right: 16, top: 12, bottom: 28 };
const DAY = 86_400_000;

/**
 * Where the series, baseline, target and projection go in an SVG of the given size: time runs from the first
 * week to the deadline, values span everything drawn. Pure.
 */
export function chartGeometry(input: ChartInput): ChartGeometry {
  const times = input.series.map((p) => Date.parse(`${p.weekStart}T00:00:00Z`));
  const deadline = Date.parse(`${input.deadline.slice(0, 10)}T00:00:00Z`);
  const t0 = times.length > 0 ? Math.min(...times) : deadline - 7 * DAY;
  const t1 = Math.max(deadline, ...times, t0 + DAY);
  const values = input.series.map((p) => p.value).filter((v): v is number => typeof v === "number");
  const all = [...values, input.target, ...(input.baseline === null ? [] : [input.baseline])];
  if (input.projection !== null) all.push(input.projection);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const margin = (hi - lo) * 0.05;
  lo -= margin;
  hi += margin;
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (input.width - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * (input.height - PAD.top - PAD.bottom);
  const round = (n: number) => Math.round(n * 10) / 10;

  const lines: string[] = [];
  const dots: ChartGeometry["dots"] = [];
  let run: string[] = [];
  input.series.forEach((p, i) => {
    if (typeof p.value !== "number") {
      if (run.length > 0) lines.push(run.join(" "));
      run = [];
      return;
    }
    const point = { x: round(x(times[i]!)), y: round(y(p.value)) };
    run.push(`${point.x},${point.y}`);
    dots.push({ ...point, weekStart: p.weekStart, value: p.value });
  });
  if (run.length > 0) lines.push(run.join(" "));

  const last = dots[dots.length - 1];
  const projection =
    last && input.projection !== null
      ? { x1: last.x, y1: last.y, x2: round(x(deadline)), y2: round(y(input.projection)) }
      : null;
  const yTicks = [hi - margin, (hi + lo) / 2, lo + margin].map((value) => ({ y: round(y(value)), value }));
  const xLabels = [
    { x: round(x(t0)), text: new Date(t0).toISOString().slice(0, 10) },
    { x: round(x(deadline)), text: input.deadline.slice(0, 10) },
  ];
  return {
    lines,
    dots,
    baselineY: input.baseline === null ? null : round(y(input.baseline)),
    targetY: round(y(input.target)),
    projection,
    deadlineX: round(x(deadline)),
    yTicks,
    xLabels,
  };
}

/** A measured value for people: at most two decimals, "–" for none. Pure. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return String(Math.round(value * 100) / 100);
}

/** A 0..1 share as a whole percentage ("83%"). Pure. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The width of a share bar, as a CSS percentage clamped to 0..100. Pure. */
export function shareWidth(share: number): string {
  return `${Math.max(0, Math.min(100, share * 100)).toFixed(1)}%`;
}

/** Whether a status is good news (MET, ON_TRACK) for its colour. Pure. */
export function statusTone(status: string): "ok" | "bad" {
  return status === "MET" || status === "ON_TRACK" ? "ok" : "bad";
}
