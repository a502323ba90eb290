import { Column, Design, levelShares, trainingMean } from "./calibration-design";
import { LogisticRegressionModel } from "./logistic-regression";

/**
 * How a fitted regression becomes a health score (a weighted mean of concept values, as scoring computes
 * it): per usable feature, its weight and how its value is read. Arrays follow the order of `usable`.
 */
export interface ScoreModel {
  /** Weight ≥ 0 per feature, summing to 1. */
  weights: number[];
  /** Per feature: whether the score reads it reversed (1 − value); only continuous features can be. */
  reversed: boolean[];
  /** The coefficient of each continuous feature (null for categorical ones). */
  coefficients: Array<number | null>;
  /** Per categorical feature: the coefficient of each level (the reference 0); null otherwise. */
  levelCoefficients: Array<number[] | null>;
  /** Per categorical feature: the value (0..1, 1 = best) of each of its levels; null otherwise. */
  levelValues: Array<number[] | null>;
  /** Per categorical feature: whether each level had training rows, so its value was learned. */
  learned: Array<boolean[] | null>;
  /** Per feature: its mean as the score reads it, which stands in when an account has no value at all. */
  means: number[];
  /** No feature got a positive weight, so the weights are equal. */
  fallback: boolean;
}

/** What a score model needs of the training rows, per usable feature; computed once per fit. */
export interface TrainingStats {
  /** Continuous features: the training mean (null for categorical ones). */
  means: Array<number | null>;
  /** Categorical features: each level's share of the training rows with a level (null otherwise). */
  shares: Array<number[] | null>;
}

export function trainingStats(design: Design, usable: readonly number[], train: Int32Array | null): TrainingStats {
  const features = usable.map((feature) => design.features[feature]);
  return {
    means: features.map((f) => (f.kind === "CONTINUOUS" ? trainingMean(f.values, f.present, train) : null)),
    shares: features.map((f) => (f.kind === "CATEGORICAL" ? levelShares(f, train) : null)),
  };
}

/**
 * The score model a fit gives. A continuous concept's weight is max(0, −β) (β on its own 0..1 scale): a
 * health score only rewards higher values, so one whose higher values went with the bad outcome (β > 0)
 * gets 0, unless `reverse` says to read it reversed, when 1 − value has coefficient −β and the concept
 * weight β. A categorical concept's levels have coefficients β_l (the reference level 0); its weight is
 * max β − min β and each level's value (max β − β_l) / (max β − min β), so weight × value = max β − β_l:
 * the regression's log-odds up to a constant, with the healthiest level worth 1 and the unhealthiest 0.
 * Up to those constants the score then ranks accounts with all values present exactly as the regression
 * does. A level without training rows cannot be learned; it gets the average value of the levels that
 * were, weighted by their training rows. With no positive weight at all, the weights fall back to equal.
 */
export function scoreModel(
  design: Design,
  usable: readonly number[],
  layout: readonly Column[],
  model: LogisticRegressionModel,
  stats: TrainingStats,
  reverse: (feature: number) => boolean,
): ScoreModel {
  const columnsOf = new Map<number, number[]>();
  layout.forEach(({ feature }, c) => columnsOf.set(feature, [...(columnsOf.get(feature) ?? []), c]));
  const raw: number[] = [];
  const result: Omit<ScoreModel, "weights" | "fallback"> = {
    reversed: [],
    coefficients: [],
    levelCoefficients: [],
    levelValues: [],
    learned: [],
    means: [],
  };
  usable.forEach((feature, k) => {
    const f = design.features[feature];
    const columns = columnsOf.get(feature)!;
    if (f.kind === "CONTINUOUS") {
      const beta = model.coefficients[columns[0]];
      const constant = model.constant[columns[0]];
      const reversed = !constant && beta > 0 && reverse(feature);
      raw.push(constant ? 0 : reversed ? beta : Math.max(0, -beta));
      const mean = stats.means[k]!;
      result.means.push(reversed ? 1 - mean : mean);
      result.reversed.push(reversed);
      result.coefficients.push(beta);
      result.levelCoefficients.push(null);
      result.levelValues.push(null);
      result.learned.push(null);
      return;
    }
    const shares = stats.shares[k]!;
    const betas = f.levels.map((_, j) => (j === 0 ? 0 : model.coefficients[columns[j - 1]]));
    const learned = shares.map((share) => share > 0);
    const known = betas.filter((_, j) => learned[j]);
    const max = known.length === 0 ? 0 : Math.max(...known);
    const gap = known.length === 0 ? 0 : max - Math.min(...known);
    const values = betas.map((beta) => (gap > 0 ? (max - beta) / gap : 0.5));
    const average = values.reduce((sum, value, j) => sum + (learned[j] ? shares[j] * value : 0), 0);
    const mean = known.length === 0 ? 0.5 : average;
    raw.push(gap);
    result.means.push(mean);
    result.reversed.push(false);
    result.coefficients.push(null);
    result.levelCoefficients.push(betas);
    result.levelValues.push(values.map((value, j) => (learned[j] ? value : mean)));
    result.learned.push(learned);
  });
  const total = raw.reduce((sum, w) => sum + w, 0);
  if (total > 0) return { ...result, weights: raw.map((w) => w / total), fallback: false };
  return { ...result, weights: raw.map(() => 1 / raw.length), fallback: true };
}

/**
 * Reads rows' values of the usable features as the score model does (reversed, or a level's value), or
 * NaN without one. Built once per score model: scoring runs over every held-out row of every fold.
 */
function valueReader(design: Design, usable: readonly number[], model: ScoreModel): (k: number, row: number) => number {
  const readers = usable.map((feature, k): ((row: number) => number) => {
    const f = design.features[feature];
    if (f.kind === "CATEGORICAL") {
      const { level } = f;
      const values = model.levelValues[k]!;
      return (row) => (level[row] < 0 ? Number.NaN : values[level[row]]);
    }
    const { values, present } = f;
    if (model.reversed[k]) return (row) => (present[row] === 0 ? Number.NaN : 1 - values[row]);
    return (row) => (present[row] === 0 ? Number.NaN : values[row]);
  });
  return (k, row) => readers[k](row);
}

/**
 * The health score (0..1) the score model gives rows, as scoring does: the weighted mean of the values a
 * row has, weights re-normalised over them; with no weighted value at all, the means stand in (so that
 * every held-out account is ranked).
 */
export function rowScorer(design: Design, usable: readonly number[], model: ScoreModel): (row: number) => number {
  const read = valueReader(design, usable, model);
  const { weights, means } = model;
  const fallback = means.reduce((sum, mean, k) => sum + weights[k] * mean, 0);
  return (row) => {
    let weighted = 0;
    let total = 0;
    for (let k = 0; k < weights.length; k += 1) {
      const value = read(k, row);
      if (Number.isNaN(value)) continue;
      weighted += weights[k] * value;
      total += weights[k];
    }
    return total > 0 ? weighted / total : fallback;
  };
}

/**
 * The score (0..100) a model version with these weights stores for each row: as {@link rowScorer}, but
 * null when no weighted concept has a value, as scoring leaves such an account without a score.
 */
export function versionScores(design: Design, usable: readonly number[], model: ScoreModel): Array<number | null> {
  const read = valueReader(design, usable, model);
  return Array.from({ length: design.rows }, (_, row) => {
    let weighted = 0;
    let total = 0;
    for (let k = 0; k < usable.length; k += 1) {
      const value = read(k, row);
      if (Number.isNaN(value) || model.weights[k] === 0) continue;
      weighted += model.weights[k] * value;
      total += model.weights[k];
    }
    return total === 0 ? null : (100 * weighted) / total;
  });
}
