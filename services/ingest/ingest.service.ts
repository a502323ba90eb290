import { ChunkStatus, describeInterruption, reportInterruption } from "../../domain/ingest/ingest-interruption";
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
  checkTeam,
  checkTicket,
  checkUser,
} from "../../domain/ingest/record-checks";
import { BatchRules, IndexedRecord, validateBatch } from "../../domain/ingest/validate-batch";
import { ErasedKeys } from "../personal-data/erased-keys";
import {
  AccountRecord,
  AssetRecord,
  ContactRecord,
  OpportunityRecord,
  OrganizationRecord,
  SignalRecord,
  SourceSystemRecord,
  TeamRecord,
  TicketRecord,
  UserRecord,
} from "../../domain/records";
import { GraphError } from "../../graph/graph.errors";
import { UpsertMode } from "../../domain/ingest/upsert-mode";
import { IngestRepository, SentRow, UpsertTarget, UpsertWrite } from "../../graph/ingest/ingest.repository";
import { IngestError } from "./ingest.errors";
import { IngestObserver } from "./ingest-observer";
import {
  accountIdOf,
  accountRow,
  completeOrganizationRow,
  completeRow,
  assetRow,
  contactRow,
  opportunityRow,
  organizationRow,
  signalRow,
  teamRow,
  ticketRow,
  completeTicketRow,
  userRow,
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

type ChunkWriter<R> = (chunk: IndexedRecord<R>[], now: string) => Promise<UpsertWrite>;

/** One transaction's worth of records and how to write them. */
interface ChunkJob<R> {
  readonly records: IndexedRecord<R>[];
  readonly write: ChunkWriter<R>;
}

/** How a batch's stored records are reported. */
interface WriteRules<R> {
  /** For logs, e.g. "account". */
  readonly noun: string;
  /**
   * Why a record the write skipped was not stored (its account, subject or link target is missing); given
   * the ids of the targets the write found missing, when it names them.
   */
  readonly missingTarget?: (record: R, missingTargetIds: readonly string[]) => string;
  /** Source systems a stored record mentions; they are registered after the chunks. */
  readonly sourcesOf?: (record: R) => string[];
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
 * half-written, and a call the database cuts off says which chunks were committed.
 */
export class IngestService {
  constructor(
    private readonly repository: IngestRepository,
    private readonly tenant: string,
    private readonly limits: IngestLimits,
    private readonly log: IngestLogger,
    private readonly clock: Clock = systemClock,
    private readonly observer?: IngestObserver,
    /** Told after users of the tenant were written (the role cache forgets what it read about them). */
    private readonly usersWritten?: () => void,
    /** Refuses contacts whose person was erased (issue 15); none: nothing is refused for that. */
    private readonly erased?: ErasedKeys,
  ) {}

  upsertSourceSystems(records: readonly SourceSystemRecord[]): Promise<IngestResult> {
    this.assertBatchSize(records.length, "input");
    const { valid, rejections } = validateBatch(records, {
      check: checkSourceSystem,
      keyOf: (r) => r.key,
      externalIdOf: (r) => r.key,
    });
    const jobs = this.chunked(valid, async (chunk, now) => ({
      stored: await this.repository.upsertSourceSystems(
        chunk.map(({ index, record }) => ({ index, key: record.key, name: record.name.trim(), kind: record.kind })),
        now,
      ),
      unlinked: [],
      deleted: [],
    }));
    return this.store(records.length, rejections, jobs, { noun: "source system" });
  }

  upsertAccounts(records: readonly AccountRecord[], mode: UpsertMode = "MERGE"): Promise<IngestResult> {
    return this.upsertKeyed(records, keyedRules(checkAccount), "Account", accountRow, () => "", mode);
  }

  upsertContacts(records: readonly ContactRecord[], mode: UpsertMode = "MERGE"): Promise<IngestResult> {
    const erased = this.erased;
    const screen =
      erased === undefined
        ? undefined
        : (valid: IndexedRecord<ContactRecord>[]) =>
            erased.refusalsWithChannels(
              "CONTACT",
              valid.map(({ index, record }) => ({
                index,
                scope: record.sourceSystem,
                externalId: record.externalId,
                emails: [record.email],
                phones: [record.phone],
              })),
            );
    return this.upsertKeyed(records, keyedRules(checkContact), "Contact", contactRow, missingAccount, mode, screen);
  }

  upsertOpportunities(records: readonly OpportunityRecord[], mode: UpsertMode = "MERGE"): Promise<IngestResult> {
    return this.upsertKeyed(records, keyedRules(checkOpportunity), "Opportunity", opportunityRow, missingAccount, mode);
  }

  /**
   * Support tickets (issue 17) with their assignment history; each ticket's holds are rebuilt in the
   * transaction that writes it, so a ticket is never stored with half of its history.
   */
  upsertTickets(records: readonly TicketRecord[], mode: UpsertMode = "MERGE"): Promise<IngestResult> {
    return this.upsertKeyed(
      records,
      keyedRules(checkTicket),
      "Ticket",
      ticketRow,
      missingAccount,
      mode,
      undefined,
      completeTicketRow,
    );
  }

  upsertAssets(records: readonly AssetRecord[], mode: UpsertMode = "MERGE"): Promise<IngestResult> {
    return this.upsertKeyed(records, keyedRules(checkAsset), "Asset", assetRow, missingAccount, mode);
  }

  async upsertOrganizations(records: readonly OrganizationRecord[], mode: UpsertMode = "MERGE"): Promise<IngestResult> {
    this.assertBatchSize(records.length, "input");
    const { valid, rejections } = validateBatch(records, keyedRules(checkOrganization));
    const tenant = this.tenant;
    const jobs = this.chunked(valid, (chunk, now) => {
      const rows = chunk.map(({ index, record }) => organizationRow(tenant, index, record));
      return mode === "REPLACE"
        ? this.repository.upsertOrganizations(
            rows.map((row) => completeOrganizationRow(row, null, mode)),
            now,
          )
        : this.repository.upsertOrganizationsMerging(
            rows,
            (row, stored) => completeOrganizationRow(row, stored, mode),
            now,
          );
    });
    return this.store(records.length, rejections, jobs, {
      noun: "organization",
      missingTarget: (record, missingIds) => missingLinkedAccounts(tenant, record, missingIds),
      sourcesOf: (record) => [
        record.sourceSystem,
        ...record.links.map((l) => l.account.sourceSystem ?? record.sourceSystem),
      ],
    });
  }

  async ingestSignals(records: readonly SignalRecord[], mode: UpsertMode = "MERGE"): Promise<IngestResult> {
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
    // One query shape per subject label; each kind's chunks are their own transactions, so a failure
    // rejects exactly the rows that were not stored.
    const jobs = (["ACCOUNT", "CONTACT", "ASSET"] as const).flatMap((kind) =>
      this.chunked(
        valid.filter(({ record }) => record.subject.kind === kind),
        (chunk, now) =>
          this.write(
            targets[kind],
            chunk.map(({ index, record }) => signalRow(this.tenant, index, record)),
            mode,
            now,
          ),
      ),
    );
    return this.store(records.length, rejections, jobs, {
      noun: "signal",
      missingTarget: (record) =>
        `subject ${record.subject.kind.toLowerCase()} "${record.subject.externalId}" from source system ` +
        `"${record.subject.sourceSystem ?? record.sourceSystem}" does not exist in this tenant; upsert it first, ` +
        `or correct subject.externalId / subject.sourceSystem`,
      sourcesOf: (record) => [record.sourceSystem, record.subject.sourceSystem ?? record.sourceSystem],
    });
  }

  upsertTeams(records: readonly TeamRecord[], mode: UpsertMode = "MERGE"): Promise<IngestResult> {
    return this.upsertKeyed(records, keyedRules(checkTeam), "Team", teamRow, () => "", mode);
  }

  /**
   * Users are keyed by external id alone within a batch (it is their token subject): two records with one
   * external id are ambiguous even from two source systems, and one already stored from another source
   * system is refused by the write.
   */
  async upsertUsers(records: readonly UserRecord[], mode: UpsertMode = "MERGE"): Promise<IngestResult> {
    this.assertBatchSize(records.length, "input");
    const { valid, rejections } = validateBatch(records, {
      check: checkUser,
      keyOf: (r) => r.externalId,
      externalIdOf: (r) => r.externalId,
      duplicateReason: (earlier) =>
        `duplicate of record ${earlier} in this batch (same user externalId; user ids are unique across source ` +
        `systems); send each user once`,
    });
    const tenant = this.tenant;
    const jobs = this.chunked(valid, (chunk, now) => {
      const rows = chunk.map(({ index, record }) => userRow(tenant, index, record));
      return mode === "REPLACE"
        ? this.repository.upsertUsers(
            rows.map((row) => completeRow(row, null, mode)),
            now,
          )
        : this.repository.upsertUsersMerging(rows, (row, stored) => completeRow(row, stored, mode), now);
    });
    const written = this.store(records.length, rejections, jobs, {
      noun: "user",
      missingTarget: (record) =>
        `team "${record.team?.externalId ?? ""}" from source system "${record.team?.sourceSystem ?? record.sourceSystem}" ` +
        `does not exist in this tenant; upsert the team first (upsertTeams), or correct team.externalId / team.sourceSystem`,
      sourcesOf: (record) => [
        record.sourceSystem,
        ...(record.team ? [record.team.sourceSystem ?? record.sourceSystem] : []),
      ],
    });
    return written.finally(() => this.usersWritten?.());
  }

  private async upsertKeyed<R extends Keyed & { account?: { sourceSystem?: string | null } }>(
    records: readonly R[],
    rules: BatchRules<R>,
    target: UpsertTarget,
    toRow: (tenant: string, index: number, record: R) => SentRow,
    missingTarget: (record: R) => string,
    mode: UpsertMode,
    /** Refuses valid records before anything is written: index → reason. */
    screen?: (valid: IndexedRecord<R>[]) => Promise<Map<number, string>>,
    complete: typeof completeRow = completeRow,
  ): Promise<IngestResult> {
    this.assertBatchSize(records.length, "input");
    const checked = validateBatch(records, rules);
    const refused = screen === undefined ? new Map<number, string>() : await screen(checked.valid);
    const valid = checked.valid.filter(({ index }) => !refused.has(index));
    const rejections = [
      ...checked.rejections,
      ...checked.valid
        .filter(({ index }) => refused.has(index))
        .map(({ index, record }) => ({ index, externalId: record.externalId, reason: refused.get(index)! })),
    ];
    const tenant = this.tenant;
    const jobs = this.chunked(valid, (chunk, now) =>
      this.write(
        target,
        chunk.map(({ index, record }) => toRow(tenant, index, record)),
        mode,
        now,
        complete,
      ),
    );
    return this.store(records.length, rejections, jobs, {
      noun: target.toLowerCase(),
      missingTarget,
      sourcesOf: (record) => [record.sourceSystem, record.account?.sourceSystem ?? record.sourceSystem],
    });
  }

  /**
   * REPLACE rows are complete as sent (one statement); MERGE rows are completed from what is stored, in
   * the transaction that writes them.
   */
  private write(
    target: UpsertTarget,
    rows: SentRow[],
    mode: UpsertMode,
    now: string,
    complete: typeof completeRow = completeRow,
  ): Promise<UpsertWrite> {
    return mode === "REPLACE"
      ? this.repository.upsert(
          target,
          rows.map((row) => complete(row, null, mode)),
          now,
        )
      : this.repository.upsertMerging(target, rows, (row, stored) => complete(row, stored, mode), now);
  }

  /** Splits valid records into transactions of at most `chunkSize`, each written by `write`. */
  private chunked<R>(valid: IndexedRecord<R>[], write: ChunkWriter<R>): ChunkJob<R>[] {
    return chunks(valid, this.limits.chunkSize).map((records) => ({ records, write }));
  }

  /**
   * Writes the chunks in order, then registers the source systems of the records stored. A chunk that
   * fails is reported record by record and the others stand; if the database goes away, the call ends
   * with INGEST_INTERRUPTED saying which chunks were committed.
   */
  private async store<R>(
    total: number,
    invalid: readonly RecordRejection[],
    jobs: readonly ChunkJob<R>[],
    rules: WriteRules<R>,
  ): Promise<IngestResult> {
    const { noun, missingTarget = () => "", sourcesOf = () => [] } = rules;
    const now = this.clock().toISOString();
    const outcomes: RecordOutcome[] = [];
    const rejections: RecordRejection[] = [...invalid];
    const statuses: ChunkStatus[] = jobs.map(() => "NOT_STARTED");
    const interrupted = (cause: GraphError): IngestError => {
      this.report(noun, outcomes, rejections);
      const interruption = reportInterruption({
        records: total,
        invalid: invalid.length,
        chunks: jobs.map((job, i) => ({
          indexes: job.records.map((r) => r.index),
          status: statuses[i] ?? "NOT_STARTED",
        })),
      });
      this.log.error({ err: cause.cause ?? cause, noun, ...interruption, chunks: undefined }, "ingest interrupted");
      return new IngestError("INGEST_INTERRUPTED", describeInterruption(interruption), { cause, interruption });
    };
    const sources = new Set<string>();
    for (const [i, job] of jobs.entries()) {
      let written: UpsertWrite;
      try {
        written = await job.write(job.records, now);
      } catch (error) {
        if (!(error instanceof GraphError)) throw error;
        statuses[i] = error.code === "UNAVAILABLE" ? "INTERRUPTED" : "FAILED";
        if (error.code === "UNAVAILABLE") throw interrupted(error);
        // The chunk's transaction rolled back; its records are reported, the other chunks stand.
        this.log.error({ err: error.cause ?? error, noun, records: job.records.length }, "ingest chunk failed");
        for (const { index, record } of job.records) {
          rejections.push({ index, externalId: externalIdOf(record), reason: `not stored: ${error.message}` });
        }
        continue;
      }
      statuses[i] = "COMMITTED";
      const storedByIndex = new Map(written.stored.map((row) => [row.index, row]));
      const missingByIndex = new Map(written.unlinked.map((row) => [row.index, row.missingTargetIds]));
      const deletedByIndex = new Map(written.deleted.map((row) => [row.index, row.deletedAt]));
      const refusedByIndex = new Map((written.refused ?? []).map((row) => [row.index, row.reason]));
      for (const { index, record } of job.records) {
        const row = storedByIndex.get(index);
        const deletedAt = deletedByIndex.get(index);
        const refused = refusedByIndex.get(index);
        if (refused !== undefined) {
          rejections.push({ index, externalId: externalIdOf(record), reason: refused });
        } else if (deletedAt !== undefined) {
          rejections.push({ index, externalId: externalIdOf(record), reason: deletedRecord(noun, deletedAt) });
        } else if (row === undefined) {
          const reason = missingTarget(record, missingByIndex.get(index) ?? []);
          rejections.push({ index, externalId: externalIdOf(record), reason });
        } else {
          outcomes.push({ index, id: row.id, status: row.status });
          sourcesOf(record).forEach((source) => sources.add(source));
        }
      }
    }
    if (sources.size > 0) {
      try {
        await this.repository.ensureSourceSystems([...sources].sort(), now);
      } catch (error) {
        if (error instanceof GraphError && error.code === "UNAVAILABLE") throw interrupted(error);
        throw error;
      }
    }
    this.report(noun, outcomes, rejections);
    return summarizeIngest(outcomes, rejections);
  }

  private report(noun: string, outcomes: readonly RecordOutcome[], rejections: readonly RecordRejection[]): void {
    if (this.observer === undefined) return;
    const counts = { CREATED: 0, UPDATED: 0, UNCHANGED: 0, REJECTED: rejections.length };
    for (const outcome of outcomes) counts[outcome.status] += 1;
    this.observer.recordsProcessed(noun.replace(/ /g, "_"), counts);
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

/** Why a deleted record's upsert was refused, and the two ways forward. */
function deletedRecord(noun: string, deletedAt: string): string {
  return (
    `DELETED: this ${noun} was deleted at ${deletedAt}; an upsert does not bring it back. Restore it ` +
    `(restore mutations, within the retention period) and send the upsert again, or wait until it is purged ` +
    `to create it anew`
  );
}

function externalIdOf(record: unknown): string | null {
  const r = record as { externalId?: unknown; recordId?: unknown; key?: unknown };
  const value = r.externalId ?? r.recordId ?? r.key;
  return typeof value === "string" ? value : null;
}
