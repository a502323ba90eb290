import { Migration } from "./migration";

/**
 * The configuration version of a tenant (issue 18, decision 0036): one `TenantConfig` node per tenant (and
 * one for the built-in scope), bumped in the same transaction as every write that changes what a score is
 * computed with (mappings, health model versions, ontology packs and their concepts and links). API
 * processes cache health models, concept trees and mappings against it. Nodes are created by the first
 * such write (MERGE); the constraint keeps one per tenant and makes the read an index seek.
 */
export const tenantConfigMigration: Migration = {
  version: 24,
  description: "one configuration version node per tenant",
  statements: ["CREATE CONSTRAINT tenant_config_key IF NOT EXISTS FOR (c:TenantConfig) REQUIRE c.tenant IS UNIQUE"],
};
