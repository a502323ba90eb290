import { createHash } from "node:crypto";

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = sorted(item);
  }
  return out;
}

/** JSON with object keys sorted and `undefined` members dropped: one text per value, whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sorted(value));
}

/** The content hash of an identity as sent: resending the same record is UNCHANGED. */
export function identityContentHash(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("base64url");
}
