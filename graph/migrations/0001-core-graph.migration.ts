import { Migration } from "./migration";

const KEYED_LABELS = ["Account", "Contact", "Opportunity", "Asset", "Organization", "Signal"] as const;

function keyConstraints(label: string): string[] {
  const name = label.toLowerCase();
  return [
    `CREATE CONSTRAINT ${name}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    `CREATE CONSTRAINT ${name}_source_key IF NOT EXISTS FOR (n:${label}) ` +
      `REQUIRE (n.tenant, n.sourceSystem, n.externalId) IS UNIQUE`,
  ];
}

/** Keys of every record kind, the source-system registry, and the indexes the account list filters on. */
export const coreGraphMigration: Migration = {
  version: 1,
  description: "core CRM graph: keys, list indexes, account name full-text index",
  statements: [
    ...KEYED_LABELS.flatMap(keyConstraints),
    "CREATE CONSTRAINT source_system_key IF NOT EXISTS FOR (n:SourceSystem) REQUIRE (n.tenant, n.key) IS UNIQUE",
    "CREATE CONSTRAINT relata_migration_version IF NOT EXISTS FOR (n:RelataMigration) REQUIRE n.version IS UNIQUE",
    "CREATE INDEX account_tenant_name IF NOT EXISTS FOR (n:Account) ON (n.tenant, n.name)",
    "CREATE INDEX account_tenant_industry IF NOT EXISTS FOR (n:Account) ON (n.tenant, n.industry)",
    "CREATE INDEX account_tenant_segment IF NOT EXISTS FOR (n:Account) ON (n.tenant, n.segment)",
    "CREATE INDEX account_tenant_region IF NOT EXISTS FOR (n:Account) ON (n.tenant, n.region)",
    "CREATE INDEX account_tenant_revenue IF NOT EXISTS FOR (n:Account) ON (n.tenant, n.annualRevenue)",
    "CREATE INDEX account_tenant_updated IF NOT EXISTS FOR (n:Account) ON (n.tenant, n.lastUpdatedAt)",
    "CREATE INDEX signal_tenant_field IF NOT EXISTS FOR (n:Signal) ON (n.tenant, n.field)",
    "CREATE FULLTEXT INDEX account_name_fulltext IF NOT EXISTS FOR (n:Account) ON EACH [n.name]",
    "CREATE FULLTEXT INDEX contact_name_fulltext IF NOT EXISTS FOR (n:Contact) ON EACH [n.name, n.email]",
  ],
};
