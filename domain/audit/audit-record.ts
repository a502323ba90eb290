import { createHash } from "node:crypto";
import { AuditRecord as ChainRecord, auditHash, chainNext } from "./audit-chain";
import { CheckedAuditEntry } from "./audit-entry";

/**
 * An audit record as stored (`(:AuditRecord)`) and read back. Every field but `hash` is covered by the hash;
 * the payload is covered as its exact canonical JSON text.
 */
export interface StoredAuditRecord extends CheckedAuditEntry {
  tenant: string;
  id: string;
  seq: number;
  /** ISO 8601 in UTC with milliseconds ("2026-12-02T05:00:00.000Z"), as `Date.toISOString` writes it. */
  at: string;
  prevHash: string;
  hash: string;
}

/** The head of a chain: the last record's number and hash (0 and the genesis hash before the first). */
export interface AuditChainHead {
  seq: number;
  hash: string;
}

const ID_HASH_LENGTH = 22;

/**
 * The id of a tenant's record number `seq`: derived, so a retried transaction gets the same ids, and
 * tenant-qualified, so two tenants' records never share one.
 */
export function auditRecordId(tenant: string, seq: number): string {
  const digest = createHash("sha256").update(`${tenant}\u0000AuditRecord\u0000${seq}`).digest("base64url");
  return `aud_${digest.slice(0, ID_HASH_LENGTH)}`;
}

/**
 * What the hash covers beyond the chain fields (seq, prevHash, at): tenant, id, kind, the ids, actor, and
 * the payload's canonical text. Absent optional fields are left out (not null), as they are when read
 * back from Neo4j, which stores no nulls.
 */
function hashedContent(r: Omit<StoredAuditRecord, "seq" | "at" | "prevHash" | "hash">): Record<string, unknown> {
  return {
    tenant: r.tenant,
    id: r.id,
    kind: r.kind,
    playbookId: r.playbookId ?? undefined,
    playbookVersion: r.playbookVersion ?? undefined,
    firingId: r.firingId ?? undefined,
    accountIds: r.accountIds,
    userIds: r.userIds,
    actor: r.actor,
    payload: r.payload,
  };
}

/** The stored record as the chain functions see it ({@link verifyChain}). */
export function chainRecordOf(record: StoredAuditRecord): ChainRecord {
  return {
    seq: record.seq,
    prevHash: record.prevHash,
    at: record.at,
    payload: hashedContent(record),
    hash: record.hash,
  };
}

/** Recomputes a stored record's hash from its content. */
export function recomputeAuditHash(record: Omit<StoredAuditRecord, "hash">): string {
  return auditHash({ seq: record.seq, prevHash: record.prevHash, at: record.at, payload: hashedContent(record) });
}

/** Numbers and chains `entries` after `head`, all at `at`. Pure: the same head and entries give the same records. */
export function sealAuditRecords(
  tenant: string,
  head: AuditChainHead,
  at: string,
  entries: readonly CheckedAuditEntry[],
): StoredAuditRecord[] {
  const records: StoredAuditRecord[] = [];
  let previous: ChainRecord | null =
    head.seq === 0 ? null : { seq: head.seq, hash: head.hash, prevHash: "", at: "", payload: null };
  for (const entry of entries) {
    const seq = (previous?.seq ?? 0) + 1;
    const content = { ...entry, tenant, id: auditRecordId(tenant, seq) };
    const link = chainNext(previous, at, hashedContent(content));
    records.push({ ...content, seq: link.seq, at, prevHash: link.prevHash, hash: link.hash });
    previous = link;
  }
  return records;
}

/** `now` as the record time: a valid instant, written as `Date.toISOString` does (what Neo4j gives back). */
export function auditTime(now: string): string | null {
  const ms = Date.parse(now);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
