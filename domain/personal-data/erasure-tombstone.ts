import { createHmac } from "node:crypto";

/** The kinds of record a tombstone blocks: a contact (by source system) or a channel identity (by channel). */
export type TombstoneKind = "CONTACT" | "IDENTITY";

/**
 * The salted hash that remembers an erased record's key without its value: HMAC-SHA256 with a key that
 * lives outside the database (derived from the server secret), over the tenant, kind, source system or
 * channel and external id. Someone who reads the database cannot test guesses against it without the key.
 */
export function tombstoneHash(
  key: string,
  tenant: string,
  kind: TombstoneKind,
  scope: string,
  externalId: string,
): string {
  return createHmac("sha256", key)
    .update(`${tenant}\u0000${kind}\u0000${scope}\u0000${externalId}`)
    .digest("base64url");
}

/** The rejection of a record whose key was erased. */
export function erasedRecordReason(kind: TombstoneKind, erasedAt: string, requestId: string): string {
  const what = kind === "CONTACT" ? "contact" : "identity";
  return (
    `this ${what} belonged to a person whose data was erased on ${erasedAt} (request ${requestId}); it is not ` +
    `stored again. If the person has come back and agreed, send their data under a new externalId.`
  );
}
