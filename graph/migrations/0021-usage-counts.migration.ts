import { Migration } from "./migration";

/**
 * Usage counts for calibration (issue 17, decision 0032): one cell per tenant, week, principal and
 * operation, merged by every flush of the usage recorder.
 */
export const usageCountsMigration: Migration = {
  version: 21,
  description: "usage counts per tenant, week, principal and operation",
  statements: [
    "CREATE CONSTRAINT usage_count_key IF NOT EXISTS FOR (u:UsageCount) REQUIRE (u.tenant, u.week, u.principal, u.operation) IS UNIQUE",
  ],
};
