import { Clock, systemClock } from "../../domain/time/clock";
import { CursorKey } from "../../domain/pagination/cursor";
import { IngestResult } from "../../domain/ingest/ingest-result";
import { AccountRef } from "../../domain/records";
import { LOW_CONFIDENCE_BELOW } from "../../domain/health/confidence";
import { AccountHealthScore } from "../../domain/health/score-account";
import { PropertySelection } from "../../domain/selection/property-selection";
import { HealthRepository, StoredScore } from "../../graph/health/health.repository";
import { SnapshotProperty } from "../../graph/health/health.queries";
import { OntologyRepository } from "../../graph/ontology/ontology.repository";
import { CalibrationRequest, HealthCalibration } from "./health-calibration";
import { summarizeDistribution } from "./health-distribution";
import { HealthModelSpec, HealthModelVersion } from "./health-model";
import { HealthModels } from "./health-models";
import { HealthRecompute, RecomputeResult } from "./health-recompute";
import { HealthScorer } from "./health-scorer";
import { ManualMeasureRequest, OutcomesAndMeasures } from "./outcomes-and-measures";
import { HealthError } from "./health.errors";
import { PopulationCache } from "./population-cache";
import { HealthConfigCache, TenantHealthConfig } from "./health-config-cache";

export type { RecomputeResult } from "./health-recompute";
export { OUTCOME_LABELS } from "./outcomes-and-measures";

export interface LiveHealth {
  accountId: string;
  model: HealthModelVersion;
  result: AccountHealthScore;
  computedAt: string;
  asOf: string;
}

/**
 * Health models (versioned), scoring on request and in batch, history, at-risk lists, distributions,
 * outcomes and calibration for one tenant: the one entry point resolvers, loaders and benchmarks use.
 * Each job lives in its own module ({@link HealthModels}, {@link HealthRecompute},
 * {@link HealthCalibration}, {@link OutcomesAndMeasures}); this class wires them and shares one scorer
 * per model version between them. Scores are computed by {@link HealthScorer}.
 */
export class HealthService {
  private readonly scorers = new Map<string, HealthScorer>();
  private readonly catalog: HealthModels;
  private readonly recomputation: HealthRecompute;
  private readonly calibration: HealthCalibration;
  private readonly records: OutcomesAndMeasures;

  constructor(
    private readonly health: HealthRepository,
    private readonly ontology: OntologyRepository,
    private readonly clock: Clock = systemClock,
    /** Percentile populations shared by this process's on-request scores (see {@link PopulationCache}). */
    private readonly populations: { cache: PopulationCache; tenant: string } | null = null,
    /**
     * Model versions, concept trees and mappings shared by this process's requests, checked against the
     * tenant's configuration version once per call (decision 0036); without it, read on every call.
     */
    private readonly config: { cache: HealthConfigCache; tenant: string } | null = null,
  ) {
    this.catalog = new HealthModels(health, ontology, clock);
    this.recomputation = new HealthRecompute(health, clock);
    this.calibration = new HealthCalibration(health, this.catalog, (model) => this.scorer(model));
    this.records = new OutcomesAndMeasures(health, ontology, clock);
  }

  /** Every version of every model; the tenant's default model is created on first use. */
  models(): Promise<HealthModelVersion[]> {
    return this.catalog.all();
  }

  /** The active version of a model (or a named version). */
  model(modelId: string, version: number | null = null): Promise<HealthModelVersion> {
    return this.catalog.get(modelId, version);
  }

  /** The process's shared entry of the tenant's current configuration version (one read), if shared. */
  private async configEntry(): Promise<TenantHealthConfig | null> {
    if (this.config === null) return null;
    return this.config.cache.at(this.config.tenant, await this.health.configToken());
  }

  private async modelAt(
    entry: TenantHealthConfig | null,
    modelId: string,
    version: number | null,
  ): Promise<HealthModelVersion> {
    if (entry === null) return this.catalog.get(modelId, version);
    // A missing model is an error, which is not held: asking again reads again.
    return entry.get(`model:${modelId}:${version ?? "active"}`, () => this.catalog.get(modelId, version));
  }

  versions(modelId: string): Promise<HealthModelVersion[]> {
    return this.catalog.versions(modelId);
  }

  /** Creates a model, or a new version of it; scores computed earlier keep pointing at their version. */
  defineModel(modelId: string, spec: HealthModelSpec): Promise<HealthModelVersion> {
    return this.catalog.define(modelId, spec);
  }

  /** A scorer of `model`; `onRequest` scorers may rank against populations read by earlier requests. */
  private scorer(model: HealthModelVersion, onRequest = false, entry: TenantHealthConfig | null = null): HealthScorer {
    const version = `${model.modelId}@${model.version}`;
    const key = `${version}${onRequest ? ":request" : ""}${entry === null ? "" : ":shared"}`;
    const scorer =
      this.scorers.get(key) ??
      new HealthScorer(
        model,
        this.health,
        this.ontology,
        onRequest ? this.populations : null,
        entry === null ? null : (load) => entry.get(`prepared:${version}`, load),
      );
    this.scorers.set(key, scorer);
    return scorer;
  }

  /**
   * Scores accounts now, without storing anything (explanations list their signals when `evidence`). The
   * model, concept tree and mappings come from the process's cache when the tenant's configuration version
   * is the one they were read at (one read instead of four, decision 0036).
   */
  async scoreNow(accountIds: readonly string[], modelId: string, evidence: boolean): Promise<LiveHealth[]> {
    const entry = await this.configEntry();
    const model = await this.modelAt(entry, modelId, null);
    const now = this.clock();
    const results = await this.scorer(model, true, entry).score(
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

  /**
   * Scores one account with a model version (the active one when `version` is null) as of a past or present
   * time, with every mapping's evidence signals: what lineage re-derives a stored score's sources from.
   */
  async scoreAsOf(
    accountId: string,
    modelId: string,
    version: number | null,
    asOf: Date,
  ): Promise<{ model: HealthModelVersion; result: AccountHealthScore }> {
    const model = await this.model(modelId, version);
    const results = await this.scorer(model, true).score([{ id: accountId, asOf: asOf.getTime() }], { evidence: true });
    return { model, result: results.get(accountId)! };
  }

  /** The latest stored score per account; with a selection, only those snapshot properties are read. */
  async latestScores(
    accountIds: readonly string[],
    modelId: string,
    selection?: PropertySelection<SnapshotProperty>,
  ): Promise<Array<StoredScore | null>> {
    return this.health.latestScores(accountIds, modelId, selection);
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
    return this.recomputation.run(model, this.scorer(model), accountIds, incremental, onProgress);
  }

  async history(accountId: string, modelId: string, from: string | null, to: string | null): Promise<StoredScore[]> {
    await this.model(modelId);
    return this.health.history(accountId, modelId, from, to);
  }

  /**
   * Stored scores lowest first, of one grade or all, leaving out those whose confidence is below
   * `minConfidence` (0..1).
   */
  async atRisk(
    modelId: string,
    grade: string | null,
    minConfidence: number,
    first: number,
    after: CursorKey | null,
    withTotal = false,
  ) {
    if (!Number.isFinite(minConfidence) || minConfidence < 0 || minConfidence > 1) {
      throw new HealthError(
        "INVALID_ARGUMENT",
        `minConfidence must be a number from 0 to 1 (default ${LOW_CONFIDENCE_BELOW}); received ${minConfidence}.`,
      );
    }
    await this.model(modelId);
    return this.health.atRisk(modelId, grade, minConfidence, first, after, withTotal);
  }

  /** Per group: how many accounts have each grade, and score percentiles (nearest rank). */
  async distribution(modelId: string, groupBy: "INDUSTRY" | "SEGMENT" | "REGION") {
    await this.model(modelId);
    return summarizeDistribution(await this.health.distribution(modelId, groupBy));
  }

  /** Records a person's judgement of a concept for an account; it enters scores like a mapped value. */
  setManualMeasure(input: ManualMeasureRequest) {
    return this.records.setManualMeasure(input);
  }

  /**
   * Stores outcome labels (e.g. CHURNED, RENEWED) on accounts, keyed by account and date: sending the
   * same labels again changes nothing and says so.
   */
  setOutcomes(
    tenant: string,
    records: ReadonlyArray<{ account: AccountRef; label: string; occurredOn: string }>,
    maxBatch: number,
  ): Promise<IngestResult> {
    return this.records.setOutcomes(tenant, records, maxBatch);
  }

  /**
   * Learns the weights of the model's top-level concepts from outcomes already on accounts: for each
   * labelled account, the concepts' values as of `horizonDays` before its outcome, a regularised logistic
   * regression (cross-validated), and a new model version with the learned weights. The report compares
   * the new version with the one it replaces on the same accounts.
   */
  calibrate(modelId: string, options: CalibrationRequest) {
    return this.calibration.calibrate(modelId, options);
  }
}
