import * as fs from "node:fs";
import * as path from "node:path";

import type { RelataRuntime } from "../../app/bootstrap";
import { inBatches } from "../../demo/in-batches.helper";
import type { SignalRecord } from "../../domain/records";
import { nodeId } from "../../domain/ids/node-id";
import type { IngestResult } from "../../domain/ingest/ingest-result";
import type { SignalInput } from "../../schema/generated/graphql";
import { datasetGenerator, type DatasetSpec } from "../dataset/seed-dataset";

const SETUP_BATCH = 5_000;

/**
 * Loads what B6's signals are about — source systems, accounts, contacts and assets of the B6 data set —
 * into the ingest tenant, untimed; a marker in `markerDir` makes a reused store skip it.
 */
export async function prepareIngestTenant(
  runtime: RelataRuntime,
  spec: DatasetSpec,
  markerDir: string,
  log: (message: string) => void,
): Promise<void> {
  const marker = path.join(markerDir, `ingest-subjects-${spec.tenant}.json`);
  if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === JSON.stringify(spec)) return;
  const data = datasetGenerator(spec);
  const ingest = runtime.server.contexts.forPrincipal({ tenant: spec.tenant, role: "admin", subject: "bench" }).ingest;
  const started = Date.now();
  check("source systems", await ingest.upsertSourceSystems(data.sourceSystems));
  const steps: Array<[string, Iterable<unknown>, (batch: never[]) => Promise<IngestResult>]> = [
    ["accounts", data.accounts(), (b) => ingest.upsertAccounts(b)],
    ["contacts", data.contacts(), (b) => ingest.upsertContacts(b)],
    ["assets", data.assets(), (b) => ingest.upsertAssets(b)],
  ];
  for (const [kind, records, write] of steps) {
    for (const batch of inBatches(records, SETUP_BATCH)) check(kind, await write(batch as never[]));
  }
  fs.writeFileSync(marker, JSON.stringify(spec));
  log(`B6 subjects loaded into "${spec.tenant}" in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

function check(kind: string, result: IngestResult): void {
  if (result.rejected > 0) {
    throw new Error(`Preparing B6 rejected ${result.rejected} ${kind}: ${result.rejections[0]?.reason ?? ""}`);
  }
}

/** The B6 signals as integrators send them, with record ids prefixed by `tag` so each pass writes new nodes. */
export function* taggedSignals(spec: DatasetSpec, tag: string): Generator<SignalInput> {
  for (const record of datasetGenerator(spec).signals()) yield toSignalInput(record, tag);
}

/** The ids the tagged signals get in the graph, for cleaning up after a pass. */
export function* taggedSignalIds(spec: DatasetSpec, tag: string): Generator<string> {
  for (const record of datasetGenerator(spec).signals()) {
    yield nodeId("Signal", spec.tenant, record.sourceSystem, `${tag}:${record.recordId}`);
  }
}

function toSignalInput(record: SignalRecord, tag: string): SignalInput {
  return {
    sourceSystem: record.sourceSystem,
    recordId: `${tag}:${record.recordId}`,
    field: record.field,
    numberValue: record.numberValue ?? null,
    stringValue: record.stringValue ?? null,
    booleanValue: record.booleanValue ?? null,
    unit: record.unit ?? null,
    observedAt: record.observedAt,
    subject: {
      kind: record.subject.kind,
      externalId: record.subject.externalId,
      sourceSystem: record.subject.sourceSystem ?? null,
    },
  };
}
