import { Migration } from "./migration";

/** The sort orders of the top-level lists of contacts, opportunities, assets, organizations and signals. */
export const recordListsMigration: Migration = {
  version: 6,
  description: "indexes for the top-level record lists",
  statements: [
    "CREATE INDEX contact_tenant_name IF NOT EXISTS FOR (n:Contact) ON (n.tenant, n.name)",
    "CREATE INDEX asset_tenant_name IF NOT EXISTS FOR (n:Asset) ON (n.tenant, n.name)",
    "CREATE INDEX organization_tenant_name IF NOT EXISTS FOR (n:Organization) ON (n.tenant, n.name)",
    "CREATE INDEX opportunity_tenant_close_date IF NOT EXISTS FOR (n:Opportunity) ON (n.tenant, n.closeDate)",
    "CREATE INDEX signal_tenant_observed_at IF NOT EXISTS FOR (n:Signal) ON (n.tenant, n.observedAt)",
  ],
};
