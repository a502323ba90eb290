import { Migration } from "./migration";

/**
 * Identity resolution (issue 14): channel identities, their blocking keys, resolved people, pair decisions,
 * versioned identity models and resolution runs.
 */
export const identityResolutionMigration: Migration = {
  version: 14,
  description: "channel identities, resolved people, pair decisions, identity models and runs",
  statements: [
    "CREATE CONSTRAINT identity_key IF NOT EXISTS FOR (i:Identity) REQUIRE (i.tenant, i.channel, i.externalId) IS UNIQUE",
    "CREATE CONSTRAINT identity_id IF NOT EXISTS FOR (i:Identity) REQUIRE (i.tenant, i.id) IS UNIQUE",
    "CREATE INDEX identity_tenant_entity IF NOT EXISTS FOR (i:Identity) ON (i.tenant, i.entity)",
    "CREATE CONSTRAINT identity_blocking_key IF NOT EXISTS FOR (k:IdentityKey) REQUIRE (k.tenant, k.key) IS UNIQUE",
    "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE (p.tenant, p.id) IS UNIQUE",
    "CREATE CONSTRAINT resolved_organization_id IF NOT EXISTS FOR (o:ResolvedOrganization) REQUIRE (o.tenant, o.id) IS UNIQUE",
    "CREATE CONSTRAINT identity_pair_decision IF NOT EXISTS FOR (d:IdentityPairDecision) REQUIRE (d.tenant, d.pairKey) IS UNIQUE",
    "CREATE CONSTRAINT identity_review_pair IF NOT EXISTS FOR (r:IdentityReviewPair) REQUIRE (r.tenant, r.pairKey) IS UNIQUE",
    "CREATE INDEX identity_review_entity IF NOT EXISTS FOR (r:IdentityReviewPair) ON (r.tenant, r.entity)",
    "CREATE CONSTRAINT identity_model_entity IF NOT EXISTS FOR (m:IdentityModel) REQUIRE (m.tenant, m.entity) IS UNIQUE",
    "CREATE CONSTRAINT identity_model_version IF NOT EXISTS FOR (v:IdentityModelVersion) REQUIRE (v.tenant, v.entity, v.version) IS UNIQUE",
    "CREATE CONSTRAINT identity_run_id IF NOT EXISTS FOR (r:IdentityRun) REQUIRE (r.tenant, r.id) IS UNIQUE",
    "CREATE INDEX identity_run_status IF NOT EXISTS FOR (r:IdentityRun) ON (r.tenant, r.entity, r.status)",
  ],
};
