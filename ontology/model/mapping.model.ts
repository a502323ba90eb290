/**
 * The typed form of one mapping of an ontology pack: how a field of a source system measures a concept.
 * ontology/README.md ("Pack format") is the specification; this file only gives it types. It is free of
 * GraphQL and Neo4j so the bridge, the pack validator and the API can all share it.
 */

/** The type of a source field's raw values. */
export const DATA_TYPES = ["NUMBER", "STRING", "BOOLEAN"] as const;
export type DataType = (typeof DATA_TYPES)[number];

/** Whether a larger normalised value is good (kept) or bad (turned into `1 - x`). */
export const POLARITIES = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const;
export type Polarity = (typeof POLARITIES)[number];

/** A raw value of a source field, as a record carries it. */
export type RawValue = number | string | boolean;

/** SSSOM-style strength of the link between the field and the concept. */
export const MAPPING_PREDICATES = ["exact", "close", "broad", "narrow", "related"] as const;
export type MappingPredicate = (typeof MAPPING_PREDICATES)[number];

/** How the mapping was made (SSSOM's mapping justification, shortened). */
export const JUSTIFICATIONS = ["manual-curation", "lexical-match", "learned"] as const;
export type Justification = (typeof JUSTIFICATIONS)[number];

/** The kinds of transform, in the order the README lists them. */
export const TRANSFORM_KINDS = ["linear", "log", "piecewise", "lookup", "boolean", "category"] as const;
export type TransformKind = (typeof TRANSFORM_KINDS)[number];

/** The kinds of normalisation. */
export const NORMALIZATION_KINDS = ["fixed", "percentile"] as const;
export type NormalizationKind = (typeof NORMALIZATION_KINDS)[number];

/** The ways an account's observations in a window are reduced to one value. */
export const AGGREGATION_KINDS = ["latest", "mean", "sum", "count", "trend"] as const;
export type AggregationKind = (typeof AGGREGATION_KINDS)[number];

/*
 * Optional transform parameters accept `null` as well as absence: packs come from YAML and GraphQL
 * inputs, where "not given" is often an explicit null. Both mean "use the default".
 */

/** `x * scale + offset`. */
export interface LinearTransform {
  kind: "linear";
  /** Default 1. */
  scale?: number | null;
  /** Default 0. */
  offset?: number | null;
}

/** `log_base(x + offset)`; values with `x + offset <= 0` are rejected. */
export interface LogTransform {
  kind: "log";
  /** Default e; must be positive and not 1. */
  base?: number | null;
  /** Default 1, so that a count of 0 maps to 0. */
  offset?: number | null;
}

/** One `[x, y]` point of a piecewise-linear transform. */
export type PiecewisePoint = readonly [number, number];

/** Linear interpolation between points with strictly increasing x, clamped to the first and last y. */
export interface PiecewiseTransform {
  kind: "piecewise";
  /** At least two points, x strictly increasing. */
  points: readonly PiecewisePoint[];
}

/** Categorical values looked up in a table. */
export interface LookupTransform {
  kind: "lookup";
  table: Readonly<Record<string, number>>;
  /** Used for values missing from the table; without it such values are rejected. */
  default?: number | null;
}

/** Booleans (and the strings "true" / "false") mapped to two numbers. */
export interface BooleanTransform {
  kind: "boolean";
  /** Default 1. */
  whenTrue?: number | null;
  /** Default 0. */
  whenFalse?: number | null;
}

/**
 * A categorical field (contract type, payment method): each level's value, as a lookup table gives it,
 * and to calibration one indicator per level, so a health model version can learn each level's value
 * from outcomes (see docs/decisions/0007).
 */
export interface CategoryTransform {
  kind: "category";
  /** Level → its value before normalisation; at least two levels, at most {@link MAX_CATEGORY_LEVELS}. */
  levels: Readonly<Record<string, number>>;
  /**
   * The value of a value that is not a level (an unseen category); without it such values are rejected.
   * Calibration treats them all as one more level, {@link OTHER_LEVEL}.
   */
  default?: number | null;
}

/** How calibration and learned model versions name the values that are not a level of a category. */
export const OTHER_LEVEL = "(other)";

/** Levels a category may have: each is a feature in calibration, so hundreds would overfit. */
export const MAX_CATEGORY_LEVELS = 50;

/** How a (unit-converted) raw value becomes a number before normalisation. */
export type TransformSpec =
  LinearTransform | LogTransform | PiecewiseTransform | LookupTransform | BooleanTransform | CategoryTransform;

/** Maps `[min, max]` onto `[0, 1]` and clamps. */
export interface FixedNormalization {
  kind: "fixed";
  min: number;
  max: number;
}

/** Ranks the value among the same field's values across the tenant's accounts. */
export interface PercentileNormalization {
  kind: "percentile";
}

/** How a transformed value is brought onto the common `0..1` scale. */
export type NormalizationSpec = FixedNormalization | PercentileNormalization;

/** How an account's observations are reduced to one value before the transform. */
export interface AggregationSpec {
  kind: AggregationKind;
  /** ISO-8601 duration ending at the evaluation time, e.g. "P90D", "PT12H", "P1Y". */
  window: string;
}

/** One mapping of a source field onto a concept, as written in a pack. */
export interface MappingSpec {
  /** Source system key, as integrators send it in records. */
  system: string;
  /** Source field name. */
  field: string;
  /** The concept the field measures, "<pack>:<local id>". */
  concept: string;
  dataType: DataType;
  /** The field's unit (see units.ts); omitted for STRING and BOOLEAN. */
  unit?: string | null;
  /** Convert to this unit before the transform (same dimension as `unit`). */
  targetUnit?: string | null;
  transform: TransformSpec;
  polarity: Polarity;
  normalization: NormalizationSpec;
  aggregation: AggregationSpec;
  /** Default weight of this field within its concept, ≥ 0. */
  weight: number;
  predicate: MappingPredicate;
  author: string;
  justification: Justification;
  /** 0..1. */
  confidence: number;
  /** When the mapping was made, YYYY-MM-DD. */
  date: string;
  comment?: string | null;
}
