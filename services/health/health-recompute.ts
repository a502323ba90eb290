import { randomUUID } from "node:crypto";
import { Clock } from "../../domain/time/clock";
import {
  HealthRepository,
  RecomputeBatchAccount,
  RecomputeSelection,
  ScoreWrite,
} from "../../graph/health/health.repository";
import { HealthModelVersion } from "./health-model";
import { HealthScorer, RecomputeScoring, scoreId } from "./health-scorer";

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

/** Accounts scored and stored together (and, in a run, committed with the run's cursor). */
export const BATCH_SIZE = 500;

/** Batch reads sent at once after a run's first: with the write of the previous batch, three transactions. */
export const READS_IN_FLIGHT = 2;

/**
 * Recomputes and stores the scores of one model version: see `HealthService.recompute`. Each batch's
 * scores and the run's cursor commit together, so an interrupted run resumes without counting twice.
 */
export class HealthRecompute {
  constructor(
    private readonly health: HealthRepository,
    private readonly clock: Clock,
    /** Accounts per batch; smaller only in tests that need several batches of a few accounts. */
    private readonly batchSize: number = BATCH_SIZE,
    /** Batch reads sent at once; 1 only in the benchmark that compares it with the default. */
    private readonly readsInFlight: number = READS_IN_FLIGHT,
  ) {}

  async run(
    model: HealthModelVersion,
    scorer: HealthScorer,
    accountIds: readonly string[] | null,
    incremental: boolean,
    onProgress: (done: number) => void,
  ): Promise<RecomputeResult> {
    const now = () => this.clock().toISOString();
    if (accountIds !== null) {
      const runId = `adhoc-${randomUUID()}`;
      const asOf = this.clock().getTime();
      const scoring = await scorer.forRecompute(asOf);
      const batches: string[][] = [];
      for (let i = 0; i < accountIds.length; i += this.batchSize) batches.push(accountIds.slice(i, i + this.batchSize));
      const { scored } = await this.pipeline(
        scoring,
        runId,
        asOf,
        batches.length === 0 ? null : { ids: batches[0]! },
        () => batches.slice(1).map((ids) => ({ ids })),
        (writes, cursor, done) =>
          this.health
            .writeScores(null, model.modelId, model.version, writes, cursor, now())
            .then(() => onProgress(Math.min(done, accountIds.length))),
      );
      return {
        runId,
        resumed: false,
        incremental: false,
        processed: accountIds.length,
        scored,
        modelId: model.modelId,
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
    const scoring = await scorer.forRecompute(run.asOf);
    const scope = scopeFilter(model);
    let first: BatchSelection | null;
    let later: (boundaries: readonly string[]) => BatchSelection[];
    if (candidates !== null) {
      const rest = candidates.filter((id) => id > run.cursor);
      const batches: string[][] = [];
      for (let i = 0; i < rest.length; i += this.batchSize) batches.push(rest.slice(i, i + this.batchSize));
      first = batches.length === 0 ? null : { ids: batches[0]! };
      later = () => batches.slice(1).map((ids) => ({ ids }));
    } else {
      // The first read also gives the last id of every later batch; those are then read by range.
      first = { after: run.cursor, limit: this.batchSize, scope, boundaries: true };
      later = (boundaries) =>
        boundaries.slice(1).map((upTo, i) => ({ after: boundaries[i]!, upTo, limit: this.batchSize, scope }));
    }
    const { processed, scored } = await this.pipeline(scoring, run.id, run.asOf, first, later, (writes, cursor, done) =>
      this.health
        .writeScores(run, model.modelId, model.version, writes, cursor, now())
        .then(() => onProgress(run.processed + done)),
    );
    await this.health.finishRun(run.id, now());
    return {
      runId: run.id,
      resumed,
      incremental: run.incrementalSince !== null,
      processed: run.processed + processed,
      scored,
      modelId: model.modelId,
      version: model.version,
    };
  }

  /**
   * Reads, scores and stores the batches: `first`, then those `later` gives from the first read's
   * boundaries. Per batch one read (the accounts with their aggregates and manual measures) and one write
   * transaction (snapshots, the run's cursor, change events). After the first read, {@link READS_IN_FLIGHT}
   * reads run at once while this process scores a batch and the previous one is stored, so Neo4j works on
   * several transactions at once (both cores) and this process scores meanwhile. Writes stay in batch
   * order, one at a time, so the cursor only ever moves past batches whose scores are stored.
   */
  private async pipeline(
    scoring: RecomputeScoring,
    runId: string,
    asOf: number,
    first: BatchSelection | null,
    later: (boundaries: readonly string[]) => BatchSelection[],
    store: (writes: ScoreWrite[], cursor: string, done: number) => Promise<void>,
  ): Promise<{ processed: number; scored: number }> {
    if (first === null) return { processed: 0, scored: 0 };
    const reads: Array<Promise<RecomputeBatchAccount[]>> = [];
    let storing: Promise<void> | null = null;
    let processed = 0;
    let scored = 0;
    const take = async (batch: readonly RecomputeBatchAccount[]) => {
      const writes = this.toWrites(scoring, runId, asOf, batch);
      scored += writes.filter((w) => w.props.score !== null).length;
      processed += batch.length;
      if (storing !== null) await storing;
      storing = store(writes, batch[batch.length - 1]!.id, processed);
      // Awaited on the next turn; a failure surfaces there, not as an unhandled rejection.
      storing.catch(() => {});
    };
    try {
      const head = await this.health.recomputeBatchWithBoundaries(first, asOf, scoring.windows, scoring.include);
      if (head.accounts.length === 0) return { processed, scored };
      const selections = later(head.boundaries);
      let next = 0;
      const fill = () => {
        while (reads.length < this.readsInFlight && next < selections.length) {
          const rows = this.health.recomputeBatch(selections[next++]!, asOf, scoring.windows, scoring.include);
          rows.catch(() => {});
          reads.push(rows);
        }
      };
      fill();
      await take(head.accounts);
      while (reads.length > 0) {
        const batch = await reads.shift()!;
        fill();
        if (batch.length > 0) await take(batch);
      }
      if (storing !== null) await storing;
    } finally {
      // When a batch failed, nothing is left running behind the error.
      await Promise.all(reads.map((r) => r.catch(() => {})));
      await (storing as Promise<void> | null)?.catch(() => {});
    }
    return { processed, scored };
  }

  /** The snapshots of a batch of accounts scored as of `asOf`. */
  private toWrites(
    scoring: RecomputeScoring,
    runId: string,
    asOf: number,
    batch: readonly RecomputeBatchAccount[],
  ): ScoreWrite[] {
    const at = new Date(asOf).toISOString();
    return batch.map((account) => {
      const result = scoring.score(account);
      return {
        id: scoreId(runId, account.id),
        eventId: scoreId(`${runId}:event`, account.id),
        accountId: account.id,
        props: {
          score: result.score,
          grade: result.grade,
          confidence: result.confidence,
          asOf: at,
          explanation: JSON.stringify(result.contributions),
          runId,
        },
      };
    });
  }
}

type BatchSelection = RecomputeSelection;

function scopeFilter(model: HealthModelVersion) {
  return {
    industry: model.scope.kind === "INDUSTRY" ? model.scope.value : null,
    segment: model.scope.kind === "SEGMENT" ? model.scope.value : null,
  };
}
