import { ALL_PROPERTIES, PropertySelection } from "../../domain/selection/property-selection";
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
  /**
   * The map projected for each item, e.g. "child {.*}"; a function of the selected properties for lists
   * whose reads project only what the request selects (see `selectedNodeProjection`).
   */
  projection: string | ((selection: PropertySelection) => string);
  /** An extra predicate over `child` and the per-parent `key` map, e.g. "key.field IS NULL OR child.field = key.field". */
  filter?: string;
}

/** A child-list query: alone (`text`), or as part `i` of a UNION of several lists read in one round trip. */
export interface ChildListQuery extends CypherQuery {
  /** The same query with its own parameters (`$keys_i`, `$limit_i`) and a leading `part` column of `i`. */
  part(index: number): string;
  /** The same list projecting only `selection` (statement text cached per selection shape). */
  select(selection: PropertySelection): ChildListQuery;
}

/** Shapes of one list whose statement text is kept; rarer shapes are rendered each time. */
const CACHED_SHAPES = 64;

/**
 * One query that pages children for many parents at once (`UNWIND $keys`), with keyset pagination per
 * parent and the count of all matching children. `$limit` is the page size plus one, to learn whether a
 * next page exists.
 */
export function childListQuery(spec: ChildListSpec): ChildListQuery {
  const shapes = new Map<string, ChildListQuery>();
  const shaped = (selection: PropertySelection): ChildListQuery => {
    const projection = typeof spec.projection === "string" ? spec.projection : spec.projection(selection);
    const query: ChildListQuery = {
      name: spec.name,
      text: render(spec, projection, "", ""),
      part: (index) => render(spec, projection, `_${index}`, `${index} AS part, `),
      select: (other) => {
        if (typeof spec.projection === "string") return query;
        const known = shapes.get(other.key);
        if (known !== undefined) return known;
        const made = shaped(other);
        if (shapes.size < CACHED_SHAPES) shapes.set(other.key, made);
        return made;
      },
    };
    return query;
  };
  const all = shaped(ALL_PROPERTIES);
  shapes.set(ALL_PROPERTIES.key, all);
  return all;
}

function render(spec: ChildListSpec, projection: string, suffix: string, partColumn: string): string {
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
  RETURN collect({node: ${projection}, sortKey: [sortKey1, sortKey2]}) AS items
}
CALL (parent, key) {
  WITH parent, key WHERE key.withTotal
  MATCH ${spec.pattern}
  WHERE ${filter}
  RETURN count(*) AS total
}
RETURN ${partColumn}key.index AS index, items, total`;
}
