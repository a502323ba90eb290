import { CypherQuery } from "../executor";
import { DeletableLabel } from "./deleted-labels";

/**
 * The labels bulk ingest writes: the deletable records, and users and teams (not deletable yet; an upsert
 * still refuses a `DeletedUser` / `DeletedTeam`, so a future delete works the same way), and support tickets
 * (issue 17; not deletable yet either).
 */
export type IngestLabel = DeletableLabel | "User" | "Team" | "Ticket";

/** A single relationship from each upserted node to a node resolved before the write. */
export interface UpsertLink {
  type: string;
  targetLabel: string;
}

/**
 * A fixed Cypher step run after each row's node is written, with `n`, `row`, `status` and `before` in scope;
 * a unit subquery (`CALL (n, row, status) { ... }`) so it keeps the row. Constants only, never request text.
 */
export interface UpsertAfter {
  cypher: string;
}

/**
 * Builds the idempotent bulk upsert for one record kind from whitelisted labels and types.
 *
 * Each row: `{index, id, sourceSystem, externalId, hash, props, targetId?}`. A node MERGE has just created
 * has no content hash yet (CREATED; one index lookup per row, not a lookup and then a MERGE); a node whose
 * stored content hash equals the row's is left alone and reported UNCHANGED; otherwise its properties are replaced and
 * (with a link) its relationship moved to the row's target. An updated row also returns its properties
 * before the write (`before`) and the target it was moved from (`previousTargetId`), for its change event. Rows whose target no longer exists return
 * an id and no `deletedAt`, and the caller reports them. A row whose record was deleted (and not yet purged)
 * is not written either: it returns the deletion's `deletedAt`, so that a late update never brings a deleted
 * record back (restoring is a separate, explicit call).
 */
export function upsertQuery(label: IngestLabel, link: UpsertLink | null, after?: UpsertAfter): CypherQuery {
  const matchTarget = link === null ? "" : `MATCH (target:${link.targetLabel} {tenant: $tenant, id: row.targetId})`;
  const carry = link === null ? "" : ", target";
  const relink =
    link === null
      ? ""
      : `
WITH n, row, target, status, before
CALL (n, target, status) {
  WITH n, target, status WHERE status <> 'UNCHANGED'
  OPTIONAL MATCH (n)-[old:${link.type}]->(other) WHERE other <> target
  DELETE old
  RETURN head(collect(other.id)) AS previousTargetId
}
MERGE (n)-[:${link.type}]->(target)`;
  const extra =
    after === undefined
      ? ""
      : `
WITH n, row, status, before${link === null ? "" : ", previousTargetId"}
${after.cypher}`;
  const text = `
UNWIND $rows AS row
OPTIONAL MATCH (gone:Deleted${label} {tenant: $tenant, id: row.id})
OPTIONAL CALL (row, gone) {
WITH row WHERE gone IS NULL
${matchTarget}
MERGE (n:${label} {tenant: $tenant, sourceSystem: row.sourceSystem, externalId: row.externalId})
  ON CREATE SET n.id = row.id, n.firstSeenAt = datetime($now)
WITH n, row${carry},
  CASE WHEN n.contentHash IS NULL THEN 'CREATED' WHEN n.contentHash = row.hash THEN 'UNCHANGED' ELSE 'UPDATED' END AS status,
  CASE WHEN n.contentHash IS NOT NULL AND n.contentHash <> row.hash THEN properties(n) END AS before
FOREACH (_ IN CASE WHEN status = 'UNCHANGED' THEN [] ELSE [1] END |
  SET n += row.props, n.contentHash = row.hash, n.lastUpdatedAt = datetime($now))${relink}${extra}
RETURN n.id AS id, status, before${link === null ? ", null AS previousTargetId" : ", previousTargetId"}
}
RETURN row.index AS index, id, status, before, previousTargetId, toString(gone.deletedAt) AS deletedAt`;
  return { name: `upsert.${label}${link === null ? "" : `.${link.type}.${link.targetLabel}`}`, text };
}

/**
 * Reads the stored properties of the records a merging upsert is about to write, and takes their write
 * locks, so that no other transaction changes them between this read and the write that follows. Only
 * the record's own `$fields` are read (not its bookkeeping properties and dates, which cost conversions).
 */
export function storedPropertiesQuery(label: IngestLabel): CypherQuery {
  return {
    name: `upsert.${label}.stored`,
    text: `
UNWIND $keys AS key
MATCH (n:${label} {tenant: $tenant, sourceSystem: key.sourceSystem, externalId: key.externalId})
SET n.upsertLock = true
REMOVE n.upsertLock
RETURN key.index AS index, [field IN $fields | n[field]] AS stored`,
  };
}
