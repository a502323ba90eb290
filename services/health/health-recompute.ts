import { randomUUID } from "node:crypto";
import { Clock } from "../../domain/time/clock";
import { HealthRepository, RecomputeBatchAccount, ScoreWrite } from "../../graph/health/health.repository";
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
      let next = 0;
      const { scored } = await this.pipeline(
        scoring,
        runId,
        asOf,
        () => (next < batches.length ? { ids: batches[next++]! } : null),
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
    let next: (last: string | null, size: number) => BatchSelection | null;
    if (candidates !== null) {
      const rest = candidates.filter((id) => id > run.cursor);
      let at = 0;
      next = () => {
        const ids = rest.slice(at, at + this.batchSize);
        at += this.batchSize;
        return ids.length > 0 ? { ids } : null;
      };
    } else {
      // A batch shorter than asked for was the last: no read that would find nothing.
      next = (last, size) =>
        last === null
          ? { after: run.cursor, limit: this.batchSize, scope }
          : size < this.batchSize
            ? null
            : { after: last, limit: this.batchSize, scope };
    }
    const { processed, scored } = await this.pipeline(scoring, run.id, run.asOf, next, (writes, cursor, done) =>
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
   * Reads, scores and stores batches until `next` gives no more. Per batch one read (the accounts with
   * their aggregates and manual measures) and one write transaction (snapshots, the run's cursor, change
   * events). Three batches are in flight: while this process scores batch n, Neo4j reads batch n + 1 and
   * stores batch n − 1, so the database and this process work at once. Writes stay in batch order, one
   * at a time, so the cursor only ever moves past batches whose scores are stored.
   */
  private async pipeline(
    scoring: RecomputeScoring,
    runId: string,
    asOf: number,
    /** The batch after the one whose last account was `last` and that held `size` accounts (null: the first). */
    next: (last: string | null, size: number) => BatchSelection | null,
    store: (writes: ScoreWrite[], cursor: string, done: number) => Promise<void>,
  ): Promise<{ processed: number; scored: number }> {
    const read = (selection: BatchSelection) => {
      const rows = this.health.recomputeBatch(selection, asOf, scoring.windows, scoring.include);
      // Awaited on the next turn; a failure surfaces there, not as an unhandled rejection.
      rows.catch(() => {});
      return rows;
    };
    const first = next(null, 0);
    let pending = first === null ? null : read(first);
    let storing: Promise<void> | null = null;
    let processed = 0;
    let scored = 0;
    try {
      while (pending !== null) {
        const batch = await pending;
        if (batch.length === 0) break;
        const last = batch[batch.length - 1]!.id;
        const following = next(last, batch.length);
        pending = following === null ? null : read(following);
        const writes = this.toWrites(scoring, runId, asOf, batch);
        scored += writes.filter((w) => w.props.score !== null).length;
        processed += batch.length;
        if (storing !== null) await storing;
        storing = store(writes, last, processed);
        storing.catch(() => {});
      }
      if (storing !== null) await storing;
    } finally {
      // When a batch failed, nothing is left running behind the error.
      await pending?.catch(() => {});
      await storing?.catch(() => {});
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

type BatchSelection = Parameters<HealthRepository["recomputeBatch"]>[0];

function scopeFilter(model: HealthModelVersion) {
  return {
    industry: model.scope.kind === "INDUSTRY" ? model.scope.value : null,
    segment: model.scope.kind === "SEGMENT" ? model.scope.value : null,
  };
}
