import neo4j from "neo4j-driver";
import { ChangeType, StoredChange } from "../../domain/events/change-event";
import { SegmentEvent, unpackSegment } from "../../domain/events/change-segment";
import { changeEventId } from "../../domain/events/change-cursor";
import { isSealed, openPersonalValue } from "../../domain/events/personal-cipher";
import { CypherExecutor, CypherQuery } from "../executor";

/**
 * The next segments after `$after`, oldest first: every segment's numbers (to find a hole, see
 * {@link ChangeFeedRepository.readPage}), and the events and the keys that open their personal values only
 * for segments holding a type asked for (the others are skipped unread).
 */
const READ_SEGMENTS: CypherQuery = {
  name: "changes.read",
  text: `
MATCH (g:ChangeSegment {tenant: $tenant})
WHERE g.lastSeq > $after
WITH g ORDER BY g.lastSeq ASC LIMIT $segments
WITH g, ($types IS NULL OR any(t IN g.types WHERE t IN $types)) AS wanted
CALL (g, wanted) {
  WITH g WHERE wanted
  UNWIND g.personIds AS personId
  MATCH (k:PersonKey {tenant: $tenant, personId: personId})
  RETURN collect([personId, k.key]) AS keys
}
RETURN g.firstSeq AS firstSeq, g.lastSeq AS lastSeq, CASE WHEN wanted THEN g.events END AS events,
  g.actor AS actor, toString(g.at) AS at, keys`,
};

/**
 * The segments before `$before`, newest first, with the same columns as {@link READ_SEGMENTS}; segments
 * holding no type asked for come without their events.
 */
const READ_SEGMENTS_BACKWARDS: CypherQuery = {
  name: "changes.readBackwards",
  text: `
MATCH (g:ChangeSegment {tenant: $tenant})
WHERE g.firstSeq < $before
WITH g ORDER BY g.lastSeq DESC LIMIT $segments
WITH g, ($types IS NULL OR any(t IN g.types WHERE t IN $types)) AS wanted
CALL (g, wanted) {
  WITH g WHERE wanted
  UNWIND g.personIds AS personId
  MATCH (k:PersonKey {tenant: $tenant, personId: personId})
  RETURN collect([personId, k.key]) AS keys
}
RETURN g.firstSeq AS firstSeq, g.lastSeq AS lastSeq, CASE WHEN wanted THEN g.events END AS events,
  g.actor AS actor, toString(g.at) AS at, keys`,
};

/** Where the tenant's sequence stands: the last number committed, and the last one purged. */
const SEQUENCE: CypherQuery = {
  name: "changes.sequence",
  text: `
OPTIONAL MATCH (s:ChangeSequence {tenant: $tenant})
RETURN coalesce(s.last, 0) AS last, coalesce(s.purgedThrough, 0) AS purgedThrough`,
};

export interface ChangeSequenceState {
  /** The highest sequence number committed. */
  last: number;
  /** Events up to and including this number were removed by retention. */
  purgedThrough: number;
}

function open(key: string | null, value: unknown): unknown {
  return isSealed(value) ? (openPersonalValue(key, value) ?? null) : value;
}

/** A stored event as the API shows it: personal values opened, or marked erased when the key is gone. */
export function toStoredChange(
  tenant: string,
  seq: number,
  event: SegmentEvent,
  actor: string,
  at: string,
  keys: ReadonlyMap<string, string>,
): StoredChange {
  const key = event.personId === null ? null : (keys.get(event.personId) ?? null);
  const changes = event.changes.map((change) => {
    if (change.personal !== true) return change;
    const erased = key === null && (isSealed(change.old) || isSealed(change.new));
    return erased
      ? { ...change, old: null, new: null, erased: true }
      : { ...change, old: open(key, change.old), new: open(key, change.new) };
  });
  const externalId = open(key, event.externalId);
  return {
    id: changeEventId(tenant, seq),
    seq,
    tenant,
    type: event.type,
    recordId: event.recordId,
    externalId: typeof externalId === "string" ? externalId : null,
    sourceSystem: event.sourceSystem,
    personId: event.personId,
    changes,
    actor,
    at: new Date(Date.parse(at)).toISOString(),
  };
}

/** Segments read per statement. */
const SEGMENTS_PER_READ = 64;
/** The most segments one page examines (about 260,000 events), so a rare type behind a long backlog costs bounded work. */
const MAX_SEGMENTS_PER_PAGE = 1024;

/** The most segments one backwards page examines. */
const MAX_SEGMENTS_PER_RECENT_PAGE = 256;

/** A page read from the outbox, newest first. */
export interface RecentRead {
  /** The events of the types asked for, newest first. */
  events: StoredChange[];
  /** Read on with events numbered below this (the oldest position this page examined). */
  before: number;
  /** Older events of the types asked for may exist below `before`. */
  hasMore: boolean;
}

/** A page read from the outbox. */
export interface FeedRead {
  /** The events of the types asked for, in order. */
  events: StoredChange[];
  /**
   * Every event of the types asked for numbered up to here is in `events` (or in earlier pages): resume
   * after it.
   */
  through: number;
  /** Events after `through` may be readable now (the page is full, or the scan stopped at its bound). */
  hasMore: boolean;
}

/** Reads one tenant's change events. */
export class ChangeFeedRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  async sequence(): Promise<ChangeSequenceState> {
    const [row] = await this.executor.read(SEQUENCE, { tenant: this.tenant });
    return { last: Number(row?.last ?? 0), purgedThrough: Number(row?.purgedThrough ?? 0) };
  }

  /**
   * Up to `first` events numbered above `after` (and at most `upTo`), of `types` (all when null), and how
   * far they reach.
   *
   * Numbers have no gaps: each segment starts right after the one before. A reader may still find one
   * missing for a moment, because Neo4j applies a commit to the store piece by piece and a reader takes no
   * lock: it can see a later segment, or the sequence's new head, before a segment of the same or an
   * earlier commit. A page therefore stops before the first hole and resumes there next time; it never
   * moves past a number it has not seen.
   */
  async readPage(
    after: number,
    first: number,
    types: readonly ChangeType[] | null,
    upTo = Number.MAX_SAFE_INTEGER,
  ): Promise<FeedRead> {
    const wanted = types === null ? null : new Set<string>(types);
    const events: StoredChange[] = [];
    let through = after;
    let scanned = 0;
    for (;;) {
      const rows = await this.executor.read(READ_SEGMENTS, {
        tenant: this.tenant,
        after: neo4j.int(through),
        segments: neo4j.int(SEGMENTS_PER_READ),
        types: types === null ? null : [...types],
      });
      for (const row of rows) {
        const firstSeq = Number(row.firstSeq);
        const lastSeq = Number(row.lastSeq);
        // Not visible yet (a hole), or past the end asked for: stop here.
        if (firstSeq > through + 1 || firstSeq > upTo) return { events, through, hasMore: false };
        if (row.events !== null && row.events !== undefined) {
          const keys = new Map((row.keys as Array<[string, string]>).map(([person, key]) => [person, key]));
          const actor = String(row.actor);
          const at = String(row.at);
          const stored = unpackSegment(String(row.events));
          for (let i = 0; i < stored.length; i += 1) {
            const seq = firstSeq + i;
            if (seq <= through) continue;
            if (seq > upTo) return { events, through: upTo, hasMore: false };
            const event = stored[i]!;
            if (wanted !== null && !wanted.has(event.type)) continue;
            if (events.length === first) return { events, through: seq - 1, hasMore: true };
            events.push(toStoredChange(this.tenant, seq, event, actor, at, keys));
          }
        }
        through = Math.min(lastSeq, upTo);
        scanned += 1;
        if (through === upTo) return { events, through, hasMore: false };
        if (scanned >= MAX_SEGMENTS_PER_PAGE) return { events, through, hasMore: true };
      }
      if (rows.length < SEGMENTS_PER_READ) return { events, through, hasMore: false };
    }
  }

  /**
   * Up to `first` events numbered below `before`, of `types` (all when null), newest first: the explorer's
   * latest-changes view. Unlike {@link readPage} it may miss a segment whose commit is still being applied
   * at the head; a view of the latest changes reads again, a sync follows the feed forwards.
   */
  async readRecent(before: number, first: number, types: readonly ChangeType[] | null): Promise<RecentRead> {
    const wanted = types === null ? null : new Set<string>(types);
    const events: StoredChange[] = [];
    let below = before;
    let scanned = 0;
    for (;;) {
      const rows = await this.executor.read(READ_SEGMENTS_BACKWARDS, {
        tenant: this.tenant,
        before: neo4j.int(below),
        segments: neo4j.int(SEGMENTS_PER_READ),
        types: types === null ? null : [...types],
      });
      for (const row of rows) {
        const firstSeq = Number(row.firstSeq);
        if (row.events !== null && row.events !== undefined) {
          const keys = new Map((row.keys as Array<[string, string]>).map(([person, key]) => [person, key]));
          const stored = unpackSegment(String(row.events));
          for (let i = stored.length - 1; i >= 0; i -= 1) {
            const seq = firstSeq + i;
            if (seq >= below) continue;
            const event = stored[i]!;
            if (wanted !== null && !wanted.has(event.type)) continue;
            if (events.length === first) return { events, before: seq + 1, hasMore: true };
            events.push(toStoredChange(this.tenant, seq, event, String(row.actor), String(row.at), keys));
          }
        }
        below = Math.min(below, firstSeq);
        scanned += 1;
        if (scanned >= MAX_SEGMENTS_PER_RECENT_PAGE) return { events, before: below, hasMore: below > 1 };
      }
      if (rows.length < SEGMENTS_PER_READ) return { events, before: below, hasMore: false };
    }
  }

  /** Up to `first` events numbered above `after` and at most `upTo`, of `types` (all when null). */
  async read(after: number, upTo: number, first: number, types: readonly ChangeType[] | null): Promise<StoredChange[]> {
    return (await this.readPage(after, first, types, upTo)).events;
  }
}
