import { Migration } from "./migration";

/**
 * Issue 11, people and data: production batches (unique code per tenant), assets by region (a region's
 * vehicles), and users and teams as keyed records (decision 0018).
 */
export const peopleAndDataMigration: Migration = {
  version: 10,
  description: "batches, asset regions, users and teams",
  statements: [
    "CREATE CONSTRAINT batch_tenant_code IF NOT EXISTS FOR (n:Batch) REQUIRE (n.tenant, n.code) IS UNIQUE",
    "CREATE INDEX asset_tenant_region IF NOT EXISTS FOR (n:Asset) ON (n.tenant, n.region)",
    ...["User", "Team"].flatMap((label) => {
      const name = label.toLowerCase();
      return [
        `CREATE CONSTRAINT ${name}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
        `CREATE CONSTRAINT ${name}_source_key IF NOT EXISTS FOR (n:${label}) ` +
          `REQUIRE (n.tenant, n.sourceSystem, n.externalId) IS UNIQUE`,
        `CREATE INDEX ${name}_tenant_name IF NOT EXISTS FOR (n:${label}) ON (n.tenant, n.name)`,
      ];
    }),
    // A user's external id is the subject of their tokens: one per tenant, whatever the source system.
    "CREATE CONSTRAINT user_tenant_external_id IF NOT EXISTS FOR (n:User) REQUIRE (n.tenant, n.externalId) IS UNIQUE",
    "CREATE INDEX user_tenant_team IF NOT EXISTS FOR (n:User) ON (n.tenant, n.teamId)",
    // Links waiting for a user who has not arrived yet: reports naming them as manager, accounts as owner.
    "CREATE INDEX user_tenant_manager IF NOT EXISTS FOR (n:User) ON (n.tenant, n.managerExternalId)",
    "CREATE INDEX account_tenant_owner IF NOT EXISTS FOR (n:Account) ON (n.tenant, n.ownerExternalId)",
  ],
};
