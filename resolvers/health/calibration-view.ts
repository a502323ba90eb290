import { HealthService } from "../../services/health/health.service";
import { CalibrationReport } from "./calibration.type";
import { healthModelView } from "./health-view";

/** A calibration as the API reports it. */
export function calibrationReportView(
  calibrated: Awaited<ReturnType<HealthService["calibrate"]>>,
  dryRun: boolean,
): CalibrationReport {
  const { model, fit, backtest } = calibrated;
  return {
    model: model === null ? null : healthModelView(model),
    dryRun,
    fromVersion: calibrated.fromVersion,
    cvAuc: fit.cvAuc,
    foldAucs: fit.foldAucs,
    scoreCvAuc: fit.scoreCvAuc,
    scoreCvAucKeepingPolarity: fit.scoreCvAucKeepingPolarity,
    scoreCvAucFollowingData: fit.scoreCvAucFollowingData,
    trainingRows: fit.trainingRows,
    badOutcomes: fit.badOutcomes,
    l2: fit.l2,
    folds: fit.folds,
    seed: fit.seed,
    polarity: fit.polarity,
    importance: fit.importance,
    polarityConflicts: fit.polarityConflicts,
    reversedConcepts: calibrated.reversedConcepts,
    categories: fit.categories,
    backtest,
    notes: fit.notes,
  };
}
