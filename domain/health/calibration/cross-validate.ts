import { CalibrationError } from "./calibration.errors";
import { rocAuc } from "./roc-auc";
import { seededRandom, shuffleInPlace } from "./seeded-random";

export interface CrossValidationOptions {
  /** Number of folds; default 5. */
  folds?: number;
  /** Seed of the fold assignment; default 1. The same seed gives the same folds. */
  seed?: number;
}

export interface CrossValidationResult {
  /** Mean of the per-fold AUCs. */
  meanAuc: number;
  /** Held-out ROC AUC of each fold, in fold order. */
  foldAucs: number[];
}

/**
 * Scores the held-out rows of one fold: fit on `train` (row indices), return one risk score per row of
 * `test`, in that order (higher = more likely outcome 1).
 */
export type FoldScorer = (train: Int32Array, test: Int32Array, fold: number) => ArrayLike<number>;

export const DEFAULT_FOLDS = 5;
export const DEFAULT_SEED = 1;

/**
 * Assigns each row to one of `folds` folds so that every fold has the same share of each outcome (to
 * within one row): each outcome's rows are shuffled with the seed and dealt round-robin, the second
 * outcome continuing where the first stopped so fold sizes stay balanced too.
 *
 * @throws CalibrationError TOO_FEW_OUTCOMES when an outcome has fewer rows than there are folds.
 */
export function stratifiedFolds(
  outcomes: ArrayLike<number>,
  folds: number = DEFAULT_FOLDS,
  seed = DEFAULT_SEED,
): Int32Array {
  checkFolds(folds);
  const byOutcome: [number[], number[]] = [[], []];
  for (let i = 0; i < outcomes.length; i += 1) {
    const outcome = outcomes[i];
    if (outcome !== 0 && outcome !== 1) {
      throw new CalibrationError("INVALID_TRAINING_DATA", `outcomes must be 0 or 1; row ${i} has ${String(outcome)}`);
    }
    byOutcome[outcome].push(i);
  }
  for (const outcome of [0, 1] as const) {
    if (byOutcome[outcome].length < folds) {
      throw new CalibrationError(
        "TOO_FEW_OUTCOMES",
        `${folds}-fold cross-validation needs at least ${folds} accounts of each outcome; ` +
          `received ${byOutcome[1].length} with outcome 1 and ${byOutcome[0].length} with outcome 0. ` +
          "Label more accounts or use fewer folds",
      );
    }
  }
  const random = seededRandom(seed);
  const assignment = new Int32Array(outcomes.length);
  let next = 0;
  for (const rows of [byOutcome[1], byOutcome[0]]) {
    for (const row of shuffleInPlace(rows, random)) {
      assignment[row] = next;
      next = (next + 1) % folds;
    }
  }
  return assignment;
}

/**
 * Stratified k-fold cross-validation of a scoring procedure: for each fold, `scoreFold` is fitted on the
 * other folds and scores the held-out one, and the ROC AUC of those scores is recorded. Deterministic for
 * a given seed.
 */
export function crossValidate(
  outcomes: ArrayLike<number>,
  scoreFold: FoldScorer,
  options: CrossValidationOptions = {},
): CrossValidationResult {
  const folds = options.folds ?? DEFAULT_FOLDS;
  const assignment = stratifiedFolds(outcomes, folds, options.seed ?? DEFAULT_SEED);
  const foldAucs: number[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const train: number[] = [];
    const test: number[] = [];
    assignment.forEach((f, row) => (f === fold ? test : train).push(row));
    const testRows = Int32Array.from(test);
    const scores = scoreFold(Int32Array.from(train), testRows, fold);
    if (scores.length !== testRows.length) {
      throw new Error(`fold ${fold}: the scorer returned ${scores.length} scores for ${testRows.length} rows`);
    }
    foldAucs.push(
      rocAuc(
        scores,
        Array.from(testRows, (row) => outcomes[row]),
      ),
    );
  }
  return { meanAuc: foldAucs.reduce((sum, auc) => sum + auc, 0) / folds, foldAucs };
}

function checkFolds(folds: number): void {
  if (!Number.isInteger(folds) || folds < 2) {
    throw new CalibrationError("INVALID_OPTION", `folds must be a whole number ≥ 2; received ${String(folds)}`);
  }
}
