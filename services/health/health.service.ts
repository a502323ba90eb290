import { randomUUID } from "node:crypto";
import { Clock, systemClock } from "../../domain/time/clock";
import { CursorKey } from "../../domain/pagination/cursor";
import { backtest, calibrateWeights, CalibrationResult } from "../../domain/health/calibration/calibrate";
import { CalibrationError } from "../../domain/health/calibration/calibration.errors";
import { DAY_MS } from "../../ontology/bridge/duration";
import { nodeId } from "../../domain/ids/node-id";
import { firstProblem, isoDate, oneOf, requiredText, sourceSystemKey } from "../../domain/ingest/field-rules";
import { IngestResult, summarizeIngest } from "../../domain/ingest/ingest-result";
import { validateBatch } from "../../domain/ingest/validate-batch";
import { AccountRef } from "../../domain/records";
import { AccountHealthScore } from "../../domain/health/score-account";
import { conceptContributions } from "../../domain/health/stored-explanation";
import { HealthRepository, ScoreWrite, StoredScore } from "../../graph/health/health.repository";
import { OntologyRepository } from "../../graph/ontology/ontology.repository";
import {
  DEFAULT_MODEL,
  DEFAULT_MODEL_ID,
  fromVersionProps,
  healthModelProblems,
  HealthModelSpec,
  HealthModelVersion,
  toVersionProps,
} from "./health-model";
import { scoreId, HealthScorer } from "./health-scorer";
import { PopulationCache } from "./population-cache";
import { HealthError } from "./health.errors";

export interface RecomputeResult {
  runId: string;
  /** True when an interrupted run was picked up where it stopped. */
  resumed: boolean;
  incremental: boolean;
  processed: number;
  scored: number;
  modelId: string;
  version: number;
}

export interface LiveHealth {
  accountId: string;
  model: HealthModelVersion;
  result: AccountHealthScore;
  computedAt: string;
  asOf: string;
}

const BATCH_SIZE = 500;

/** Outcome labels integrators send; CHURNED and DOWNGRADED are the bad outcomes calibration learns from. */
export const OUTCOME_LABELS = ["CHURNED", "RENEWED", "EXPANDED", "DOWNGRADED"] as const;

/**
 * Health models (versioned), scoring on request and in batch, history, at-risk lists and distributions
 * for one tenant. Scores are computed by {@link HealthScorer} from aggregates computed in Cypher.
 */
export class HealthService {
  private readonly scorers = new Map<string, HealthScorer>();

  constructor(
    private readonly health: HealthRepository,
    private readonly ontology: OntologyRepository,
    private readonly clock: Clock = systemClock,
    /** Percentile populations shared by this process's on-request scores (see {@link PopulationCache}). */
    private readonly populations: { cache: PopulationCache; tenant: string } | null = null,
  ) {}

  /** Every version of every model; the tenant's default model is created on first use. */
  async models(): Promise<HealthModelVersion[]> {
    await this.ensureDefaultModel();
    return (await this.health.modelVersions(null)).map(fromVersionProps);
  }

  /** The active version of a model (or a named version). */
  async model(modelId: string, version: number | null = null): Promise<HealthModelVersion> {
    if (modelId === DEFAULT_MODEL_ID) await this.ensureDefaultModel();
    const versions = (await this.health.modelVersions(modelId)).map(fromVersionProps);
    const found = version === null ? versions.find((v) => v.active) : versions.find((v) => v.version === version);
    if (!found) {
      throw new HealthError(
        "MODEL_NOT_FOUND",
        `There is no health model "${modelId}"${version === null ? "" : ` version ${version}`}; list them with healthModels.`,
      );
    }
    return found;
  }

  async versions(modelId: string): Promise<HealthModelVersion[]> {
    return (await this.health.modelVersions(modelId)).map(fromVersionProps);
  }

  /** Creates a model, or a new version of it; scores computed earlier keep pointing at their version. */
  async defineModel(modelId: string, spec: HealthModelSpec): Promise<HealthModelVersion> {
    const problems = healthModelProblems(modelId, spec);
    const [root] = await this.ontology.conceptsByIds([spec.rootConcept]);
    if (!root) problems.push(`rootConcept "${spec.rootConcept}" is not a concept; find one with the concepts query`);
    if (problems.length > 0)
      throw new HealthError("INVALID_MODEL", `The health model is invalid: ${problems.join("; ")}.`);
    const version = await this.health.saveModelVersion(modelId, toVersionProps(spec), this.clock().toISOString());
    return this.model(modelId, version);
  }

  private async ensureDefaultModel(): Promise<void> {
    const existing = await this.health.modelVersions(DEFAULT_MODEL_ID);
    if (existing.length === 0)
      await this.health.saveModelVersion(DEFAULT_MODEL_ID, toVersionProps(DEFAULT_MODEL), this.clock().toISOString());
  }

  /** A scorer of `model`; `onRequest` scorers may rank against populations read by earlier requests. */
  private scorer(model: HealthModelVersion, onRequest = false): HealthScorer {
    const key = `${model.modelId}@${model.version}${onRequest ? ":request" : ""}`;
    const scorer =
      this.scorers.get(key) ?? new HealthScorer(model, this.health, this.ontology, onRequest ? this.populations : null);
    this.scorers.set(key, scorer);
    return scorer;
  }

  /** Scores accounts now, without storing anything (explanations list their signals when `evidence`). */
  async scoreNow(accountIds: readonly string[], modelId: string, evidence: boolean): Promise<LiveHealth[]> {
    const model = await this.model(modelId);
    const now = this.clock();
    const results = await this.scorer(model, true).score(
      accountIds.map((id) => ({ id, asOf: now.getTime() })),
      { evidence },
    );
    return accountIds.map((id) => ({
      accountId: id,
      model,
      result: results.get(id)!,
      computedAt: now.toISOString(),
      asOf: now.toISOString(),
    }));
  }

  async latestScores(accountIds: readonly string[], modelId: string): Promise<Array<StoredScore | null>> {
    return this.health.latestScores(accountIds, modelId);
  }

  /**
   * Recomputes and stores scores. With `accountIds`, those accounts; otherwise every account in the
   * model's scope, or with `incremental` only those with signals changed since the last finished run. An
   * interrupted run of the model is resumed from its last committed batch: each batch's scores and the
   * run's cursor commit together, so nothing is counted twice.
   */
  async recompute(
    modelId: string,
    accountIds: readonly string[] | null,
    incremental: boolean,
    onProgress: (done: number) => void = () => {},
  ): Promise<RecomputeResult> {
    const model = await this.model(modelId);
    const scorer = this.scorer(model);
    const now = () => this.clock().toISOString();
    if (accountIds !== null) {
      const runId = `adhoc-${randomUUID()}`;
      const asOf = this.clock().getTime();
      let scored = 0;
      for (let i = 0; i < accountIds.length; i += BATCH_SIZE) {
        const batch = accountIds.slice(i, i + BATCH_SIZE);
        scored += await this.scoreAndWrite(scorer, model, null, runId, batch, asOf, now());
        onProgress(Math.min(i + BATCH_SIZE, accountIds.length));
      }
      return {
        runId,
        resumed: false,
        incremental: false,
        processed: accountIds.length,
        scored,
        modelId,
        version: model.version,
      };
    }
    const open = await this.health.openRun(model.modelId);
    const resumed = open !== null && open.version === model.version;
    const since = incremental ? await this.health.lastFinishedRunStart(model.modelId) : null;
    const run = resumed
      ? open!
      : await this.health.startRun(
          {
            id: `run-${randomUUID()}`,
            modelId: model.modelId,
            version: model.version,
            since,
            asOf: this.clock().getTime(),
          },
          now(),
        );
    const candidates = run.incrementalSince ? await this.health.accountsWithNewSignals(run.incrementalSince) : null;
    let processed = run.processed;
    let scored = 0;
    let cursor = run.cursor;
    // Two batches in flight: while Neo4j stores one batch's scores (and commits the run's cursor with
    // them), the next batch is read and scored. Writes stay in batch order, one at a time, so the cursor
    // only ever moves past batches whose scores are stored.
    let storing: Promise<void> | null = null;
    for (;;) {
      const batch = candidates
        ? candidates.filter((id) => id > cursor).slice(0, BATCH_SIZE)
        : (await this.health.accountsAfter(cursor, BATCH_SIZE, this.scopeFilter(model))).map((a) => a.id);
      if (batch.length === 0) break;
      const writes = await this.scoreBatch(scorer, run.id, batch, run.asOf);
      if (storing !== null) await storing;
      const done = processed + batch.length;
      storing = this.health
        .writeScores(run, model.modelId, model.version, writes, batch[batch.length - 1]!, now())
        .then(() => onProgress(done));
      // Awaited on the next turn or after the loop; a failure surfaces there, not as an unhandled rejection.
      storing.catch(() => {});
      scored += writes.filter((w) => w.props.score !== null).length;
      cursor = batch[batch.length - 1]!;
      processed = done;
    }
    if (storing !== null) await storing;
    await this.health.finishRun(run.id, now());
    return {
      runId: run.id,
      resumed,
      incremental: run.incrementalSince !== null,
      processed,
      scored,
      modelId: model.modelId,
      version: model.version,
    };
  }

  async history(accountId: string, modelId: string, from: string | null, to: string | null): Promise<StoredScore[]> {
    await this.model(modelId);
    return this.health.history(accountId, modelId, from, to);
  }

  async atRisk(modelId: string, grade: string | null, first: number, after: CursorKey | null, withTotal = false) {
    await this.model(modelId);
    return this.health.atRisk(modelId, grade, first, after, withTotal);
  }

  /** Per group: how many accounts have each grade, and score percentiles (nearest rank). */
  async distribution(modelId: string, groupBy: "INDUSTRY" | "SEGMENT" | "REGION") {
    await this.model(modelId);
    const groups = await this.health.distribution(modelId, groupBy);
    return groups.map(({ group, scores, grades }) => {
      const counts = new Map<string, number>();
      grades.forEach((g) => counts.set(g, (counts.get(g) ?? 0) + 1));
      const pct = (p: number) =>
        scores.length === 0 ? null : scores[Math.min(scores.length - 1, Math.ceil((p / 100) * scores.length) - 1)]!;
      return {
        group,
        accounts: grades.length,
        scored: scores.length,
        grades: [...counts.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([grade, count]) => ({ grade, count })),
        mean: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
        p10: pct(10),
        p25: pct(25),
        p50: pct(50),
        p75: pct(75),
        p90: pct(90),
      };
    });
  }

  /** Records a person's judgement of a concept for an account; it enters scores like a mapped value. */
  async setManualMeasure(input: {
    accountId: string;
    concept: string;
    value: number;
    author: string;
    comment: string | null;
    expiresAt: string | null;
  }) {
    if (!Number.isFinite(input.value) || input.value < 0 || input.value > 1) {
      throw new HealthError("INVALID_MEASURE", `value must be between 0 and 1 (1 = best); received ${input.value}.`);
    }
    if (input.expiresAt !== null && Number.isNaN(Date.parse(input.expiresAt))) {
      throw new HealthError("INVALID_MEASURE", `expiresAt must be an ISO-8601 instant; received "${input.expiresAt}".`);
    }
    const [concept] = await this.ontology.conceptsByIds([input.concept]);
    if (!concept)
      throw new HealthError(
        "INVALID_MEASURE",
        `There is no concept "${input.concept}"; find one with the concepts query.`,
      );
    const id = `mm_${randomUUID()}`;
    const stored = await this.health.setManualMeasure({ id, ...input }, this.clock().toISOString());
    if (!stored) throw new HealthError("ACCOUNT_NOT_FOUND", `There is no account "${input.accountId}" in your tenant.`);
    return { id, ...input };
  }

  /**
   * Stores outcome labels (e.g. CHURNED, RENEWED) on accounts, keyed by account and date: sending the
   * same labels again changes nothing and says so.
   */
  async setOutcomes(
    tenant: string,
    records: ReadonlyArray<{ account: AccountRef; label: string; occurredOn: string }>,
    maxBatch: number,
  ): Promise<IngestResult> {
    if (records.length > maxBatch) {
      throw new HealthError(
        "INVALID_MEASURE",
        `input has ${records.length} outcomes; at most ${maxBatch} are accepted per call.`,
      );
    }
    const { valid, rejections } = validateBatch(records, {
      check: (r) =>
        firstProblem(
          requiredText(r.account?.externalId, "account.externalId", 200),
          sourceSystemKey(r.account?.sourceSystem ?? "crm", "account.sourceSystem"),
          oneOf(r.label, "label", OUTCOME_LABELS, true),
          isoDate(r.occurredOn, "occurredOn") ?? (r.occurredOn ? null : "occurredOn is required"),
        ),
      keyOf: (r) => `${r.account.sourceSystem ?? "crm"}\u0000${r.account.externalId}\u0000${r.occurredOn}`,
      externalIdOf: (r) => r.account?.externalId,
    });
    const rows = valid.map(({ index, record }) => ({
      index,
      accountId: nodeId("Account", tenant, record.account.sourceSystem ?? "crm", record.account.externalId),
      label: record.label,
      occurredOn: record.occurredOn,
    }));
    const stored = rows.length === 0 ? [] : await this.health.setOutcomes(rows, this.clock().toISOString());
    const storedIndexes = new Set(stored.map((s) => s.index));
    const missing = valid
      .filter(({ index }) => !storedIndexes.has(index))
      .map(({ index, record }) => ({
        index,
        externalId: record.account.externalId,
        reason: `account "${record.account.externalId}" from source system "${record.account.sourceSystem ?? "crm"}" does not exist in this tenant`,
      }));
    return summarizeIngest(stored, [...rejections, ...missing]);
  }

  /**
   * Learns the weights of the model's top-level concepts from outcomes already on accounts: for each
   * labelled account, the concepts' values as of `horizonDays` before its outcome, a regularised logistic
   * regression (cross-validated), and a new model version with the learned weights. The report compares
   * the new version with the one it replaces on the same accounts.
   */
  async calibrate(modelId: string, options: { badLabels: readonly string[]; horizonDays: number }) {
    const model = await this.model(modelId);
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
    const scorer = this.scorer(model);
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
    const version = await this.defineModel(model.modelId, {
      ...model,
      weights: { ...model.weights, ...fit.weights },
      source: "CALIBRATED",
      calibration,
    });
    return { model: version, fit, backtest: comparison };
  }

  private scopeFilter(model: HealthModelVersion) {
    return {
      industry: model.scope.kind === "INDUSTRY" ? model.scope.value : null,
      segment: model.scope.kind === "SEGMENT" ? model.scope.value : null,
    };
  }

  private async scoreAndWrite(
    scorer: HealthScorer,
    model: HealthModelVersion,
    run: { id: string; modelId: string; version: number } | null,
    runId: string,
    accountIds: readonly string[],
    asOf: number,
    now: string,
  ): Promise<number> {
    const writes = await this.scoreBatch(scorer, runId, accountIds, asOf);
    await this.health.writeScores(run, model.modelId, model.version, writes, accountIds[accountIds.length - 1]!, now);
    return writes.filter((w) => w.props.score !== null).length;
  }

  /** Scores a batch of accounts as of `asOf` into the snapshots to store. */
  private async scoreBatch(
    scorer: HealthScorer,
    runId: string,
    accountIds: readonly string[],
    asOf: number,
  ): Promise<ScoreWrite[]> {
    const results = await scorer.score(
      accountIds.map((id) => ({ id, asOf })),
      { evidence: false },
    );
    return accountIds.map((accountId) => {
      const result = results.get(accountId)!;
      return {
        id: scoreId(runId, accountId),
        eventId: scoreId(`${runId}:event`, accountId),
        accountId,
        props: {
          score: result.score,
          grade: result.grade,
          confidence: result.confidence,
          asOf: new Date(asOf).toISOString(),
          explanation: JSON.stringify(conceptContributions(result.explanation)),
          runId,
        },
      };
    });
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
