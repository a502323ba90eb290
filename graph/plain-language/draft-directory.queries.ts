import { CypherQuery } from "../executor";

/**
 * The graph vocabulary a plain-language draft resolves names against, in ONE statement: the tenant's users
 * (names, external ids, roles), teams, partner organizations with their kind, webhook endpoints, the
 * industry/segment/region values its accounts carry, the grades of its active health models, and the
 * active ontology pack versions it sees (built-in and its own; their contents are read separately, once per
 * content hash). Every list is bounded; what a tenant has beyond a bound is left out of the vocabulary.
 */
export const DRAFT_DIRECTORY: CypherQuery = {
  name: "plainLanguage.directory",
  text: `
CALL () {
  MATCH (u:User {tenant: $tenant})
  WITH u ORDER BY u.externalId LIMIT $maxUsers
  RETURN collect(u {.externalId, .name, roles: coalesce(u.roles, [])}) AS users
}
CALL () {
  MATCH (t:Team {tenant: $tenant})
  WITH t ORDER BY t.id LIMIT $maxTeams
  RETURN collect(t {.id, .externalId, .name}) AS teams
}
CALL () {
  MATCH (o:Organization {tenant: $tenant})
  WITH o ORDER BY o.id LIMIT $maxOrganizations
  RETURN collect(o {.id, .name, .kind}) AS organizations
}
CALL () {
  MATCH (e:WebhookEndpoint {tenant: $tenant})
  WITH e ORDER BY e.id LIMIT $maxEndpoints
  RETURN collect(e {.id, .url, .description}) AS endpoints
}
CALL () {
  MATCH (a:Account {tenant: $tenant})
  RETURN collect(DISTINCT a.industry)[..$maxValues] AS industries,
    collect(DISTINCT a.segment)[..$maxValues] AS segments,
    collect(DISTINCT a.region)[..$maxValues] AS regions
}
CALL () {
  MATCH (m:HealthModel {tenant: $tenant})<-[:VERSION_OF]-(v:HealthModelVersion)
  WHERE v.version = m.activeVersion
  RETURN collect(v.bands) AS bands
}
CALL () {
  MATCH (o:Ontology)-[:HAS_VERSION]->(v:OntologyVersion)
  WHERE o.scope IN $scopes AND v.version = o.version
  RETURN collect({scope: o.scope, pack: o.pack, hash: v.contentHash}) AS packs
}
RETURN users, teams, organizations, endpoints, industries, segments, regions, bands, packs`,
};

/** The contents (canonical JSON) of ontology pack versions, by content hash, among the packs a tenant sees. */
export const PACK_CONTENTS: CypherQuery = {
  name: "plainLanguage.packContents",
  text: `
MATCH (o:Ontology)-[:HAS_VERSION]->(v:OntologyVersion)
WHERE o.scope IN $scopes AND v.version = o.version AND v.contentHash IN $hashes
RETURN DISTINCT v.contentHash AS hash, v.content AS content`,
};
