import { CypherQuery } from "../executor";

/**
 * A list hanging off a parent node (an account's contacts, signals, ...), described with fixed, whitelisted
 * Cypher fragments. Request values only ever reach the query as parameters of `$keys`.
 */
export interface ChildListSpec {
  /** Query name for logs and stats, e.g. "account.contacts". */
  name: string;
  parentLabel: string;
  /** A pattern from `parent` to `child` (and optionally a relationship `r`). */
  pattern: string;
  /** Two sort expressions over `child` (and `r`); the second must make the order total. */
  sortKeys: readonly [string, string];
  direction: "ASC" | "DESC";
  /** The map projected for each item, e.g. "child {.*}". */
  projection: string;
  /** An extra predicate over `child` and the per-parent `key` map, e.g. "key.field IS NULL OR child.field = key.field". */
  filter?: string;
}

/** A child-list query: alone (`text`), or as part `i` of a UNION of several lists read in one round trip. */
export interface ChildListQuery extends CypherQuery {
  /** The same query with its own parameters (`$keys_i`, `$limit_i`) and a leading `part` column of `i`. */
  part(index: number): string;
}

/**
 * One query that pages children for many parents at once (`UNWIND $keys`), with keyset pagination per
 * parent and the count of all matching children. `$limit` is the page size plus one, to learn whether a
 * next page exists.
 */
export function childListQuery(spec: ChildListSpec): ChildListQuery {
  return {
    name: spec.name,
    text: render(spec, "", ""),
    part: (index) => render(spec, `_${index}`, `${index} AS part, `),
  };
}

function render(spec: ChildListSpec, suffix: string, partColumn: string): string {
  const [k1, k2] = spec.sortKeys;
  const op = spec.direction === "ASC" ? ">" : "<";
  const filter = spec.filter === undefined ? "true" : `(${spec.filter})`;
  return `
UNWIND $keys${suffix} AS key
MATCH (parent:${spec.parentLabel} {tenant: $tenant, id: key.parentId})
CALL (parent, key) {
  MATCH ${spec.pattern}
  WHERE ${filter}
    AND (key.after IS NULL OR ${k1} ${op} key.after[0] OR (${k1} = key.after[0] AND ${k2} ${op} key.after[1]))
  WITH child, r, ${k1} AS sortKey1, ${k2} AS sortKey2
  ORDER BY sortKey1 ${spec.direction}, sortKey2 ${spec.direction}
  LIMIT $limit${suffix}
  RETURN collect({node: ${spec.projection}, sortKey: [sortKey1, sortKey2]}) AS items
}
CALL (parent, key) {
  WITH parent, key WHERE key.withTotal
  MATCH ${spec.pattern}
  WHERE ${filter}
  RETURN count(*) AS total
}
RETURN ${partColumn}key.index AS index, items, total`;
}
