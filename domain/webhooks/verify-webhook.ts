import { createHmac, timingSafeEqual } from "node:crypto";
import { signedContent } from "./sign-webhook";
import { webhookSecretKey } from "./webhook-secret";

/** Why a delivery did not verify. */
export type WebhookVerificationFailure =
  "MISSING_HEADER" | "INVALID_TIMESTAMP" | "TIMESTAMP_OUT_OF_TOLERANCE" | "NO_MATCHING_SIGNATURE";

export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: WebhookVerificationFailure,
    message: string,
  ) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

export interface VerifyWebhookInput {
  /** The endpoint's secret as registerWebhook showed it (`whsec_…`); several during a rotation. */
  secret: string | readonly string[];
  /** The request's headers (any case; as node:http or Express give them). */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw request body, exactly as received (not parsed and serialised again). */
  body: string | Buffer;
  /** How far the timestamp may be from now, in seconds; 300 (5 minutes) by default. */
  toleranceSeconds?: number;
  /** "Now", for tests; the real time by default. */
  now?: Date;
}

export interface VerifiedWebhook {
  /** The message id: the same on every retry of one delivery; deduplicate on it or on the event ids. */
  id: string;
  timestamp: number;
}

function header(headers: VerifyWebhookInput["headers"], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return typeof value === "string" ? value : value?.[0];
  }
  return undefined;
}

/**
 * Checks a Standard Webhooks delivery: the three headers are there, the timestamp is within tolerance
 * (replay protection), and one of the `v1,` signatures matches one of the secrets (compared in constant
 * time). Returns the message id and timestamp; throws {@link WebhookVerificationError} otherwise. Answer
 * such a request with 400 or 401, never 2xx.
 */
export function verifyWebhook(input: VerifyWebhookInput): VerifiedWebhook {
  const id = header(input.headers, "webhook-id");
  const stamp = header(input.headers, "webhook-timestamp");
  const signatures = header(input.headers, "webhook-signature");
  if (!id || !stamp || !signatures) {
    throw new WebhookVerificationError(
      "MISSING_HEADER",
      "webhook-id, webhook-timestamp and webhook-signature must all be present; this request lacks one.",
    );
  }
  if (!/^\d{1,12}$/.test(stamp)) {
    throw new WebhookVerificationError(
      "INVALID_TIMESTAMP",
      `webhook-timestamp must be unix seconds; it is "${stamp}".`,
    );
  }
  const timestamp = Number(stamp);
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const tolerance = input.toleranceSeconds ?? 300;
  if (Math.abs(now - timestamp) > tolerance) {
    throw new WebhookVerificationError(
      "TIMESTAMP_OUT_OF_TOLERANCE",
      `webhook-timestamp ${timestamp} is ${now - timestamp} s from now, beyond the ${tolerance} s tolerance ` +
        `(a replay, or this machine's clock is off).`,
    );
  }
  const body = typeof input.body === "string" ? input.body : input.body.toString("utf8");
  const content = signedContent(id, timestamp, body);
  const secrets = typeof input.secret === "string" ? [input.secret] : input.secret;
  const expected = secrets.map((secret) =>
    createHmac("sha256", webhookSecretKey(secret)).update(content, "utf8").digest(),
  );
  for (const entry of signatures.split(" ")) {
    const [version, value] = entry.split(",", 2);
    if (version !== "v1" || value === undefined) continue;
    const given = Buffer.from(value, "base64");
    // Every candidate is compared, so the time taken does not tell which secret (if any) came close.
    let match = false;
    for (const mac of expected) if (given.length === mac.length && timingSafeEqual(given, mac)) match = true;
    if (match) return { id, timestamp };
  }
  throw new WebhookVerificationError(
    "NO_MATCHING_SIGNATURE",
    "No v1 signature in webhook-signature matches this secret: check the secret (after a rotation, the new one) " +
      "and that the body is the raw bytes received.",
  );
}
