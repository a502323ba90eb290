import { CypherQuery } from "../executor";

const ANCHOR_FIELDS = `n {
  .id, .definition, .version, .definitionHash, .metricHash, .baseline, .baselineN, .baselineFrom, .baselineTo,
  .createdBy, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), computedAt: toString(n.computedAt)
} AS anchor,
[(n)-[:HAS_POINT]->(p:AnchorPoint) | p {
  .weekStart, .value, .n, .anchorVersion, .metricHash, .population, .recordIds, computedAt: toString(p.computedAt)
}] AS points`;

/**
 * Creates an anchor, its first version and its points. The version node keeps each definition an anchor
 * ever had, so a point's `anchorVersion` can always be read back.
 */
export const DEFINE_ANCHOR: CypherQuery = {
  name: "anchors.define",
  text: `
CREATE (n:ValueAnchor {tenant: $tenant, id: $id})
SET n += $props, n.version = 1, n.createdBy = $actor, n.createdAt = datetime($now), n.updatedAt = datetime($now),
  n.computedAt = datetime($now)
CREATE (v:ValueAnchorVersion {tenant: $tenant, anchorId: $id, version: 1, definition: $props.definition,
  definitionHash: $props.definitionHash, metricHash: $props.metricHash, actor: $actor, createdAt: datetime($now)})
CREATE (n)-[:HAS_VERSION]->(v)
RETURN n.id AS id`,
};

/** A new version of an anchor, if it is still at `$expectedVersion` (else no row: someone changed it meanwhile). */
export const UPDATE_ANCHOR: CypherQuery = {
  name: "anchors.update",
  text: `
MATCH (n:ValueAnchor {tenant: $tenant, id: $id})
WHERE n.version = $expectedVersion
SET n += $props, n.version = n.version + 1, n.updatedAt = datetime($now), n.computedAt = datetime($now)
CREATE (v:ValueAnchorVersion {tenant: $tenant, anchorId: $id, version: n.version, definition: $props.definition,
  definitionHash: $props.definitionHash, metricHash: $props.metricHash, actor: $actor, createdAt: datetime($now)})
CREATE (n)-[:HAS_VERSION]->(v)
RETURN n.id AS id, n.version AS version`,
};

/** Marks a recompute (same version), if the anchor is still at `$expectedVersion`. */
export const TOUCH_ANCHOR: CypherQuery = {
  name: "anchors.recomputed",
  text: `
MATCH (n:ValueAnchor {tenant: $tenant, id: $id})
WHERE n.version = $expectedVersion
SET n.computedAt = datetime($now)
RETURN n.id AS id`,
};

/** Replaces an anchor's weekly points with `$points` (the whole series, recomputed). */
export const REPLACE_POINTS: CypherQuery = {
  name: "anchors.replacePoints",
  text: `
MATCH (n:ValueAnchor {tenant: $tenant, id: $id})
CALL (n) {
  MATCH (n)-[:HAS_POINT]->(old:AnchorPoint)
  DETACH DELETE old
}
WITH n
UNWIND $points AS p
CREATE (x:AnchorPoint {tenant: $tenant, anchorId: $id, weekStart: p.weekStart, value: p.value, n: p.n,
  anchorVersion: $version, metricHash: $metricHash, population: p.population, recordIds: p.recordIds,
  computedAt: datetime($now)})
CREATE (n)-[:HAS_POINT]->(x)
RETURN count(x) AS points`,
};

export const GET_ANCHOR: CypherQuery = {
  name: "anchors.get",
  text: `
MATCH (n:ValueAnchor {tenant: $tenant, id: $id})
RETURN ${ANCHOR_FIELDS}`,
};

/** The tenant's anchors, newest first, with their points (one statement for the list and its series). */
export const LIST_ANCHORS: CypherQuery = {
  name: "anchors.list",
  text: `
MATCH (n:ValueAnchor {tenant: $tenant})
WITH n ORDER BY n.createdAt DESC, n.id LIMIT $limit
RETURN ${ANCHOR_FIELDS}`,
};
