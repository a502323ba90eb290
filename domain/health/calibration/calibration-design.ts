import { describeValue } from "../../../ontology/bridge/format";
import { compareText } from "../health-tree";
import { CalibrationError } from "./calibration.errors";

/** One labelled account: its concept values as of a cut-off before the outcome, and the outcome. */
export interface CalibrationRow {
  /**
   * Concept id → the concept's 0..1 value for the account, or for a categorical concept (see
   * `CalibrationOptions.categories`) the name of its level; null (or absent) when it had no data.
   */
  features: Readonly<Record<string, number | string | null | undefined>>;
  /** 1 = the bad outcome (e.g. churned), 0 = the good one (e.g. renewed). */
  outcome: 0 | 1;
}

/** A concept whose value is a number: one column of the regression. */
export interface ContinuousFeature {
  kind: "CONTINUOUS";
  concept: string;
  values: Float64Array;
  present: Uint8Array;
  /** Rows with a value. */
  count: number;
}

/**
 * A concept whose value is a level: one indicator column per level but the first (the reference level,
 * whose coefficient is 0), so the columns are not collinear with the intercept whatever the penalty.
 */
export interface CategoricalFeature {
  kind: "CATEGORICAL";
  concept: string;
  /** The levels some row has, most common first (ties by name); the first is the reference. */
  levels: string[];
  /** Declared levels no row has. Sorted. */
  absent: string[];
  /** Per row: the index of its level in `levels`, or −1 without one. */
  level: Int32Array;
  /** Rows per level, in the order of `levels`. */
  counts: number[];
  /** Rows with a level. */
  count: number;
}

export type Feature = ContinuousFeature | CategoricalFeature;

/** The training data as the regression and the score need it, one feature per concept (sorted). */
export interface Design {
  rows: number;
  outcomes: Uint8Array;
  features: Feature[];
}

/**
 * Reads and checks the rows. `categories` names the categorical concepts with their declared levels;
 * every other concept must have numbers.
 *
 * @throws CalibrationError INVALID_TRAINING_DATA for malformed rows or none; INVALID_OPTION for a concept
 *   listed twice or a category that is not one of the concepts.
 */
export function buildDesign(
  rows: readonly CalibrationRow[],
  given: readonly string[] | undefined,
  categories: Readonly<Record<string, readonly string[]>>,
): Design {
  const concepts = conceptList(rows, given);
  for (const concept of Object.keys(categories)) {
    if (!concepts.includes(concept)) {
      throw new CalibrationError(
        "INVALID_OPTION",
        `categories names ${concept}, which is not one of the ${concepts.length} concepts calibrated`,
      );
    }
  }
  const n = rows.length;
  const outcomes = new Uint8Array(n);
  const continuous = new Map<string, { values: Float64Array; present: Uint8Array }>();
  const levelsOf = new Map<string, Array<string | null>>();
  for (const concept of concepts) {
    if (Object.hasOwn(categories, concept)) levelsOf.set(concept, new Array<string | null>(n).fill(null));
    else continuous.set(concept, { values: new Float64Array(n), present: new Uint8Array(n) });
  }
  rows.forEach((row, i) => {
    if (row === null || typeof row !== "object" || (row.outcome !== 0 && row.outcome !== 1)) {
      throw new CalibrationError(
        "INVALID_TRAINING_DATA",
        `row ${i} needs outcome 0 or 1; received ${JSON.stringify((row as { outcome?: unknown } | null)?.outcome)}`,
      );
    }
    if (row.features === null || typeof row.features !== "object") {
      throw new CalibrationError("INVALID_TRAINING_DATA", `row ${i} needs features: { conceptId: value or null }`);
    }
    outcomes[i] = row.outcome;
    for (const concept of concepts) {
      const value = Object.hasOwn(row.features, concept) ? row.features[concept] : null;
      if (value === null || value === undefined) continue;
      const levels = levelsOf.get(concept);
      if (levels !== undefined) {
        if (typeof value !== "string") {
          throw new CalibrationError(
            "INVALID_TRAINING_DATA",
            `row ${i}: ${concept} is categorical, so its value must be a level name or null; received ${describeValue(value)}`,
          );
        }
        levels[i] = value;
        continue;
      }
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new CalibrationError(
          "INVALID_TRAINING_DATA",
          `row ${i}: ${concept} is ${describeValue(value)}; expected a finite number or null for no data` +
            (typeof value === "string" ? " (list categorical concepts in categories)" : ""),
        );
      }
      const column = continuous.get(concept)!;
      column.values[i] = value;
      column.present[i] = 1;
    }
  });
  const features = concepts.map((concept): Feature => {
    const column = continuous.get(concept);
    if (column !== undefined) {
      const count = column.present.reduce((sum, flag) => sum + flag, 0);
      return { kind: "CONTINUOUS", concept, ...column, count };
    }
    return categorical(concept, levelsOf.get(concept)!, categories[concept]);
  });
  return { rows: n, outcomes, features };
}

function categorical(concept: string, rowLevels: ReadonlyArray<string | null>, declared: readonly string[]): Feature {
  const counts = new Map<string, number>();
  for (const level of rowLevels) if (level !== null) counts.set(level, (counts.get(level) ?? 0) + 1);
  const levels = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || compareText(a, b));
  const index = new Map(levels.map((level, i) => [level, i]));
  return {
    kind: "CATEGORICAL",
    concept,
    levels,
    absent: [...new Set(declared)].filter((level) => !counts.has(level)).sort(compareText),
    level: Int32Array.from(rowLevels, (level) => (level === null ? -1 : index.get(level)!)),
    counts: levels.map((level) => counts.get(level)!),
    count: rowLevels.filter((level) => level !== null).length,
  };
}

/** A regression column: a continuous feature, or the indicator of one level of a categorical feature. */
export interface Column {
  /** Index into `Design.features`. */
  feature: number;
  /** For an indicator: the level's index (≥ 1); null for a continuous feature. */
  level: number | null;
}

/** The regression columns of the usable features (those with data; categories with two or more levels). */
export function columnLayout(design: Design, usable: readonly number[]): Column[] {
  return usable.flatMap((feature): Column[] => {
    const f = design.features[feature];
    if (f.kind === "CONTINUOUS") return [{ feature, level: null }];
    return f.levels.slice(1).map((_, j) => ({ feature, level: j + 1 }));
  });
}

/**
 * The columns' values with missing ones replaced by the mean of `train` (all rows when null): for a
 * continuous feature the mean value, for an indicator the share of its level among the training rows
 * that have a level. Means come from the training rows only, so nothing leaks from a held-out fold.
 */
export function imputedColumns(design: Design, layout: readonly Column[], train: Int32Array | null): Float64Array[] {
  const n = design.rows;
  const shares = new Map<number, number[]>();
  return layout.map(({ feature, level }) => {
    const f = design.features[feature];
    const column = new Float64Array(n);
    if (f.kind === "CONTINUOUS") {
      const mean = trainingMean(f.values, f.present, train);
      for (let i = 0; i < n; i += 1) column[i] = f.present[i] === 1 ? f.values[i] : mean;
      return column;
    }
    if (!shares.has(feature)) shares.set(feature, levelShares(f, train));
    const share = shares.get(feature)![level!];
    for (let i = 0; i < n; i += 1) column[i] = f.level[i] < 0 ? share : f.level[i] === level ? 1 : 0;
    return column;
  });
}

/** The mean of a continuous feature over the training rows that have a value (0 when none has one). */
export function trainingMean(values: Float64Array, present: Uint8Array, train: Int32Array | null): number {
  let sum = 0;
  let count = 0;
  const rows = train === null ? values.length : train.length;
  for (let k = 0; k < rows; k += 1) {
    const i = train === null ? k : train[k];
    if (present[i] === 0) continue;
    sum += values[i];
    count += 1;
  }
  // A concept with no value among the training rows is then constant, and gets coefficient 0.
  return count === 0 ? 0 : sum / count;
}

/** Each level's share of the training rows that have a level (all 0 when none has one). */
export function levelShares(feature: CategoricalFeature, train: Int32Array | null): number[] {
  const counts = new Array<number>(feature.levels.length).fill(0);
  let total = 0;
  const rows = train === null ? feature.level.length : train.length;
  for (let k = 0; k < rows; k += 1) {
    const level = feature.level[train === null ? k : train[k]];
    if (level < 0) continue;
    counts[level] += 1;
    total += 1;
  }
  return counts.map((count) => (total === 0 ? 0 : count / total));
}

function conceptList(rows: readonly CalibrationRow[], given: readonly string[] | undefined): string[] {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new CalibrationError("INVALID_TRAINING_DATA", "calibration needs labelled accounts; received none");
  }
  if (given !== undefined) {
    const unique = [...new Set(given)];
    if (unique.length !== given.length) {
      throw new CalibrationError("INVALID_OPTION", "concepts lists a concept more than once");
    }
    return unique.sort(compareText);
  }
  const seen = new Set<string>();
  for (const row of rows) {
    if (row !== null && typeof row === "object" && row.features !== null && typeof row.features === "object") {
      for (const concept of Object.keys(row.features)) seen.add(concept);
    }
  }
  if (seen.size === 0) {
    throw new CalibrationError("INVALID_TRAINING_DATA", "the rows have no concept features; nothing to weigh");
  }
  return [...seen].sort(compareText);
}
