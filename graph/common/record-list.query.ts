import { ALL_PROPERTIES, PropertySelection } from "../../domain/selection/property-selection";
import { CypherQuery } from "../executor";

/**
 * A top-level list of one record kind (contacts, signals, ...) from fixed, whitelisted Cypher fragments;
 * request values only reach it as parameters read by `filter`.
 */
export interface RecordListSpec {
  /** Query name for logs and stats, e.g. "contact.list". */
  name: string;
  /** The live label: soft-deleted records carry another one and drop out. */
  label: string;
  /** Two sort expressions over `n`; the second must make the order total. */
  sortKeys: readonly [string, string];
  direction: "ASC" | "DESC";
  /**
   * The map projected for each item; a function of the selected properties for lists whose reads project
   * only what the request selects (see `selectedNodeProjection`).
   */
  projection: string | ((selection: PropertySelection) => string);
  /** A predicate over `n` and the filter's `$parameters`; every parameter is null when not filtered on. */
  filter: string;
}

export interface RecordListQueries {
  /** The page query projecting every property. */
  page: CypherQuery;
  count: CypherQuery;
  /** The page query projecting only `selection` (statement text cached per selection shape). */
  pageOf(selection: PropertySelection): CypherQuery;
}

/** Shapes of one list whose statement text is kept; rarer shapes are rendered each time. */
const CACHED_SHAPES = 64;

/** The page query (keyset pagination, `$limit` = page size + 1) and the count query of a list. */
export function recordListQueries(spec: RecordListSpec): RecordListQueries {
  const [k1, k2] = spec.sortKeys;
  const op = spec.direction === "ASC" ? ">" : "<";
  const match = `MATCH (n:${spec.label} {tenant: $tenant})\nWHERE (${spec.filter})`;
  const render = (selection: PropertySelection): CypherQuery => ({
    name: spec.name,
    text: `
${match}
  AND ($after IS NULL OR ${k1} ${op} $after[0] OR (${k1} = $after[0] AND ${k2} ${op} $after[1]))
WITH n, ${k1} AS sortKey1, ${k2} AS sortKey2
ORDER BY sortKey1 ${spec.direction}, sortKey2 ${spec.direction}
LIMIT $limit
RETURN ${typeof spec.projection === "string" ? spec.projection : spec.projection(selection)} AS node, [sortKey1, sortKey2] AS sortKey`,
  });
  const page = render(ALL_PROPERTIES);
  const shapes = new Map<string, CypherQuery>([[ALL_PROPERTIES.key, page]]);
  return {
    page,
    count: { name: `${spec.name}.count`, text: `\n${match}\nRETURN count(n) AS total` },
    pageOf: (selection) => {
      if (typeof spec.projection === "string") return page;
      const known = shapes.get(selection.key);
      if (known !== undefined) return known;
      const made = render(selection);
      if (shapes.size < CACHED_SHAPES) shapes.set(selection.key, made);
      return made;
    },
  };
}
