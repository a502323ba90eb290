/**
 * `npm run bench [-- --quick]`: one process tree, one run. Starts a throw-away Neo4j with fixed memory and
 * APOC, seeds reproducible data through Relata's ingest path, starts every variant as its own process,
 * checks that they answer alike, measures the scenarios interleaved over rounds, then a tenant health
 * recompute (B5B) and bulk ingest (B6), and writes `bench/results/<time>-<profile>.json` plus the Markdown
 * table (`bench/results/latest.md`).
 */
import "reflect-metadata";

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import neo4j, { type Driver } from "neo4j-driver";

import { signToken } from "../app/auth/token";
import { Customer360Document } from "../schema/generated/graphql";
import { isSelected, parseBenchOptions, type BenchOptions } from "./bench-options";
import { checkAnswers, type CheckOutcome } from "./check/equal-answers";
import { pickScenarioInputs } from "./dataset/scenario-inputs";
import {
  benchDatasets,
  describeDataset,
  seedDataset,
  startInProcessRelata,
  type BenchDatasets,
  type SeededDataset,
} from "./dataset/seed-dataset";
import { runTenantRecompute } from "./health/tenant-recompute.benchmark";
import { runBulkIngest } from "./ingest/bulk-ingest.benchmark";
import { prepareIngestTenant } from "./ingest/ingest-dataset";
import { runReadBenchmark, summariseReads, type CheckedScenario } from "./load/read-benchmark";
import { BENCH_JWT_SECRET, type BenchConnection } from "./neo4j/bench-connection";
import { startBenchNeo4j, type BenchNeo4j } from "./neo4j/bench-neo4j";
import { API_RSS_TARGET_MB, startRssSampler } from "./load/rss-sampler";
import type { BenchResult, HealthRecomputeReport, IngestReport, ScenarioReport } from "./report/bench-result";
import { cpuModel, gitState, packageVersions, type BenchEnvironment } from "./report/environment";
import { renderMarkdown } from "./report/markdown-report";
import { writeResults } from "./report/write-results";
import { objectCount } from "./scenarios/b2-customer-360.scenario";
import { operationDepth } from "./scenarios/operation-depth";
import type { Scenario } from "./scenarios/scenario";
import { readScenarios } from "./scenarios/scenarios";
import { killStartedServers } from "./variants/server-process";
import { startVariants } from "./variants/start-variants";
import { BASELINE_ENV, VARIANTS, type RunningVariant, type VariantId } from "./variants/variant";

const MEASURED_PACKAGES = ["@neo4j/graphql", "@apollo/server", "graphql", "neo4j-driver", "type-graphql", "autocannon"];

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Everything a run starts, so that `finally` can stop it whatever failed. */
interface RunResources {
  runDir: string;
  ownsRunDir: boolean;
  neo4j: BenchNeo4j | null;
  driver: Driver | null;
  variants: RunningVariant[];
  /** Set once cleaning up started; a signal during a run and the run's own `finally` share it. */
  cleaning: Promise<void> | null;
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  // The code measured is the code at start (the variants load it then), not at the end of a long run.
  const git = gitState();
  const timings: Record<string, number> = {};
  /** RSS of the Relata API process, sampled from its start to the end of the run (issue 18: < 300 MB). */
  let apiRss: ReturnType<typeof startRssSampler> | null = null;
  /** This process's RSS: B5B's recompute (Relata's HealthService and the floors) runs here. */
  const benchRss = startRssSampler(process.pid);
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    apiRss?.phase(name);
    benchRss.phase(name);
    const started = Date.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round((Date.now() - started) / 100) / 10;
    }
  };
  const runDir = options.home ? path.resolve(options.home) : fs.mkdtempSync(path.join(os.tmpdir(), "relata-bench-"));
  fs.mkdirSync(path.join(runDir, "logs"), { recursive: true });
  const resources: RunResources = {
    runDir,
    ownsRunDir: !options.home,
    neo4j: null,
    driver: null,
    variants: [],
    cleaning: null,
  };
  const stopOnSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the servers and Neo4j.`);
    void cleanUp(resources, options).finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  log(`${options.profile} run in ${runDir}`);
  try {
    const neo = await phase("neo4j", () =>
      startBenchNeo4j(runDir, { heap: options.heap, pageCache: options.pageCache }, log),
    );
    resources.neo4j = neo;
    const connection: BenchConnection = {
      uri: neo.server.uri,
      user: neo.server.user,
      password: neo.server.password,
      database: "neo4j",
    };
    const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password));
    resources.driver = driver;

    const datasets = benchDatasets(options);
    const withIngest = isSelected(options, "B6");
    const seeded = await phase("seed", () => seedDatasets(connection, runDir, datasets, withIngest, neo.server.home));

    const inputs = await pickScenarioInputs(options, datasets.main, datasets.keyAccounts, driver, connection.database);
    const scenarios = readScenarios(inputs).filter((s) => isSelected(options, s.id));
    const needed = new Set<VariantId>(
      VARIANTS.filter(
        (v) =>
          scenarios.some((s) => s.kinds.includes(v.kind)) &&
          (v.id !== "relata-uncached" || scenarios.some((s) => s.id === "B5a")) &&
          (v.id !== "relata-baseline" || (process.env[BASELINE_ENV] ?? "") !== ""),
      ).map((v) => v.id),
    );
    if (withIngest) ["relata", "raw"].forEach((id) => needed.add(id as VariantId));
    log(`Starting ${needed.size} variants.`);
    resources.variants = await phase("start variants", () => startVariants(needed, connection, runDir, log));
    const relataProcess = resources.variants.find((v) => v.descriptor.id === "relata");
    if (relataProcess) apiRss = startRssSampler(relataProcess.pid);

    const checked = await phase("checks", () => checkScenarios(scenarios, resources.variants));
    const timed = checked.filter((c) => c.variants.length > 0);
    const measurements =
      timed.length === 0 ? [] : await phase("reads", () => runReadBenchmark(timed, options, neo.server.pid, log));
    const read = summariseReads(checked, measurements, options.connections);

    let healthRecompute: HealthRecomputeReport | null = null;
    if (isSelected(options, "B5B")) {
      log(
        `B5B tenant health recompute: ${seeded.main.accounts} accounts of "${seeded.main.tenant}", ` +
          `${options.healthRecompute.rounds} round(s).`,
      );
      healthRecompute = await phase("health recompute", () =>
        runTenantRecompute(seeded.main, options.healthRecompute, { connection, driver, neo4jPid: neo.server.pid }, log),
      );
    }

    let ingest: IngestReport | null = null;
    if (withIngest) {
      const relata = resources.variants.find((v) => v.descriptor.id === "relata");
      const raw = resources.variants.find((v) => v.descriptor.id === "raw");
      if (!relata || !raw) throw new Error("B6 needs the Relata and raw variants running.");
      log(
        `B6 bulk ingest: ${options.ingest.batchSizes.join(" / ")} rows per batch, ${options.ingest.rounds} round(s).`,
      );
      ingest = await phase("ingest", () =>
        runBulkIngest(
          datasets.ingest,
          options.ingest,
          {
            relata,
            raw,
            token: tokenFor(options.ingest.tenant),
            neo4jPid: neo.server.pid,
          },
          driver,
          connection.database,
          log,
        ),
      );
    }

    const environment = await describeEnvironment(options, neo, driver, connection.database, seeded, git);
    const result: BenchResult = {
      startedAt,
      finishedAt: new Date().toISOString(),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
      options,
      environment,
      scenarios: checked.map(reportScenario),
      read,
      healthRecompute,
      ingest,
      memory: { api: apiRss?.stop() ?? null, bench: benchRss.stop(), targetMb: API_RSS_TARGET_MB },
      measurements,
      timingsSeconds: timings,
    };
    const markdown = renderMarkdown(result);
    const file = writeResults(result, markdown);
    process.stdout.write(`\n${markdown}\n`);
    log(`Results: ${file} and bench/results/latest.md (phases: ${JSON.stringify(timings)}).`);
  } finally {
    await cleanUp(resources, options);
  }
}

/** Seeds the data sets through an in-process Relata (migrations, built-in packs, the ingest service). */
async function seedDatasets(
  connection: BenchConnection,
  runDir: string,
  datasets: BenchDatasets,
  withIngest: boolean,
  markerDir: string,
): Promise<{ main: SeededDataset; key: SeededDataset }> {
  const runtime = await startInProcessRelata(connection, runDir);
  try {
    const main = await seedDataset(runtime, datasets.main, markerDir, log);
    const key = await seedDataset(runtime, datasets.keyAccounts, markerDir, log);
    if (withIngest) await prepareIngestTenant(runtime, datasets.ingest, markerDir, log);
    return { main, key };
  } finally {
    await runtime.stop();
  }
}

/** Checks every scenario's answers; the variants that answered alike are the ones timed. */
async function checkScenarios(
  scenarios: readonly Scenario[],
  running: readonly RunningVariant[],
): Promise<CheckedScenario[]> {
  const checked: CheckedScenario[] = [];
  for (const scenario of scenarios) {
    const variants = running.filter(
      (v) =>
        scenario.kinds.includes(v.descriptor.kind) &&
        (scenario.fanOut || v.descriptor.id !== "relata-unbatched") &&
        (scenario.id === "B5a" || v.descriptor.id !== "relata-uncached"),
    );
    const checks = await checkAnswers(scenario, variants);
    for (const check of checks) {
      log(
        `Check ${scenario.id} ${check.variant}: ${check.equal ? "equal" : `NOT TIMED: ${check.problem ?? ""}`}` +
          `${check.roundTrips === null ? "" : `, ${check.roundTrips} Cypher/request`}`,
      );
    }
    const equal = new Set(checks.filter((c) => c.equal).map((c) => c.variant));
    checked.push({ scenario, variants: variants.filter((v) => equal.has(v.descriptor.id)), checks });
  }
  return checked;
}

function reportScenario({ scenario, checks }: CheckedScenario): ScenarioReport {
  return {
    id: scenario.id,
    title: scenario.title,
    checks: checks.map(({ variant, equal, problem, roundTrips, responseBytes }) => ({
      variant,
      equal,
      problem,
      roundTrips,
      responseBytes,
    })),
    notes: { ...scenario.notes },
    facts: scenarioFacts(scenario, checks),
  };
}

function scenarioFacts(scenario: Scenario, checks: readonly CheckOutcome[]): Record<string, number | string> {
  const relata = checks.find((c) => c.variant === "relata");
  const facts: Record<string, number | string> = { samples: scenario.requests(scenario.kinds[0] ?? "relata").length };
  if (relata) facts.bytesPerAnswer = relata.responseBytes;
  if (scenario.id === "B2" && relata && relata.answers.length > 0) {
    const objects = relata.answers.map(objectCount);
    const trips = relata.roundTripsPerRequest;
    facts.objectsPerAnswer = `${Math.min(...objects)}–${Math.max(...objects)}`;
    facts.operationDepth = operationDepth(Customer360Document);
    facts.relataRoundTrips = trips.length > 0 ? `${Math.min(...trips)}–${Math.max(...trips)}` : "unknown";
    facts.roundTripsConstant = trips.length > 0 && Math.min(...trips) === Math.max(...trips) ? "yes" : "no";
  }
  return facts;
}

async function describeEnvironment(
  options: BenchOptions,
  neo: BenchNeo4j,
  driver: Driver,
  database: string,
  seeded: { main: SeededDataset; key: SeededDataset },
  git: { commit: string; dirty: boolean },
): Promise<BenchEnvironment> {
  const { records } = await driver.executeQuery(
    "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition",
    {},
    { database },
  );
  const describe = describeDataset;
  return {
    cpuModel: cpuModel(),
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverageAtStart: os.loadavg(),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    neo4j: {
      version: String(records[0]?.get("version") ?? neo.version),
      edition: String(records[0]?.get("edition") ?? "community"),
      heap: neo.heap,
      pageCache: neo.pageCache,
    },
    apoc: neo.apoc.version,
    packages: packageVersions(MEASURED_PACKAGES),
    gitCommit: git.commit,
    gitDirty: git.dirty,
    dataset: {
      seed: options.seed,
      main: describe(seeded.main),
      keyAccounts: `${describe(seeded.key)}; Customer360 asks for the latest ${options.keyAccounts.latestSignals} signals`,
      mainCounts: seeded.main.counts,
      keyAccountCounts: seeded.key.counts,
      ingest: options.ingest,
    },
  };
}

function tokenFor(tenant: string): string {
  return signToken({ tenant, role: "admin", subject: "bench" }, BENCH_JWT_SECRET, 24 * 3600);
}

/** Stops the variants, closes the driver, stops Neo4j and removes a throw-away folder; once. */
function cleanUp(resources: RunResources, options: BenchOptions): Promise<void> {
  resources.cleaning ??= (async () => {
    await Promise.allSettled(resources.variants.map((v) => v.stop()));
    killStartedServers();
    await resources.driver?.close().catch(() => undefined);
    if (resources.neo4j) {
      log("Stopping Neo4j.");
      await resources.neo4j.server.stop();
    }
    if (resources.ownsRunDir && !options.keep) {
      fs.rmSync(resources.runDir, { recursive: true, force: true });
    } else if (resources.neo4j) {
      log(`Kept ${resources.runDir} (Neo4j store, logs).`);
    }
  })();
  return resources.cleaning;
}

main().catch((error: unknown) => {
  process.stderr.write(`\nThe benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
