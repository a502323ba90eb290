import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Personal values in change events are encrypted with a key per person (AES-256-GCM). Erasing a person
 * deletes their key, which makes every stored value of theirs unreadable at once, wherever it is stored
 * (crypto-shredding): the events themselves are never rewritten.
 */
const PREFIX = "pv1:";

export function newPersonKey(): string {
  return randomBytes(32).toString("base64");
}

/** Encrypts one JSON value; the result is text, safe to keep in an event's JSON. */
export function sealPersonalValue(key: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(key, "base64"), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** The value sealed with `key`; `undefined` when the key is gone (erased) or the text is not sealed. */
export function openPersonalValue(key: string | null | undefined, sealed: unknown): unknown {
  if (typeof sealed !== "string" || !sealed.startsWith(PREFIX) || key === null || key === undefined) return undefined;
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", Buffer.from(key, "base64"), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  return JSON.parse(text) as unknown;
}

export function isSealed(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(PREFIX);
}
