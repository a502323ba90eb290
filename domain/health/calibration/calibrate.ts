import { describeValue, formatNumber } from "../../../ontology/bridge/format";
import { compareText } from "../health-tree";
import { CalibrationError } from "./calibration.errors";
import { crossValidate, CrossValidationOptions, DEFAULT_FOLDS, DEFAULT_SEED } from "./cross-validate";
import {
  DEFAULT_L2,
  fitLogisticRegressionColumns,
  LogisticRegressionModel,
  LogisticRegressionOptions,
} from "./logistic-regression";

export { backtest } from "./backtest";
export type { BacktestResult } from "./backtest";

/** One labelled account: its concept values as of a cut-off before the outcome, and the outcome. */
export interface CalibrationRow {
  /** Concept id → the concept's 0..1 value for the account; null (or absent) when it had no data. */
  features: Readonly<Record<string, number | null | undefined>>;
  /** 1 = the bad outcome (e.g. churned), 0 = the good one (e.g. renewed). */
  outcome: 0 | 1;
}

export interface CalibrationOptions
  extends CrossValidationOptions, Pick<LogisticRegressionOptions, "l2" | "maxIterations"> {
  /** The concepts to weigh, in any order; default every concept that appears in a row. */
  concepts?: readonly string[];
}

/** How a concept's value relates to the outcome in the fit. */
export type ImportanceDirection = "HIGHER_IS_BETTER" | "HIGHER_IS_WORSE" | "NONE";

export interface ConceptImportance {
  concept: string;
  /** Change in the log-odds of the bad outcome per unit (0..1 scale) of the concept's value. */
  coefficient: number;
  /** The same per standard deviation of the concept's value: comparable across concepts. */
  standardizedCoefficient: number;
  /** HIGHER_IS_BETTER when higher values went with the good outcome (a negative coefficient). */
  direction: ImportanceDirection;
  /** The weight the concept gets. */
  weight: number;
}

export interface CalibrationResult {
  /** Concept id → weight: non-negative, summing to 1 (see {@link calibrateWeights}). */
  weights: Record<string, number>;
  /** Every concept, by |standardizedCoefficient| descending, then id. */
  importance: ConceptImportance[];
  /** Log-odds of the bad outcome at all concept values 0. */
  intercept: number;
  /** Cross-validated ROC AUC of the logistic regression (predicting the bad outcome). */
  cvAuc: number;
  foldAucs: number[];
  /**
   * Cross-validated ROC AUC of the health score the weights give (a weighted mean of the concept values
   * present, as scoring computes it; a lower score read as riskier): what the new model version will do.
   */
  scoreCvAuc: number;
  scoreFoldAucs: number[];
  trainingRows: number;
  /** Rows with outcome 1. */
  badOutcomes: number;
  /** Concept id → share of rows without a value. */
  missingRate: Record<string, number>;
  /** Concept id → the training mean that replaced missing values in the final fit. */
  imputedMeans: Record<string, number>;
  converged: boolean;
  iterations: number;
  l2: number;
  folds: number;
  seed: number;
  /** What the numbers do not show: imputation, concepts left out or clipped to weight 0, fallbacks. */
  notes: string[];
}

interface Fit {
  model: LogisticRegressionModel;
  /** Per usable concept: missing values replaced with the training mean. */
  columns: Float64Array[];
  means: number[];
  weights: number[];
  fallback: boolean;
}

/**
 * Learns concept weights for a health model from accounts' outcomes.
 *
 * Fits an L2-regularised logistic regression of the bad outcome on the concept values (see
 * `fitLogisticRegression`), with missing values replaced by the training mean of their concept (in
 * cross-validation, the mean of the training folds only, so no information leaks from the held-out fold).
 *
 * Weights: weight ∝ max(0, −β), β the coefficient on the concepts' own 0..1 scale, normalised to sum to 1.
 * A health score is a weighted mean of concept values, and its ranking of accounts equals the ranking
 * by the fitted log-odds exactly when the weights are proportional to −β on that same scale; so when
 * every coefficient is negative, the calibrated score separates the outcomes exactly as well as the
 * regression (ROC AUC is a ranking measure). Standardised coefficients (−β·sd) would instead favour
 * concepts that vary a lot and rank accounts differently; they are reported as importance, for comparing
 * concepts, not used as weights. A concept whose higher values went with the bad outcome (β > 0) gets
 * weight 0, since a health score only rewards higher values (usually a mapping with the wrong polarity);
 * the notes say so. If no concept has β < 0 the weights fall back to equal.
 *
 * @throws CalibrationError INVALID_TRAINING_DATA for malformed rows or no usable concept;
 *   TOO_FEW_OUTCOMES when an outcome has fewer rows than there are folds; INVALID_OPTION.
 */
export function calibrateWeights(rows: readonly CalibrationRow[], options: CalibrationOptions = {}): CalibrationResult {
  const folds = options.folds ?? DEFAULT_FOLDS;
  const seed = options.seed ?? DEFAULT_SEED;
  const l2 = options.l2 ?? DEFAULT_L2;
  const concepts = conceptList(rows, options.concepts);
  const n = rows.length;
  const outcomes = new Uint8Array(n);
  const values = concepts.map(() => new Float64Array(n));
  const present = concepts.map(() => new Uint8Array(n));
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
    concepts.forEach((concept, j) => {
      const value = Object.hasOwn(row.features, concept) ? row.features[concept] : null;
      if (value === null || value === undefined) return;
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new CalibrationError(
          "INVALID_TRAINING_DATA",
          `row ${i}: ${concept} is ${describeValue(value)}; expected a finite number or null for no data`,
        );
      }
      values[j][i] = value;
      present[j][i] = 1;
    });
  });

  const notes: string[] = [];
  const missingRate: Record<string, number> = {};
  const usable: number[] = [];
  concepts.forEach((concept, j) => {
    const count = present[j].reduce((sum, flag) => sum + flag, 0);
    missingRate[concept] = (n - count) / n;
    if (count > 0) usable.push(j);
    else notes.push(`${concept}: no account has a value, so it cannot be learned; it gets weight 0`);
  });
  if (usable.length === 0) {
    throw new CalibrationError(
      "INVALID_TRAINING_DATA",
      `none of the ${concepts.length} concepts has a value in any of the ${n} rows; compute concept values before calibrating`,
    );
  }
  const regression = { l2, maxIterations: options.maxIterations };

  const fit = (train: Int32Array | null): Fit => {
    const means = usable.map((j) => trainingMean(values[j], present[j], train));
    const columns = usable.map((j, k) => {
      const column = new Float64Array(n);
      for (let i = 0; i < n; i += 1) column[i] = present[j][i] === 1 ? values[j][i] : means[k];
      return column;
    });
    const model = fitLogisticRegressionColumns(columns, outcomes, { ...regression, rows: train ?? undefined });
    return { model, columns, means, ...weightsFrom(model.coefficients) };
  };

  const foldFits: Fit[] = [];
  const foldFit = (train: Int32Array, fold: number): Fit => (foldFits[fold] ??= fit(train));
  const cv = crossValidate(
    outcomes,
    (train, test, fold) => {
      const { model, columns } = foldFit(train, fold);
      return Array.from(test, (row) =>
        columns.reduce((eta, column, k) => eta + model.coefficients[k] * column[row], model.intercept),
      );
    },
    { folds, seed },
  );
  const scoreCv = crossValidate(
    outcomes,
    (train, test, fold) => {
      const { weights, means } = foldFit(train, fold);
      return Array.from(test, (row) => -healthScore(row, weights, means, usable, values, present));
    },
    { folds, seed },
  );

  const final = fit(null);
  const { model } = final;
  const weights: Record<string, number> = {};
  const imputedMeans: Record<string, number> = {};
  const coefficientOf = new Map<string, { coefficient: number; standardized: number; weight: number }>();
  usable.forEach((j, k) => {
    const concept = concepts[j];
    coefficientOf.set(concept, {
      coefficient: model.coefficients[k],
      standardized: model.standardizedCoefficients[k],
      weight: final.weights[k],
    });
    imputedMeans[concept] = final.means[k];
    if (missingRate[concept] > 0) {
      notes.push(
        `${concept}: ${percent(missingRate[concept])} of accounts had no value; the training mean ` +
          `${formatNumber(final.means[k])} stood in for them (in cross-validation, the training folds' mean)`,
      );
    }
    if (model.constant[k]) {
      notes.push(`${concept}: every account has the same value, so it cannot predict the outcome; it gets weight 0`);
    } else if (model.coefficients[k] > 0) {
      notes.push(
        `${concept}: higher values went with the bad outcome (coefficient ${formatNumber(model.coefficients[k])}), ` +
          "so it gets weight 0 — a health score only rewards higher values; check the polarity of its mappings",
      );
    }
  });
  if (final.fallback) {
    notes.push("no concept's higher values went with the good outcome, so the weights fall back to equal");
  }
  if (!model.converged) {
    notes.push(`the regression did not converge in ${model.iterations} iterations; raise l2 or maxIterations`);
  }
  const importance = concepts.map((concept): ConceptImportance => {
    const fitted = coefficientOf.get(concept);
    const coefficient = fitted?.coefficient ?? 0;
    return {
      concept,
      coefficient,
      standardizedCoefficient: fitted?.standardized ?? 0,
      direction: coefficient < 0 ? "HIGHER_IS_BETTER" : coefficient > 0 ? "HIGHER_IS_WORSE" : "NONE",
      weight: fitted?.weight ?? 0,
    };
  });
  for (const item of importance) weights[item.concept] = item.weight;
  importance.sort(
    (a, b) =>
      Math.abs(b.standardizedCoefficient) - Math.abs(a.standardizedCoefficient) || compareText(a.concept, b.concept),
  );

  return {
    weights,
    importance,
    intercept: model.intercept,
    cvAuc: cv.meanAuc,
    foldAucs: cv.foldAucs,
    scoreCvAuc: scoreCv.meanAuc,
    scoreFoldAucs: scoreCv.foldAucs,
    trainingRows: n,
    badOutcomes: outcomes.reduce((sum, outcome) => sum + outcome, 0),
    missingRate,
    imputedMeans,
    converged: model.converged,
    iterations: model.iterations,
    l2,
    folds,
    seed,
    notes,
  };
}

/** Weight ∝ max(0, −β); equal weights when no β is negative. */
function weightsFrom(coefficients: readonly number[]): { weights: number[]; fallback: boolean } {
  const raw = coefficients.map((beta) => Math.max(0, -beta));
  const total = raw.reduce((sum, w) => sum + w, 0);
  if (total > 0) return { weights: raw.map((w) => w / total), fallback: false };
  return { weights: coefficients.map(() => 1 / coefficients.length), fallback: true };
}

/**
 * The health score (0..1) the weights give one account, as scoring does: the weighted mean of the values
 * it has, weights re-normalised over them; with no weighted value at all, the training means stand in.
 */
function healthScore(
  row: number,
  weights: readonly number[],
  means: readonly number[],
  usable: readonly number[],
  values: readonly Float64Array[],
  present: readonly Uint8Array[],
): number {
  let weighted = 0;
  let total = 0;
  usable.forEach((j, k) => {
    if (present[j][row] === 0) return;
    weighted += weights[k] * values[j][row];
    total += weights[k];
  });
  if (total > 0) return weighted / total;
  return usable.reduce((sum, _j, k) => sum + weights[k] * means[k], 0);
}

function trainingMean(values: Float64Array, present: Uint8Array, train: Int32Array | null): number {
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

function percent(share: number): string {
  return `${formatNumber(Math.round(share * 1000) / 10)}%`;
}
