import { percentile } from "./aggregate";
import { AnchorDirection } from "./anchor-metric";
import { weekNumber } from "./anchor-weeks";

/** One weekly point of an anchor's series. */
export interface SeriesPoint {
  weekStart: string;
  /** Null for a week without records. */
  value: number | null;
  n: number;
}

/** The most recent points a projection reads (weeks with records only). */
export const PROJECTION_POINTS = 8;
/** Fewer points than this: the projection is the last value, flat. */
export const MIN_TREND_POINTS = 3;

export interface AnchorProjection {
  /** Where the metric is projected to be in the deadline's week; null without any point. */
  valueAtDeadline: number | null;
  /** Change per week (Theil–Sen); 0 when there were too few points for a trend. */
  slopePerWeek: number;
  pointsUsed: number;
  method: "THEIL_SEN" | "LAST_VALUE" | "NONE";
}

/**
 * Projects the series to the deadline with a Theil–Sen line over the last {@link PROJECTION_POINTS} weeks
 * that have a value (a count or sum of an empty week is 0; a median of one is no value): the slope is the median of the slopes between every pair of points, the intercept
 * the median of `y − slope·x`. One outlying week moves neither much (breakdown point 29%), which a
 * least-squares line over so few points would not survive. Rates are kept within 0..1, other values ≥ 0.
 */
export function projectToDeadline(
  points: readonly SeriesPoint[],
  deadline: string,
  bounds: { min: number; max: number },
): AnchorProjection {
  const recent = points
    .filter((p): p is SeriesPoint & { value: number } => p.value !== null)
    .slice(-PROJECTION_POINTS)
    .map((p) => ({ x: weekNumber(p.weekStart), y: p.value }));
  if (recent.length === 0) return { valueAtDeadline: null, slopePerWeek: 0, pointsUsed: 0, method: "NONE" };
  const clamp = (v: number) => Math.min(bounds.max, Math.max(bounds.min, v));
  if (recent.length < MIN_TREND_POINTS) {
    return {
      valueAtDeadline: clamp(recent[recent.length - 1]!.y),
      slopePerWeek: 0,
      pointsUsed: recent.length,
      method: "LAST_VALUE",
    };
  }
  const slopes: number[] = [];
  for (let i = 0; i < recent.length; i += 1) {
    for (let j = i + 1; j < recent.length; j += 1) {
      const a = recent[i]!;
      const b = recent[j]!;
      if (b.x !== a.x) slopes.push((b.y - a.y) / (b.x - a.x));
    }
  }
  const slope = percentile(slopes, 0.5) ?? 0;
  const intercept = percentile(
    recent.map((p) => p.y - slope * p.x),
    0.5,
  ) as number;
  return {
    valueAtDeadline: clamp(intercept + slope * weekNumber(deadline)),
    slopePerWeek: slope,
    pointsUsed: recent.length,
    method: "THEIL_SEN",
  };
}

export const ANCHOR_STATUSES = ["ON_TRACK", "AT_RISK", "MISSED", "MET"] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** Whether `value` meets `target` in the anchor's direction (equal meets). */
export function meetsTarget(value: number, target: number, direction: AnchorDirection): boolean {
  return direction === "DECREASE" ? value <= target : value >= target;
}

export interface StatusVerdict {
  status: AnchorStatus;
  /** Why, in one sentence. */
  reason: string;
}

/**
 * The anchor's status (docs/value-anchors.md, "Status"): MET when the latest week with records meets the
 * target; otherwise MISSED once the deadline has passed; otherwise ON_TRACK when the projection meets the
 * target at the deadline and AT_RISK when it does not (or when there is nothing to project).
 */
export function anchorStatus(input: {
  latest: SeriesPoint | null;
  projection: AnchorProjection;
  target: number;
  direction: AnchorDirection;
  deadline: string;
  now: Date;
}): StatusVerdict {
  const { latest, projection, target, direction, deadline, now } = input;
  const shown = (v: number) => String(Math.round(v * 1000) / 1000);
  if (latest !== null && latest.value !== null && meetsTarget(latest.value, target, direction)) {
    return {
      status: "MET",
      reason: `the week of ${latest.weekStart} measured ${shown(latest.value)}, meeting the target ${shown(target)}`,
    };
  }
  const latestText =
    latest === null || latest.value === null
      ? "no week has records yet"
      : `the week of ${latest.weekStart} measured ${shown(latest.value)}`;
  if (now.getTime() >= Date.parse(`${deadline}T23:59:59.999Z`)) {
    return {
      status: "MISSED",
      reason: `the deadline ${deadline} has passed and ${latestText}, not meeting the target ${shown(target)}`,
    };
  }
  if (projection.valueAtDeadline === null) {
    return { status: "AT_RISK", reason: `${latestText}; there is nothing to project to the deadline` };
  }
  const projected = shown(projection.valueAtDeadline);
  return meetsTarget(projection.valueAtDeadline, target, direction)
    ? {
        status: "ON_TRACK",
        reason: `${latestText}; the trend reaches ${projected} by ${deadline}, meeting the target ${shown(target)}`,
      }
    : {
        status: "AT_RISK",
        reason: `${latestText}; the trend reaches only ${projected} by ${deadline}, against the target ${shown(target)}`,
      };
}
