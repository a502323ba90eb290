import { GRAPH_NODE_KINDS, GraphNodeKind, GraphRelationship } from "../../domain/neighbourhood/graph-view.model";
import { CypherQuery } from "../executor";

/** `x:Account OR x:Contact OR …`: a live record of a kind a graph view draws. */
function isRecord(variable: string): string {
  return GRAPH_NODE_KINDS.map((kind) => `${variable}:${kind}`).join(" OR ");
}

/** The view of a record: id, kind, name, and how many followed relationships it has to live records. */
function nodeProjection(variable: string, relTypes: string, extra = ""): string {
  const kind = `CASE ${GRAPH_NODE_KINDS.map((k) => `WHEN ${variable}:${k} THEN '${k}'`).join(" ")} END`;
  return (
    `{id: ${variable}.id, kind: ${kind}, label: coalesce(${variable}.name, ${variable}.externalId), ` +
    `degree: COUNT { (${variable})-[:${relTypes}]-(m) WHERE m.tenant = $tenant AND (${isRecord("m")}) }${extra}}`
  );
}

/**
 * The records within `depth` links of a centre over the given relationship types, nearest first and cut
 * at `$first`, with the total, and every followed relationship among those returned. Built from the
 * whitelists only: the centre's label is the kind its id names, the types come from GRAPH_RELATIONSHIPS,
 * and the depth is a checked integer (1-3). Every record on every path is the tenant's and live.
 */
export function neighbourhoodQuery(
  kind: GraphNodeKind,
  depth: number,
  types: readonly GraphRelationship[],
): CypherQuery {
  const relTypes = types.join("|");
  return {
    name: "graph.neighbourhood",
    text: `
MATCH (c:${kind} {id: $id}) WHERE c.tenant = $tenant
CALL (c) {
  OPTIONAL MATCH p = (c)-[:${relTypes}*1..${depth}]-(n)
  WHERE n <> c AND all(x IN nodes(p) WHERE x.tenant = $tenant AND (${isRecord("x")}))
  WITH n, min(length(p)) AS distance
  WHERE n IS NOT NULL
  ORDER BY distance, n.id
  RETURN collect({node: n, distance: distance}) AS found
}
WITH c, found[0..$first] AS kept, size(found) AS total
WITH c, kept, total, [c.id] + [k IN kept | k.node.id] AS ids
CALL (kept, c, ids) {
  UNWIND [c] + [k IN kept | k.node] AS a
  MATCH (a)-[r:${relTypes}]->(b)
  WHERE b.id IN ids AND b.tenant = $tenant
  RETURN collect(DISTINCT {source: a.id, target: b.id, type: type(r)}) AS edges
}
CALL (kept) {
  UNWIND kept AS k
  WITH k.node AS n, k.distance AS distance
  RETURN collect(${nodeProjection("n", relTypes, ", distance: distance")}) AS nodes
}
RETURN ${nodeProjection("c", relTypes)} AS center, nodes, total, edges`,
  };
}

/**
 * The shortest paths of at most `maxLength` links between two records over the given relationship types,
 * through live records of the tenant only, at most `$first` of them. Built from the whitelists as
 * {@link neighbourhoodQuery}.
 */
export function pathsQuery(
  fromKind: GraphNodeKind,
  toKind: GraphNodeKind,
  maxLength: number,
  types: readonly GraphRelationship[],
): CypherQuery {
  const relTypes = types.join("|");
  return {
    name: "graph.paths",
    text: `
MATCH (a:${fromKind} {id: $from}) WHERE a.tenant = $tenant
MATCH (b:${toKind} {id: $to}) WHERE b.tenant = $tenant
MATCH p = allShortestPaths((a)-[:${relTypes}*..${maxLength}]-(b))
WHERE all(x IN nodes(p) WHERE x.tenant = $tenant AND (${isRecord("x")}))
WITH p LIMIT $first
RETURN [x IN nodes(p) | ${nodeProjection("x", relTypes)}] AS nodes,
  [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r)}] AS edges`,
  };
}
