import { StoredAuditCheckpoint } from "../../domain/audit/audit-checkpoint";
import { AuditKind } from "../../domain/audit/audit-entry";
import { StoredAuditRecord } from "../../domain/audit/audit-record";
import { PlainRow } from "../executor";

/**
 * The RETURN expression of a record row (`a` bound to an AuditRecord): a list in the order
 * {@link toAuditRecord} reads it, the time as epoch milliseconds. Verification reads a million rows: a
 * list decodes without fourteen key strings per row, an integer without a DateTime object.
 */
export const AUDIT_RECORD_FIELDS = `[
  a.tenant, a.id, a.seq, a.at.epochMillis, a.kind, a.playbookId, a.playbookVersion, a.firingId, a.accountIds,
  a.userIds, a.actor, a.payload, a.prevHash, a.hash
] AS record`;

/** The RETURN expression of a checkpoint row (`c` bound to an AuditCheckpoint). */
export const AUDIT_CHECKPOINT_FIELDS = `c { .tenant, .seq, .hash, .keyId, .signature, .publicKeyPem, at: c.at } AS checkpoint`;

/** A record as read back: absent optional fields left out, exactly as they were hashed. */
export function toAuditRecord(row: PlainRow): StoredAuditRecord {
  const [
    tenant,
    id,
    seq,
    atMillis,
    kind,
    playbookId,
    playbookVersion,
    firingId,
    accountIds,
    userIds,
    actor,
    payload,
    prevHash,
    hash,
  ] = row.record as unknown[];
  const record: StoredAuditRecord = {
    tenant: String(tenant),
    id: String(id),
    seq: Number(seq),
    at: new Date(Number(atMillis)).toISOString(),
    kind: String(kind) as AuditKind,
    accountIds: (accountIds as string[] | null) ?? [],
    userIds: (userIds as string[] | null) ?? [],
    actor: String(actor),
    payload: String(payload),
    prevHash: String(prevHash),
    hash: String(hash),
  };
  if (playbookId !== null && playbookId !== undefined) record.playbookId = String(playbookId);
  if (playbookVersion !== null && playbookVersion !== undefined) record.playbookVersion = Number(playbookVersion);
  if (firingId !== null && firingId !== undefined) record.firingId = String(firingId);
  return record;
}

export function toAuditCheckpoint(row: PlainRow): StoredAuditCheckpoint {
  const c = row.checkpoint as Record<string, unknown>;
  return {
    tenant: String(c.tenant),
    seq: Number(c.seq),
    hash: String(c.hash),
    at: String(c.at),
    keyId: String(c.keyId),
    signature: String(c.signature),
    publicKeyPem: String(c.publicKeyPem),
  };
}
