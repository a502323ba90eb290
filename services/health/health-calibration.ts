import {
  backtest,
  calibrateWeights,
  CalibrationResult,
  CalibrationRow,
  PolarityChoice,
} from "../../domain/health/calibration/calibrate";
import { CalibrationError } from "../../domain/health/calibration/calibration.errors";
import { DEFAULT_FOLDS, DEFAULT_SEED } from "../../domain/health/calibration/cross-validate";
import { DEFAULT_L2 } from "../../domain/health/calibration/logistic-regression";
import { HealthMapping } from "../../domain/health/health-tree";
import { ExplanationNode } from "../../domain/health/score-account";
import { DAY_MS } from "../../ontology/bridge/duration";
import { OTHER_LEVEL } from "../../ontology/model/mapping.model";
import { HealthRepository } from "../../graph/health/health.repository";
import { CategoryLevelValues, HealthModelVersion } from "./health-model";
import { HealthModels } from "./health-models";
import { BATCH_SIZE } from "./health-recompute";
import { HealthScorer } from "./health-scorer";
import { HealthError } from "./health.errors";
import { OUTCOME_LABELS } from "./outcomes-and-measures";

export interface CalibrationRequest {
  badLabels: readonly string[];
  horizonDays: number;
  /** L2 penalty of the regression (see `LogisticRegressionOptions.l2`). */
  l2: number;
  folds: number;
  /** Seed of the fold assignment: the same seed, the same folds. */
  seed: number;
  polarity: PolarityChoice;
  /** Report everything, create no model version. */
  dryRun: boolean;
}

/** The options calibration takes when a caller leaves them out: those it always used. */
export const CALIBRATION_DEFAULTS = {
  badLabels: ["CHURNED", "DOWNGRADED"],
  horizonDays: 90,
  l2: DEFAULT_L2,
  folds: DEFAULT_FOLDS,
  seed: DEFAULT_SEED,
  polarity: "KEEP",
  dryRun: false,
} as const satisfies CalibrationRequest;

const MAX_HORIZON_DAYS = 3650;
const MAX_L2 = 1000;
const MAX_FOLDS = 20;
/** GraphQL's Int is 32-bit signed. */
const MAX_SEED = 2_147_483_647;

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
    const problems = optionProblems(options);
    if (problems.length > 0) {
      throw new HealthError("INVALID_ARGUMENT", `Invalid calibration options: ${problems.join("; ")}.`);
    }
    const model = await this.models.get(modelId);
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
    const categories = await scorer.topLevelCategories();
    const rows: Array<CalibrationRow & { oldScore: number | null }> = [];
    for (let i = 0; i < labelled.length; i += BATCH_SIZE) {
      const batch = labelled.slice(i, i + BATCH_SIZE);
      const results = await scorer.score(batch, { evidence: false });
      for (const account of batch) {
        const result = results.get(account.id)!;
        rows.push({
          features: features(result.explanation, categories),
          outcome: account.outcome,
          oldScore: result.score,
        });
      }
    }
    if (rows.every((row) => Object.values(row.features).every((value) => value === null))) {
      throw noDataAtCutOffs(model, labelled, options.horizonDays);
    }
    const concepts = [...new Set(rows.flatMap((r) => Object.keys(r.features)))].sort();
    let fit: CalibrationResult;
    try {
      fit = calibrateWeights(rows, {
        concepts,
        categories: Object.fromEntries([...categories].map(([concept, mapping]) => [concept, declaredLevels(mapping)])),
        l2: options.l2,
        folds: options.folds,
        seed: options.seed,
        polarity: options.polarity,
      });
    } catch (error) {
      if (error instanceof CalibrationError)
        throw new HealthError("CALIBRATION_FAILED", `Calibration failed: ${error.message}`);
      throw error;
    }
    const comparison = backtest(
      rows.map((r) => r.oldScore),
      fit.scores,
      rows.map((r) => r.outcome),
    );
    const reversedConcepts =
      options.polarity === "FOLLOW_DATA" ? toggled(model.reversedConcepts, fit.reversed) : model.reversedConcepts;
    const categoryLevels = { ...model.categoryLevels, ...learnedLevels(fit, categories) };
    const calibration = {
      fromVersion: model.version,
      badLabels: [...options.badLabels],
      horizonDays: options.horizonDays,
      l2: fit.l2,
      folds: fit.folds,
      seed: fit.seed,
      polarity: fit.polarity,
      cvAuc: fit.cvAuc,
      scoreCvAuc: fit.scoreCvAuc,
      scoreCvAucKeepingPolarity: fit.scoreCvAucKeepingPolarity,
      scoreCvAucFollowingData: fit.scoreCvAucFollowingData,
      trainingRows: fit.trainingRows,
      badOutcomes: fit.badOutcomes,
      importance: fit.importance,
      polarityConflicts: fit.polarityConflicts,
      categories: fit.categories,
      backtest: comparison,
      notes: fit.notes,
    };
    const version = options.dryRun
      ? null
      : await this.models.define(model.modelId, {
          ...model,
          weights: { ...model.weights, ...fit.weights },
          source: "CALIBRATED",
          calibration,
          reversedConcepts,
          categoryLevels,
        });
    return { model: version, fromVersion: model.version, fit, backtest: comparison, reversedConcepts };
  }
}

/** Every problem of the options, each saying what is allowed. */
function optionProblems(options: CalibrationRequest): string[] {
  const problems: string[] = [];
  const whole = (value: number, name: string, min: number, max: number, unit = "") => {
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push(`${name} must be a whole number${unit} from ${min} to ${max}; received ${value}`);
  };
  whole(options.horizonDays, "horizonDays", 0, MAX_HORIZON_DAYS, " of days");
  whole(options.folds, "folds", 2, MAX_FOLDS);
  whole(options.seed, "seed", 0, MAX_SEED);
  if (!Number.isFinite(options.l2) || options.l2 < 0 || options.l2 > MAX_L2)
    problems.push(`l2 must be a number from 0 to ${MAX_L2} (default ${DEFAULT_L2}); received ${options.l2}`);
  if (options.badLabels.length === 0) problems.push("badLabels must name at least one outcome label");
  const unknown = options.badLabels.filter((label) => !(OUTCOME_LABELS as readonly string[]).includes(label));
  if (unknown.length > 0)
    problems.push(`badLabels has ${unknown.join(", ")}; outcome labels are ${OUTCOME_LABELS.join(", ")}`);
  return problems;
}

/**
 * An account's features: each top-level concept's value, or for a categorical concept the level its
 * category mapping read (OTHER_LEVEL for a value that is not a level, when the mapping has a default).
 */
function features(
  explanation: ExplanationNode,
  categories: ReadonlyMap<string, HealthMapping>,
): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const child of explanation.children) {
    if (child.kind !== "CONCEPT") continue;
    const mapping = categories.get(child.id);
    out[child.id] = mapping === undefined ? child.value : levelOf(child, mapping);
  }
  return out;
}

function levelOf(concept: ExplanationNode, mapping: HealthMapping): string | null {
  const find = (node: ExplanationNode): ExplanationNode | null =>
    node.kind === "MAPPING" && node.id === mapping.key ? node : (node.children.map(find).find((n) => n) ?? null);
  const value = find(concept)?.mapping?.aggregate?.value;
  if (typeof value !== "string" || mapping.transform.kind !== "category") return null;
  if (Object.hasOwn(mapping.transform.levels, value)) return value;
  return mapping.transform.default === null || mapping.transform.default === undefined ? null : OTHER_LEVEL;
}

function declaredLevels(mapping: HealthMapping): string[] {
  if (mapping.transform.kind !== "category") return [];
  const { levels, default: fallback } = mapping.transform;
  return [...Object.keys(levels), ...(fallback === null || fallback === undefined ? [] : [OTHER_LEVEL])];
}

/** The level values the fit learned, per categorical concept, as a model version stores them. */
function learnedLevels(
  fit: CalibrationResult,
  categories: ReadonlyMap<string, HealthMapping>,
): Record<string, CategoryLevelValues> {
  const out: Record<string, CategoryLevelValues> = {};
  for (const category of fit.categories) {
    const mapping = categories.get(category.concept)!;
    const valueOf = new Map(category.levels.map((l) => [l.level, l.value]));
    out[category.concept] = {
      system: mapping.system,
      field: mapping.field,
      values: Object.fromEntries(
        declaredLevels(mapping).flatMap((l) => (l === OTHER_LEVEL ? [] : [[l, valueOf.get(l)!]])),
      ),
      other: valueOf.get(OTHER_LEVEL) ?? null,
    };
  }
  return out;
}

/** `current` with each of `flips` added when absent and removed when present; sorted. */
function toggled(current: readonly string[], flips: readonly string[]): string[] {
  const result = new Set(current);
  for (const concept of flips) {
    if (result.has(concept)) result.delete(concept);
    else result.add(concept);
  }
  return [...result].sort();
}

/** The error when no labelled account has data at its cut-off: which cut-offs, how many, what to do. */
function noDataAtCutOffs(
  model: HealthModelVersion,
  labelled: ReadonlyArray<{ asOf: number }>,
  horizonDays: number,
): HealthError {
  const days = [...new Set(labelled.map((a) => new Date(a.asOf).toISOString().slice(0, 10)))].sort();
  const cutOffs =
    days.length === 1
      ? `the cut-off ${days[0]}`
      : `${days.length} cut-offs from ${days[0]} to ${days[days.length - 1]}`;
  const smaller =
    horizonDays > 0
      ? `calibrate with a smaller horizonDays (0 reads the signals up to each outcome date)`
      : "check that the signals are mapped to the model's concepts";
  return new HealthError(
    "CALIBRATION_FAILED",
    `None of the ${labelled.length} labelled accounts has a signal of model "${model.modelId}" in its mappings' ` +
      `windows before its cut-off (the outcome date minus horizonDays ${horizonDays}: ${cutOffs}), so there is ` +
      `nothing to learn from. Either ${smaller}, or send signals observed before the cut-offs.`,
  );
}
