import {
  AccountRecord,
  AssetRecord,
  ContactRecord,
  OpportunityRecord,
  OrganizationRecord,
  SignalRecord,
  SourceSystemRecord,
} from "../../domain/records";
import { IngestResult } from "../../domain/ingest/ingest-result";
import { IngestService } from "../ingest/ingest.service";

/** A data set to load, as the demo generator produces it: lazily, so millions of signals stream through. */
export interface DemoDataSource {
  sourceSystems: readonly SourceSystemRecord[];
  accounts(): Iterable<AccountRecord>;
  contacts(): Iterable<ContactRecord>;
  opportunities(): Iterable<OpportunityRecord>;
  assets(): Iterable<AssetRecord>;
  organizations(): Iterable<OrganizationRecord>;
  signals(): Iterable<SignalRecord>;
  counts: {
    accounts: number;
    contacts: number;
    opportunities: number;
    assets: number;
    organizations: number;
    signals: number;
  };
}

export interface LoadProgress {
  advance(kind: string, count: number): void;
}

export interface LoadTotals {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first few rejection reasons, to show what went wrong. */
  sampleRejections: string[];
}

function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The number of records a full load writes, for progress bars. */
export function totalRecords(data: DemoDataSource): number {
  const c = data.counts;
  return data.sourceSystems.length + c.accounts + c.contacts + c.opportunities + c.assets + c.organizations + c.signals;
}

/**
 * Loads a data set through the same ingest path integrators use, in dependency order (accounts before
 * what refers to them), batch by batch. Idempotent: a second load reports everything unchanged.
 */
export async function loadDemoData(
  ingest: IngestService,
  data: DemoDataSource,
  progress: LoadProgress,
  batchSize = 5_000,
): Promise<LoadTotals> {
  const totals: LoadTotals = { created: 0, updated: 0, unchanged: 0, rejected: 0, sampleRejections: [] };
  const add = (kind: string, result: IngestResult, count: number) => {
    totals.created += result.created;
    totals.updated += result.updated;
    totals.unchanged += result.unchanged;
    totals.rejected += result.rejected;
    for (const rejection of result.rejections.slice(0, 5 - totals.sampleRejections.length)) {
      totals.sampleRejections.push(`${kind} ${rejection.externalId ?? rejection.index}: ${rejection.reason}`);
    }
    progress.advance(kind, count);
  };
  add("source systems", await ingest.upsertSourceSystems(data.sourceSystems), data.sourceSystems.length);
  const steps: Array<[string, () => Iterable<unknown>, (batch: never[]) => Promise<IngestResult>]> = [
    ["accounts", () => data.accounts(), (b) => ingest.upsertAccounts(b)],
    ["contacts", () => data.contacts(), (b) => ingest.upsertContacts(b)],
    ["opportunities", () => data.opportunities(), (b) => ingest.upsertOpportunities(b)],
    ["assets", () => data.assets(), (b) => ingest.upsertAssets(b)],
    ["organizations", () => data.organizations(), (b) => ingest.upsertOrganizations(b)],
    ["signals", () => data.signals(), (b) => ingest.ingestSignals(b)],
  ];
  for (const [kind, records, write] of steps) {
    for (const batch of batches(records(), batchSize)) {
      add(kind, await write(batch as never[]), batch.length);
    }
  }
  return totals;
}
