import { randomUUID } from "node:crypto";
import { Clock } from "../../domain/time/clock";
import { conceptContributions } from "../../domain/health/stored-explanation";
import { HealthRepository, ScoreWrite } from "../../graph/health/health.repository";
import { HealthModelVersion } from "./health-model";
import { scoreId, HealthScorer } from "./health-scorer";

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
      let scored = 0;
      for (let i = 0; i < accountIds.length; i += BATCH_SIZE) {
        const batch = accountIds.slice(i, i + BATCH_SIZE);
        const writes = await this.scoreBatch(scorer, runId, batch, asOf);
        await this.health.writeScores(null, model.modelId, model.version, writes, batch[batch.length - 1]!, now());
        scored += writes.filter((w) => w.props.score !== null).length;
        onProgress(Math.min(i + BATCH_SIZE, accountIds.length));
      }
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
        : (await this.health.accountsAfter(cursor, BATCH_SIZE, scopeFilter(model))).map((a) => a.id);
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

function scopeFilter(model: HealthModelVersion) {
  return {
    industry: model.scope.kind === "INDUSTRY" ? model.scope.value : null,
    segment: model.scope.kind === "SEGMENT" ? model.scope.value : null,
  };
}
