import { ChangeType, StoredChange } from "../../domain/events/change-event";
import { decodeChangeCursor } from "../../domain/events/change-cursor";
import { ChangeFeedService } from "./change-feed.service";

/** What a bulk read of the feed asks for (GET /v1/changes, `npm run changes`). */
export interface ChangeStreamRequest {
  after: string | null;
  types: readonly ChangeType[] | null;
  /** At most this many events in all; null: every event up to the newest when the read began. */
  limit: number | null;
}

/** Where a bulk read stopped: the last line of the NDJSON stream (docs/changes.md). */
export interface ChangeStreamEnd {
  /** Resume from here (pass as `after`): every event of the types asked for up to it has been sent. */
  endCursor: string;
  /** More events of the types asked for were committed after endCursor: read on. */
  hasMore: boolean;
  /** The newest event committed when the last page was read (any type). */
  headCursor: string;
  /** Events sent. */
  count: number;
}

export type ChangeStreamChunk = { events: StoredChange[] } | { end: ChangeStreamEnd };

/**
 * Reads the feed page by page from `after` for a bulk consumer: events in order, then where it stopped. It
 * stops at the newest event committed when it began (or at `limit`), so a stream ends even under a steady
 * write load; the end says whether to read on. The next page is read only when the caller asks for it
 * (backpressure). The first page is read at the first `next()`, so a bad or expired cursor fails there,
 * before anything is sent.
 */
export async function* changeStream(
  feed: ChangeFeedService,
  request: ChangeStreamRequest,
  pageSize: number,
): AsyncGenerator<ChangeStreamChunk> {
  let cursor = request.after;
  let count = 0;
  let stopAt: number | null = null;
  for (;;) {
    const size = request.limit === null ? pageSize : Math.min(pageSize, request.limit - count);
    const page = await feed.page(cursor, request.types, size);
    stopAt ??= decodeChangeCursor(page.headCursor);
    count += page.events.length;
    cursor = page.endCursor;
    if (page.events.length > 0) yield { events: page.events };
    const last = page.events.at(-1)?.seq ?? stopAt;
    if (!page.hasMore || last >= stopAt || (request.limit !== null && count >= request.limit)) {
      yield { end: { endCursor: page.endCursor, hasMore: page.hasMore, headCursor: page.headCursor, count } };
      return;
    }
  }
}
