import { createHash } from "node:crypto";

/**
 * Cursors of the change feed: opaque text naming a position in the tenant's sequence. "0" (or no cursor)
 * is the beginning. Events have stable ids built from the tenant and the sequence number, so a receiver
 * can drop a duplicate delivery by id.
 */
const PREFIX = "chg1:";

export class ChangeCursorError extends Error {}

export function encodeChangeCursor(seq: number): string {
  return Buffer.from(`${PREFIX}${seq}`, "utf8").toString("base64url");
}

/** The sequence number a cursor stands for; throws with what was wrong for text that is not a cursor. */
export function decodeChangeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined || cursor === "" || cursor === "0") return 0;
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  const match = /^chg1:(\d{1,15})$/.exec(text);
  if (match === null) {
    throw new ChangeCursorError(
      `"${cursor.slice(0, 80)}" is not a change-feed cursor; pass a cursor the feed returned ` +
        `(endCursor, or an event's cursor), or omit it (or pass "0") to start from the oldest event kept.`,
    );
  }
  return Number(match[1]);
}

/** A stable, opaque event id: the same event always has the same id, in every delivery. */
export function changeEventId(tenant: string, seq: number): string {
  const scope = createHash("sha256").update(tenant).digest("base64url").slice(0, 10);
  return `evt_${scope}_${seq}`;
}
