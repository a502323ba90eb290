/**
 * The raw endpoint's hand-written Cypher: one statement per read scenario, returning exactly what the
 * scenario's GraphQL operation asks for. This is the floor any GraphQL layer over Neo4j sits on.
 */

const ACCOUNT_FIELDS = `.id, .sourceSystem, .externalId, .name, .industry, .segment, .region, .annualRevenue,
  firstSeenAt: toString(a.firstSeenAt), lastUpdatedAt: toString(a.lastUpdatedAt)`;

/** B1: one account, ten scalar fields. */
export const ACCOUNT_BY_ID = `
MATCH (a:Account {tenant: $tenant, id: $id})
RETURN a {${ACCOUNT_FIELDS}} AS account`;

/** B2: the customer-360 view: the account and five lists around it, each ordered as Relata orders it. */
export const CUSTOMER_360 = `
MATCH (a:Account {tenant: $tenant, id: $id})
CALL (a) {
  MATCH (a)<-[:WORKS_AT]-(c:Contact)
  WITH c ORDER BY c.name, c.id
  RETURN collect(c {.id, .name, .title, .email, .buyingRole}) AS contacts
}
CALL (a) {
  MATCH (a)<-[:FOR_ACCOUNT]-(o:Opportunity)
  WITH o ORDER BY coalesce(o.closeDate, '0000-00-00') DESC, o.id DESC
  RETURN collect(o {.id, .name, .stage, .amount, .currency, .closeDate}) AS opportunities
}
CALL (a) {
  MATCH (a)<-[:INSTALLED_AT]-(x:Asset)
  WITH x ORDER BY x.name, x.id
  RETURN collect(x {.id, .name, .model, .serialNumber, .installedOn}) AS assets
}
CALL (a) {
  MATCH (a)<-[r:PARTNER_OF|SUPPLIES|SERVICES|RESELLS_TO]-(g:Organization)
  WITH g, r ORDER BY g.name, g.id + '|' + type(r)
  RETURN collect({relationship: type(r), node: g {.id, .name, .kind, .region}}) AS network
}
CALL (a) {
  MATCH (a)<-[:ABOUT]-(s:Signal)
  WITH s ORDER BY s.observedAt DESC, s.id DESC
  WITH collect(s) AS newestFirst
  RETURN size(newestFirst) AS signalCount, [s IN newestFirst[..$signals] | s {.id, .sourceSystem, recordId: s.externalId, .field,
    .valueType, .numberValue, .stringValue, .booleanValue, .unit, observedAt: toString(s.observedAt)}] AS signals
}
RETURN a {${ACCOUNT_FIELDS}} AS account, contacts, opportunities, assets, network, signalCount, signals`;

/**
 * B3: a page of accounts by name, each with its first contacts by name and their count, and its latest
 * stored health snapshot of the model. The page is read in the order of the (tenant, name) index and
 * stops after `$limit` accounts, as good hand-written Cypher would; sorting the whole tenant would make
 * this floor slower than it needs to be.
 */
export const ACCOUNTS_WITH_CONTACTS = `
MATCH (a:Account) USING INDEX a:Account(tenant, name)
WHERE a.tenant = $tenant AND a.name IS NOT NULL
WITH a ORDER BY a.tenant, a.name, a.id LIMIT $limit
CALL (a) {
  MATCH (a)<-[:WORKS_AT]-(c:Contact)
  WITH c ORDER BY c.name, c.id
  WITH collect(c) AS byName
  RETURN size(byName) AS contactCount, [c IN byName[..$contacts] | c {.id, .name, .title, .buyingRole}] AS contacts
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:SCORES]-(h:HealthScore {tenant: $tenant, modelId: $modelId, latest: true})
  RETURN h {.score, .grade, .confidence, modelVersion: h.version, computedAt: toString(h.computedAt)} AS health
  LIMIT 1
}
RETURN a.id AS id, a.name AS name, contactCount, contacts, health`;

/** The signals of one account (and of its contacts and assets, when the model counts them) in a window. */
const HEALTH_SIGNALS_SINCE = `s.observedAt >= datetime({epochMillis: $earliest}) AND s.observedAt <= datetime({epochMillis: $asOf})`;

/**
 * B5a: everything scoring one account needs that changes with its data, in one statement: its signals of
 * the model's mapped fields observed in the longest window before `$asOf`, newest first (the scorer sums
 * them per window and lists the newest as evidence), and its manual measures that have not expired.
 */
export const ACCOUNT_HEALTH_INPUTS = `
MATCH (a:Account {tenant: $tenant, id: $id})
CALL (a) {
  CALL (a) {
    MATCH (a)<-[:ABOUT]-(s:Signal) WHERE ${HEALTH_SIGNALS_SINCE}
    RETURN s
    UNION
    MATCH (a)<-[:WORKS_AT]-(:Contact)<-[:ABOUT]-(s:Signal) WHERE $contacts AND ${HEALTH_SIGNALS_SINCE}
    RETURN s
    UNION
    MATCH (a)<-[:INSTALLED_AT]-(:Asset)<-[:ABOUT]-(s:Signal) WHERE $assets AND ${HEALTH_SIGNALS_SINCE}
    RETURN s
  }
  WITH s WHERE s.sourceSystem + '|' + s.field IN $fields
  WITH s, s.observedAt.epochMillis AS t ORDER BY t DESC, s.id
  RETURN collect(s {.id, recordId: s.externalId, .sourceSystem, .field, .numberValue,
    value: coalesce(s.numberValue, s.stringValue, s.booleanValue), t: t}) AS signals
}
CALL (a) {
  MATCH (m:ManualMeasure {tenant: $tenant, accountId: a.id})
  WHERE m.expiresAt IS NULL OR m.expiresAt > datetime({epochMillis: $asOf})
  WITH m ORDER BY m.createdAt DESC
  RETURN collect(m {.id, .concept, .value, .author, .comment, expiresAt: toString(m.expiresAt)}) AS measures
}
RETURN a.id AS id, signals, measures`;

/** The mappings a tenant sees: its own, and the built-in ones of fields it has not mapped itself. */
const VISIBLE_MAPPING = `f.scope IN $scopes AND (f.scope = $tenant OR NOT EXISTS {
    MATCH (:SourceField {scope: $tenant, system: f.system, field: f.field})-[:MAPS_TO]->() })`;

/** B4a: every source field measuring a concept or one below it, with the shortest path up to it. */
export const FIELDS_MEASURING = `
MATCH (target:Concept {id: $conceptId}) WHERE target.scope IN $scopes
MATCH p = (c:Concept)-[:BROADER|CONTRIBUTES_TO*0..25]->(target)
WHERE all(n IN nodes(p) WHERE n.scope IN $scopes)
WITH c, p ORDER BY length(p), [n IN nodes(p) | n.id]
WITH c, collect(p)[0] AS shortest
MATCH (f:SourceField)-[m:MAPS_TO]->(c)
WHERE ${VISIBLE_MAPPING}
RETURN f.system AS system, f.field AS field, length(shortest) AS distance, m.aggregation AS aggregation,
  f.scope AS scope, [n IN nodes(shortest) | n.id] AS path
ORDER BY distance, system, field`;

/** B4b: how a source field is mapped, each mapping with its concept and the concept's paths to the roots. */
export const BRIDGE = `
MATCH (f:SourceField {system: $system, field: $field})-[m:MAPS_TO]->(c:Concept)
WHERE c.scope IN $scopes AND ${VISIBLE_MAPPING}
CALL (c) {
  MATCH p = (c)-[:BROADER|CONTRIBUTES_TO*0..25]->(root:Concept)
  WHERE NOT EXISTS { MATCH (root)-[:BROADER|CONTRIBUTES_TO]->(above:Concept) WHERE above.scope IN $scopes }
    AND all(n IN nodes(p) WHERE n.scope IN $scopes)
  WITH p ORDER BY length(p), [n IN nodes(p) | n.id] LIMIT 1000
  RETURN collect([n IN nodes(p) | n.id]) AS paths
}
RETURN m {.*} AS mapping, f.system AS system, f.field AS field, f.scope AS scope, c.id AS conceptId,
  c.labels AS labels, paths
ORDER BY conceptId`;

/**
 * B6: the raw driver's idempotent bulk write of signals about one kind of subject; MERGE on the key. Returns
 * the index of every row it created, for the change events the endpoint appends in the same transaction.
 */
export function ingestSignalsAbout(label: "Account" | "Contact" | "Asset"): string {
  return `
UNWIND $rows AS row
MATCH (subject:${label} {tenant: $tenant, id: row.subjectId})
OPTIONAL MATCH (old:Signal {tenant: $tenant, sourceSystem: row.sourceSystem, externalId: row.recordId})
WITH row, subject, old IS NULL AS fresh
MERGE (s:Signal {tenant: $tenant, sourceSystem: row.sourceSystem, externalId: row.recordId})
  ON CREATE SET s += row.props, s.id = row.id, s.firstSeenAt = datetime($now), s.lastUpdatedAt = datetime($now)
MERGE (s)-[:ABOUT]->(subject)
WITH row WHERE fresh
RETURN row.index AS index`;
}

/** F1: the driver's round trip with nothing to do. */
export const RETURN_ONE = "RETURN 1 AS one";
