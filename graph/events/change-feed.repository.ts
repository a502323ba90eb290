import neo4j from "neo4j-driver";
import { ChangeType, FieldChange, StoredChange } from "../../domain/events/change-event";
import { changeEventId } from "../../domain/events/change-cursor";
import { isSealed, openPersonalValue } from "../../domain/events/personal-cipher";
import { CypherExecutor, CypherQuery, PlainRow } from "../executor";

/** The events after a sequence number, in order, with the keys that open their personal values. */
const READ_CHANGES: CypherQuery = {
  name: "changes.read",
  text: `
MATCH (c:ChangeEvent {tenant: $tenant})
WHERE c.seq > $after AND c.seq <= $upTo AND ($types IS NULL OR c.type IN $types)
WITH c ORDER BY c.seq ASC LIMIT $first
OPTIONAL MATCH (k:PersonKey {tenant: $tenant, personId: c.personId})
RETURN c.seq AS seq, c.type AS type, c.recordId AS recordId, c.externalId AS externalId,
  c.sourceSystem AS sourceSystem, c.personId AS personId, c.changes AS changes, c.actor AS actor,
  toString(c.at) AS at, k.key AS key`,
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
export function toStoredChange(tenant: string, row: PlainRow): StoredChange {
  const key = typeof row.key === "string" ? row.key : null;
  const changes = (JSON.parse(String(row.changes)) as FieldChange[]).map((change) => {
    if (change.personal !== true) return change;
    const erased = key === null && (isSealed(change.old) || isSealed(change.new));
    return erased
      ? { ...change, old: null, new: null, erased: true }
      : { ...change, old: open(key, change.old), new: open(key, change.new) };
  });
  const seq = Number(row.seq);
  const externalId = open(key, row.externalId);
  return {
    id: changeEventId(tenant, seq),
    seq,
    tenant,
    type: row.type as ChangeType,
    recordId: String(row.recordId),
    externalId: typeof externalId === "string" ? externalId : null,
    sourceSystem: typeof row.sourceSystem === "string" ? row.sourceSystem : null,
    personId: typeof row.personId === "string" ? row.personId : null,
    changes,
    actor: String(row.actor),
    at: new Date(Date.parse(String(row.at))).toISOString(),
  };
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
    const rows = await this.executor.read(READ_CHANGES, {
      tenant: this.tenant,
      after: neo4j.int(after),
      upTo: neo4j.int(upTo),
      first: neo4j.int(first),
      types: types === null ? null : [...types],
    });
    return rows.map((row) => toStoredChange(this.tenant, row));
  }
}
