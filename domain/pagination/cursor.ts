import { createHmac, timingSafeEqual } from "node:crypto";
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

/**
 * An opaque cursor. It is signed, so a client cannot forge positions, and names its tenant and list, so
 * a cursor is only ever accepted by the list it came from.
 */
export function encodeCursor(scope: CursorScope, key: CursorKey, secret: string): string {
  const body = Buffer.from(JSON.stringify({ t: scope.tenant, l: scope.list, k: key } satisfies CursorPayload)).toString(
    "base64url",
  );
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
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as CursorPayload;
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
