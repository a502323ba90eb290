import { Migration } from "./migration";

/**
 * The tamper-evident audit trail (issue 11, decision 0019): records numbered per tenant, the head lock,
 * the reference index by account and user, the signed checkpoints, and the indexes of the trail's filters.
 */
export const auditTrailMigration: Migration = {
  version: 11,
  description: "audit trail: records, head, references by account and user, signed checkpoints",
  statements: [
    "CREATE CONSTRAINT audit_record_tenant_seq IF NOT EXISTS FOR (a:AuditRecord) REQUIRE (a.tenant, a.seq) IS UNIQUE",
    "CREATE CONSTRAINT audit_record_tenant_id IF NOT EXISTS FOR (a:AuditRecord) REQUIRE (a.tenant, a.id) IS UNIQUE",
    "CREATE INDEX audit_record_tenant_at IF NOT EXISTS FOR (a:AuditRecord) ON (a.tenant, a.at)",
    "CREATE INDEX audit_record_tenant_playbook IF NOT EXISTS FOR (a:AuditRecord) ON (a.tenant, a.playbookId, a.seq)",
    "CREATE INDEX audit_record_tenant_kind IF NOT EXISTS FOR (a:AuditRecord) ON (a.tenant, a.kind, a.seq)",
    "CREATE CONSTRAINT audit_head_tenant IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.tenant IS UNIQUE",
    "CREATE INDEX audit_ref_tenant_key_seq IF NOT EXISTS FOR (r:AuditRef) ON (r.tenant, r.key, r.seq)",
    "CREATE CONSTRAINT audit_checkpoint_tenant_seq_key IF NOT EXISTS FOR (c:AuditCheckpoint) REQUIRE (c.tenant, c.seq, c.keyId) IS UNIQUE",
  ],
};
