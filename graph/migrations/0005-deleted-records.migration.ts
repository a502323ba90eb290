import { Migration } from "./migration";

const DELETED_RECORDS = ["Account", "Contact", "Opportunity", "Asset", "Organization", "Signal"].map(
  (l) => `Deleted${l}`,
);
const DELETED_OWNED = ["HealthScore", "HealthEvent", "ManualMeasure", "Outcome"].map((l) => `Deleted${l}`);

const snake = (label: string): string => label.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();

/**
 * Soft-deleted records carry `Deleted<Label>` instead of their label (decision 0008): looked up by id (to
 * restore, and to refuse an upsert of a deleted record), by deletion (what one delete took along), and by
 * deletion time (the purge). Purged records leave a tombstone so that a late restore can say so.
 */
export const deletedRecordsMigration: Migration = {
  version: 5,
  description: "deleted records: ids, deletions and deletion times of soft-deleted records; purge tombstones",
  statements: [
    ...DELETED_RECORDS.flatMap((label) => [
      `CREATE INDEX ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) ON (n.tenant, n.id)`,
      `CREATE INDEX ${snake(label)}_deletion IF NOT EXISTS FOR (n:${label}) ON (n.tenant, n.deletionId)`,
      `CREATE INDEX ${snake(label)}_deleted_at IF NOT EXISTS FOR (n:${label}) ON (n.deletedAt)`,
    ]),
    ...DELETED_OWNED.map(
      (label) => `CREATE INDEX ${snake(label)}_deletion IF NOT EXISTS FOR (n:${label}) ON (n.tenant, n.deletionId)`,
    ),
    "CREATE CONSTRAINT purged_record_key IF NOT EXISTS FOR (n:PurgedRecord) REQUIRE (n.tenant, n.id) IS UNIQUE",
    "CREATE INDEX purged_record_purged_at IF NOT EXISTS FOR (n:PurgedRecord) ON (n.purgedAt)",
  ],
};
