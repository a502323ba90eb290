import { StoredAuditCheckpoint } from "../../domain/audit/audit-checkpoint";
import { AuditKind } from "../../domain/audit/audit-entry";
import { StoredAuditRecord } from "../../domain/audit/audit-record";
import { PlainRow } from "../executor";

/** The RETURN expression of a record row (`a` bound to an AuditRecord). */
export const AUDIT_RECORD_FIELDS = `a {
  .tenant, .id, .seq, .kind, .playbookId, .playbookVersion, .firingId, .accountIds, .userIds, .actor, .payload,
  .prevHash, .hash, at: a.at
} AS record`;

/** The RETURN expression of a checkpoint row (`c` bound to an AuditCheckpoint). */
export const AUDIT_CHECKPOINT_FIELDS = `c { .tenant, .seq, .hash, .keyId, .signature, .publicKeyPem, at: c.at } AS checkpoint`;

/** A record as read back: absent optional fields left out, exactly as they were hashed. */
export function toAuditRecord(row: PlainRow): StoredAuditRecord {
  const r = row.record as Record<string, unknown>;
  const record: StoredAuditRecord = {
    tenant: String(r.tenant),
    id: String(r.id),
    seq: Number(r.seq),
    at: String(r.at),
    kind: String(r.kind) as AuditKind,
    accountIds: (r.accountIds as string[] | null) ?? [],
    userIds: (r.userIds as string[] | null) ?? [],
    actor: String(r.actor),
    payload: String(r.payload),
    prevHash: String(r.prevHash),
    hash: String(r.hash),
  };
  if (r.playbookId !== null && r.playbookId !== undefined) record.playbookId = String(r.playbookId);
  if (r.playbookVersion !== null && r.playbookVersion !== undefined) record.playbookVersion = Number(r.playbookVersion);
  if (r.firingId !== null && r.firingId !== undefined) record.firingId = String(r.firingId);
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
