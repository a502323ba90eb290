/**
 * Health recompute benchmark (issue 4): recomputes and stores health for every account of a generated
 * tenant through Relata's HealthService, beside one hand-tuned Cypher query that reads and aggregates the
 * signals counting toward each account (own, contacts', assets') of the mapped fields through the raw driver (the floor, `recompute-passes.ts`: no
 * explanation, no roll-up, no writes). Variants are interleaved over rounds; accounts per second, medians
 * and peak memory (Node RSS and Neo4j's VmHWM) are printed and written to bench/results/. The same passes
 * run as B5B inside `npm run bench` (`tenant-recompute.benchmark.ts`), on the harness's data set.
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
import {
  closeInterruptedRuns,
  healthFloorFields,
  logProgressEvery,
  recomputeAllAccounts,
  runHealthFloor,
} from "./recompute-passes";

const TENANT = "bench";
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
      "| variant | accounts/s (median) | min–max | seconds (median) | ratio to floor |",
      "| --- | ---: | ---: | ---: | ---: |",
      ...table.map(
        (t) =>
          `| ${t.variant} | ${t.median.toFixed(0)} | ${t.min.toFixed(0)}–${t.max.toFixed(0)} | ${t.seconds.toFixed(1)} | ${(t.median / floor).toFixed(2)} |`,
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
