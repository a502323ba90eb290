import * as fs from "node:fs";
import * as path from "node:path";

import { bootstrap, type RelataRuntime } from "../../app/bootstrap";
import { loadConfig } from "../../app/config";
import { createLogger } from "../../app/logger";
import { generateDemoData, type DemoDataCounts, type DemoDataSet } from "../../demo/demo-data.generator";
import type { CypherQuery } from "../../graph/executor";
import { loadDemoData, totalRecords, type LoadTotals } from "../../services/demo/load-demo-data";
import { DEFAULT_MODEL_ID } from "../../services/health/health-model";
import type { BenchOptions } from "../bench-options";
import { relataEnv, type BenchConnection } from "../neo4j/bench-connection";

/** A reproducible data set: the seeded generator with these options, loaded into one tenant. */
export interface DatasetSpec {
  readonly tenant: string;
  readonly accounts: number;
  readonly signalsPerAccount: number;
  readonly seed: number;
  /**
   * Whether every account gets a stored health snapshot of the default model after seeding (B3 lists the
   * latest one). Scoring is Relata's own HealthService, as the first recompute after a demo load.
   */
  readonly storedHealth?: boolean;
}

/** The run's three data sets: the main tenant, B2's dense key accounts, B6's ingest subjects. */
export interface BenchDatasets {
  readonly main: DatasetSpec;
  readonly keyAccounts: DatasetSpec;
  readonly ingest: DatasetSpec;
}

export function benchDatasets(options: BenchOptions): BenchDatasets {
  const { seed } = options;
  return {
    main: {
      tenant: options.tenant,
      accounts: options.accounts,
      signalsPerAccount: options.signalsPerAccount,
      seed,
      storedHealth: true,
    },
    keyAccounts: {
      tenant: options.keyAccounts.tenant,
      accounts: options.keyAccounts.accounts,
      signalsPerAccount: options.keyAccounts.signalsPerAccount,
      seed,
    },
    ingest: {
      tenant: options.ingest.tenant,
      accounts: options.ingest.accounts,
      signalsPerAccount: options.ingest.signalsPerAccount,
      seed,
    },
  };
}

/** What was loaded, recorded in the run's folder so that `--home` runs reuse a store seeded before. */
export interface SeededDataset extends DatasetSpec {
  readonly counts: DemoDataCounts;
  readonly records: number;
  readonly loadSeconds: number | null;
  readonly reused: boolean;
  /** The stored health snapshots, for a data set with `storedHealth`; null otherwise. */
  readonly health?: SeededHealth | null;
}

/** The health snapshots computed once for a data set (Relata's recompute of every account). */
export interface SeededHealth {
  readonly modelId: string;
  /** Accounts with a latest snapshot of the model. */
  readonly accounts: number;
  /** Of those, the ones with a score (the others had no signal of the model's fields). */
  readonly scored: number;
  /**
   * How long the recompute that stored them took; when they were reused, as this folder's marker recorded
   * it (null when the marker predates health in the data set).
   */
  readonly seconds: number | null;
  /** True when every account already had a snapshot (a `--home` store), so nothing was computed. */
  readonly reused: boolean;
}

/** A snapshot batch of 500 accounts takes seconds; this only guards against a stuck statement. */
const HEALTH_QUERY_TIMEOUT_MS = 600_000;
const PROGRESS_EVERY_MS = 10_000;

const HEALTH_SNAPSHOTS: CypherQuery = {
  name: "bench.healthSnapshots",
  text: `
MATCH (a:Account {tenant: $tenant})
OPTIONAL MATCH (a)<-[:SCORES]-(h:HealthScore {tenant: $tenant, modelId: $modelId, latest: true})
RETURN count(DISTINCT a) AS accounts, count(DISTINCT h) AS stored, count(DISTINCT CASE WHEN h.score IS NOT NULL THEN h END) AS scored`,
};

/**
 * Relata in this process, on the bench Neo4j: migrations, built-in ontology packs, and the ingest
 * service that integrators call through `upsert*` / `ingestSignals`. Used to seed, never measured.
 */
export function startInProcessRelata(connection: BenchConnection, runDir: string): Promise<RelataRuntime> {
  const env = relataEnv(connection, runDir);
  const config = loadConfig(env);
  return bootstrap(config, createLogger("warn"), env);
}

/** The generator of a data set; lazy, so large sets stream through the ingest path in constant memory. */
export function datasetGenerator(spec: DatasetSpec): DemoDataSet {
  return generateDemoData({ accounts: spec.accounts, seed: spec.seed, signalsPerAccount: spec.signalsPerAccount });
}

/**
 * Loads the data set through the same ingest path integrators use (validation, content hashes, batched
 * `UNWIND` upserts), unless the marker file says this very set is already in the store.
 */
export async function seedDataset(
  runtime: RelataRuntime,
  spec: DatasetSpec,
  markerDir: string,
  log: (message: string) => void,
): Promise<SeededDataset> {
  const data = datasetGenerator(spec);
  const marker = path.join(markerDir, `dataset-${spec.tenant}.json`);
  const previous = readMarker(marker);
  if (previous && sameSpec(previous, spec)) {
    log(`Reusing the ${spec.tenant} data set seeded before (${previous.records} records).`);
    const reused: SeededDataset = { ...previous, reused: true };
    if (!spec.storedHealth) return reused;
    const health = await ensureStoredHealth(runtime, spec.tenant, previous.health ?? null, log);
    fs.writeFileSync(marker, JSON.stringify({ ...previous, health }, null, 2) + "\n");
    return { ...reused, health };
  }
  const context = runtime.server.contexts.forPrincipal({ tenant: spec.tenant, role: "admin", subject: "bench-seed" });
  const existing = await context.repositories.accounts.count({});
  if (existing > 0) {
    throw new Error(
      `Tenant "${spec.tenant}" already holds ${existing} accounts of another data set than the one asked for ` +
        `(${JSON.stringify(spec)}). Use a fresh --home folder, or the options that seeded this one.`,
    );
  }
  const total = totalRecords(data);
  log(`Seeding tenant "${spec.tenant}": ${describeCounts(data.counts)} (${total} records, seed ${spec.seed}).`);
  const started = Date.now();
  let done = 0;
  let nextReport = Date.now() + 10_000;
  const totals: LoadTotals = await loadDemoData(context.ingest, data, {
    advance(kind, count) {
      done += count;
      if (Date.now() >= nextReport) {
        nextReport = Date.now() + 10_000;
        const rate = done / ((Date.now() - started) / 1000);
        log(`  ${done}/${total} records (${kind}), ${Math.round(rate)} records/s`);
      }
    },
  });
  if (totals.rejected > 0) {
    throw new Error(`Seeding rejected ${totals.rejected} records, e.g. ${totals.sampleRejections.join("; ")}.`);
  }
  const seeded: SeededDataset = {
    ...spec,
    counts: data.counts,
    records: total,
    loadSeconds: Math.round((Date.now() - started) / 100) / 10,
    reused: false,
    health: null,
  };
  // Written before health is computed: an interrupted run then reuses the data and only scores again.
  fs.writeFileSync(marker, JSON.stringify(seeded, null, 2) + "\n");
  log(`Seeded ${total} records in ${seeded.loadSeconds} s.`);
  if (!spec.storedHealth) return seeded;
  const health = await ensureStoredHealth(runtime, spec.tenant, null, log);
  const withHealth: SeededDataset = { ...seeded, health };
  fs.writeFileSync(marker, JSON.stringify(withHealth, null, 2) + "\n");
  return withHealth;
}

/**
 * Makes sure every account of the tenant has a latest health snapshot of the default model: when some
 * have none (a fresh seed, or a store seeded before health was part of the data set), Relata's
 * HealthService recomputes the tenant once, as `recomputeHealth` does (an interrupted run is resumed).
 */
async function ensureStoredHealth(
  runtime: RelataRuntime,
  tenant: string,
  previous: SeededHealth | null,
  log: (message: string) => void,
): Promise<SeededHealth> {
  const modelId = DEFAULT_MODEL_ID;
  const before = await countSnapshots(runtime, tenant, modelId);
  if (before.accounts > 0 && before.stored >= before.accounts) {
    log(`  Health: all ${before.accounts} accounts of "${tenant}" have a stored snapshot (${before.scored} scored).`);
    // `seconds` stays what the recompute that stored them took, when this folder's marker knows it.
    return {
      modelId,
      accounts: before.stored,
      scored: before.scored,
      seconds: previous?.seconds ?? null,
      reused: true,
    };
  }
  log(
    `  Health: ${before.stored}/${before.accounts} accounts of "${tenant}" have a stored snapshot; ` +
      `scoring every account with Relata's HealthService (model "${modelId}").`,
  );
  const context = runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "bench-seed" });
  const started = Date.now();
  let done = 0;
  const timer = setInterval(() => {
    const seconds = (Date.now() - started) / 1000;
    log(`  Health: ${done}/${before.accounts} accounts scored and stored, ${Math.round(done / seconds)} accounts/s`);
  }, PROGRESS_EVERY_MS);
  timer.unref();
  let run: Awaited<ReturnType<typeof context.health.recompute>>;
  try {
    run = await context.health.recompute(modelId, null, false, (processed) => (done = processed));
  } finally {
    clearInterval(timer);
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const after = await countSnapshots(runtime, tenant, modelId);
  if (after.stored < after.accounts) {
    throw new Error(
      `The health recompute of "${tenant}" left ${after.accounts - after.stored} of ${after.accounts} accounts ` +
        `without a snapshot (run ${run.runId}, ${run.processed} processed). The default model should cover every account.`,
    );
  }
  log(
    `  Health: ${run.processed} accounts scored and stored in ${seconds} s${run.resumed ? " (an interrupted run resumed)" : ""}, ` +
      `${after.scored} with a score (model "${modelId}" version ${run.version}).`,
  );
  return { modelId, accounts: after.stored, scored: after.scored, seconds, reused: false };
}

async function countSnapshots(
  runtime: RelataRuntime,
  tenant: string,
  modelId: string,
): Promise<{ accounts: number; stored: number; scored: number }> {
  const [row] = await runtime.database.executor(HEALTH_QUERY_TIMEOUT_MS).read(HEALTH_SNAPSHOTS, { tenant, modelId });
  return { accounts: Number(row?.accounts ?? 0), stored: Number(row?.stored ?? 0), scored: Number(row?.scored ?? 0) };
}

/**
 * One line about a seeded data set for the report: what it holds, how long loading took and, when it
 * has stored health, how long the first recompute took.
 */
export function describeDataset(d: SeededDataset): string {
  const loaded = d.loadSeconds === null ? "" : `, loaded in ${d.loadSeconds} s`;
  const health = d.health
    ? `; health snapshots of ${d.health.accounts} accounts (${d.health.scored} scored)` +
      (d.health.seconds === null ? "" : ` computed in ${d.health.seconds} s`) +
      (d.health.reused ? ", reused" : "")
    : "";
  return `tenant ${d.tenant}: ${describeCounts(d.counts)}${loaded}${health}`;
}

export function describeCounts(counts: DemoDataCounts): string {
  return (
    `${counts.accounts} accounts, ${counts.contacts} contacts, ${counts.opportunities} opportunities, ` +
    `${counts.assets} assets, ${counts.organizations} organizations, ${counts.signals} signals`
  );
}

function readMarker(file: string): SeededDataset | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as SeededDataset;
  } catch {
    return null;
  }
}

function sameSpec(a: DatasetSpec, b: DatasetSpec): boolean {
  return (
    a.tenant === b.tenant &&
    a.accounts === b.accounts &&
    a.signalsPerAccount === b.signalsPerAccount &&
    a.seed === b.seed
  );
}
