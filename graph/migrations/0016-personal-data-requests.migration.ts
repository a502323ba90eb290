import { Migration } from "./migration";

/**
 * Consent, access and erasure requests (issue 15, decision 0027): consents by id and key and by person,
 * their versions, erasure requests, and the salted-hash tombstones that refuse a re-ingest of erased records.
 */
export const personalDataRequestsMigration: Migration = {
  version: 16,
  description: "consents and their versions, erasure requests and tombstones",
  statements: [
    "CREATE CONSTRAINT consent_id IF NOT EXISTS FOR (c:Consent) REQUIRE (c.tenant, c.id) IS UNIQUE",
    "CREATE CONSTRAINT consent_key IF NOT EXISTS FOR (c:Consent) REQUIRE (c.tenant, c.sourceSystem, c.externalId) IS UNIQUE",
    "CREATE INDEX consent_person IF NOT EXISTS FOR (c:Consent) ON (c.tenant, c.personId)",
    "CREATE CONSTRAINT consent_version IF NOT EXISTS FOR (v:ConsentVersion) REQUIRE (v.tenant, v.consentId, v.version) IS UNIQUE",
    "CREATE CONSTRAINT erasure_request_id IF NOT EXISTS FOR (r:ErasureRequest) REQUIRE (r.tenant, r.id) IS UNIQUE",
    "CREATE INDEX erasure_request_person IF NOT EXISTS FOR (r:ErasureRequest) ON (r.tenant, r.personId)",
    "CREATE CONSTRAINT erasure_tombstone IF NOT EXISTS FOR (t:ErasureTombstone) REQUIRE (t.tenant, t.hash) IS UNIQUE",
  ],
};
