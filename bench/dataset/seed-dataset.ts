import * as fs from "node:fs";
import * as path from "node:path";

import { bootstrap, type RelataRuntime } from "../../app/bootstrap";
import { loadConfig } from "../../app/config";
import { createLogger } from "../../app/logger";
import { generateDemoData, type DemoDataCounts, type DemoDataSet } from "../../demo/demo-data.generator";
import { loadDemoData, totalRecords, type LoadTotals } from "../../services/demo/load-demo-data";
import type { BenchOptions } from "../bench-options";
import { relataEnv, type BenchConnection } from "../neo4j/bench-connection";

/** A reproducible data set: the seeded generator with these options, loaded into one tenant. */
export interface DatasetSpec {
  readonly tenant: string;
  readonly accounts: number;
  readonly signalsPerAccount: number;
  readonly seed: number;
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
    main: { tenant: options.tenant, accounts: options.accounts, signalsPerAccount: options.signalsPerAccount, seed },
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
}

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
    return { ...previous, reused: true };
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
  };
  fs.writeFileSync(marker, JSON.stringify(seeded, null, 2) + "\n");
  log(`Seeded ${total} records in ${seeded.loadSeconds} s.`);
  return seeded;
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
