import type { Driver } from "neo4j-driver";

import { QueryStats } from "../../graph/executor";
import { GraphDatabase } from "../../graph/graph-database";
import { createRepositories } from "../../graph/repositories";
import { HealthScorer } from "../../services/health/health-scorer";
import { BATCH_SIZE, HealthRecompute } from "../../services/health/health-recompute";
import { systemClock } from "../../domain/time/clock";
import { HealthService, type RecomputeResult } from "../../services/health/health.service";
import type { HealthRecomputeOptions } from "../bench-options";
import type { SeededDataset } from "../dataset/seed-dataset";
import { startCpuSample, waitForQuiet } from "../load/cpu-sampler";
import type { BenchConnection } from "../neo4j/bench-connection";
import type {
  HealthRecomputePass,
  HealthRecomputeReport,
  HealthRecomputeRow,
  HealthRecomputeVariant,
} from "../report/bench-result";
import { spread, spreadOrNull } from "../report/spread";
import {
  BENCH_HEALTH_MODEL,
  closeInterruptedRuns,
  healthFloorFields,
  logProgressEvery,
  recomputeAllAccounts,
  runHealthFloor,
} from "./recompute-passes";
import { FAIR_FLOOR_BATCH, runFairFloor } from "./fair-floor";

/** A batch of 500 accounts takes seconds at most; a statement that runs for minutes is stuck. */
const QUERY_TIMEOUT_MS = 600_000;
const PROGRESS_EVERY_MS = 5_000;

const LATEST_SNAPSHOTS = `
MATCH (h:HealthScore {tenant: $tenant, modelId: $modelId, latest: true})
RETURN count(h) AS snapshots`;

interface RecomputeTargets {
  readonly connection: BenchConnection;
  /** The harness's own driver: the floor runs on it, as the raw endpoint would. */
  readonly driver: Driver;
  readonly neo4jPid: number;
}

/**
 * B5B: recomputes and stores health for every account of the read tenant through Relata's HealthService
 * (a forced full run: scores with explanations, snapshots written in batches), interleaved over rounds
 * with the floor statement that only reads and aggregates the accounts' signals. Both run in this process,
 * so its CPU and Neo4j's are each pass's whole cost. Every round replaces existing snapshots: when some
 * account has none yet, an untimed recompute runs first; one untimed floor pass warms the page cache.
 */
export async function runTenantRecompute(
  dataset: SeededDataset,
  options: HealthRecomputeOptions,
  targets: RecomputeTargets,
  log: (message: string) => void,
): Promise<HealthRecomputeReport> {
  const { tenant } = dataset;
  const { database } = targets.connection;
  const graph = await GraphDatabase.open({ ...targets.connection });
  try {
    const setup = createRepositories(
      graph.executor(QUERY_TIMEOUT_MS).forRequest("bench:B5B", new QueryStats()),
      tenant,
    );
    const accounts = await setup.accounts.count({});
    const fields = await healthFloorFields(setup);
    const interruptedRunsClosed = await closeInterruptedRuns(setup.health);
    if (interruptedRunsClosed > 0) log(`  B5B: closed ${interruptedRunsClosed} health run(s) left open before.`);

    const snapshots = await latestSnapshots(targets.driver, database, tenant);
    const primed = snapshots < accounts;
    if (primed) {
      log(`  B5B: ${snapshots}/${accounts} accounts have a health snapshot; an untimed recompute stores the first.`);
      await relataPass(graph, tenant, accounts, 0, targets, log);
    }
    log(`  B5B: untimed floor pass (page cache).`);
    await floorPass(targets, tenant, fields, accounts, 0, log);

    const passes: HealthRecomputePass[] = [];
    let model: RecomputeResult | null = null;
    for (let round = 1; round <= options.rounds; round += 1) {
      await waitForQuiet({ bench: process.pid, neo4j: targets.neo4jPid });
      passes.push(await floorPass(targets, tenant, fields, accounts, round, log));
      await waitForQuiet({ bench: process.pid, neo4j: targets.neo4jPid });
      passes.push(await fairFloorPass(graph, targets, tenant, accounts, round, log));
      await waitForQuiet({ bench: process.pid, neo4j: targets.neo4jPid });
      const relata = await relataPass(graph, tenant, accounts, round, targets, log);
      passes.push(relata.pass);
      model = relata.run;
      await waitForQuiet({ bench: process.pid, neo4j: targets.neo4jPid });
      // Before issue 18's concurrent batches: one read ahead of the batch being scored, as until then.
      passes.push((await relataPass(graph, tenant, accounts, round, targets, log, 1)).pass);
    }
    const rows = summarise(passes);
    const median = (variant: HealthRecomputeVariant) =>
      rows.find((r) => r.variant === variant)?.accountsPerSecond.median;
    const relataRate = median("relata");
    const floorRate = median("floor");
    const fairRate = median("fair");
    return {
      tenant,
      accounts,
      signals: dataset.counts.signals,
      modelId: model?.modelId ?? BENCH_HEALTH_MODEL,
      modelVersion: model?.version ?? null,
      floorFields: fields.length,
      primed,
      interruptedRunsClosed,
      passes,
      rows,
      ratio: relataRate !== undefined && floorRate !== undefined && floorRate > 0 ? relataRate / floorRate : null,
      fairRatio: relataRate !== undefined && fairRate !== undefined && fairRate > 0 ? relataRate / fairRate : null,
    };
  } finally {
    await graph.close();
  }
}

/** Round 0 is the untimed priming run. */
async function relataPass(
  graph: GraphDatabase,
  tenant: string,
  accounts: number,
  round: number,
  targets: RecomputeTargets,
  log: (message: string) => void,
  /** Batch reads at once; null: the product's default (through HealthService). */
  readsInFlight: number | null = null,
): Promise<{ pass: HealthRecomputePass; run: RecomputeResult }> {
  // A fresh service and executor per pass, as every `recomputeHealth` request gets: nothing cached.
  const stats = new QueryStats();
  const repositories = createRepositories(graph.executor(QUERY_TIMEOUT_MS).forRequest("bench:B5B", stats), tenant);
  const service = new HealthService(repositories.health, repositories.ontology);
  const health: Pick<HealthService, "recompute"> =
    readsInFlight === null
      ? service
      : {
          recompute: async (modelId, _ids, _incremental, onProgress = () => {}) => {
            const model = await service.model(modelId);
            return new HealthRecompute(repositories.health, systemClock, BATCH_SIZE, readsInFlight).run(
              model,
              new HealthScorer(model, repositories.health, repositories.ontology),
              null,
              false,
              onProgress,
            );
          },
        };
  const label = `  B5B${round === 0 ? " (untimed)" : ` round ${round}`} Relata${readsInFlight === null ? "" : `, ${readsInFlight} read ahead`}`;
  let done = 0;
  const stopLog = logProgressEvery(PROGRESS_EVERY_MS, label, accounts, () => done, log);
  const sample = startCpuSample({ bench: process.pid, neo4j: targets.neo4jPid });
  const started = performance.now();
  let run: RecomputeResult;
  try {
    run = await recomputeAllAccounts(health, (n) => (done = n));
  } finally {
    stopLog();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = sample();
  if (run.processed !== accounts) {
    throw new Error(
      `B5B: the recompute processed ${run.processed} accounts; the tenant "${tenant}" has ${accounts}. ` +
        "The default model's scope should cover the whole tenant.",
    );
  }
  const queries: Record<string, number> = {};
  for (const entry of stats.log) queries[entry.name] = (queries[entry.name] ?? 0) + 1;
  const variant = readsInFlight === null ? "relata" : "relata-one-read";
  const pass = measuredPass(variant, round, run.processed, run.scored, seconds, stats.queries, queries, cpu);
  log(
    `${label}: ${run.processed} accounts (${run.scored} scored) in ${seconds.toFixed(1)} s, ` +
      `${Math.round(pass.accountsPerSecond)} accounts/s, ${stats.queries} Cypher statements`,
  );
  return { pass, run };
}

async function floorPass(
  targets: RecomputeTargets,
  tenant: string,
  fields: readonly string[],
  accounts: number,
  round: number,
  log: (message: string) => void,
): Promise<HealthRecomputePass> {
  const label = `  B5B${round === 0 ? " (untimed)" : ` round ${round}`} floor`;
  let rows = 0;
  const stopLog = logProgressEvery(PROGRESS_EVERY_MS, label, accounts, () => rows, log);
  const sample = startCpuSample({ bench: process.pid, neo4j: targets.neo4jPid });
  const started = performance.now();
  try {
    await runHealthFloor(targets.driver, targets.connection.database, tenant, fields, (n) => (rows = n));
  } finally {
    stopLog();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = sample();
  if (rows !== accounts) {
    throw new Error(`B5B: the floor aggregated ${rows} accounts; the tenant "${tenant}" has ${accounts}.`);
  }
  const pass = measuredPass("floor", round, rows, null, seconds, 1, { "health.floor": 1 }, cpu);
  log(`${label}: ${rows} accounts in ${seconds.toFixed(1)} s, ${Math.round(pass.accountsPerSecond)} accounts/s`);
  return pass;
}

/**
 * The fair floor (`fair-floor.ts`): the same scores and snapshots as Relata's recompute from hand-written
 * Cypher on the harness's raw driver, scored with the domain's pure functions. It must score as many
 * accounts as Relata does, or it did not do the same work.
 */
async function fairFloorPass(
  graph: GraphDatabase,
  targets: RecomputeTargets,
  tenant: string,
  accounts: number,
  round: number,
  log: (message: string) => void,
): Promise<HealthRecomputePass> {
  const label = `  B5B round ${round} fair floor`;
  let done = 0;
  const stopLog = logProgressEvery(PROGRESS_EVERY_MS, label, accounts, () => done, log);
  const sample = startCpuSample({ bench: process.pid, neo4j: targets.neo4jPid });
  const started = performance.now();
  let result: { accounts: number; scored: number };
  const stats = new QueryStats();
  try {
    // What it scores with (model version, concept tree, mappings, populations) is read through Relata's
    // repositories, as a hand-written job would read its configuration once; counted in its time.
    const repositories = createRepositories(graph.executor(QUERY_TIMEOUT_MS).forRequest("bench:B5B", stats), tenant);
    const model = await new HealthService(repositories.health, repositories.ontology).model(BENCH_HEALTH_MODEL);
    const asOf = Date.now();
    const scoring = await new HealthScorer(model, repositories.health, repositories.ontology).forRecompute(asOf);
    result = await runFairFloor(targets.driver, targets.connection.database, tenant, model, scoring, asOf, (n) => {
      done = n;
    });
  } finally {
    stopLog();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = sample();
  if (result.accounts !== accounts) {
    throw new Error(`B5B: the fair floor stored ${result.accounts} accounts; the tenant "${tenant}" has ${accounts}.`);
  }
  const batches = Math.ceil(accounts / FAIR_FLOOR_BATCH);
  const pass = measuredPass(
    "fair",
    round,
    result.accounts,
    result.scored,
    seconds,
    stats.queries + batches * 2,
    { setup: stats.queries, "fair.readBatch": batches, "fair.writeBatch": batches },
    cpu,
  );
  log(
    `${label}: ${result.accounts} accounts (${result.scored} scored) in ${seconds.toFixed(1)} s, ` +
      `${Math.round(pass.accountsPerSecond)} accounts/s`,
  );
  return pass;
}

function measuredPass(
  variant: HealthRecomputeVariant,
  round: number,
  accounts: number,
  scored: number | null,
  seconds: number,
  roundTrips: number,
  queries: Record<string, number>,
  cpu: Record<string, number | null>,
): HealthRecomputePass {
  const per1k = (ms: number | null | undefined) =>
    ms === null || ms === undefined || accounts === 0 ? null : (ms * 1000) / accounts;
  return {
    variant,
    round,
    accounts,
    scored,
    seconds,
    accountsPerSecond: accounts / seconds,
    roundTrips,
    queries,
    cpuMsPer1kAccounts: { bench: per1k(cpu.bench), neo4j: per1k(cpu.neo4j) },
  };
}

async function latestSnapshots(driver: Driver, database: string, tenant: string): Promise<number> {
  const { records } = await driver.executeQuery(
    LATEST_SNAPSHOTS,
    { tenant, modelId: BENCH_HEALTH_MODEL },
    { database, routing: "READ" },
  );
  return Number(records[0]?.get("snapshots") ?? 0);
}

function summarise(passes: readonly HealthRecomputePass[]): HealthRecomputeRow[] {
  return (["relata", "relata-one-read", "fair", "floor"] as const).flatMap((variant) => {
    const group = passes.filter((p) => p.variant === variant);
    if (group.length === 0) return [];
    return [
      {
        variant,
        rounds: group.length,
        accountsPerSecond: spread(group.map((p) => p.accountsPerSecond)),
        seconds: spread(group.map((p) => p.seconds)),
        roundTrips: spread(group.map((p) => p.roundTrips)),
        cpuMsPer1kAccounts: {
          bench: spreadOrNull(group.map((p) => p.cpuMsPer1kAccounts.bench)),
          neo4j: spreadOrNull(group.map((p) => p.cpuMsPer1kAccounts.neo4j)),
        },
      },
    ];
  });
}
