import { createHash, createHmac, randomBytes } from "node:crypto";
import { openPersonalValue, sealPersonalValue } from "../events/personal-cipher";

/** Standard Webhooks secrets: `whsec_` and the base64 of 24-64 random bytes; we use 32. */
const PREFIX = "whsec_";
const SECRET_BYTES = 32;

/** A new endpoint secret, shown to the caller once. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(SECRET_BYTES).toString("base64");
}

/**
 * The HMAC key of a secret: the bytes behind `whsec_`, or for any other text its UTF-8 bytes (what the
 * Standard Webhooks libraries do, so receivers can pass the secret as shown).
 */
export function webhookSecretKey(secret: string): Buffer {
  if (secret.startsWith(PREFIX)) {
    const raw = Buffer.from(secret.slice(PREFIX.length), "base64");
    if (raw.length > 0) return raw;
  }
  return Buffer.from(secret, "utf8");
}

/**
 * The key that encrypts endpoint secrets at rest, derived from the server's signing secret
 * (RELATA_JWT_SECRET): a database dump alone does not reveal them. Rotating RELATA_JWT_SECRET makes stored
 * webhook secrets unreadable (rotate the endpoints' secrets afterwards; docs/webhooks.md).
 */
export function secretStorageKey(serverSecret: string): string {
  const derived = createHmac("sha256", serverSecret).update("relata-webhook-secrets").digest();
  return createHash("sha256").update(derived).digest("base64");
}

/** The secret as stored: encrypted with {@link secretStorageKey}. */
export function sealWebhookSecret(storageKey: string, secret: string): string {
  return sealPersonalValue(storageKey, secret);
}

/** The stored secret in clear, or null when it cannot be opened (the server secret changed). */
export function openWebhookSecret(storageKey: string, sealed: string): string | null {
  try {
    const value = openPersonalValue(storageKey, sealed);
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}
