import { Migration } from "./migration";

/**
 * Health: a score reads the manual measures of its account (and of the account's duplicates) by tenant and
 * account id. Without an index the lookup scans every ManualMeasure of every tenant once per account.
 */
export const manualMeasureLookupMigration: Migration = {
  version: 26,
  description: "index manual measures by tenant and account for the health reads",
  statements: [
    "CREATE INDEX manual_measure_tenant_account IF NOT EXISTS FOR (m:ManualMeasure) ON (m.tenant, m.accountId)",
  ],
};
