import neo4j, { ProfiledPlan } from "neo4j-driver";

import { generateDemoData } from "../../demo/demo-data.generator";
import { conceptContributions } from "../../domain/health/stored-explanation";
import { clockStartingAt } from "../../domain/time/clock";
import { CypherExecutor, QueryStats } from "../../graph/executor";
import { MANUAL_MEASURES, RECOMPUTE_BATCH_AFTER, RECOMPUTE_BATCH_RANGE } from "../../graph/health/health.queries";
import { HealthRepository, ScoreWrite } from "../../graph/health/health.repository";
import { GraphDatabase } from "../../graph/graph-database";
import { createRepositories } from "../../graph/repositories";
import { loadDemoData } from "../../services/demo/load-demo-data";
import { HealthModelVersion } from "../../services/health/health-model";
import { HealthRecompute } from "../../services/health/health-recompute";
import { HealthScorer } from "../../services/health/health-scorer";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

/**
 * Issue 18, health recompute: a batch is read in one statement (accounts, aggregates, manual measures)
 * and stored in one write transaction (snapshots, the run's cursor, change events), and the snapshots
 * are exactly those of scoring each account with its full explanation, as a fresh score does.
 */
const tenant = uniqueTenant("recompute-batches");
const data = generateDemoData({ accounts: 45, signalsPerAccount: 15, seed: 11 });
/** 45 accounts in batches of 10: four full batches and one of five. */
const BATCH = 10;
const BATCHES = 5;
/** Statements of a run besides its batches (see the statement counts below). */
const SETUP_STATEMENTS = 6;
let api: TestApi;
/** A connection of this file's own, so its statement count holds only the recomputes' statements. */
let database: GraphDatabase;
let model: HealthModelVersion;
let accountIds: string[];
let measured: string;

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(data.referenceDate) });
  database = await GraphDatabase.open({
    uri: process.env.NEO4J_URI!,
    user: process.env.NEO4J_USER ?? "neo4j",
    password: process.env.NEO4J_PASSWORD ?? "",
    database: "neo4j",
  });
  const context = api.runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "test" });
  await loadDemoData(context.ingest, data, { advance: () => {} });
  model = await context.health.model("default");
  const repositories = createRepositories(executor(new QueryStats()), tenant);
  accountIds = (await repositories.health.accountsAfter("", 1_000, { industry: null, segment: null })).map((a) => a.id);
  // Manual measures enter the tree of their account only: one that is in effect and one that will be.
  measured = accountIds[7]!;
  for (const [value, expiresAt] of [
    [0.125, null],
    [0.5, "2099-01-01T00:00:00.000Z"],
  ] as const) {
    await context.health.setManualMeasure({
      accountId: measured,
      concept: "core:support",
      value,
      author: "ann",
      comment: "test",
      expiresAt,
    });
  }
  // Seeding through the ingest path on a busy machine takes longer than one test's allowance.
}, 300_000);

afterAll(async () => {
  await database?.close();
  await api?.stop();
});

function executor(stats: QueryStats): CypherExecutor {
  return database.executor(60_000).forRequest("test:recompute", stats);
}

/** The operators of a plan that read accounts from an index or a scan, with the rows each produced. */
function accountReads(plan: ProfiledPlan | false): Array<{ details: string; operator: string; rows: number }> {
  if (plan === false) throw new Error("the statement returned no profile");
  const details = String(plan.arguments["Details"] ?? "");
  const own =
    /Index|Scan/.test(plan.operatorType) && details.includes(":Account(")
      ? [{ details, operator: plan.operatorType, rows: plan.rows }]
      : [];
  return [...own, ...plan.children.flatMap((child) => accountReads(child))];
}

/** The operators of a plan that read manual measures: an index seek, or a scan of every tenant's measures. */
function measureReads(plan: ProfiledPlan | false): string[] {
  if (plan === false) throw new Error("the statement returned no profile");
  const own = String(plan.arguments["Details"] ?? "").includes(":ManualMeasure") ? [plan.operatorType] : [];
  return [...own, ...plan.children.flatMap((child) => measureReads(child))];
}

const rowsOf = (reads: ReadonlyArray<{ rows: number }>): number => reads.reduce((sum, read) => sum + read.rows, 0);

/** A recompute with its own statistics: statements by name, and every statement sent. */
async function recompute(health?: (executor: CypherExecutor) => HealthRepository) {
  const stats = new QueryStats();
  const repositories = createRepositories(executor(stats), tenant);
  const repository = health?.(executor(stats)) ?? repositories.health;
  const before = database.statementsRun;
  const progress: number[] = [];
  // A clock that stands still: every run scores as of the same instant, so a rerun finds the same scores.
  const clock = () => new Date(data.referenceDate);
  const run = await new HealthRecompute(repository, clock, BATCH).run(
    model,
    new HealthScorer(model, repository, repositories.ontology),
    null,
    false,
    (done) => progress.push(done),
  );
  const byName: Record<string, number> = {};
  for (const entry of stats.log) byName[entry.name] = (byName[entry.name] ?? 0) + 1;
  return { run, byName, statements: database.statementsRun - before, progress };
}

describe("a tenant recompute in batches", () => {
  it("stores for every account exactly the snapshot its full explanation gives, to the last bit", async () => {
    const { run, statements } = await recompute();
    expect(run.processed).toBe(accountIds.length);
    // Per batch: one read, and a write transaction of two statements (snapshots with the cursor; the
    // change events of the new scores). Besides: open, start and finish the run, the model's concept tree,
    // mappings and percentile populations.
    expect(statements).toBe(SETUP_STATEMENTS + BATCHES * 3);
    const repository = createRepositories(executor(new QueryStats()), tenant).health;
    const stored = await repository.latestScores(accountIds, "default");
    expect(stored.every((s) => s?.runId === run.runId)).toBe(true);
    const asOf = Date.parse(stored[0]!.asOf);
    const expected = await new HealthScorer(
      model,
      repository,
      createRepositories(executor(new QueryStats()), tenant).ontology,
    ).score(
      accountIds.map((id) => ({ id, asOf })),
      { evidence: false },
    );
    let concepts = 0;
    for (const [i, id] of accountIds.entries()) {
      const want = expected.get(id)!;
      const got = stored[i]!;
      expect([id, got.score, got.grade, got.confidence]).toEqual([id, want.score, want.grade, want.confidence]);
      expect(got.explanation).toBe(JSON.stringify(conceptContributions(want.explanation)));
      concepts += (JSON.parse(got.explanation) as unknown[]).length;
    }
    // Not a trivial tree: the accounts' snapshots hold several concepts each, and scores differ.
    expect(concepts).toBeGreaterThan(accountIds.length * 3);
    expect(new Set(stored.map((s) => s!.score)).size).toBeGreaterThan(10);
    const support = (JSON.parse(stored[accountIds.indexOf(measured)]!.explanation) as Array<{ concept: string }>).find(
      (c) => c.concept === "core:support",
    );
    expect(support).toBeDefined();
    // A run and a full rescore of 45 accounts: 26 s on a quiet machine, over a minute beside other work.
  }, 240_000);

  it("reads each batch in one statement and stores it in one transaction of at most two", async () => {
    // The previous test stored every account's snapshot; the same scores again announce no change, so
    // each write transaction is one statement. With changes it is two (the outbox appends the events).
    const again = await recompute();
    expect(again.progress).toEqual([10, 20, 30, 40, 45]);
    expect(again.byName).toEqual({
      "health.openRun": 1,
      "health.startRun": 1,
      "health.conceptTree": 1,
      "concept.mappings": 1,
      "bridge.fieldPopulations": 1,
      "health.recomputeBatch": BATCHES,
      "health.writeBatch": BATCHES,
      "health.finishRun": 1,
    });
    expect(again.statements).toBe(SETUP_STATEMENTS + BATCHES * 2);
  }, 180_000);

  it("reads a batch's accounts from the index without walking the rest of the tenant (rows in the plan)", async () => {
    // Before: every read of a run also walked the tenant's accounts for the boundaries it did not ask for, and
    // a range read walked the id index from its start to the last account: O(accounts²) over a run. Account
    // ids are unique across tenants, so a seek by id also passes other tenants' accounts in the same range:
    // the assertions are on the plan's bounds and on the difference the boundaries make, not on exact rows.
    const driver = neo4j.driver(
      process.env.NEO4J_URI!,
      neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
    );
    const session = driver.session();
    try {
      const sorted = [...accountIds].sort();
      const base = {
        tenant,
        asOf: Date.parse(data.referenceDate),
        maxWindowMs: 0,
        windows: {},
        contacts: true,
        assets: true,
        industry: null,
        segment: null,
      };
      const range = await session.run(`PROFILE ${RECOMPUTE_BATCH_RANGE.text}`, {
        ...base,
        after: sorted[9],
        upTo: sorted[19],
        limit: neo4j.int(2 ** 31 - 1),
        boundaries: false,
      });
      expect(range.records.map((r) => r.get("id"))).toEqual(sorted.slice(10, 20));
      const reads = accountReads(range.summary.profile);
      const bounded = reads.filter((read) => read.details.includes("id > $after AND id <= $upTo"));
      expect(bounded.map((read) => read.operator)).toEqual([expect.stringContaining("SeekByRange")]);
      const open = reads.filter((read) => /id > \$after(?! AND)/.test(read.details));
      expect(open.length).toBeGreaterThan(0);
      expect(rowsOf(open)).toBe(0);
      // The next batch after a cursor, with and without the boundaries of the run's later batches.
      const next = (boundaries: boolean) =>
        session.run(`PROFILE ${RECOMPUTE_BATCH_AFTER.text}`, {
          ...base,
          after: sorted[9],
          upTo: null,
          limit: neo4j.int(BATCH),
          boundaries,
        });
      const plain = await next(false);
      expect(plain.records.map((r) => r.get("id"))).toEqual(sorted.slice(10, 10 + BATCH));
      expect(plain.records[0]!.get("boundaries")).toBeNull();
      const withBoundaries = await next(true);
      expect(withBoundaries.records[0]!.get("boundaries")).toEqual([sorted[19], sorted[29], sorted[39], sorted[44]]);
      // The boundaries walk every account after the cursor; without them, none of that is read.
      expect(
        rowsOf(accountReads(withBoundaries.summary.profile)) - rowsOf(accountReads(plain.summary.profile)),
      ).toBeGreaterThanOrEqual(accountIds.length - 10);
    } finally {
      await session.close();
      await driver.close();
    }
  });

  it("finds an account's manual measures by an index seek, not a scan of every tenant's measures", async () => {
    // Migration 26. Before it, both reads scanned the ManualMeasure label once per account scored.
    const driver = neo4j.driver(
      process.env.NEO4J_URI!,
      neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
    );
    const session = driver.session();
    try {
      const asOf = Date.parse(data.referenceDate);
      const measures = await session.run(`PROFILE ${MANUAL_MEASURES.text}`, { tenant, accountIds: [measured], asOf });
      expect(measures.records.map((r) => r.get("measure").value as number).sort()).toEqual([0.125, 0.5]);
      const batch = await session.run(`PROFILE ${RECOMPUTE_BATCH_RANGE.text}`, {
        tenant,
        asOf,
        maxWindowMs: 0,
        windows: {},
        contacts: true,
        assets: true,
        industry: null,
        segment: null,
        after: "",
        upTo: [...accountIds].sort().at(-1),
        limit: neo4j.int(2 ** 31 - 1),
        boundaries: false,
      });
      expect(batch.records).toHaveLength(accountIds.length);
      for (const plan of [measures.summary.profile, batch.summary.profile]) {
        const reads = measureReads(plan);
        expect(reads.length).toBeGreaterThan(0);
        expect(reads.filter((operator) => !operator.includes("IndexSeek"))).toEqual([]);
      }
    } finally {
      await session.close();
      await driver.close();
    }
  });

  it("resumes an interrupted run after its last stored batch, scoring every account once", async () => {
    let writes = 0;
    const failing = (exec: CypherExecutor) =>
      new (class extends HealthRepository {
        override async writeScores(
          run: { id: string; modelId: string; version: number } | null,
          modelId: string,
          version: number,
          scores: readonly ScoreWrite[],
          cursor: string,
          now: string,
        ): Promise<void> {
          writes += 1;
          if (writes === 3) throw new Error("the third batch fails");
          return super.writeScores(run, modelId, version, scores, cursor, now);
        }
      })(exec, tenant);
    await expect(recompute(failing)).rejects.toThrow("the third batch fails");
    const resumed = await recompute();
    expect(resumed.run.resumed).toBe(true);
    expect(resumed.run.processed).toBe(accountIds.length);
    expect(resumed.byName["health.writeBatch"]).toBe(BATCHES - 2);
    const repository = createRepositories(executor(new QueryStats()), tenant).health;
    for (const id of accountIds) {
      const history = await repository.history(id, "default", null, null);
      expect([id, history.filter((s) => s.runId === resumed.run.runId).length]).toEqual([id, 1]);
    }
  });
});
