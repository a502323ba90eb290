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

/** The channel identifiers an erasure remembers by salted hash: a re-ingest under another key is refused by them. */
export type ChannelKind = "EMAIL" | "PHONE";

/**
 * The form of an email or phone that tombstones compare: an email trimmed and lower-cased; a phone as its
 * digits with a leading `+` kept (`+46 70 123 45 67` → `+46701234567`, the normalised form identities keep).
 * Null when nothing is left (too short to single anyone out: under 5 digits, or not an email).
 */
export function channelValue(kind: ChannelKind, raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  if (kind === "EMAIL") {
    const email = raw.trim().toLowerCase();
    return /^[^@\s]+@[^@\s]+$/.test(email) ? email : null;
  }
  const digits = raw.replace(/\D/g, "");
  if (digits.length < 5) return null;
  return raw.trim().startsWith("+") ? `+${digits}` : digits;
}

/**
 * The salted hash of a channel identifier (decision 0033): the same keyed HMAC as record keys, over the
 * tenant, the kind and the normalised value. Never the value itself.
 */
export function channelTombstoneHash(key: string, tenant: string, kind: ChannelKind, value: string): string {
  return createHmac("sha256", key).update(`${tenant}\u0000${kind}\u0000\u0000${value}`).digest("base64url");
}

/** A record's emails and phones, as sent (contacts: one each; identities: the attribute lists). */
export interface ChannelIdentifiers {
  emails: readonly unknown[];
  phones: readonly unknown[];
}

/** The salted hashes of a record's emails and phones, each with the kind it came from. */
export function channelTombstones(
  key: string,
  tenant: string,
  identifiers: ChannelIdentifiers,
): Array<{ kind: ChannelKind; hash: string }> {
  const out = new Map<string, ChannelKind>();
  const add = (kind: ChannelKind, values: readonly unknown[]) => {
    for (const raw of values) {
      const value = channelValue(kind, raw);
      if (value !== null) out.set(channelTombstoneHash(key, tenant, kind, value), kind);
    }
  };
  add("EMAIL", identifiers.emails);
  add("PHONE", identifiers.phones);
  return [...out].map(([hash, kind]) => ({ kind, hash }));
}

/** The rejection of a record under a new key whose email or phone belonged to an erased person. */
export function erasedChannelReason(
  what: "contact" | "identity",
  kind: ChannelKind,
  erasedAt: string,
  requestId: string,
): string {
  const identifier = kind === "EMAIL" ? "an email" : "a phone number";
  return (
    `this ${what} carries ${identifier} of a person whose data was erased on ${erasedAt} (request ${requestId}); ` +
    `it is not stored, whatever its externalId. Remove the person at the source; if they have come back and ` +
    `agreed, ask the tenant's privacy officer (the erasure's tombstones hold only salted hashes).`
  );
}
