import neo4j from "neo4j-driver";
import { ChangeType, StoredChange } from "../../domain/events/change-event";
import { SEGMENT_SIZE, SegmentEvent, unpackSegment } from "../../domain/events/change-segment";
import { changeEventId } from "../../domain/events/change-cursor";
import { isSealed, openPersonalValue } from "../../domain/events/personal-cipher";
import { CypherExecutor, CypherQuery } from "../executor";

/**
 * The segments holding events numbered above `$after` and at most `$upTo`, oldest first, with the keys
 * that open their personal values. A segment whose types are all outside `$types` is skipped unread.
 */
const READ_SEGMENTS: CypherQuery = {
  name: "changes.read",
  text: `
MATCH (g:ChangeSegment {tenant: $tenant})
WHERE g.lastSeq > $after AND g.firstSeq <= $upTo AND ($types IS NULL OR any(t IN g.types WHERE t IN $types))
WITH g ORDER BY g.lastSeq ASC LIMIT $segments
CALL (g) {
  UNWIND g.personIds AS personId
  MATCH (k:PersonKey {tenant: $tenant, personId: personId})
  RETURN collect([personId, k.key]) AS keys
}
RETURN g.firstSeq AS firstSeq, g.lastSeq AS lastSeq, g.events AS events, g.actor AS actor,
  toString(g.at) AS at, keys`,
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

/** Segments read per statement: enough for a page of `first` events in most cases. */
function segmentsFor(first: number): number {
  return Math.min(16, Math.ceil(first / SEGMENT_SIZE) + 1);
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

  /** Up to `first` events numbered above `after` and at most `upTo`, of `types` (all when null). */
  async read(after: number, upTo: number, first: number, types: readonly ChangeType[] | null): Promise<StoredChange[]> {
    const wanted = types === null ? null : new Set<string>(types);
    const events: StoredChange[] = [];
    let from = after;
    for (;;) {
      const segments = segmentsFor(first - events.length);
      const rows = await this.executor.read(READ_SEGMENTS, {
        tenant: this.tenant,
        after: neo4j.int(from),
        upTo: neo4j.int(upTo),
        segments: neo4j.int(segments),
        types: types === null ? null : [...types],
      });
      for (const row of rows) {
        const firstSeq = Number(row.firstSeq);
        const keys = new Map((row.keys as Array<[string, string]>).map(([person, key]) => [person, key]));
        const actor = String(row.actor);
        const at = String(row.at);
        const stored = unpackSegment(String(row.events));
        for (let i = 0; i < stored.length && events.length < first; i += 1) {
          const seq = firstSeq + i;
          const event = stored[i]!;
          if (seq <= after || seq > upTo || (wanted !== null && !wanted.has(event.type))) continue;
          events.push(toStoredChange(this.tenant, seq, event, actor, at, keys));
        }
        from = Number(row.lastSeq);
      }
      if (events.length >= first || rows.length < segments) return events;
    }
  }
}
