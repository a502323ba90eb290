import neo4j from "neo4j-driver";
import { GENESIS_HASH } from "../../domain/audit/audit-chain";
import {
  AuditEntryInput,
  checkAuditEntry,
  CheckedAuditEntry,
  MAX_ENTRIES_PER_APPEND,
} from "../../domain/audit/audit-entry";
import { auditTime, sealAuditRecords, StoredAuditRecord } from "../../domain/audit/audit-record";
import { AuditError } from "../../domain/audit/audit.errors";
import { CypherQuery, PlainRow } from "../executor";

/** The statement runner of a write transaction, as `CypherExecutor.writeSteps` hands it to its work. */
export type AuditRun = (query: CypherQuery, params: Record<string, unknown>) => Promise<PlainRow[]>;

/**
 * Takes the tenant's audit head lock and reads the head. The write (SET then REMOVE) takes the node's write
 * lock before anything reads it, so two transactions never read the same head: the second waits until the
 * first commits or rolls back, then reads what the first left (the ChangeSequence trick of the outbox).
 */
export const LOCK_AUDIT_HEAD: CypherQuery = {
  name: "audit.lockHead",
  text: `
MERGE (h:AuditHead {tenant: $tenant})
  ON CREATE SET h.seq = 0, h.hash = $genesis
SET h.appendLock = true
REMOVE h.appendLock
RETURN h.seq AS seq, h.hash AS hash`,
};

/**
 * Writes the sealed records, their reference entries (an `AuditRef` per account and user id: the index
 * that finds an account's or user's records newest first without reading the others) and the new head.
 */
export const CREATE_AUDIT_RECORDS: CypherQuery = {
  name: "audit.append",
  text: `
MATCH (h:AuditHead {tenant: $tenant})
SET h.seq = $lastSeq, h.hash = $lastHash, h.at = datetime($at)
WITH h
UNWIND $records AS r
CREATE (a:AuditRecord {
  tenant: $tenant, id: r.id, seq: r.seq, at: datetime($at), kind: r.kind,
  playbookId: r.playbookId, playbookVersion: r.playbookVersion, firingId: r.firingId,
  accountIds: r.accountIds, userIds: r.userIds, actor: r.actor, payload: r.payload,
  prevHash: r.prevHash, hash: r.hash
})
FOREACH (ref IN r.refs | CREATE (:AuditRef {tenant: $tenant, key: ref, seq: r.seq}))
RETURN count(a) AS written`,
};

/** What `append` returns for each entry, in the order given. */
export interface AppendedAuditRecord {
  seq: number;
  hash: string;
  id: string;
}

/** The `AuditRef` keys of a record: how the trail is found by account and by user. */
export function auditRefKeys(record: Pick<StoredAuditRecord, "accountIds" | "userIds">): string[] {
  return [...new Set([...record.accountIds.map((id) => `account:${id}`), ...record.userIds.map((id) => `user:${id}`)])];
}

/** Record rows as `CREATE_AUDIT_RECORDS` (and the benchmark's bulk loader) take them. */
export function auditRecordRows(records: readonly StoredAuditRecord[]): Record<string, unknown>[] {
  return records.map((r) => ({
    id: r.id,
    seq: neo4j.int(r.seq),
    kind: r.kind,
    playbookId: r.playbookId ?? null,
    playbookVersion: r.playbookVersion === undefined ? null : neo4j.int(r.playbookVersion),
    firingId: r.firingId ?? null,
    accountIds: r.accountIds,
    userIds: r.userIds,
    actor: r.actor,
    payload: r.payload,
    prevHash: r.prevHash,
    hash: r.hash,
    refs: auditRefKeys(r),
  }));
}

/**
 * The tenant's append-only, hash-chained audit trail (issue 11). Callers record decisions inside their own
 * write transaction, so a decision and its audit record commit together or not at all:
 *
 * ```ts
 * await executor.writeSteps("playbook.fire", async (run) => {
 *   // ... the firing's own writes ...
 *   const [record] = await auditTrail.append(run, now, [{ kind: "FIRING", ... }]);
 *   await outbox.append(run, now, changes); // the outbox stays last
 * });
 * ```
 *
 * Two statements per call, whatever the number of entries. The head lock is held until the transaction
 * ends, so call `append` late in the transaction (just before `ChangeOutbox.append`, always in that
 * order, so two transactions never wait for each other's locks the other way round).
 */
export class AuditTrail {
  constructor(readonly tenant: string) {}

  /**
   * Checks `entries` as `append` would, without a transaction: callers that build entries from request
   * input check them first, so a refusal reaches the client as INVALID_AUDIT_ENTRY (inside `writeSteps`
   * the executor reports any error of the work as its own failure, with this one as the cause).
   */
  check(entries: readonly AuditEntryInput[]): void {
    this.checked(entries);
  }

  private checked(entries: readonly AuditEntryInput[]): CheckedAuditEntry[] {
    if (entries.length > MAX_ENTRIES_PER_APPEND) {
      throw new AuditError(
        "INVALID_AUDIT_ENTRY",
        `append got ${entries.length} entries; at most ${MAX_ENTRIES_PER_APPEND} per call. Split them.`,
      );
    }
    return entries.map((entry, i) => checkAuditEntry(entry, i));
  }

  /**
   * Appends `entries` in the transaction `run` belongs to, numbered consecutively after the tenant's last
   * record, all stamped `now` (ISO 8601). Throws `AuditError` `INVALID_AUDIT_ENTRY` before any statement
   * when an entry is malformed or carries personal values. No entries: no statement, no records.
   */
  async append(run: AuditRun, now: string, entries: readonly AuditEntryInput[]): Promise<AppendedAuditRecord[]> {
    if (entries.length === 0) return [];
    const at = auditTime(now);
    if (at === null) {
      throw new AuditError("INVALID_AUDIT_ENTRY", `append got now=${JSON.stringify(now)}; pass an ISO 8601 instant.`);
    }
    const checked = this.checked(entries);
    const [head] = await run(LOCK_AUDIT_HEAD, { tenant: this.tenant, genesis: GENESIS_HASH });
    const records = sealAuditRecords(
      this.tenant,
      { seq: Number(head?.seq ?? 0), hash: String(head?.hash ?? GENESIS_HASH) },
      at,
      checked,
    );
    const last = records[records.length - 1]!;
    await run(CREATE_AUDIT_RECORDS, {
      tenant: this.tenant,
      at,
      lastSeq: neo4j.int(last.seq),
      lastHash: last.hash,
      records: auditRecordRows(records),
    });
    return records.map((r) => ({ seq: r.seq, hash: r.hash, id: r.id }));
  }
}
