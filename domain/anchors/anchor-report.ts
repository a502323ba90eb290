import { MEASURES } from "./anchor-metric";
import { anchorStatus, AnchorProjection, projectToDeadline, SeriesPoint, StatusVerdict } from "./anchor-projection";
import { StoredAnchor } from "./stored-anchor";

/** An anchor as read: stored, with its projection and status as of `now`. */
export interface AnchorReport {
  anchor: StoredAnchor;
  latest: SeriesPoint | null;
  projection: AnchorProjection;
  status: StatusVerdict;
}

/** The latest week with a value, the projection to the deadline and the status (docs/value-anchors.md). */
export function reportAnchor(anchor: StoredAnchor, now: Date): AnchorReport {
  const d = anchor.definition;
  const rate = d.metric.aggregation === "RATE";
  const bounds = { min: 0, max: rate ? 1 : Number.POSITIVE_INFINITY };
  const projection = projectToDeadline(anchor.points, d.deadline, bounds);
  const latest = [...anchor.points].reverse().find((p) => p.value !== null) ?? null;
  const status = anchorStatus({
    latest,
    projection,
    target: d.target,
    direction: d.direction,
    deadline: d.deadline,
    now,
  });
  return { anchor, latest, projection, status };
}

/** Whether a measure is a rate (0..1) — for formatting and bounds. */
export function isRateMeasure(measure: keyof typeof MEASURES): boolean {
  return MEASURES[measure].kind === "BOOLEAN";
}
