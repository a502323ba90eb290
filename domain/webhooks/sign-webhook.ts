import { createHmac } from "node:crypto";
import { webhookSecretKey } from "./webhook-secret";

/** The text Standard Webhooks signs: `${id}.${timestamp}.${body}`. */
export function signedContent(id: string, timestamp: number, body: string): string {
  return `${id}.${timestamp}.${body}`;
}

/** One `v1,<base64 HMAC-SHA256>` signature of a message with one secret. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", webhookSecretKey(secret)).update(signedContent(id, timestamp, body), "utf8");
  return `v1,${mac.digest("base64")}`;
}

/**
 * The `webhook-signature` header: one signature per secret, space-separated (during a secret rotation both
 * the new and the old secret sign, so receivers can switch at their own pace).
 */
export function signatureHeader(secrets: readonly string[], id: string, timestamp: number, body: string): string {
  return secrets.map((secret) => signWebhook(secret, id, timestamp, body)).join(" ");
}
