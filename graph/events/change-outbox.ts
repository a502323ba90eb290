import { FieldChange, RecordChange, recordTypeOf } from "../../domain/events/change-event";
import { personalFieldsOf } from "../../domain/events/personal-fields";
import { newPersonKey, sealPersonalValue } from "../../domain/events/personal-cipher";
import { CypherQuery, PlainRow } from "../executor";
import neo4j from "neo4j-driver";
import { packSegments, SegmentEvent } from "../../domain/events/change-segment";

type Run = (query: CypherQuery, params: Record<string, unknown>) => Promise<PlainRow[]>;

/**
 * Takes the tenant's sequence lock and appends the events after the last number, in segments (see
 * {@link packSegments}). The lock (a write to the tenant's ChangeSequence node) is held until the
 * transaction commits, so numbers commit in order: a reader that has seen number n never later finds a
 * lower number appear. It is the transaction's last statement, so the lock is held for as short a time as
 * possible.
 */
const APPEND: CypherQuery = {
  name: "changes.append",
  text: `
MERGE (s:ChangeSequence {tenant: $tenant})
  ON CREATE SET s.last = 0, s.purgedThrough = 0
// Takes the node's write lock before anything reads it, so no two appends read the same last number.
SET s.appendLock = true
REMOVE s.appendLock
WITH s
SET s.last = s.last + $count
WITH s.last - $count AS base, datetime($now) AS at
UNWIND $segments AS segment
CREATE (:ChangeSegment {
  tenant: $tenant, firstSeq: base + segment.offset + 1, lastSeq: base + segment.offset + segment.count,
  count: segment.count, types: segment.types, personIds: segment.personIds, events: segment.events,
  actor: $actor, at: at
})
RETURN base + $count AS last`,
};

/** The key of each person whose personal values an event carries; made on first use. */
const PERSON_KEYS: CypherQuery = {
  name: "changes.personKeys",
  text: `
UNWIND $people AS person
MERGE (k:PersonKey {tenant: $tenant, personId: person.id})
  ON CREATE SET k.key = person.candidate, k.createdAt = datetime($now)
RETURN person.id AS id, k.key AS key`,
};

/** Who caused a change: a request's principal (`user:<subject>`) or a job of the server (`job:<name>`). */
export type ChangeActor = string;

/**
 * The transactional outbox of one tenant and caller: write paths hand it the changes they made, inside
 * their own transaction, and it appends them as numbered events (one or two statements per transaction,
 * whatever the number of records). A transaction that rolls back leaves no event; a write that changed
 * nothing appends nothing.
 */
export class ChangeOutbox {
  constructor(
    readonly tenant: string,
    readonly actor: ChangeActor,
    /** Off only for benchmarks that measure what the outbox costs (RELATA_CHANGE_EVENTS=off). */
    readonly enabled: boolean = true,
  ) {}

  /** The same outbox, with changes attributed to a job of the server. */
  forJob(name: string): ChangeOutbox {
    return new ChangeOutbox(this.tenant, `job:${name}`, this.enabled);
  }

  /** Appends `changes` in the transaction `run` belongs to. */
  async append(run: Run, now: string, changes: readonly RecordChange[]): Promise<void> {
    if (!this.enabled || changes.length === 0) return;
    const keys = await this.personKeys(run, now, changes);
    const events = changes.map((change): SegmentEvent => {
      const key = change.personId ? keys.get(change.personId) : undefined;
      const sealed = key === undefined ? change.changes : change.changes.map((c) => sealChange(key, c));
      const externalIdIsPersonal = key !== undefined && personalFieldsOf(recordTypeOf(change.type)).has("externalId");
      return {
        type: change.type,
        recordId: change.recordId,
        externalId:
          externalIdIsPersonal && change.externalId !== null
            ? sealPersonalValue(key, change.externalId)
            : change.externalId,
        sourceSystem: change.sourceSystem,
        personId: change.personId ?? null,
        changes: sealed,
      };
    });
    await run(APPEND, {
      tenant: this.tenant,
      actor: this.actor,
      now,
      count: neo4j.int(events.length),
      segments: packSegments(events).map((segment) => ({
        ...segment,
        offset: neo4j.int(segment.offset),
        count: neo4j.int(segment.count),
      })),
    });
  }

  private async personKeys(run: Run, now: string, changes: readonly RecordChange[]): Promise<Map<string, string>> {
    const people = [
      ...new Set(
        changes
          .filter((change) => change.personId && personalFieldsOf(recordTypeOf(change.type)).size > 0)
          .map((change) => change.personId as string),
      ),
    ];
    if (people.length === 0) return new Map();
    const rows = await run(PERSON_KEYS, {
      tenant: this.tenant,
      now,
      people: people.map((id) => ({ id, candidate: newPersonKey() })),
    });
    return new Map(rows.map((row) => [String(row.id), String(row.key)]));
  }
}

function sealChange(key: string, change: FieldChange): FieldChange {
  if (change.personal !== true) return change;
  return {
    ...change,
    old: change.old === null ? null : sealPersonalValue(key, change.old),
    new: change.new === null ? null : sealPersonalValue(key, change.new),
  };
}
