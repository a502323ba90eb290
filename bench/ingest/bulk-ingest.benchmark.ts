import type { Driver } from "neo4j-driver";

import { IngestSignalsDocument, type IngestSignalsMutation } from "../../schema/generated/graphql";
import type { IngestOptions } from "../bench-options";
import type { DatasetSpec } from "../dataset/seed-dataset";
import { startCpuSample } from "../load/cpu-sampler";
import type { IngestPass, IngestReport, IngestRow } from "../report/bench-result";
import { spread, spreadOrNull } from "../report/spread";
import { rawRequest, relataRequest } from "../scenarios/requests";
import { answerError, dataOf, type BenchRequest } from "../scenarios/scenario";
import type { RunningVariant } from "../variants/variant";
import { inBatches } from "../../demo/in-batches.helper";
import { taggedSignalIds, taggedSignals } from "./ingest-dataset";

const CLEANUP_BATCH = 10_000;

interface IngestTargets {
  readonly relata: RunningVariant;
  readonly raw: RunningVariant;
  readonly token: string;
  readonly neo4jPid: number;
}

interface BatchOutcome {
  readonly created: number;
  readonly roundTrips: number | null;
}

/**
 * B6: the B6 signals through Relata's `ingestSignals` (over HTTP, as integrators send them) and through the
 * raw endpoint's UNWIND, at each batch size, interleaved, each first load followed by a rerun of the same
 * rows that must create nothing. Before and after the passes of a tag its signals are deleted (untimed).
 */
export async function runBulkIngest(
  spec: DatasetSpec,
  options: IngestOptions,
  targets: IngestTargets,
  driver: Driver,
  database: string,
  log: (message: string) => void,
): Promise<IngestReport> {
  const passes: IngestPass[] = [];
  let signals = 0;
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const batchSize of options.batchSizes) {
      for (const variant of ["relata", "raw"] as const) {
        const tag = `r${round}-${variant}-${batchSize}`;
        // A run stopped midway on a reused store (`--home`) leaves its signals behind; a first load must
        // start without them, so they are deleted first (untimed), not only after the passes.
        await deleteSignals(driver, database, spec, tag);
        for (const rerun of [false, true]) {
          const pass = await runPass(spec, variant, batchSize, round, rerun, tag, targets);
          passes.push(pass);
          signals = pass.rows;
          log(
            `  B6 ${variant} batch ${batchSize}${rerun ? " rerun" : ""}: ${pass.rows} rows in ${pass.seconds.toFixed(1)} s, ` +
              `${Math.round(pass.rowsPerSecond)} rows/s, created ${pass.created}`,
          );
        }
        await deleteSignals(driver, database, spec, tag);
      }
    }
  }
  const rows = summarise(passes);
  const best = (variant: "relata" | "raw") =>
    Math.max(...rows.filter((r) => r.variant === variant && !r.rerun).map((r) => r.rowsPerSecond.median));
  return {
    tenant: spec.tenant,
    accounts: spec.accounts,
    signals,
    passes,
    rows,
    bestRatio: passes.length > 0 ? best("relata") / best("raw") : null,
    rerunCreatedNothing: passes.filter((p) => p.rerun).every((p) => p.created === 0),
  };
}

async function runPass(
  spec: DatasetSpec,
  variant: "relata" | "raw",
  batchSize: number,
  round: number,
  rerun: boolean,
  tag: string,
  targets: IngestTargets,
): Promise<IngestPass> {
  const server = variant === "relata" ? targets.relata : targets.raw;
  const sample = startCpuSample({ api: server.pid, neo4j: targets.neo4jPid });
  const started = performance.now();
  let rows = 0;
  let created = 0;
  let batches = 0;
  let roundTrips = 0;
  let roundTripsKnown = true;
  for (const batch of inBatches(taggedSignals(spec, tag), batchSize)) {
    const outcome =
      variant === "relata"
        ? await sendToRelata(server, targets.token, batch)
        : await sendToRaw(server, spec.tenant, batch);
    // A first load must store every row; what a rerun creates is reported (it must be nothing).
    if (!rerun && outcome.created !== batch.length) {
      throw new Error(
        `B6 ${variant} batch ${batches} of "${tag}" created ${outcome.created} of ${batch.length} signals.`,
      );
    }
    rows += batch.length;
    created += outcome.created;
    batches += 1;
    if (outcome.roundTrips === null) roundTripsKnown = false;
    else roundTrips += outcome.roundTrips;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = sample();
  const per1k = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : (ms * 1000) / rows);
  return {
    variant,
    batchSize,
    round,
    rerun,
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    created,
    batches,
    roundTripsPerBatch: roundTripsKnown && batches > 0 ? roundTrips / batches : null,
    cpuMsPer1kRows: { api: per1k(cpu.api), neo4j: per1k(cpu.neo4j) },
  };
}

async function sendToRelata(server: RunningVariant, token: string, batch: unknown[]): Promise<BatchOutcome> {
  const answer = await post(server.baseUrl, relataRequest(IngestSignalsDocument, { input: batch }, token, true));
  const result = dataOf<IngestSignalsMutation>(answer).ingestSignals;
  if (result.rejected > 0) {
    throw new Error(`Relata rejected ${result.rejected} B6 signals: ${result.rejections[0]?.reason ?? ""}`);
  }
  const queries = (answer as { extensions?: { relata?: { cypherQueries?: number } } }).extensions?.relata
    ?.cypherQueries;
  return { created: result.created, roundTrips: queries ?? null };
}

async function sendToRaw(server: RunningVariant, tenant: string, batch: unknown[]): Promise<BatchOutcome> {
  const before = await server.cypherStatements();
  const answer = await post(server.baseUrl, rawRequest("/b6", { tenant, rows: batch }));
  const after = await server.cypherStatements();
  const result = dataOf<{ ingestSignals: { created: number } }>(answer).ingestSignals;
  return { created: result.created, roundTrips: before === null || after === null ? null : after - before };
}

async function post(baseUrl: string, request: BenchRequest): Promise<unknown> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(600_000),
  });
  const text = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new Error(`B6: HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  const error = answerError(answer);
  if (error !== null) throw new Error(`B6: the server answered with an error: ${error}`);
  return answer;
}

/** Deletes the signals a pass wrote, by id (a unique index), so every pass starts from the same store. */
async function deleteSignals(driver: Driver, database: string, spec: DatasetSpec, tag: string): Promise<void> {
  for (const ids of inBatches(taggedSignalIds(spec, tag), CLEANUP_BATCH)) {
    await driver.executeQuery(
      "UNWIND $ids AS id MATCH (s:Signal {id: id}) DETACH DELETE s",
      { ids },
      { database, routing: "WRITE" },
    );
  }
}

function summarise(passes: readonly IngestPass[]): IngestRow[] {
  const keys = new Map<string, IngestPass[]>();
  for (const pass of passes) {
    const key = `${pass.variant}|${pass.batchSize}|${pass.rerun}`;
    keys.set(key, [...(keys.get(key) ?? []), pass]);
  }
  return [...keys.values()].map((group) => {
    const first = group[0] as IngestPass;
    return {
      variant: first.variant,
      batchSize: first.batchSize,
      rerun: first.rerun,
      rounds: group.length,
      rowsPerSecond: spread(group.map((p) => p.rowsPerSecond)),
      created: group.reduce((n, p) => n + p.created, 0),
      roundTripsPerBatch: first.roundTripsPerBatch,
      cpuMsPer1kRows: {
        api: spreadOrNull(group.map((p) => p.cpuMsPer1kRows.api)),
        neo4j: spreadOrNull(group.map((p) => p.cpuMsPer1kRows.neo4j)),
      },
    };
  });
}
