import { IngestResult, RecordOutcome, RecordRejection, summarizeIngest } from "../../domain/ingest/ingest-result";
import { Clock, systemClock } from "../../domain/time/clock";
import {
  checkAccount,
  checkAsset,
  checkContact,
  checkOpportunity,
  checkOrganization,
  checkSignal,
  checkSourceSystem,
} from "../../domain/ingest/record-checks";
import { BatchRules, IndexedRecord, validateBatch } from "../../domain/ingest/validate-batch";
import {
  AccountRecord,
  AssetRecord,
  ContactRecord,
  OpportunityRecord,
  OrganizationRecord,
  SignalRecord,
  SourceSystemRecord,
} from "../../domain/records";
import { GraphError } from "../../graph/graph.errors";
import {
  IngestRepository,
  OrganizationUpsertResult,
  StoredRow,
  UpsertRow,
  UpsertTarget,
} from "../../graph/ingest/ingest.repository";
import { IngestError } from "./ingest.errors";
import {
  accountIdOf,
  accountRow,
  assetRow,
  contactRow,
  opportunityRow,
  organizationRow,
  signalRow,
} from "./record-rows";

export interface IngestLimits {
  /** The most records one call may carry. */
  maxBatchSize: number;
  /** Records per write transaction. */
  chunkSize: number;
}

export interface IngestLogger {
  error(details: Record<string, unknown>, message: string): void;
}

type Keyed = { sourceSystem: string; externalId: string };

const keyedRules = <R extends Keyed>(check: (r: R) => string | null): BatchRules<R> => ({
  check,
  keyOf: (r) => `${r.sourceSystem}\u0000${r.externalId}`,
  externalIdOf: (r) => r.externalId,
});

function missingAccount(record: {
  account: { externalId: string; sourceSystem?: string | null };
  sourceSystem: string;
}) {
  const source = record.account.sourceSystem ?? record.sourceSystem;
  return (
    `account "${record.account.externalId}" from source system "${source}" does not exist in this tenant; ` +
    `upsert the account first, or correct account.externalId / account.sourceSystem`
  );
}

/** Names the links of an organization whose accounts are missing (and only those), with where they are. */
function missingLinkedAccounts(tenant: string, record: OrganizationRecord, missingIds: readonly string[]): string {
  const missing = record.links
    .map((link, i) => ({ link, i, id: accountIdOf(tenant, link.account, record.sourceSystem) }))
    .filter(({ id }) => missingIds.includes(id));
  if (missing.length === 0) return "an account in links does not exist in this tenant; upsert the accounts first";
  const named = missing.map(
    ({ link, i }) =>
      `links[${i}]: account "${link.account.externalId}" from source system "${link.account.sourceSystem ?? record.sourceSystem}"`,
  );
  const one = missing.length === 1;
  return (
    `${named.join(", ")} ${one ? "does" : "do"} not exist in this tenant; upsert ${one ? "that account" : "those accounts"} ` +
    `first, or correct ${one ? "the link" : "the links"} (the organization was not stored)`
  );
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Bulk, idempotent upserts of every record kind. Invalid records are rejected with their index and a
 * reason while the valid ones are written; each chunk of rows is one transaction, so no record is ever
 * half-written.
 */
export class IngestService {
  constructor(
    private readonly repository: IngestRepository,
    private readonly tenant: string,
    private readonly limits: IngestLimits,
    private readonly log: IngestLogger,
    private readonly clock: Clock = systemClock,
  ) {}

  upsertSourceSystems(records: readonly SourceSystemRecord[]): Promise<IngestResult> {
    this.assertBatchSize(records.length, "input");
    const { valid, rejections } = validateBatch(records, {
      check: checkSourceSystem,
      keyOf: (r) => r.key,
      externalIdOf: (r) => r.key,
    });
    return this.write(valid, rejections, "source system", async (chunk, now) =>
      this.repository.upsertSourceSystems(
        chunk.map(({ index, record }) => ({ index, key: record.key, name: record.name.trim(), kind: record.kind })),
        now,
      ),
    );
  }

  upsertAccounts(records: readonly AccountRecord[]): Promise<IngestResult> {
    return this.upsertKeyed(records, keyedRules(checkAccount), "Account", accountRow, () => "");
  }

  upsertContacts(records: readonly ContactRecord[]): Promise<IngestResult> {
    return this.upsertKeyed(records, keyedRules(checkContact), "Contact", contactRow, missingAccount);
  }

  upsertOpportunities(records: readonly OpportunityRecord[]): Promise<IngestResult> {
    return this.upsertKeyed(records, keyedRules(checkOpportunity), "Opportunity", opportunityRow, missingAccount);
  }

  upsertAssets(records: readonly AssetRecord[]): Promise<IngestResult> {
    return this.upsertKeyed(records, keyedRules(checkAsset), "Asset", assetRow, missingAccount);
  }

  async upsertOrganizations(records: readonly OrganizationRecord[]): Promise<IngestResult> {
    this.assertBatchSize(records.length, "input");
    const { valid, rejections } = validateBatch(records, keyedRules(checkOrganization));
    const tenant = this.tenant;
    return this.write(
      valid,
      rejections,
      "organization",
      (chunk, now) =>
        this.repository.upsertOrganizations(
          chunk.map(({ index, record }) => organizationRow(tenant, index, record)),
          now,
        ),
      (record, missingIds) => missingLinkedAccounts(tenant, record, missingIds),
      (record) => [record.sourceSystem, ...record.links.map((l) => l.account.sourceSystem ?? record.sourceSystem)],
    );
  }

  async ingestSignals(records: readonly SignalRecord[]): Promise<IngestResult> {
    this.assertBatchSize(records.length, "input");
    const { valid, rejections } = validateBatch(records, {
      check: checkSignal,
      keyOf: (r) => `${r.sourceSystem}\u0000${r.recordId}`,
      externalIdOf: (r) => r.recordId,
    });
    const targets: Record<SignalRecord["subject"]["kind"], UpsertTarget> = {
      ACCOUNT: "SignalAboutAccount",
      CONTACT: "SignalAboutContact",
      ASSET: "SignalAboutAsset",
    };
    const missingSubject = (record: SignalRecord) =>
      `subject ${record.subject.kind.toLowerCase()} "${record.subject.externalId}" from source system ` +
      `"${record.subject.sourceSystem ?? record.sourceSystem}" does not exist in this tenant; upsert it first, ` +
      `or correct subject.externalId / subject.sourceSystem`;
    const outcomes: RecordOutcome[] = [];
    const allRejections = [...rejections];
    // One query shape per subject label; each kind's chunks are their own transactions, so a failure
    // rejects exactly the rows that were not stored.
    for (const kind of ["ACCOUNT", "CONTACT", "ASSET"] as const) {
      const ofKind = valid.filter(({ record }) => record.subject.kind === kind);
      if (ofKind.length === 0) continue;
      const written = await this.writeValid(
        ofKind,
        "signal",
        (chunk, now) =>
          this.repository.upsert(
            targets[kind],
            chunk.map(({ index, record }) => signalRow(this.tenant, index, record)),
            now,
          ),
        missingSubject,
        (record) => [record.sourceSystem, record.subject.sourceSystem ?? record.sourceSystem],
      );
      outcomes.push(...written.outcomes);
      allRejections.push(...written.rejections);
    }
    return summarizeIngest(outcomes, allRejections);
  }

  private async upsertKeyed<R extends Keyed & { account?: { sourceSystem?: string | null } }>(
    records: readonly R[],
    rules: BatchRules<R>,
    target: UpsertTarget,
    toRow: (tenant: string, index: number, record: R) => UpsertRow,
    missingTarget: (record: R) => string,
  ): Promise<IngestResult> {
    this.assertBatchSize(records.length, "input");
    const { valid, rejections } = validateBatch(records, rules);
    const tenant = this.tenant;
    return this.write(
      valid,
      rejections,
      target.toLowerCase(),
      (chunk, now) =>
        this.repository.upsert(
          target,
          chunk.map(({ index, record }) => toRow(tenant, index, record)),
          now,
        ),
      missingTarget,
      (record) => [record.sourceSystem, record.account?.sourceSystem ?? record.sourceSystem],
    );
  }

  private async write<R>(
    valid: IndexedRecord<R>[],
    rejections: RecordRejection[],
    noun: string,
    writeChunk: (chunk: IndexedRecord<R>[], now: string) => Promise<StoredRow[] | OrganizationUpsertResult>,
    missingTarget: (record: R, missingTargetIds: readonly string[]) => string = () => "",
    sourcesOf: (record: R) => string[] = () => [],
  ): Promise<IngestResult> {
    const { outcomes, rejections: all } = await this.writeValid(valid, noun, writeChunk, missingTarget, sourcesOf);
    return summarizeIngest(outcomes, [...rejections, ...all]);
  }

  /** Writes valid records chunk by chunk; then registers the source systems of the records stored. */
  private async writeValid<R>(
    valid: IndexedRecord<R>[],
    noun: string,
    writeChunk: (chunk: IndexedRecord<R>[], now: string) => Promise<StoredRow[] | OrganizationUpsertResult>,
    missingTarget: (record: R, missingTargetIds: readonly string[]) => string,
    sourcesOf: (record: R) => string[],
  ): Promise<{ outcomes: RecordOutcome[]; rejections: RecordRejection[] }> {
    const now = this.clock().toISOString();
    const outcomes: RecordOutcome[] = [];
    const allRejections: RecordRejection[] = [];
    const sources = new Set<string>();
    for (const chunk of chunks(valid, this.limits.chunkSize)) {
      let written: StoredRow[] | OrganizationUpsertResult;
      try {
        written = await writeChunk(chunk, now);
      } catch (error) {
        if (!(error instanceof GraphError) || error.code === "UNAVAILABLE") throw error;
        // The chunk's transaction rolled back; its records are reported, the other chunks stand.
        this.log.error({ err: error.cause ?? error, noun, records: chunk.length }, "ingest chunk failed");
        for (const { index, record } of chunk) {
          allRejections.push({ index, externalId: externalIdOf(record), reason: `not stored: ${error.message}` });
        }
        continue;
      }
      const { stored, unlinked } = Array.isArray(written) ? { stored: written, unlinked: [] } : written;
      const storedByIndex = new Map(stored.map((row) => [row.index, row]));
      const missingByIndex = new Map(unlinked.map((row) => [row.index, row.missingTargetIds]));
      for (const { index, record } of chunk) {
        const row = storedByIndex.get(index);
        if (row === undefined) {
          const reason = missingTarget(record, missingByIndex.get(index) ?? []);
          allRejections.push({ index, externalId: externalIdOf(record), reason });
        } else {
          outcomes.push({ index, id: row.id, status: row.status });
          sourcesOf(record).forEach((source) => sources.add(source));
        }
      }
    }
    if (sources.size > 0) await this.repository.ensureSourceSystems([...sources].sort(), now);
    return { outcomes, rejections: allRejections };
  }

  private assertBatchSize(size: number, argument: string): void {
    if (size > this.limits.maxBatchSize) {
      throw new IngestError(
        "BATCH_TOO_LARGE",
        `${argument} has ${size} records; at most ${this.limits.maxBatchSize} are accepted per call. ` +
          `Split the batch into several calls; upserts are idempotent, so a retried call is safe.`,
      );
    }
  }
}

function externalIdOf(record: unknown): string | null {
  const r = record as { externalId?: unknown; recordId?: unknown; key?: unknown };
  const value = r.externalId ?? r.recordId ?? r.key;
  return typeof value === "string" ? value : null;
}
