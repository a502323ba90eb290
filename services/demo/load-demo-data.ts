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
 *
 * Up to `inFlight` batches of one kind are written at once, so the next batch is generated, validated
 * and hashed here while Neo4j stores the one before (two cores instead of one). Kinds stay in order: a
 * kind starts only when every batch of the kinds it refers to is stored.
 */
export async function loadDemoData(
  ingest: IngestService,
  data: DemoDataSource,
  progress: LoadProgress,
  batchSize = 5_000,
  inFlight = 2,
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
    ["accounts", () => data.accounts(), (b) => ingest.upsertAccounts(b, "REPLACE")],
    ["contacts", () => data.contacts(), (b) => ingest.upsertContacts(b, "REPLACE")],
    ["opportunities", () => data.opportunities(), (b) => ingest.upsertOpportunities(b, "REPLACE")],
    ["assets", () => data.assets(), (b) => ingest.upsertAssets(b, "REPLACE")],
    ["organizations", () => data.organizations(), (b) => ingest.upsertOrganizations(b, "REPLACE")],
    ["signals", () => data.signals(), (b) => ingest.ingestSignals(b, "REPLACE")],
  ];
  // The demo sends whole records: REPLACE writes them without first reading what is stored.
  for (const [kind, records, write] of steps) {
    // Each write settles into `pending` without rejecting (a rejection nobody awaits yet would be an
    // unhandled one); the first failure stops new batches and is thrown once the others settle.
    const pending: Array<Promise<void>> = [];
    let failure: { error: unknown } | null = null;
    for (const batch of batches(records(), batchSize)) {
      if (pending.length >= inFlight) await pending.shift();
      if (failure) break;
      pending.push(
        write(batch as never[]).then(
          (result) => add(kind, result, batch.length),
          (error: unknown) => {
            failure ??= { error };
          },
        ),
      );
    }
    await Promise.all(pending);
    if (failure) throw (failure as { error: unknown }).error;
  }
  return totals;
}
