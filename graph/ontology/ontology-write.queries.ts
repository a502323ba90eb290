import { CypherQuery } from "../executor";

/**
 * The statements that store one version of a pack and, when it is the active version, replace the pack's
 * concepts, links and mappings in the live graph. They run together in one transaction
 * (`OntologyRepository.storePack`). `$scopes` are the scopes a pack's links may reach: its own and the
 * built-in one.
 */
export const STORE_VERSION: CypherQuery = {
  name: "ontology.storeVersion",
  text: `
MERGE (o:Ontology {scope: $scope, pack: $pack})
  ON CREATE SET o.createdAt = datetime($now)
WITH o, CASE WHEN o.version IS NULL THEN null
  ELSE {version: o.version, conceptCount: o.conceptCount, mappingCount: o.mappingCount} END AS previous
MERGE (v:OntologyVersion {scope: $scope, pack: $pack, version: $version})
  ON CREATE SET v.importedAt = datetime($now)
SET v.content = $content, v.contentHash = $hash, v.conceptCount = $conceptCount, v.mappingCount = $mappingCount
MERGE (o)-[:HAS_VERSION]->(v)
WITH o, v, previous
FOREACH (_ IN CASE WHEN $activate THEN [1] ELSE [] END |
  SET o.version = $version, o.title = $title, o.namespace = $namespace, o.builtIn = $builtIn,
      o.conceptCount = $conceptCount, o.mappingCount = $mappingCount, o.updatedAt = datetime($now))
RETURN previous`,
};

export const REMOVE_DROPPED_CONCEPTS: CypherQuery = {
  name: "ontology.removeDroppedConcepts",
  text: `
MATCH (c:Concept {scope: $scope, pack: $pack})
WHERE NOT c.id IN $ids
DETACH DELETE c`,
};

export const UPSERT_CONCEPTS: CypherQuery = {
  name: "ontology.upsertConcepts",
  text: `
UNWIND $concepts AS concept
MERGE (c:Concept {scope: $scope, id: concept.id})
SET c.pack = $pack, c.version = $version, c.prefLabelEn = concept.prefLabelEn, c.labels = concept.labels,
    c.definition = concept.definition, c.searchText = concept.searchText
WITH c
MATCH (o:Ontology {scope: $scope, pack: $pack})
MERGE (c)-[:IN_ONTOLOGY]->(o)`,
};

export const CLEAR_LINKS: CypherQuery = {
  name: "ontology.clearLinks",
  text: `
MATCH (c:Concept {scope: $scope, pack: $pack})
OPTIONAL MATCH (c)-[out:BROADER|EXACT_MATCH|CLOSE_MATCH]->()
OPTIONAL MATCH ()-[part:CONTRIBUTES_TO]->(c)
DELETE out, part`,
};

export const CREATE_LINKS: CypherQuery = {
  name: "ontology.createLinks",
  text: `
UNWIND $links AS link
MATCH (from:Concept {id: link.from}) WHERE from.scope IN $scopes
MATCH (to:Concept {id: link.to}) WHERE to.scope IN $scopes
FOREACH (_ IN CASE WHEN link.type = 'BROADER' THEN [1] ELSE [] END | MERGE (from)-[:BROADER]->(to))
FOREACH (_ IN CASE WHEN link.type = 'EXACT_MATCH' THEN [1] ELSE [] END | MERGE (from)-[:EXACT_MATCH]->(to))
FOREACH (_ IN CASE WHEN link.type = 'CLOSE_MATCH' THEN [1] ELSE [] END | MERGE (from)-[:CLOSE_MATCH]->(to))
FOREACH (_ IN CASE WHEN link.type = 'CONTRIBUTES_TO' THEN [1] ELSE [] END |
  MERGE (from)-[r:CONTRIBUTES_TO]->(to) SET r.weight = link.weight)`,
};

export const CLEAR_PACK_MAPPINGS: CypherQuery = {
  name: "ontology.clearPackMappings",
  text: `
MATCH (:SourceField {scope: $scope})-[m:MAPS_TO {pack: $pack}]->()
DELETE m`,
};

/** Creates or replaces mappings; `row.pack` is null for mappings made through the API. */
export const UPSERT_MAPPINGS: CypherQuery = {
  name: "ontology.upsertMappings",
  text: `
UNWIND $mappings AS row
MATCH (c:Concept {id: row.concept}) WHERE c.scope IN $scopes
MERGE (f:SourceField {scope: $scope, system: row.system, field: row.field})
MERGE (f)-[m:MAPS_TO]->(c)
SET m += row.props, m.scope = $scope, m.updatedAt = datetime($now)
RETURN row.system AS system, row.field AS field, row.concept AS concept`,
};

/** One mapping made through the API, with the settings it had before (null for a new one). */
export const UPSERT_MAPPING: CypherQuery = {
  name: "ontology.upsertMapping",
  text: `
MATCH (c:Concept {id: $concept}) WHERE c.scope IN $scopes
OPTIONAL MATCH (:SourceField {scope: $scope, system: $system, field: $field})-[existing:MAPS_TO]->(c)
WITH c, properties(existing) AS before
MERGE (f:SourceField {scope: $scope, system: $system, field: $field})
MERGE (f)-[m:MAPS_TO]->(c)
SET m += $props, m.scope = $scope, m.updatedAt = datetime($now)
RETURN before, properties(m) AS after`,
};

/** Deletes one of the tenant's mappings; returns how many went, with the settings they had. */
export const DELETE_MAPPING: CypherQuery = {
  name: "ontology.deleteMapping",
  text: `
OPTIONAL MATCH (f:SourceField {scope: $scope, system: $system, field: $field})-[m:MAPS_TO]->(:Concept {id: $concept})
WITH f, m, properties(m) AS before
DELETE m
WITH f, count(m) AS deleted, collect(before) AS removed
CALL (f) {
  WITH f WHERE f IS NOT NULL AND NOT (f)--()
  DELETE f
}
RETURN deleted, removed`,
};
