import { Provenance } from "../../domain/model";

type Row = Record<string, unknown>;

export function text(row: Row, key: string): string {
  const value = row[key];
  return typeof value === "string" ? value : String(value ?? "");
}

export function optionalText(row: Row, key: string): string | null {
  const value = row[key];
  return typeof value === "string" ? value : null;
}

export function optionalNumber(row: Row, key: string): number | null {
  const value = row[key];
  return typeof value === "number" ? value : null;
}

/**
 * An instant as an ISO string (UTC, milliseconds): read as epoch milliseconds (see `keyedNodeProjection`)
 * or already as text.
 */
export function instant(row: Row, key: string): string {
  const value = row[key];
  if (typeof value === "number") return new Date(value).toISOString();
  return typeof value === "string" ? new Date(value).toISOString() : "";
}

/** The provenance fields every keyed node stores. */
export function provenance(row: Row): Provenance {
  return {
    id: text(row, "id"),
    sourceSystem: text(row, "sourceSystem"),
    externalId: text(row, "externalId"),
    firstSeenAt: instant(row, "firstSeenAt"),
    lastUpdatedAt: instant(row, "lastUpdatedAt"),
  };
}
