import { compareText } from "../health-tree";
import { buildDesign, CalibrationRow, columnLayout, Design, imputedColumns } from "./calibration-design";
import { CalibrationError } from "./calibration.errors";
import { rowScorer, ScoreModel, scoreModel, TrainingStats, trainingStats, versionScores } from "./calibration-weights";
import { crossValidate, CrossValidationOptions, DEFAULT_FOLDS, DEFAULT_SEED } from "./cross-validate";
import {
  DEFAULT_L2,
  fitLogisticRegressionColumns,
  LogisticRegressionModel,
  LogisticRegressionOptions,
} from "./logistic-regression";
import { CategoryCalibration, describeCategory, PolarityChoice, PolarityConflict } from "./calibration-report";
import { fitNotes } from "./calibration-notes";

export { backtest } from "./backtest";
export type { BacktestResult } from "./backtest";
export type { CalibrationRow } from "./calibration-design";
export type { CategoryCalibration, LevelCalibration, PolarityChoice, PolarityConflict } from "./calibration-report";

export interface CalibrationOptions
  extends CrossValidationOptions, Pick<LogisticRegressionOptions, "l2" | "maxIterations"> {
  /** The concepts to weigh, in any order; default every concept that appears in a row. */
  concepts?: readonly string[];
  /**
   * Categorical concepts with their declared levels: their features are level names, and each level is
   * a feature of its own (see `scoreModel`).
   */
  categories?: Readonly<Record<string, readonly string[]>>;
  /** Default KEEP. */
  polarity?: PolarityChoice;
}

/** How a concept's value relates to the outcome in the fit; BY_LEVEL for a categorical concept. */
export type ImportanceDirection = "HIGHER_IS_BETTER" | "HIGHER_IS_WORSE" | "NONE" | "BY_LEVEL";

export interface ConceptImportance {
  concept: string;
  /**
   * Change in the log-odds of the bad outcome per unit (0..1 scale) of the concept's value, as the model
   * version calibrated from reads it. For a categorical concept: the gap between its levels' highest and
   * lowest coefficients.
   */
  coefficient: number;
  /**
   * The same per standard deviation of the concept's value: comparable across concepts. For a
   * categorical concept: the standard deviation of its levels' coefficients over the accounts (≥ 0).
   */
  standardizedCoefficient: number;
  /** HIGHER_IS_BETTER when higher values went with the good outcome (a negative coefficient). */
  direction: ImportanceDirection;
  /** The weight the concept gets. */
  weight: number;
  /** Whether the new weights read the concept reversed (1 − value): polarity FOLLOW_DATA. */
  reversed: boolean;
}

export interface CalibrationResult {
  /** Concept id → weight: non-negative, summing to 1 (see `scoreModel`). */
  weights: Record<string, number>;
  /** Every concept, by |standardizedCoefficient| descending, then id. */
  importance: ConceptImportance[];
  /** Log-odds of the bad outcome at all concept values 0 (and every category at its reference level). */
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
  /** The score's cross-validated AUC with concepts of opposite effect at weight 0 (polarity KEEP). */
  scoreCvAucKeepingPolarity: number;
  /** The same with those concepts read reversed (polarity FOLLOW_DATA). */
  scoreCvAucFollowingData: number;
  polarity: PolarityChoice;
  /** Concepts the new weights read reversed (1 − value). Sorted. */
  reversed: string[];
  /** Concepts whose higher values went with the bad outcome, strongest first. */
  polarityConflicts: PolarityConflict[];
  /** Per categorical concept: each level's coefficient and learned value. */
  categories: CategoryCalibration[];
  /** The 0..100 score the new weights give each row (in order), null when no weighted concept has a value. */
  scores: Array<number | null>;
  trainingRows: number;
  /** Rows with outcome 1. */
  badOutcomes: number;
  /** Concept id → share of rows without a value. */
  missingRate: Record<string, number>;
  /** Continuous concept id → the training mean that replaced missing values in the final fit. */
  imputedMeans: Record<string, number>;
  converged: boolean;
  iterations: number;
  l2: number;
  folds: number;
  seed: number;
  /** What the numbers do not show: imputation, concepts left out, clipped to weight 0 or reversed, fallbacks. */
  notes: string[];
}

interface Fit {
  model: LogisticRegressionModel;
  columns: Float64Array[];
  stats: TrainingStats;
}

/** Seeds must be whole numbers a 32-bit generator can start from. */
const MAX_SEED = 2 ** 32 - 1;

/**
 * Learns concept weights for a health model from accounts' outcomes.
 *
 * Fits an L2-regularised logistic regression of the bad outcome on the concept values (see
 * `fitLogisticRegression`), with missing values replaced by the training mean of their concept (in
 * cross-validation, the mean of the training folds only, so no information leaks from the held-out fold).
 * A categorical concept enters as one indicator per level but the most common one.
 *
 * Weights (see `scoreModel`): weight ∝ max(0, −β), β the coefficient on the concepts' own 0..1 scale,
 * normalised to sum to 1. A health score is a weighted mean of concept values, and its ranking of
 * accounts equals the ranking by the fitted log-odds exactly when the weights are proportional to −β on
 * that same scale; so when every coefficient is negative, the calibrated score separates the outcomes
 * exactly as well as the regression (ROC AUC is a ranking measure). Standardised coefficients (−β·sd)
 * would instead favour concepts that vary a lot; they are reported as importance, not used as weights.
 * A concept whose higher values went with the bad outcome (β > 0) is a polarity conflict: with polarity
 * KEEP it gets weight 0, since a health score only rewards higher values; with FOLLOW_DATA the weights
 * read it reversed. Either way the report says what each choice scores (cross-validated), per concept.
 *
 * @throws CalibrationError INVALID_TRAINING_DATA for malformed rows or no usable concept;
 *   TOO_FEW_OUTCOMES when an outcome has fewer rows than there are folds; INVALID_OPTION.
 */
export function calibrateWeights(rows: readonly CalibrationRow[], options: CalibrationOptions = {}): CalibrationResult {
  const folds = options.folds ?? DEFAULT_FOLDS;
  const seed = options.seed ?? DEFAULT_SEED;
  const l2 = options.l2 ?? DEFAULT_L2;
  const polarity = options.polarity ?? "KEEP";
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new CalibrationError("INVALID_OPTION", `seed must be a whole number from 0 to ${MAX_SEED}; received ${seed}`);
  }
  if (polarity !== "KEEP" && polarity !== "FOLLOW_DATA") {
    throw new CalibrationError("INVALID_OPTION", `polarity must be KEEP or FOLLOW_DATA; received ${String(polarity)}`);
  }
  const design = buildDesign(rows, options.concepts, options.categories ?? {});
  const n = design.rows;
  const notes: string[] = [];
  const missingRate: Record<string, number> = {};
  const usable: number[] = [];
  design.features.forEach((f, j) => {
    missingRate[f.concept] = (n - f.count) / n;
    if (f.count === 0) notes.push(`${f.concept}: no account has a value, so it cannot be learned; it gets weight 0`);
    else if (f.kind === "CATEGORICAL" && f.levels.length < 2) {
      notes.push(`${f.concept}: every account with a value has the level "${f.levels[0]}", so it gets weight 0`);
    } else usable.push(j);
  });
  if (usable.length === 0) {
    throw new CalibrationError(
      "INVALID_TRAINING_DATA",
      `none of the ${design.features.length} concepts has a value in any of the ${n} rows; compute concept values before calibrating`,
    );
  }
  const layout = columnLayout(design, usable);
  const regression = { l2, maxIterations: options.maxIterations };
  const fit = (train: Int32Array | null): Fit => {
    const columns = imputedColumns(design, layout, train);
    const model = fitLogisticRegressionColumns(columns, design.outcomes, { ...regression, rows: train ?? undefined });
    return { model, columns, stats: trainingStats(design, usable, train) };
  };
  const foldFits: Fit[] = [];
  const foldFit = (train: Int32Array, fold: number): Fit => (foldFits[fold] ??= fit(train));
  const cv = crossValidate(
    design.outcomes,
    (train, test, fold) => {
      const { model, columns } = foldFit(train, fold);
      return Array.from(test, (row) =>
        columns.reduce((eta, column, k) => eta + model.coefficients[k] * column[row], model.intercept),
      );
    },
    { folds, seed },
  );
  const toScore = (f: Fit, reverse: (feature: number) => boolean) =>
    scoreModel(design, usable, layout, f.model, f.stats, reverse);
  /** The score's cross-validated AUC when `reverse` picks the conflicting features to read reversed. */
  const scoreCv = (reverse: (feature: number) => boolean) =>
    crossValidate(
      design.outcomes,
      (train, test, fold) => {
        const score = rowScorer(design, usable, toScore(foldFit(train, fold), reverse));
        return Array.from(test, (row) => -score(row));
      },
      { folds, seed },
    );
  const keeping = scoreCv(() => false);
  // Without a conflicting coefficient in any fold, reading conflicts reversed changes nothing.
  const anyConflict = foldFits.some((f) => toScore(f, () => true).reversed.some(Boolean));
  const following = anyConflict ? scoreCv(() => true) : keeping;

  const final = fit(null);
  const chosen = toScore(final, () => polarity === "FOLLOW_DATA");
  const followed = polarity === "FOLLOW_DATA" ? chosen : toScore(final, () => true);
  const polarityConflicts = usable
    .map((feature, k) => ({ feature, k, beta: chosen.coefficients[k] }))
    .filter(({ k, beta }) => beta !== null && beta > 0 && followed.reversed[k])
    .map(({ feature, k, beta }): PolarityConflict => {
      const alone = scoreCv((f) => f === feature).meanAuc;
      return {
        concept: design.features[feature].concept,
        coefficient: beta!,
        standardizedCoefficient: final.model.standardizedCoefficients[layout.findIndex((c) => c.feature === feature)],
        weightIfReversed: followed.weights[k],
        scoreCvAucIfReversed: alone,
        aucCost: alone - keeping.meanAuc,
      };
    })
    .sort((a, b) => b.standardizedCoefficient - a.standardizedCoefficient || compareText(a.concept, b.concept));

  const importance = importanceOf(design, usable, layout, final.model, chosen);
  const categories = usable.flatMap((feature, k) => {
    const f = design.features[feature];
    return f.kind === "CATEGORICAL" ? [describeCategory(f, chosen, k)] : [];
  });
  notes.push(...fitNotes(design, usable, final, chosen, polarity, keeping.meanAuc, following.meanAuc));
  const weights: Record<string, number> = {};
  for (const item of importance) weights[item.concept] = item.weight;
  importance.sort(
    (a, b) =>
      Math.abs(b.standardizedCoefficient) - Math.abs(a.standardizedCoefficient) || compareText(a.concept, b.concept),
  );
  const scoreResult = polarity === "FOLLOW_DATA" ? following : keeping;
  const imputedMeans: Record<string, number> = {};
  usable.forEach((feature, k) => {
    const f = design.features[feature];
    if (f.kind === "CONTINUOUS") imputedMeans[f.concept] = chosen.reversed[k] ? 1 - chosen.means[k] : chosen.means[k];
  });
  return {
    weights,
    importance,
    intercept: final.model.intercept,
    cvAuc: cv.meanAuc,
    foldAucs: cv.foldAucs,
    scoreCvAuc: scoreResult.meanAuc,
    scoreFoldAucs: scoreResult.foldAucs,
    scoreCvAucKeepingPolarity: keeping.meanAuc,
    scoreCvAucFollowingData: following.meanAuc,
    polarity,
    reversed: usable.filter((_, k) => chosen.reversed[k]).map((feature) => design.features[feature].concept),
    polarityConflicts,
    categories,
    scores: versionScores(design, usable, chosen),
    trainingRows: n,
    badOutcomes: design.outcomes.reduce((sum, outcome) => sum + outcome, 0),
    missingRate,
    imputedMeans,
    converged: final.model.converged,
    iterations: final.model.iterations,
    l2,
    folds,
    seed,
    notes,
  };
}

function importanceOf(
  design: Design,
  usable: readonly number[],
  layout: ReturnType<typeof columnLayout>,
  model: LogisticRegressionModel,
  chosen: ScoreModel,
): ConceptImportance[] {
  const position = new Map(usable.map((feature, k) => [feature, k]));
  return design.features.map((f, feature): ConceptImportance => {
    const k = position.get(feature);
    const none = { concept: f.concept, coefficient: 0, standardizedCoefficient: 0, direction: "NONE" as const };
    if (k === undefined) return { ...none, weight: 0, reversed: false };
    const weight = chosen.weights[k];
    if (f.kind === "CATEGORICAL") {
      const betas = chosen.levelCoefficients[k]!;
      const shares = f.counts.map((count) => count / f.count);
      const mean = betas.reduce((sum, beta, j) => sum + shares[j] * beta, 0);
      const spread = Math.sqrt(betas.reduce((sum, beta, j) => sum + shares[j] * (beta - mean) ** 2, 0));
      const gap = Math.max(...betas) - Math.min(...betas);
      return {
        ...none,
        coefficient: gap,
        standardizedCoefficient: spread,
        direction: "BY_LEVEL",
        weight,
        reversed: false,
      };
    }
    const column = layout.findIndex((c) => c.feature === feature);
    const coefficient = model.coefficients[column];
    return {
      concept: f.concept,
      coefficient,
      standardizedCoefficient: model.standardizedCoefficients[column],
      direction: coefficient < 0 ? "HIGHER_IS_BETTER" : coefficient > 0 ? "HIGHER_IS_WORSE" : "NONE",
      weight,
      reversed: chosen.reversed[k],
    };
  });
}
