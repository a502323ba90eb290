import { AnchorDefinition } from "./anchor-definition";
import { SeriesPoint } from "./anchor-projection";

/**
 * One weekly point as stored (`(:ValueAnchor)-[:HAS_POINT]->(:AnchorPoint)`), traceable to what produced it:
 * the anchor version and metric hash it was computed with, and the population as a reproducible query
 * (`population`: the measure, aggregation, filter and window, canonical JSON) plus the record ids when the
 * week had at most {@link POINT_RECORD_ID_CAP} records (decision 0031).
 */
export interface StoredAnchorPoint extends SeriesPoint {
  anchorVersion: number;
  metricHash: string;
  population: string;
  recordIds: string[] | null;
  computedAt: string;
}

/** Points keep their record ids up to this many records a week; above it the population query reproduces them. */
export const POINT_RECORD_ID_CAP = 1000;

export interface AnchorBaseline {
  value: number | null;
  n: number;
  /** The baseline window: `baselineWeeks` whole weeks before the week the metric was defined in. */
  from: string;
  to: string;
}

/** A value anchor as stored: its definition, version and hashes, baseline, and weekly points. */
export interface StoredAnchor {
  id: string;
  definition: AnchorDefinition;
  version: number;
  definitionHash: string;
  metricHash: string;
  baseline: AnchorBaseline;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  computedAt: string;
  points: StoredAnchorPoint[];
}
