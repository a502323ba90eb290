import { backtest, calibrateWeights, CalibrationResult } from "../../domain/health/calibration/calibrate";
import { CalibrationError } from "../../domain/health/calibration/calibration.errors";
import { DAY_MS } from "../../ontology/bridge/duration";
import { HealthRepository } from "../../graph/health/health.repository";
import { HealthModelVersion } from "./health-model";
import { HealthModels } from "./health-models";
import { BATCH_SIZE } from "./health-recompute";
import { HealthScorer } from "./health-scorer";
import { HealthError } from "./health.errors";

export interface CalibrationRequest {
  badLabels: readonly string[];
  horizonDays: number;
}

/**
 * Learns the weights of a model's top-level concepts from outcomes already on accounts: see
 * `HealthService.calibrate`.
 */
export class HealthCalibration {
  constructor(
    private readonly health: HealthRepository,
    private readonly models: HealthModels,
    private readonly scorerOf: (model: HealthModelVersion) => HealthScorer,
  ) {}

  async calibrate(modelId: string, options: CalibrationRequest) {
    const model = await this.models.get(modelId);
    if (!Number.isInteger(options.horizonDays) || options.horizonDays < 0 || options.horizonDays > 3650) {
      throw new HealthError(
        "CALIBRATION_FAILED",
        `horizonDays must be a whole number of days from 0 to 3650; received ${options.horizonDays}.`,
      );
    }
    const outcomes = await this.health.outcomes(null);
    // One outcome per account: the latest.
    const latest = new Map<string, (typeof outcomes)[number]>();
    for (const o of outcomes) latest.set(o.accountId, o);
    const labelled = [...latest.values()].map((o) => ({
      id: o.accountId,
      asOf: Date.parse(`${o.occurredOn}T00:00:00Z`) - options.horizonDays * DAY_MS,
      outcome: (options.badLabels.includes(o.label) ? 1 : 0) as 0 | 1,
    }));
    if (labelled.length === 0) {
      throw new HealthError(
        "CALIBRATION_FAILED",
        "No account has an outcome yet; send them with setOutcomes, then calibrate.",
      );
    }
    const scorer = this.scorerOf(model);
    const rows: Array<{ features: Record<string, number | null>; outcome: 0 | 1; oldScore: number | null }> = [];
    for (let i = 0; i < labelled.length; i += BATCH_SIZE) {
      const batch = labelled.slice(i, i + BATCH_SIZE);
      const results = await scorer.score(batch, { evidence: false });
      for (const account of batch) {
        const result = results.get(account.id)!;
        const features = Object.fromEntries(
          result.explanation.children.filter((c) => c.kind === "CONCEPT").map((c) => [c.id, c.value]),
        );
        rows.push({ features, outcome: account.outcome, oldScore: result.score });
      }
    }
    const concepts = [...new Set(rows.flatMap((r) => Object.keys(r.features)))].sort();
    let fit: CalibrationResult;
    try {
      fit = calibrateWeights(rows, { concepts });
    } catch (error) {
      if (error instanceof CalibrationError)
        throw new HealthError("CALIBRATION_FAILED", `Calibration failed: ${error.message}`);
      throw error;
    }
    const newScores = rows.map((row) => weightedScore(row.features, fit.weights));
    const comparison = backtest(
      rows.map((r) => r.oldScore),
      newScores,
      rows.map((r) => r.outcome),
    );
    const calibration = {
      fromVersion: model.version,
      badLabels: [...options.badLabels],
      horizonDays: options.horizonDays,
      cvAuc: fit.cvAuc,
      scoreCvAuc: fit.scoreCvAuc,
      trainingRows: fit.trainingRows,
      badOutcomes: fit.badOutcomes,
      importance: fit.importance,
      backtest: comparison,
      notes: fit.notes,
    };
    const version = await this.models.define(model.modelId, {
      ...model,
      weights: { ...model.weights, ...fit.weights },
      source: "CALIBRATED",
      calibration,
    });
    return { model: version, fit, backtest: comparison };
  }
}

/** A score from top-level concept values and weights, with the same missing-data policy as scoring. */
function weightedScore(
  features: Readonly<Record<string, number | null>>,
  weights: Readonly<Record<string, number>>,
): number | null {
  let total = 0;
  let weight = 0;
  for (const [concept, value] of Object.entries(features)) {
    const w = weights[concept] ?? 0;
    if (value === null || w === 0) continue;
    total += w * value;
    weight += w;
  }
  return weight === 0 ? null : (100 * total) / weight;
}
