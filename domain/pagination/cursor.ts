import { createCipheriv, createDecipheriv, createHash, createHmac, timingSafeEqual } from "node:crypto";
import { PaginationError } from "./pagination.errors";

/** A position in one ordered list: the sort key values of the last item seen. */
export type CursorKey = ReadonlyArray<string | number | boolean | null>;

export interface CursorScope {
  tenant: string;
  /** Which list and order the cursor belongs to, e.g. "accounts:NAME_ASC" or "account.contacts". */
  list: string;
}

interface CursorPayload {
  t: string;
  l: string;
  k: CursorKey;
}

const SIGNATURE_LENGTH = 16;

function sign(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url").slice(0, SIGNATURE_LENGTH);
}

const IV_LENGTH = 12;
const TAG_LENGTH = 16;

function cipherKey(secret: string): Buffer {
  return createHash("sha256").update(`relata-cursor-key\u0000${secret}`).digest();
}

/**
 * The payload, encrypted (AES-256-GCM, the IV derived from the payload so the same position gives the same
 * cursor). A list sorted by a personal value (contacts and users by name) would otherwise hand the value out
 * in clear inside the cursor to a reader who sees it masked (issue 15, decision 0033).
 */
function seal(payload: string, secret: string): string {
  const iv = createHmac("sha256", secret).update(`iv\u0000${payload}`).digest().subarray(0, IV_LENGTH);
  const cipher = createCipheriv("aes-256-gcm", cipherKey(secret), iv);
  const sealed = Buffer.concat([cipher.update(payload, "utf8"), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
}

/** The payload of a sealed body, or null when it is not one this secret sealed. */
function open(body: string, secret: string): string | null {
  const bytes = Buffer.from(body, "base64url");
  if (bytes.length <= IV_LENGTH + TAG_LENGTH) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", cipherKey(secret), bytes.subarray(0, IV_LENGTH));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_LENGTH));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_LENGTH, bytes.length - TAG_LENGTH)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * An opaque cursor. It is signed, so a client cannot forge positions, names its tenant and list, so a
 * cursor is only ever accepted by the list it came from, and is encrypted, so the sort key inside (a
 * contact's name) cannot be read from it.
 */
export function encodeCursor(scope: CursorScope, key: CursorKey, secret: string): string {
  const body = seal(JSON.stringify({ t: scope.tenant, l: scope.list, k: key } satisfies CursorPayload), secret);
  return `${body}.${sign(body, secret)}`;
}

function invalid(argument: string, why: string): PaginationError {
  return new PaginationError(
    "INVALID_CURSOR",
    `${argument}: ${why}. Pass a cursor exactly as returned in pageInfo.endCursor or an edge's cursor of the same ` +
      `list, or omit ${argument} to start from the first page.`,
  );
}

/** Decodes a cursor issued by {@link encodeCursor} for the same scope; anything else is an INVALID_CURSOR error. */
export function decodeCursor(
  cursor: string,
  scope: CursorScope,
  secret: string,
  expectedKeyLength: number,
  argument = "after",
): CursorKey {
  const parts = cursor.split(".");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === undefined) {
    throw invalid(argument, "the cursor is malformed");
  }
  const [body, signature] = parts as [string, string];
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalid(argument, "the cursor was not issued by this server or has been altered");
  }
  const text = open(body, secret);
  if (text === null) throw invalid(argument, "the cursor is malformed");
  let payload: CursorPayload;
  try {
    payload = JSON.parse(text) as CursorPayload;
  } catch {
    throw invalid(argument, "the cursor is malformed");
  }
  if (payload.t !== scope.tenant) throw invalid(argument, "the cursor belongs to another tenant");
  if (payload.l !== scope.list) {
    throw invalid(argument, `the cursor belongs to the list "${payload.l}", not "${scope.list}"`);
  }
  if (!Array.isArray(payload.k) || payload.k.length !== expectedKeyLength) {
    throw invalid(argument, "the cursor is malformed");
  }
  return payload.k;
}
