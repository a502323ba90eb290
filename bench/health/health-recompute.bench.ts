/**
 * Health recompute benchmark (issues 4 and 18): recomputes and stores health for every account of a
 * generated tenant through Relata's HealthService, beside two floors on the raw driver, interleaved over
 * rounds: the aggregation-only floor (`recompute-passes.ts`: one statement that reads and aggregates the
 * signals counting toward each account, own, contacts' and assets', of the mapped fields; no explanation,
 * no roll-up, no writes) and the fair floor (`fair-floor.ts`: hand-written Cypher plus the domain's pure
 * scoring functions, the same scores and the same snapshots written, one read and one write statement per
 * batch, none of Relata's plumbing). Accounts per second, medians and peak memory (Node RSS and Neo4j's
 * VmHWM) are printed and written to bench/results/. The aggregation-only pass also runs as B5B inside
 * `npm run bench` (`tenant-recompute.benchmark.ts`), on the harness's data set.
 *
 *   npm run bench:health -- --quick            2,000 accounts × 20 signals (a few minutes)
 *   npm run bench:health                       100,000 accounts × 20 signals (2,000,000 signals)
 */
import "reflect-metadata";
import { execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import pino from "pino";
import { createProgressReporter } from "../../app/progress";
import { generateDemoData } from "../../demo/demo-data.generator";
import { GraphDatabase } from "../../graph/graph-database";
import { QueryStats } from "../../graph/executor";
import { ensureNeo4jDistribution } from "../../graph/local-server/neo4j-distribution";
import { startManagedNeo4j } from "../../graph/local-server/managed-neo4j";
import { runMigrations } from "../../graph/migrations/run-migrations";
import { BUILT_IN_SCOPE, OntologyRepository } from "../../graph/ontology/ontology.repository";
import { createRepositories } from "../../graph/repositories";
import { loadDemoData, totalRecords } from "../../services/demo/load-demo-data";
import { HealthService } from "../../services/health/health.service";
import { IngestService } from "../../services/ingest/ingest.service";
import { OntologyService } from "../../services/ontology/ontology.service";
import { HealthScorer } from "../../services/health/health-scorer";
import { runFairFloor } from "./fair-floor";
import {
  BENCH_HEALTH_MODEL,
  closeInterruptedRuns,
  healthFloorFields,
  logProgressEvery,
  recomputeAllAccounts,
  runHealthFloor,
} from "./recompute-passes";

const TENANT = "bench";
const FAIR_FLOOR = "hand-written Cypher + domain scoring, same snapshots (fair floor)";
const SEED = 42;

interface Sample {
  variant: string;
  round: number;
  seconds: number;
  accountsPerSecond: number;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function vmHwmMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const accounts = Number(argument("accounts") ?? (quick ? 2_000 : 100_000));
  const signalsPerAccount = Number(argument("signals-per-account") ?? 20);
  const rounds = Number(argument("rounds") ?? (quick ? 3 : 2));
  const heap = argument("heap") ?? "2g";
  const pageCache = argument("pagecache") ?? "2g";
  const log = (message: string) => process.stderr.write(`[bench:health] ${message}\n`);
  const quiet = pino({ level: "silent" });

  const home = mkdtempSync(join(tmpdir(), "relata-bench-health-"));
  const distribution = await ensureNeo4jDistribution({ log });
  const server = await startManagedNeo4j({ home, heap, pageCache, log, distribution });
  const database = await GraphDatabase.open({
    uri: server.uri,
    user: server.user,
    password: server.password,
    database: "neo4j",
  });
  const raw = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
  try {
    const stats = new QueryStats();
    const executor = database.executor(3_600_000).forRequest("bench:health", stats);
    await runMigrations(executor, log);
    await new OntologyService(new OntologyRepository(executor, BUILT_IN_SCOPE, BUILT_IN_SCOPE), true).loadBuiltInPacks(
      undefined,
      log,
    );
    const repositories = createRepositories(executor, TENANT);

    const data = generateDemoData({ accounts, signalsPerAccount, seed: SEED });
    log(`seeding ${accounts} accounts, ${data.counts.signals} signals (seed ${SEED}) through the ingest path`);
    const ingest = new IngestService(repositories.ingest, TENANT, { maxBatchSize: 20_000, chunkSize: 5_000 }, quiet);
    const progress = createProgressReporter("seed", totalRecords(data), log);
    const seedStart = performance.now();
    await loadDemoData(ingest, data, progress, 20_000);
    progress.finish();
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const fields = await healthFloorFields(repositories);
    const health = new HealthService(repositories.health, repositories.ontology);
    const samples: Sample[] = [];
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

    for (let round = 1; round <= rounds; round += 1) {
      const floorStart = performance.now();
      let rows = 0;
      const stopFloorLog = logProgressEvery(5_000, `round ${round}: floor`, accounts, () => rows, log);
      try {
        await runHealthFloor(raw, "neo4j", TENANT, fields, (n) => (rows = n));
      } finally {
        stopFloorLog();
      }
      const floorSeconds = (performance.now() - floorStart) / 1000;
      samples.push({
        variant: "raw Cypher aggregation (floor)",
        round,
        seconds: floorSeconds,
        accountsPerSecond: rows / floorSeconds,
      });
      log(`round ${round}: floor ${rows} accounts in ${floorSeconds.toFixed(1)} s`);

      const fairStart = performance.now();
      let fairDone = 0;
      const stopFairLog = logProgressEvery(5_000, `round ${round}: fair floor`, accounts, () => fairDone, log);
      const fair = await (async () => {
        const model = await health.model(BENCH_HEALTH_MODEL);
        const asOf = Date.now();
        const scoring = await new HealthScorer(model, repositories.health, repositories.ontology).forRecompute(asOf);
        return runFairFloor(raw, "neo4j", TENANT, model, scoring, asOf, (n) => (fairDone = n));
      })().finally(stopFairLog);
      const fairSeconds = (performance.now() - fairStart) / 1000;
      samples.push({
        variant: FAIR_FLOOR,
        round,
        seconds: fairSeconds,
        accountsPerSecond: fair.accounts / fairSeconds,
      });
      log(
        `round ${round}: fair floor ${fair.accounts} accounts (${fair.scored} scored) in ${fairSeconds.toFixed(1)} s`,
      );

      await closeInterruptedRuns(repositories.health);
      const relataStart = performance.now();
      let done = 0;
      const stopRelataLog = logProgressEvery(5_000, `round ${round}: relata`, accounts, () => done, log);
      const run = await recomputeAllAccounts(health, (n) => (done = n)).finally(stopRelataLog);
      const relataSeconds = (performance.now() - relataStart) / 1000;
      samples.push({
        variant: "Relata recomputeHealth (stored, explained)",
        round,
        seconds: relataSeconds,
        accountsPerSecond: run.processed / relataSeconds,
      });
      log(`round ${round}: relata ${run.processed} accounts (${run.scored} scored) in ${relataSeconds.toFixed(1)} s`);
    }
    clearInterval(sampler);
    const byQuery = new Map<string, { n: number; ms: number }>();
    for (const entry of stats.log) {
      const agg = byQuery.get(entry.name) ?? { n: 0, ms: 0 };
      byQuery.set(entry.name, { n: agg.n + 1, ms: agg.ms + entry.ms });
    }
    log(
      `database time per query: ${[...byQuery.entries()]
        .filter(([name]) => name.startsWith("health"))
        .map(([name, a]) => `${name} ${a.n}× ${Math.round(a.ms)} ms`)
        .join(", ")}`,
    );

    const variants = [...new Set(samples.map((s) => s.variant))];
    const table = variants.map((variant) => {
      const of = samples.filter((s) => s.variant === variant);
      const rates = of.map((s) => s.accountsPerSecond);
      return {
        variant,
        median: median(rates),
        min: Math.min(...rates),
        max: Math.max(...rates),
        seconds: median(of.map((s) => s.seconds)),
      };
    });
    const floor = table[0]!.median;
    const fairFloor = table.find((t) => t.variant === FAIR_FLOOR)?.median ?? NaN;
    const commit = (() => {
      try {
        return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
      } catch {
        return "unknown";
      }
    })();
    const environment = {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      node: process.version,
      neo4j: distribution.version,
      heap,
      pageCache,
      accounts,
      signals: data.counts.signals,
      seed: SEED,
      rounds,
      commit,
      seedSeconds: Math.round(seedSeconds),
      peakNodeRssMb: Math.round(peakRss / 1024 / 1024),
      peakNeo4jRssMb: vmHwmMb(server.pid),
    };
    const markdown = [
      `Health recompute, ${accounts.toLocaleString("en")} accounts / ${data.counts.signals.toLocaleString("en")} signals, ${rounds} interleaved rounds (${environment.cpu}, ${environment.cores} cores, Node ${environment.node}, Neo4j ${environment.neo4j}, heap ${heap}, page cache ${pageCache}, commit ${commit}):`,
      "",
      "| variant | accounts/s (median) | min–max | seconds (median) | ratio to floor | ratio to fair floor |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      ...table.map(
        (t) =>
          `| ${t.variant} | ${t.median.toFixed(0)} | ${t.min.toFixed(0)}–${t.max.toFixed(0)} | ${t.seconds.toFixed(1)} | ${(t.median / floor).toFixed(2)} | ${(t.median / fairFloor).toFixed(2)} |`,
      ),
      "",
      `Peak memory: Relata process ${environment.peakNodeRssMb} MB RSS, Neo4j ${environment.peakNeo4jRssMb ?? "?"} MB (VmHWM). Seeding through the ingest path took ${environment.seedSeconds} s.`,
      "",
    ].join("\n");
    process.stdout.write(`\n${markdown}\n`);
    const dir = join(__dirname, "..", "..", "..", "bench", "results");
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    writeFileSync(
      join(dir, `health-${quick ? "quick" : "full"}-${stamp}.json`),
      JSON.stringify({ environment, samples, table }, null, 2),
    );
    writeFileSync(join(dir, `health-${quick ? "quick" : "full"}-latest.md`), markdown);
  } finally {
    await raw.close();
    await database.close();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
