import { CalibrationError } from "./calibration.errors";
import { rocAuc } from "./roc-auc";

/** How well two versions of a health model separated the same accounts' outcomes. */
export interface BacktestResult {
  /** ROC AUC of the old scores for predicting outcome 1 (lower score = riskier); null if not computable. */
  oldAuc: number | null;
  newAuc: number | null;
  /** Accounts scored by both versions: the ones compared. */
  accounts: number;
  /** Accounts left out because one of the versions had no score for them. */
  skipped: number;
}

/**
 * Compares two versions' scores on the same accounts: the ROC AUC of each for predicting the outcome
 * (1 = bad, e.g. churned), reading a lower score as riskier. Only accounts with a score from both
 * versions are compared, so neither version is judged on accounts the other could not score. The AUCs
 * are null when those accounts do not include both outcomes.
 *
 * @throws CalibrationError INVALID_TRAINING_DATA when the three lists differ in length.
 */
export function backtest(
  scoresOld: ReadonlyArray<number | null>,
  scoresNew: ReadonlyArray<number | null>,
  outcomes: ReadonlyArray<0 | 1>,
): BacktestResult {
  if (scoresOld.length !== outcomes.length || scoresNew.length !== outcomes.length) {
    throw new CalibrationError(
      "INVALID_TRAINING_DATA",
      `a backtest needs one old score, one new score and one outcome per account; received ` +
        `${scoresOld.length}, ${scoresNew.length} and ${outcomes.length}`,
    );
  }
  const risksOld: number[] = [];
  const risksNew: number[] = [];
  const compared: number[] = [];
  outcomes.forEach((outcome, i) => {
    const old = scoresOld[i];
    const next = scoresNew[i];
    if (typeof old !== "number" || typeof next !== "number" || !Number.isFinite(old) || !Number.isFinite(next)) return;
    risksOld.push(-old);
    risksNew.push(-next);
    compared.push(outcome);
  });
  const positives = compared.reduce<number>((sum, outcome) => sum + outcome, 0);
  const computable = positives > 0 && positives < compared.length;
  return {
    oldAuc: computable ? rocAuc(risksOld, compared) : null,
    newAuc: computable ? rocAuc(risksNew, compared) : null,
    accounts: compared.length,
    skipped: outcomes.length - compared.length,
  };
}
