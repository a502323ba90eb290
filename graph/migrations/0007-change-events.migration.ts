import { Migration } from "./migration";

/** The transactional outbox: numbered change events per tenant, the sequence lock, and person keys. */
export const changeEventsMigration: Migration = {
  version: 7,
  description: "change events, their per-tenant sequence, and the keys of personal values",
  statements: [
    "CREATE CONSTRAINT change_event_tenant_seq IF NOT EXISTS FOR (c:ChangeEvent) REQUIRE (c.tenant, c.seq) IS UNIQUE",
    "CREATE INDEX change_event_tenant_at IF NOT EXISTS FOR (c:ChangeEvent) ON (c.tenant, c.at)",
    "CREATE CONSTRAINT change_sequence_tenant IF NOT EXISTS FOR (s:ChangeSequence) REQUIRE s.tenant IS UNIQUE",
    "CREATE CONSTRAINT person_key_tenant_person IF NOT EXISTS FOR (k:PersonKey) REQUIRE (k.tenant, k.personId) IS UNIQUE",
  ],
};
