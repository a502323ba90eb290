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
  train: Int32Array | null,
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
  for (const feature of usable) {
    const f = design.features[feature];
    const columns = columnsOf.get(feature)!;
    if (f.kind === "CONTINUOUS") {
      const beta = model.coefficients[columns[0]];
      const constant = model.constant[columns[0]];
      const reversed = !constant && beta > 0 && reverse(feature);
      raw.push(constant ? 0 : reversed ? beta : Math.max(0, -beta));
      const mean = trainingMean(f.values, f.present, train);
      result.means.push(reversed ? 1 - mean : mean);
      result.reversed.push(reversed);
      result.coefficients.push(beta);
      result.levelCoefficients.push(null);
      result.levelValues.push(null);
      result.learned.push(null);
      continue;
    }
    const shares = levelShares(f, train);
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
  }
  const total = raw.reduce((sum, w) => sum + w, 0);
  if (total > 0) return { ...result, weights: raw.map((w) => w / total), fallback: false };
  return { ...result, weights: raw.map(() => 1 / raw.length), fallback: true };
}

/** A row's value of the `k`-th usable feature as the score reads it, or null without one. */
function readValue(design: Design, usable: readonly number[], model: ScoreModel, k: number, row: number) {
  const f = design.features[usable[k]];
  if (f.kind === "CONTINUOUS") {
    if (f.present[row] === 0) return null;
    return model.reversed[k] ? 1 - f.values[row] : f.values[row];
  }
  const level = f.level[row];
  return level < 0 ? null : model.levelValues[k]![level];
}

/**
 * The health score (0..1) the score model gives one row, as scoring does: the weighted mean of the
 * values it has, weights re-normalised over them; with no weighted value at all, the means stand in
 * (so that every held-out account is ranked).
 */
export function rowScore(design: Design, usable: readonly number[], model: ScoreModel, row: number): number {
  let weighted = 0;
  let total = 0;
  for (let k = 0; k < usable.length; k += 1) {
    const value = readValue(design, usable, model, k, row);
    if (value === null) continue;
    weighted += model.weights[k] * value;
    total += model.weights[k];
  }
  if (total > 0) return weighted / total;
  return model.means.reduce((sum, mean, k) => sum + model.weights[k] * mean, 0);
}

/**
 * The score (0..100) a model version with these weights stores for a row: as {@link rowScore}, but null
 * when no weighted concept has a value, as scoring leaves such an account without a score.
 */
export function versionScore(design: Design, usable: readonly number[], model: ScoreModel, row: number): number | null {
  let weighted = 0;
  let total = 0;
  for (let k = 0; k < usable.length; k += 1) {
    const value = readValue(design, usable, model, k, row);
    if (value === null || model.weights[k] === 0) continue;
    weighted += model.weights[k] * value;
    total += model.weights[k];
  }
  return total === 0 ? null : (100 * weighted) / total;
}
