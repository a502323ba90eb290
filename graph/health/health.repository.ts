import neo4j from "neo4j-driver";
import { CursorKey } from "../../domain/pagination/cursor";
import { ALL_PROPERTIES, PropertySelection } from "../../domain/selection/property-selection";
import { instant } from "../common/row-mapping";
import { CypherExecutor } from "../executor";
import { ChangeOutbox } from "../events/change-outbox";
import { readConfigToken, bumpTenantConfig } from "../config/tenant-config";
import { modelVersionChange } from "../../domain/events/model-version-change";
import { measureChanges, outcomeChanges, scoreChanges } from "./health-change-rows";
import { toAccount } from "../account/account.repository";
import { BUILT_IN_SCOPE } from "../ontology/ontology.repository";
import {
  ACCOUNTS_AFTER,
  ACCOUNTS_WITH_NEW_SIGNALS,
  AT_RISK,
  AT_RISK_COUNT,
  CONCEPT_TREE,
  DISTRIBUTION,
  EVIDENCE_SIGNALS,
  FIELD_AGGREGATES,
  FINISH_RUN,
  LAST_FINISHED_RUN,
  MANUAL_MEASURES,
  MODEL_VERSIONS,
  OPEN_RUN,
  OUTCOMES,
  RECOMPUTE_BATCH_AFTER,
  RECOMPUTE_BATCH_RANGE,
  RECOMPUTE_BATCH_IDS,
  SAVE_MODEL_VERSION,
  SCORE_HISTORY,
  SET_MANUAL_MEASURE,
  SET_OUTCOMES,
  START_RUN,
  latestScoresQuery,
  SnapshotProperty,
  WRITE_SCORES,
} from "./health.queries";

/** A person's judgement of a concept for an account, as stored. */
export interface ManualMeasureRecord {
  id: string;
  accountId: string;
  concept: string;
  value: number;
  author: string;
  comment: string | null;
  expiresAt: string | null;
}

/** One mapping window to aggregate: signals of `system|field` in the `ms` before each account's as-of time. */
export interface WindowRequest {
  key: string;
  system: string;
  field: string;
  ms: number;
}

export interface StoredAggregate {
  accountId: string;
  key: string;
  from: number;
  count: number;
  numericCount: number;
  sum: number;
  sumT: number;
  sumTT: number;
  sumTV: number;
  latestValue: number | string | boolean | null;
  latestAt: number | null;
}

/** One account of a recompute batch: its aggregates by window key and its manual measures, newest first. */
export interface RecomputeBatchAccount {
  id: string;
  aggregates: Map<string, StoredAggregate>;
  measures: ManualMeasureRecord[];
}

export interface EvidenceSignal {
  signalId: string;
  recordId: string;
  sourceSystem: string;
  field: string;
  value: number | string | boolean | null;
  observedAt: string;
}

/** Which accounts one recompute read covers: see {@link HealthRepository.recomputeBatchWithBoundaries}. */
export type RecomputeSelection =
  | {
      after: string;
      limit: number;
      scope: { industry: string | null; segment: string | null };
      /** The last id of the range (inclusive); without it, the next `limit` accounts. */
      upTo?: string;
      /** Also return the boundaries of every later batch (a run's first read). */
      boundaries?: boolean;
    }
  | { ids: readonly string[] };

export interface StoredScore {
  accountId: string;
  modelId: string;
  version: number;
  score: number | null;
  grade: string | null;
  confidence: number;
  computedAt: string;
  asOf: string;
  explanation: string;
  runId: string | null;
}

export interface ScoreWrite {
  id: string;
  eventId: string;
  accountId: string;
  props: {
    score: number | null;
    grade: string | null;
    confidence: number;
    asOf: string;
    explanation: string;
    runId: string | null;
  };
}

export interface HealthRunRecord {
  id: string;
  modelId: string;
  version: number;
  status: string;
  cursor: string;
  processed: number;
  incrementalSince: string | null;
  asOf: number;
  startedAt: string;
}

/**
 * A stored snapshot. `computedAt` comes as text or epoch milliseconds; a read that selected only some
 * properties (latest scores, decision 0040) leaves the others empty, and `known` supplies the account and
 * model it asked for.
 */
function toScore(row: Record<string, unknown>, known?: { accountId: string; modelId: string }): StoredScore {
  return {
    accountId: known?.accountId ?? String(row.accountId),
    modelId: known?.modelId ?? String(row.modelId),
    version: Number(row.version),
    score: typeof row.score === "number" ? row.score : null,
    grade: typeof row.grade === "string" ? row.grade : null,
    confidence: Number(row.confidence ?? 0),
    computedAt: instant(row, "computedAt"),
    asOf: String(row.asOf),
    explanation: String(row.explanation ?? "null"),
    runId: typeof row.runId === "string" ? row.runId : null,
  };
}

/** Health models, scores, runs, outcomes and the signal aggregates scoring reads; scoped to one tenant. */
export class HealthRepository {
  private readonly scopes: string[];

  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
    /** Where outcomes, measures, scores and model versions append their change events. */
    private readonly outbox: ChangeOutbox = new ChangeOutbox(tenant, "job:internal"),
  ) {
    this.scopes = [tenant, BUILT_IN_SCOPE];
  }

  private params(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { tenant: this.tenant, scopes: this.scopes, ...extra };
  }

  async conceptTree(
    root: string,
  ): Promise<
    Array<{ id: string; label: string; parts: Array<{ concept: string; weight: number }>; narrower: string[] }>
  > {
    const rows = await this.executor.read(CONCEPT_TREE, this.params({ root }));
    return rows.map((row) => ({
      id: String(row.id),
      label: String(row.label ?? row.id),
      parts: row.parts as Array<{ concept: string; weight: number }>,
      narrower: row.narrower as string[],
    }));
  }

  /** Aggregates of the signals in every window, for many accounts (each with its own as-of time) in one query. */
  async fieldAggregates(
    accounts: ReadonlyArray<{ id: string; asOf: number }>,
    windows: readonly WindowRequest[],
    include: { contacts: boolean; assets: boolean },
  ): Promise<StoredAggregate[]> {
    if (accounts.length === 0 || windows.length === 0) return [];
    const rows = await this.executor.read(
      FIELD_AGGREGATES,
      this.params(this.windowParams(windows, include, { accounts: [...accounts] })),
    );
    return rows.map((row) => ({
      accountId: String(row.accountId),
      key: String(row.key),
      from: Number(row.from),
      count: Number(row.count),
      numericCount: Number(row.numericCount),
      sum: Number(row.sum),
      sumT: Number(row.sumT),
      sumTT: Number(row.sumTT),
      sumTV: Number(row.sumTV),
      latestValue: (row.latestValue as number | string | boolean | null) ?? null,
      latestAt: typeof row.latestAt === "number" ? row.latestAt : null,
    }));
  }

  async evidenceSignals(
    accountId: string,
    asOf: number,
    windows: readonly WindowRequest[],
    include: { contacts: boolean; assets: boolean },
    perKey: number,
  ): Promise<Map<string, EvidenceSignal[]>> {
    if (windows.length === 0) return new Map();
    const rows = await this.executor.read(
      EVIDENCE_SIGNALS,
      this.params(this.windowParams(windows, include, { accountId, asOf, perKey: neo4j.int(perKey) })),
    );
    return new Map(
      rows.map((row) => [
        String(row.key),
        (row.signals as EvidenceSignal[]).map((s) => ({ ...s, observedAt: new Date(s.observedAt).toISOString() })),
      ]),
    );
  }

  private windowParams(
    windows: readonly WindowRequest[],
    include: { contacts: boolean; assets: boolean },
    extra: Record<string, unknown>,
  ): Record<string, unknown> {
    const byField: Record<string, Array<{ key: string; ms: number }>> = {};
    for (const w of windows) (byField[`${w.system}|${w.field}`] ??= []).push({ key: w.key, ms: w.ms });
    return {
      ...extra,
      windows: byField,
      maxWindowMs: Math.max(...windows.map((w) => w.ms)),
      contacts: include.contacts,
      assets: include.assets,
    };
  }

  async manualMeasures(accountIds: readonly string[], asOf: number) {
    const rows = await this.executor.read(MANUAL_MEASURES, this.params({ accountIds: [...accountIds], asOf }));
    return rows.map((row) => {
      const m = row.measure as Record<string, unknown>;
      return {
        accountId: String(row.accountId),
        id: String(m.id),
        concept: String(m.concept),
        value: Number(m.value),
        author: String(m.author),
        comment: typeof m.comment === "string" ? m.comment : null,
        expiresAt: typeof m.expiresAt === "string" ? new Date(m.expiresAt).toISOString() : null,
      };
    });
  }

  /** Stores a manual measure and its MANUAL_MEASURE_SET event; false when the account does not exist. */
  async setManualMeasure(measure: ManualMeasureRecord, now: string): Promise<boolean> {
    return this.executor.writeSteps(SET_MANUAL_MEASURE.name, async (run) => {
      const [row] = await run(SET_MANUAL_MEASURE, this.params({ ...measure, now }));
      if (row === undefined) return false;
      await this.outbox.append(run, now, measureChanges(row, measure));
      return true;
    });
  }

  /** Stores a new active version of a model and its HEALTH_MODEL_VERSION_SAVED event; returns its number. */
  async saveModelVersion(modelId: string, props: Record<string, unknown>, now: string): Promise<number> {
    return this.executor.writeSteps(SAVE_MODEL_VERSION.name, async (run) => {
      const [row] = await run(SAVE_MODEL_VERSION, this.params({ modelId, props, now }));
      const version = Number(row?.version);
      const previous = (row?.previous as Record<string, unknown> | null) ?? null;
      await this.outbox.append(run, now, [modelVersionChange(modelId, version, props, previous)]);
      await bumpTenantConfig(run, this.tenant, now);
      return version;
    });
  }

  /**
   * The tenant's configuration version (decision 0036): one index seek; what cached models, concept trees
   * and mappings are checked against on each request.
   */
  configToken(): Promise<string> {
    return readConfigToken(this.executor, this.scopes);
  }

  async modelVersions(modelId: string | null): Promise<Array<Record<string, unknown>>> {
    const rows = await this.executor.read(MODEL_VERSIONS, this.params({ modelId }));
    return rows.map((row) => row.version as Record<string, unknown>);
  }

  async accountsAfter(after: string, limit: number, scope: { industry: string | null; segment: string | null }) {
    const rows = await this.executor.read(ACCOUNTS_AFTER, this.params({ after, limit: neo4j.int(limit), ...scope }));
    return rows.map((row) => ({
      id: String(row.id),
      industry: (row.industry as string | null) ?? null,
      segment: (row.segment as string | null) ?? null,
    }));
  }

  async accountsWithNewSignals(since: string): Promise<string[]> {
    const rows = await this.executor.read(ACCOUNTS_WITH_NEW_SIGNALS, this.params({ since }));
    return rows.map((row) => String(row.id));
  }

  /**
   * Writes a batch of scores, advances the run and appends the health change events, in one transaction,
   * so a crash never half-counts a batch and a resumed run never announces a change twice. Two
   * statements (one when nothing changed: the outbox appends nothing), whatever the batch size.
   */
  async writeScores(
    run: { id: string; modelId: string; version: number } | null,
    modelId: string,
    version: number,
    scores: readonly ScoreWrite[],
    cursor: string,
    now: string,
  ): Promise<void> {
    await this.executor.writeSteps("health.writeBatch", async (step) => {
      const written = await step(
        WRITE_SCORES,
        this.params({
          modelId,
          version,
          scores,
          now,
          runId: run?.id ?? null,
          cursor,
          processed: neo4j.int(scores.length),
        }),
      );
      await this.outbox.append(step, now, scoreChanges(written, scores));
    });
  }

  /**
   * One batch of a recompute in one statement: the accounts (the next `limit` after `after` in `scope`,
   * or the `ids` given, in that order), each with its signal aggregates in every window as of `asOf`
   * and its manual measures in effect then. An id that names no account comes back without either.
   */
  async recomputeBatch(
    selection: RecomputeSelection,
    asOf: number,
    windows: readonly WindowRequest[],
    include: { contacts: boolean; assets: boolean },
  ): Promise<RecomputeBatchAccount[]> {
    return (await this.recomputeBatchWithBoundaries(selection, asOf, windows, include)).accounts;
  }

  /**
   * {@link recomputeBatch}; with `boundaries` in an `after` selection, also the last account id of every
   * batch of `limit` accounts from there on (in scope), so that the later batches can be read by range
   * (`upTo`), several at once. Still one statement.
   */
  async recomputeBatchWithBoundaries(
    selection: RecomputeSelection,
    asOf: number,
    windows: readonly WindowRequest[],
    include: { contacts: boolean; assets: boolean },
  ): Promise<{ accounts: RecomputeBatchAccount[]; boundaries: string[] }> {
    const [query, select] =
      "ids" in selection
        ? [RECOMPUTE_BATCH_IDS, { ids: [...selection.ids] }]
        : [
            selection.upTo === undefined ? RECOMPUTE_BATCH_AFTER : RECOMPUTE_BATCH_RANGE,
            {
              after: selection.after,
              upTo: selection.upTo ?? null,
              // A range holds the accounts in it whatever their number (some may have been added since).
              limit: neo4j.int(selection.upTo === undefined ? selection.limit : 2 ** 31 - 1),
              boundaries: selection.boundaries === true,
              ...selection.scope,
            },
          ];
    // Without windows nothing is aggregated; the statement still lists the accounts and their measures.
    const rows = await this.executor.read(
      query,
      this.params({
        ...select,
        asOf,
        windows: {},
        maxWindowMs: 0,
        contacts: include.contacts,
        assets: include.assets,
        ...(windows.length > 0 ? this.windowParams(windows, include, {}) : {}),
      }),
    );
    const boundaries = (rows[0]?.boundaries as string[] | null | undefined) ?? [];
    const accounts = rows.map((row) => {
      const aggregates = new Map<string, StoredAggregate>();
      const accountId = String(row.id);
      for (const agg of row.aggregates as unknown[][]) {
        const key = String(agg[0]);
        aggregates.set(key, {
          accountId,
          key,
          from: Number(agg[1]),
          count: Number(agg[2]),
          numericCount: Number(agg[3]),
          sum: Number(agg[4]),
          sumT: Number(agg[5]),
          sumTT: Number(agg[6]),
          sumTV: Number(agg[7]),
          latestValue: (agg[8] as number | string | boolean | null) ?? null,
          latestAt: typeof agg[9] === "number" ? agg[9] : null,
        });
      }
      const measures = (row.measures as unknown[][]).map((m): ManualMeasureRecord => ({
        accountId,
        id: String(m[0]),
        concept: String(m[1]),
        value: Number(m[2]),
        author: String(m[3]),
        comment: typeof m[4] === "string" ? m[4] : null,
        expiresAt: typeof m[5] === "string" ? new Date(m[5]).toISOString() : null,
      }));
      return { id: accountId, aggregates, measures };
    });
    return { accounts, boundaries };
  }

  async startRun(
    run: { id: string; modelId: string; version: number; since: string | null; asOf: number },
    now: string,
  ): Promise<HealthRunRecord> {
    const rows = await this.executor.write(
      START_RUN,
      this.params({ runId: run.id, modelId: run.modelId, version: run.version, since: run.since, asOf: run.asOf, now }),
    );
    return this.toRun(rows[0]?.run as Record<string, unknown>);
  }

  async openRun(modelId: string): Promise<HealthRunRecord | null> {
    const rows = await this.executor.read(OPEN_RUN, this.params({ modelId }));
    return rows[0] ? this.toRun(rows[0].run as Record<string, unknown>) : null;
  }

  async finishRun(runId: string, now: string): Promise<void> {
    await this.executor.write(FINISH_RUN, this.params({ runId, now }));
  }

  async lastFinishedRunStart(modelId: string): Promise<string | null> {
    const rows = await this.executor.read(LAST_FINISHED_RUN, this.params({ modelId }));
    return rows[0] ? new Date(String(rows[0].startedAt)).toISOString() : null;
  }

  private toRun(row: Record<string, unknown>): HealthRunRecord {
    return {
      id: String(row.id),
      modelId: String(row.modelId),
      version: Number(row.version),
      status: String(row.status),
      cursor: String(row.cursor ?? ""),
      processed: Number(row.processed ?? 0),
      incrementalSince: typeof row.incrementalSince === "string" ? row.incrementalSince : null,
      asOf: Number(row.asOf),
      startedAt: new Date(String(row.startedAt)).toISOString(),
    };
  }

  /**
   * The latest snapshot of `modelId` per account, aligned with `accountIds`; null where there is none. With
   * a selection, only its properties hold values (the account and model are always set).
   */
  async latestScores(
    accountIds: readonly string[],
    modelId: string,
    selection: PropertySelection<SnapshotProperty> = ALL_PROPERTIES,
  ): Promise<Array<StoredScore | null>> {
    const rows = await this.executor.read(
      latestScoresQuery(selection),
      this.params({ accountIds: [...accountIds], modelId }),
    );
    const byId = new Map<string, StoredScore>();
    for (const row of rows) {
      const accountId = String(row.accountId);
      byId.set(accountId, toScore(row.score as Record<string, unknown>, { accountId, modelId }));
    }
    return accountIds.map((id) => byId.get(id) ?? null);
  }

  async history(accountId: string, modelId: string, from: string | null, to: string | null): Promise<StoredScore[]> {
    const rows = await this.executor.read(SCORE_HISTORY, this.params({ accountId, modelId, from, to }));
    return rows.map((row) => toScore(row.score as Record<string, unknown>));
  }

  /** One page of the at-risk list; `withTotal` also counts the whole list (a second query, run alongside). */
  async atRisk(
    modelId: string,
    grade: string | null,
    minConfidence: number,
    first: number,
    after: CursorKey | null,
    withTotal = false,
  ) {
    const [rows, total] = await Promise.all([
      this.executor.read(
        AT_RISK,
        this.params({ modelId, grade, minConfidence, after: after ? [...after] : null, limit: neo4j.int(first + 1) }),
      ),
      withTotal
        ? this.executor.read(AT_RISK_COUNT, this.params({ modelId, grade, minConfidence }))
        : Promise.resolve(null),
    ]);
    return {
      items: rows.slice(0, first).map((row) => ({
        node: {
          score: toScore(row.score as Record<string, unknown>),
          account: toAccount(row.account as Record<string, unknown>),
        },
        sortKey: row.sortKey as Array<string | number | null>,
      })),
      hasNextPage: rows.length > first,
      totalCount: total === null ? null : Number(total[0]?.total ?? 0),
    };
  }

  async distribution(modelId: string, groupBy: "INDUSTRY" | "SEGMENT" | "REGION") {
    const rows = await this.executor.read(DISTRIBUTION, this.params({ modelId, groupBy }));
    return rows.map((row) => ({
      group: (row.group as string | null) ?? null,
      scores: (row.scores as Array<number | null>).filter((s): s is number => typeof s === "number"),
      grades: (row.grades as Array<string | null>).map((g) => g ?? "NONE"),
    }));
  }

  /** Stores outcomes and their OUTCOME_RECORDED events (none for a label already stored) in one transaction. */
  async setOutcomes(
    rows: ReadonlyArray<{ index: number; accountId: string; label: string; occurredOn: string }>,
    now: string,
  ) {
    return this.executor.writeSteps(SET_OUTCOMES.name, async (run) => {
      const result = await run(SET_OUTCOMES, this.params({ rows: [...rows], now }));
      await this.outbox.append(run, now, outcomeChanges(result, rows));
      return result.map((answer) => ({
        index: Number(answer.index),
        id: String(answer.id),
        status: String(answer.status) as "CREATED" | "UPDATED" | "UNCHANGED",
      }));
    });
  }

  async outcomes(labels: readonly string[] | null) {
    const rows = await this.executor.read(OUTCOMES, this.params({ labels: labels ? [...labels] : null }));
    return rows.map((row) => ({
      accountId: String(row.accountId),
      industry: (row.industry as string | null) ?? null,
      segment: (row.segment as string | null) ?? null,
      label: String(row.label),
      occurredOn: String(row.occurredOn),
    }));
  }
}
