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
  ],
};
