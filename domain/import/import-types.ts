/**
 * The record types a file can import, each named as on the command line and tied to the bulk mutation
 * whose input (and rules) a row must satisfy.
 */
export const IMPORT_TYPES = {
  accounts: "upsertAccounts",
  contacts: "upsertContacts",
  opportunities: "upsertOpportunities",
  assets: "upsertAssets",
  organizations: "upsertOrganizations",
  signals: "ingestSignals",
  sourceSystems: "upsertSourceSystems",
  teams: "upsertTeams",
  users: "upsertUsers",
} as const;

export type ImportType = keyof typeof IMPORT_TYPES;

export const IMPORT_TYPE_NAMES = Object.keys(IMPORT_TYPES) as ImportType[];

export function isImportType(value: unknown): value is ImportType {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(IMPORT_TYPES, value);
}

/** The file formats, told apart by the file's extension. */
export type ImportFormat = "csv" | "ndjson";

/** The format of a file by its extension (`.csv`; `.ndjson`, `.jsonl`), or null. */
export function formatOf(path: string): ImportFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return "ndjson";
  return null;
}
