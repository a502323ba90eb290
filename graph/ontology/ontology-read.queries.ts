import { CypherQuery } from "../executor";

/** Hierarchy edges: a narrower concept points at its broader one, a part at its whole. */
export const UPWARD = "BROADER|CONTRIBUTES_TO";

/**
 * The mappings a tenant sees: its own, and the built-in ones for source fields it has not mapped itself
 * (a tenant's mapping of a field replaces the packs' mappings of that field).
 */
const VISIBLE_MAPPING = `f.scope IN [$tenant, '_builtin'] AND (f.scope = $tenant OR NOT EXISTS {
    MATCH (:SourceField {scope: $tenant, system: f.system, field: f.field})-[:MAPS_TO]->() })`;

const MAPPING_PROJECTION = "m {.*, system: f.system, field: f.field, concept: c.id, scope: f.scope}";

export const ONTOLOGIES: CypherQuery = {
  name: "ontology.list",
  text: `
MATCH (o:Ontology) WHERE o.scope IN $scopes
OPTIONAL MATCH (o)-[:HAS_VERSION]->(v:OntologyVersion)
WITH o, v ORDER BY v.importedAt
RETURN o {.*} AS ontology, collect(v.version) AS versions
ORDER BY ontology.pack`,
};

export const VERSION_CONTENT: CypherQuery = {
  name: "ontology.versionContent",
  text: `
MATCH (v:OntologyVersion {pack: $pack}) WHERE v.scope IN $scopes AND ($version IS NULL OR v.version = $version)
MATCH (o:Ontology {scope: v.scope, pack: v.pack})
WITH v, o WHERE $version IS NOT NULL OR v.version = o.version
RETURN v.version AS version, v.content AS content, v.scope AS scope`,
};

export const CONCEPTS_BY_IDS: CypherQuery = {
  name: "concept.byIds",
  text: `
UNWIND $ids AS id
MATCH (c:Concept {id: id}) WHERE c.scope IN $scopes
RETURN c {.*} AS concept`,
};

export const SEARCH_CONCEPTS: CypherQuery = {
  name: "concept.search",
  text: `
CALL db.index.fulltext.queryNodes('concept_label_fulltext', $search) YIELD node AS c, score
WITH c, score WHERE c.scope IN $scopes AND ($pack IS NULL OR c.pack = $pack)
  AND ($after IS NULL OR c.id > $after[1])
WITH c, score ORDER BY c.id LIMIT $limit
RETURN c {.*} AS concept, [c.pack, c.id] AS sortKey`,
};

/** How many concepts a search finds (concepts' totalCount), with the same filters as the page. */
export const COUNT_SEARCHED_CONCEPTS: CypherQuery = {
  name: "concept.search.count",
  text: `
CALL db.index.fulltext.queryNodes('concept_label_fulltext', $search) YIELD node AS c
WITH c WHERE c.scope IN $scopes AND ($pack IS NULL OR c.pack = $pack)
RETURN count(c) AS total`,
};

export const COUNT_CONCEPTS: CypherQuery = {
  name: "concept.count",
  text: `
MATCH (c:Concept) WHERE c.scope IN $scopes AND ($pack IS NULL OR c.pack = $pack)
RETURN count(c) AS total`,
};

export const LIST_CONCEPTS: CypherQuery = {
  name: "concept.list",
  text: `
MATCH (c:Concept) WHERE c.scope IN $scopes AND ($pack IS NULL OR c.pack = $pack)
  AND ($after IS NULL OR c.id > $after[1])
WITH c ORDER BY c.id LIMIT $limit
RETURN c {.*} AS concept, [c.pack, c.id] AS sortKey`,
};

/** For each concept id and relation, the related concepts (and the part weight where it applies). */
export const RELATED_CONCEPTS: Record<string, CypherQuery> = {
  broader: {
    name: "concept.broader",
    text: `UNWIND $ids AS id MATCH (c:Concept {id: id}) WHERE c.scope IN $scopes
MATCH (c)-[:BROADER]->(r:Concept) RETURN id, r {.*} AS concept, null AS weight, 'BROADER' AS kind ORDER BY r.id`,
  },
  narrower: {
    name: "concept.narrower",
    text: `UNWIND $ids AS id MATCH (c:Concept {id: id}) WHERE c.scope IN $scopes
MATCH (c)<-[:BROADER]-(r:Concept) WHERE r.scope IN $scopes
RETURN id, r {.*} AS concept, null AS weight, 'NARROWER' AS kind ORDER BY r.id`,
  },
  parts: {
    name: "concept.parts",
    text: `UNWIND $ids AS id MATCH (c:Concept {id: id}) WHERE c.scope IN $scopes
MATCH (c)<-[p:CONTRIBUTES_TO]-(r:Concept) RETURN id, r {.*} AS concept, p.weight AS weight, 'PART' AS kind ORDER BY r.id`,
  },
  partOf: {
    name: "concept.partOf",
    text: `UNWIND $ids AS id MATCH (c:Concept {id: id}) WHERE c.scope IN $scopes
MATCH (c)-[p:CONTRIBUTES_TO]->(r:Concept) WHERE r.scope IN $scopes
RETURN id, r {.*} AS concept, p.weight AS weight, 'WHOLE' AS kind ORDER BY r.id`,
  },
  matches: {
    name: "concept.matches",
    text: `UNWIND $ids AS id MATCH (c:Concept {id: id}) WHERE c.scope IN $scopes
MATCH (c)-[m:EXACT_MATCH|CLOSE_MATCH]-(r:Concept) WHERE r.scope IN $scopes
RETURN DISTINCT id, r {.*} AS concept, null AS weight, type(m) AS kind ORDER BY concept.id`,
  },
  ancestors: {
    name: "concept.ancestors",
    text: `UNWIND $ids AS id MATCH (c:Concept {id: id}) WHERE c.scope IN $scopes
MATCH p = (c)-[:${UPWARD}*1..25]->(r:Concept)
WITH id, r, min(length(p)) AS depth
RETURN id, r {.*} AS concept, toFloat(depth) AS weight, 'ANCESTOR' AS kind ORDER BY depth, r.id`,
  },
};

export const MAPPINGS_OF_CONCEPTS: CypherQuery = {
  name: "concept.mappings",
  text: `
UNWIND $ids AS id
MATCH (f:SourceField)-[m:MAPS_TO]->(c:Concept {id: id})
WHERE c.scope IN $scopes AND ${VISIBLE_MAPPING}
RETURN id, ${MAPPING_PROJECTION} AS mapping
ORDER BY f.system, f.field`,
};

export const MAPPINGS_OF_FIELD: CypherQuery = {
  name: "bridge.mappingsOfField",
  text: `
MATCH (f:SourceField {system: $system, field: $field})-[m:MAPS_TO]->(c:Concept)
WHERE c.scope IN $scopes AND ${VISIBLE_MAPPING}
RETURN ${MAPPING_PROJECTION} AS mapping, c {.*} AS concept
ORDER BY c.id`,
};

/** Every path from a concept up to a root of the hierarchy (a concept with nothing above it). */
export const PATHS_TO_ROOTS: CypherQuery = {
  name: "bridge.pathsToRoots",
  text: `
UNWIND $ids AS id
MATCH (c:Concept {id: id}) WHERE c.scope IN $scopes
MATCH p = (c)-[:${UPWARD}*0..25]->(root:Concept)
WHERE NOT EXISTS { MATCH (root)-[:${UPWARD}]->(above:Concept) WHERE above.scope IN $scopes }
  AND all(n IN nodes(p) WHERE n.scope IN $scopes)
WITH id, p ORDER BY length(p), [n IN nodes(p) | n.id] LIMIT 1000
RETURN id, [n IN nodes(p) | n {.*}] AS path`,
};

export const FIELDS_MEASURING: CypherQuery = {
  name: "bridge.fieldsMeasuring",
  text: `
MATCH (target:Concept {id: $conceptId}) WHERE target.scope IN $scopes
MATCH p = (c:Concept)-[:${UPWARD}*0..25]->(target)
WHERE all(n IN nodes(p) WHERE n.scope IN $scopes)
WITH target, c, min(length(p)) AS depth
MATCH (f:SourceField)-[m:MAPS_TO]->(c)
WHERE ${VISIBLE_MAPPING}
MATCH path = (c)-[:${UPWARD}*0..25]->(target)
WHERE length(path) = depth AND all(n IN nodes(path) WHERE n.scope IN $scopes)
WITH f, m, c, depth, collect(path)[0] AS shortest
RETURN ${MAPPING_PROJECTION} AS mapping, [n IN nodes(shortest) | n {.*}] AS path, depth
ORDER BY depth, f.system, f.field`,
};

/** Which mapped concepts have signals about each account, from which systems and fields. */
export const CONCEPTS_OF_ACCOUNTS: CypherQuery = {
  name: "account.concepts",
  text: `
UNWIND $ids AS id
MATCH (a:Account {tenant: $tenant, id: id})
CALL (a) {
  MATCH (a)<-[:ABOUT]-(s:Signal)
  RETURN s.sourceSystem AS system, s.field AS field, count(*) AS signals, max(s.observedAt) AS latest
}
MATCH (f:SourceField {system: system, field: field})-[m:MAPS_TO]->(c:Concept)
WHERE c.scope IN $scopes AND ${VISIBLE_MAPPING}
RETURN id, c {.*} AS concept, collect({system: system, field: field, signals: signals,
  latestObservedAt: toString(latest)}) AS sources
ORDER BY concept.id`,
};

/** The latest value of a numeric field per subject in a tenant: the population for percentile normalisation. */
export const FIELD_POPULATION: CypherQuery = {
  name: "bridge.fieldPopulation",
  text: `
MATCH (s:Signal {tenant: $tenant, sourceSystem: $system, field: $field})-[:ABOUT]->(subject)
WHERE s.numberValue IS NOT NULL
WITH subject, s ORDER BY s.observedAt DESC
WITH subject, head(collect(s.numberValue)) AS value
RETURN value ORDER BY value LIMIT 200000`,
};

/** {@link FIELD_POPULATION} for many fields in one round trip: one row per field, values ascending. */
export const FIELD_POPULATIONS: CypherQuery = {
  name: "bridge.fieldPopulations",
  text: `
UNWIND $fields AS f
CALL (f) {
  MATCH (s:Signal {tenant: $tenant, sourceSystem: f.system, field: f.field})-[:ABOUT]->(subject)
  WHERE s.numberValue IS NOT NULL
  WITH subject, s ORDER BY s.observedAt DESC
  WITH subject, head(collect(s.numberValue)) AS value
  WITH value ORDER BY value LIMIT 200000
  RETURN collect(value) AS values
}
RETURN f.system AS system, f.field AS field, values`,
};

/** Every visible concept with its broader concepts and parts: what a new pack may refer to. */
export const HIERARCHY: CypherQuery = {
  name: "ontology.hierarchy",
  text: `
MATCH (c:Concept) WHERE c.scope IN $scopes
RETURN c.id AS id, c.pack AS pack,
  [(c)-[:BROADER]->(b:Concept) WHERE b.scope IN $scopes | b.id] AS broader,
  [(c)<-[:CONTRIBUTES_TO]-(p:Concept) WHERE p.scope IN $scopes | p.id] AS parts`,
};
