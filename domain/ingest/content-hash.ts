import { createHash } from "node:crypto";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])] as const),
    );
  }
  return value === undefined ? null : value;
}

/**
 * A digest of a record's content, independent of key order. Stored on each node so that re-ingesting the
 * same record is recognised as unchanged without comparing every property in Cypher.
 */
export function contentHash(content: unknown): string {
  return createHash("sha1")
    .update(JSON.stringify(canonical(content)))
    .digest("base64url");
}
