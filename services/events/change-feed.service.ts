import { ChangeType, StoredChange } from "../../domain/events/change-event";
import { ChangeCursorError, decodeChangeCursor, encodeChangeCursor } from "../../domain/events/change-cursor";
import { PaginationError } from "../../domain/pagination/pagination.errors";
import { ChangeFeedRepository } from "../../graph/events/change-feed.repository";
import { ChangeFeedError } from "./change-feed.errors";

export interface ChangeFeedLimits {
  defaultPageSize: number;
  maxPageSize: number;
  /** Days events are kept; named in the error of a cursor older than that. */
  retentionDays: number;
}

/** One page of the feed: events in sequence order and the cursor to resume from. */
export interface ChangePage {
  events: StoredChange[];
  /** Resume from here: the last event's position, or the cursor given when there was none. */
  endCursor: string;
  /** More events (of the types asked for) were committed after this page. */
  hasMore: boolean;
  /** The newest event committed, of any type, when the page was read. */
  headCursor: string;
}

/**
 * Reads a tenant's change feed in order, from any cursor, never with a silent gap: a cursor older than
 * retention is refused with what to do, and a page stops at the newest number committed when it was read.
 */
export class ChangeFeedService {
  constructor(
    private readonly repository: ChangeFeedRepository,
    private readonly limits: ChangeFeedLimits,
  ) {}

  /** The position after which a page starts; throws INVALID_CURSOR or CURSOR_EXPIRED. */
  async page(
    after: string | null | undefined,
    types: readonly ChangeType[] | null,
    first?: number | null,
  ): Promise<ChangePage> {
    const size = this.pageSize(first);
    const sequence = await this.repository.sequence();
    // No cursor (or "0") starts at the oldest event kept, which after a purge is past purgedThrough.
    const from = isStart(after) ? sequence.purgedThrough : this.decode(after);
    if (from < sequence.purgedThrough) {
      throw new ChangeFeedError(
        "CURSOR_EXPIRED",
        `Events after this cursor (position ${from}) up to position ${sequence.purgedThrough} were removed: ` +
          `events are kept ${this.limits.retentionDays} days (RELATA_CHANGE_RETENTION_DAYS). Re-sync: read the ` +
          `current records (the lists, or GET /v1/exports/health), then follow the feed from headCursor of a ` +
          `changes query made before that read.`,
      );
    }
    if (from > sequence.last) {
      throw new PaginationError(
        "INVALID_CURSOR",
        `This cursor (position ${from}) is ahead of the newest event (position ${sequence.last}); it is not from ` +
          `this tenant's feed. Pass a cursor this tenant's feed returned, or omit it to start from the oldest event.`,
      );
    }
    const read = await this.repository.readPage(from, size, types === null || types.length === 0 ? null : types);
    return {
      events: read.events,
      endCursor: encodeChangeCursor(read.through),
      hasMore: read.hasMore,
      headCursor: encodeChangeCursor(sequence.last),
    };
  }

  /**
   * The latest events, newest first, before a cursor (from an earlier page's `endCursor`) or from the newest
   * event; for people looking at what changed, not for syncing (follow {@link page} for that).
   */
  async recent(
    before: string | null | undefined,
    types: readonly ChangeType[] | null,
    first?: number | null,
  ): Promise<ChangePage> {
    const size = this.pageSize(first);
    const sequence = await this.repository.sequence();
    const from = isStart(before) ? sequence.last + 1 : this.decode(before);
    if (from > sequence.last + 1) {
      throw new PaginationError(
        "INVALID_CURSOR",
        `This cursor (position ${from}) is ahead of the newest event (position ${sequence.last}); it is not from ` +
          `this tenant's feed. Pass the endCursor of an earlier recentChanges page, or omit it to start at the newest event.`,
      );
    }
    const read = await this.repository.readRecent(from, size, types === null || types.length === 0 ? null : types);
    return {
      events: read.events,
      endCursor: encodeChangeCursor(read.before),
      hasMore: read.hasMore && read.before > sequence.purgedThrough + 1,
      headCursor: encodeChangeCursor(sequence.last),
    };
  }

  /** The newest event's cursor: where a reader that wants only what comes next starts. */
  async head(): Promise<string> {
    return encodeChangeCursor((await this.repository.sequence()).last);
  }

  private decode(cursor: string | null | undefined): number {
    try {
      return decodeChangeCursor(cursor);
    } catch (error) {
      if (error instanceof ChangeCursorError) throw new PaginationError("INVALID_CURSOR", error.message);
      throw error;
    }
  }

  private pageSize(first: number | null | undefined): number {
    if (first === null || first === undefined) return this.limits.defaultPageSize;
    if (!Number.isInteger(first) || first < 1 || first > this.limits.maxPageSize) {
      throw new PaginationError(
        "PAGE_SIZE_OUT_OF_RANGE",
        `first must be between 1 and ${this.limits.maxPageSize}; it is ${first}. Ask for fewer events per page ` +
          `and follow endCursor.`,
      );
    }
    return first;
  }
}

function isStart(cursor: string | null | undefined): boolean {
  return cursor === null || cursor === undefined || cursor === "" || cursor === "0";
}
