import { CypherQuery } from "../executor";

/** An identity's fields as the repository reads them, with the resolved customer it belongs to. */
export const IDENTITY_PROJECTION = `i {
  .id, .entity, .channel, .externalId, .attributes, .normalised, .recordId,
  observedAt: toString(i.observedAt), firstSeenAt: toString(i.firstSeenAt), lastUpdatedAt: toString(i.lastUpdatedAt),
  resolvedId: head([(i)-[:MEMBER_OF]->(r) | r.id]),
  resolvedKind: head([(i)-[:MEMBER_OF]->(r) | CASE WHEN r:Person THEN 'PERSON' WHEN r:Account THEN 'ACCOUNT' ELSE 'ORGANIZATION' END])
}`;

/**
 * Writes channel identities. A row whose identity is stored with another entity type is refused
 * (`storedEntity`); otherwise CREATED, UNCHANGED by content hash, or UPDATED with its blocking keys set anew
 * (`(:Identity)-[:KEYED]->(:IdentityKey)`: what incremental resolution finds candidates by).
 */
export const UPSERT_IDENTITIES: CypherQuery = {
  name: "identity.upsert",
  text: `
UNWIND $rows AS row
OPTIONAL MATCH (existing:Identity {tenant: $tenant, channel: row.channel, externalId: row.externalId})
WITH row, existing, existing.contentHash AS previousHash,
  existing IS NOT NULL AND existing.entity <> row.entity AS entityChanged
OPTIONAL CALL (row, previousHash, entityChanged) {
  WITH row, previousHash WHERE NOT entityChanged
  MERGE (i:Identity {tenant: $tenant, channel: row.channel, externalId: row.externalId})
    ON CREATE SET i.id = row.id, i.entity = row.entity, i.firstSeenAt = datetime($now)
  WITH i, row,
    CASE WHEN previousHash IS NULL THEN 'CREATED' WHEN previousHash = row.hash THEN 'UNCHANGED' ELSE 'UPDATED' END AS status
  CALL (i, row, status) {
    WITH i, row, status WHERE status <> 'UNCHANGED'
    SET i.attributes = row.attributes, i.normalised = row.normalised, i.contentHash = row.hash,
      i.observedAt = CASE WHEN row.observedAt IS NULL THEN null ELSE datetime(row.observedAt) END,
      i.sourceSystem = row.channel, i.recordId = row.recordId, i.lastUpdatedAt = datetime($now)
    WITH i, row
    OPTIONAL MATCH (i)-[old:KEYED]->(:IdentityKey)
    DELETE old
    WITH DISTINCT i, row
    UNWIND row.keys AS key
    MERGE (k:IdentityKey {tenant: $tenant, key: key})
    MERGE (i)-[:KEYED]->(k)
  }
  // When the identity was last sent, changed or not: enrolment compares contacts' and accounts' changes with it.
  SET i.lastSeenAt = datetime($now)
  RETURN i.id AS id, status
}
RETURN row.index AS index, id, status, CASE WHEN entityChanged THEN existing.entity END AS storedEntity`,
};

/** Identities by id, aligned by index; other tenants' ids find nothing. */
export const IDENTITIES_BY_IDS: CypherQuery = {
  name: "identity.byIds",
  text: `
UNWIND range(0, size($ids) - 1) AS index
MATCH (i:Identity {tenant: $tenant, id: $ids[index]})
RETURN index, ${IDENTITY_PROJECTION} AS identity`,
};

/** One page of an entity's identities by id (what a full run reads), after `$after`. */
export const IDENTITIES_PAGE: CypherQuery = {
  name: "identity.page",
  text: `
MATCH (i:Identity {tenant: $tenant, entity: $entity})
WHERE i.id > $after
WITH i ORDER BY i.id LIMIT $limit
RETURN ${IDENTITY_PROJECTION} AS identity`,
};

/** Identities of an entity that belong to no resolved customer yet (what an incremental run resolves). */
export const UNRESOLVED_IDENTITIES: CypherQuery = {
  name: "identity.unresolved",
  text: `
MATCH (i:Identity {tenant: $tenant, entity: $entity})
WHERE NOT (i)-[:MEMBER_OF]->()
WITH i ORDER BY i.id LIMIT $limit
RETURN ${IDENTITY_PROJECTION} AS identity`,
};

/**
 * The candidates of incremental resolution: identities sharing a blocking key with the given ones (keys
 * shared by more than \`$maxKeyFanout\` identities are too common to block on), and every member of the
 * resolved customers they belong to.
 */
export const CANDIDATES_BY_KEYS: CypherQuery = {
  name: "identity.candidates",
  text: `
MATCH (n:Identity {tenant: $tenant})-[:KEYED]->(k:IdentityKey)
WHERE n.id IN $ids
WITH DISTINCT k
WHERE COUNT { (k)<-[:KEYED]-() } <= $maxKeyFanout
MATCH (k)<-[:KEYED]-(c:Identity {entity: $entity})
WHERE NOT c.id IN $ids
WITH DISTINCT c
OPTIONAL MATCH (c)-[:MEMBER_OF]->(r)<-[:MEMBER_OF]-(m:Identity)
WITH collect(DISTINCT c) + collect(DISTINCT m) AS all
UNWIND all AS i
WITH DISTINCT i
RETURN ${IDENTITY_PROJECTION} AS identity`,
};

/** Every member of the resolved customers the given identities belong to. */
export const CLUSTER_MEMBERS_OF: CypherQuery = {
  name: "identity.clusterMembers",
  text: `
MATCH (n:Identity {tenant: $tenant})-[:MEMBER_OF]->(r)<-[:MEMBER_OF]-(i:Identity)
WHERE n.id IN $ids
WITH DISTINCT i
RETURN ${IDENTITY_PROJECTION} AS identity`,
};

/** The pair decisions touching the given identities (all of the entity's when `$ids` is null). */
export const PAIR_DECISIONS: CypherQuery = {
  name: "identity.decisions",
  text: `
MATCH (d:IdentityPairDecision {tenant: $tenant, entity: $entity})
WHERE $ids IS NULL OR d.a IN $ids OR d.b IN $ids
RETURN d {.pairKey, .a, .b, .decision, .reason, .actor, at: toString(d.at)} AS decision`,
};

/** Makes the resolved nodes a write needs: people and organizations known only from channels. */
export const CREATE_RESOLVED: CypherQuery = {
  name: "identity.createResolved",
  text: `
UNWIND $people AS id
MERGE (p:Person {tenant: $tenant, id: id})
  ON CREATE SET p.createdAt = datetime($now), p.entity = 'PERSON'
WITH count(*) AS _
UNWIND $organizations AS id
MERGE (o:ResolvedOrganization {tenant: $tenant, id: id})
  ON CREATE SET o.createdAt = datetime($now), o.entity = 'ORGANIZATION'
RETURN count(*) AS made`,
};

/**
 * Makes each identity a member of its resolved customer (a Person, a ResolvedOrganization or an Account),
 * replacing its former membership; returns the former resolved id of each identity whose membership changed.
 */
export const ASSIGN_MEMBERS: CypherQuery = {
  name: "identity.assign",
  text: `
UNWIND $rows AS row
MATCH (i:Identity {tenant: $tenant, id: row.identityId})
OPTIONAL MATCH (p:Person {tenant: $tenant, id: row.resolvedId})
OPTIONAL MATCH (o:ResolvedOrganization {tenant: $tenant, id: row.resolvedId})
OPTIONAL MATCH (a:Account {tenant: $tenant, id: row.resolvedId})
WITH i, row, coalesce(p, o, a) AS target
WHERE target IS NOT NULL
OPTIONAL MATCH (i)-[old:MEMBER_OF]->(previous)
WITH i, row, target, old, previous
WHERE previous IS NULL OR previous <> target
DELETE old
MERGE (i)-[m:MEMBER_OF]->(target)
SET m.since = datetime($now), m.decidedBy = row.decidedBy, m.runId = row.runId
RETURN i.id AS identityId, i.channel AS channel, i.externalId AS externalId, previous.id AS previousId,
  target.id AS resolvedId`,
};

/** Removes people and channel-only organizations left without members; returns their ids. */
export const DROP_EMPTY_RESOLVED: CypherQuery = {
  name: "identity.dropEmpty",
  text: `
UNWIND $ids AS id
OPTIONAL MATCH (p:Person {tenant: $tenant, id: id})
OPTIONAL MATCH (o:ResolvedOrganization {tenant: $tenant, id: id})
WITH coalesce(p, o) AS r
WHERE r IS NOT NULL AND NOT (r)<-[:MEMBER_OF]-()
WITH r, r.id AS id
DETACH DELETE r
RETURN id`,
};

/** Stores links between identities with their evidence (the pair's lower id first). */
export const WRITE_LINKS: CypherQuery = {
  name: "identity.links",
  text: `
UNWIND $links AS l
MATCH (a:Identity {tenant: $tenant, id: l.a})
MATCH (b:Identity {tenant: $tenant, id: l.b})
MERGE (a)-[r:IDENTITY_LINK]->(b)
SET r.fields = l.fields, r.totalWeight = l.totalWeight, r.probability = l.probability,
  r.modelVersion = l.modelVersion, r.decidedBy = l.decidedBy, r.rule = l.rule, r.at = datetime($now),
  r.runId = l.runId, r.actor = l.actor
RETURN count(r) AS written`,
};

/** Removes the links touching the given identities, except those a person decided when `$keepPerson`. */
export const REMOVE_LINKS_OF: CypherQuery = {
  name: "identity.removeLinks",
  text: `
MATCH (i:Identity {tenant: $tenant})-[r:IDENTITY_LINK]-(:Identity)
WHERE i.id IN $ids AND (NOT $keepPerson OR r.decidedBy <> 'PERSON')
DELETE r
RETURN count(*) AS removed`,
};

/** Removes every model and rule link of an entity (a full run starts over; people's links stay). */
export const REMOVE_ENTITY_LINKS: CypherQuery = {
  name: "identity.removeEntityLinks",
  text: `
MATCH (a:Identity {tenant: $tenant, entity: $entity})-[r:IDENTITY_LINK]->(:Identity)
WHERE r.decidedBy <> 'PERSON'
DELETE r
RETURN count(*) AS removed`,
};

/** Replaces review pairs (a full run clears the entity's queue first with `$clear`). */
export const WRITE_REVIEW_PAIRS: CypherQuery = {
  name: "identity.review.write",
  text: `
UNWIND $pairs AS p
MERGE (r:IdentityReviewPair {tenant: $tenant, pairKey: p.pairKey})
SET r.entity = $entity, r.a = p.a, r.b = p.b, r.fields = p.fields, r.totalWeight = p.totalWeight,
  r.probability = p.probability, r.modelVersion = p.modelVersion, r.at = datetime($now), r.runId = p.runId
RETURN count(r) AS written`,
};

export const CLEAR_REVIEW_PAIRS: CypherQuery = {
  name: "identity.review.clear",
  text: `
MATCH (r:IdentityReviewPair {tenant: $tenant, entity: $entity})
DELETE r
RETURN count(*) AS removed`,
};

/** One page of the review queue: most probable first, then by pair key, after the cursor's pair. */
export const REVIEW_PAGE: CypherQuery = {
  name: "identity.review.page",
  text: `
MATCH (r:IdentityReviewPair {tenant: $tenant, entity: $entity})
WHERE $afterProbability IS NULL OR r.probability < $afterProbability
  OR (r.probability = $afterProbability AND r.pairKey > $afterKey)
WITH r ORDER BY r.probability DESC, r.pairKey LIMIT $limit
RETURN r {.pairKey, .entity, .a, .b, .fields, .totalWeight, .probability, .modelVersion, at: toString(r.at)} AS pair`,
};

/**
 * Records a person's decision about a pair (replacing an earlier one), and takes the pair off the review
 * queue. Both identities must be the tenant's and of one entity; otherwise nothing is written.
 */
export const DECIDE_PAIR: CypherQuery = {
  name: "identity.decide",
  text: `
UNWIND $decisions AS d
MATCH (a:Identity {tenant: $tenant, id: d.a})
MATCH (b:Identity {tenant: $tenant, id: d.b})
WHERE a.entity = b.entity
MERGE (x:IdentityPairDecision {tenant: $tenant, pairKey: d.pairKey})
SET x.a = d.a, x.b = d.b, x.entity = a.entity, x.decision = d.decision, x.reason = d.reason,
  x.actor = $actor, x.at = datetime($now), x.origin = d.origin
WITH x, d
OPTIONAL MATCH (r:IdentityReviewPair {tenant: $tenant, pairKey: d.pairKey})
DELETE r
RETURN count(DISTINCT x) AS decided`,
};

/** Forgets the DIFFERENT decisions between two sets of identities (a merge overrides them). */
export const FORGET_DIFFERENT: CypherQuery = {
  name: "identity.forgetDifferent",
  text: `
MATCH (x:IdentityPairDecision {tenant: $tenant, decision: 'DIFFERENT'})
WHERE (x.a IN $left AND x.b IN $right) OR (x.a IN $right AND x.b IN $left)
DELETE x
RETURN count(*) AS forgotten`,
};

/** Forgets the SAME decisions between one identity and others (a split overrides them). */
export const FORGET_SAME: CypherQuery = {
  name: "identity.forgetSame",
  text: `
MATCH (x:IdentityPairDecision {tenant: $tenant, decision: 'SAME'})
WHERE (x.a = $id AND x.b IN $others) OR (x.b = $id AND x.a IN $others)
DELETE x
RETURN count(*) AS forgotten`,
};

/** A resolved customer with its members and the links among them, in one statement. */
export const RESOLVED_CUSTOMER: CypherQuery = {
  name: "identity.resolved",
  text: `
OPTIONAL MATCH (p:Person {tenant: $tenant, id: $id})
OPTIONAL MATCH (o:ResolvedOrganization {tenant: $tenant, id: $id})
OPTIONAL MATCH (acc:Account {tenant: $tenant, id: $id})
WITH coalesce(p, o, acc) AS r
WHERE r IS NOT NULL
OPTIONAL MATCH (i:Identity)-[:MEMBER_OF]->(r)
WITH r, collect(i) AS members
CALL (members) {
  UNWIND members AS x
  MATCH (x)-[l:IDENTITY_LINK]->(y:Identity)
  WHERE y IN members
  RETURN collect(l {a: x.id, b: y.id, .fields, .totalWeight, .probability, .modelVersion, .decidedBy, .rule,
    .runId, .actor, at: toString(l.at)}) AS links
}
CALL (members) {
  UNWIND members AS i
  RETURN collect(${IDENTITY_PROJECTION}) AS identities
}
CALL (members) {
  UNWIND members AS i
  MATCH (c:Contact {tenant: $tenant, id: i.recordId})-[:WORKS_AT]->(a:Account)
  RETURN collect(DISTINCT a.id) AS accountIds
}
RETURN r.id AS id, CASE WHEN r:Person THEN 'PERSON' WHEN r:Account THEN 'ACCOUNT' ELSE 'ORGANIZATION' END AS kind,
  coalesce(r.entity, 'ORGANIZATION') AS entity, toString(r.createdAt) AS createdAt, identities, links, accountIds`,
};

/** The identities that are members of each account, aligned by index. */
export const IDENTITIES_OF_ACCOUNTS: CypherQuery = {
  name: "identity.ofAccounts",
  text: `
UNWIND range(0, size($ids) - 1) AS index
CALL (index) {
  MATCH (i:Identity)-[:MEMBER_OF]->(:Account {tenant: $tenant, id: $ids[index]})
  WITH i ORDER BY i.channel, i.externalId LIMIT $limit
  RETURN collect(${IDENTITY_PROJECTION}) AS identities
}
RETURN index, identities`,
};

/**
 * Contacts and accounts not yet enrolled as identities, or changed since: what a run enrols first
 * (contacts as PERSON identities of channel "crm-contact", accounts as ORGANIZATION identities of channel
 * "crm-account"). At most `$limit` of each.
 */
export const RECORDS_TO_ENROL: CypherQuery = {
  name: "identity.enrolCandidates",
  text: `
CALL () {
  MATCH (c:Contact {tenant: $tenant})
  // An erased contact is not enrolled again: its values are gone, and its identity stays erased.
  WHERE $entity = 'PERSON' AND c.erasedAt IS NULL
  OPTIONAL MATCH (i:Identity {tenant: $tenant, channel: 'crm-contact', externalId: c.id})
  WITH c, i WHERE i IS NULL OR i.lastSeenAt < c.lastUpdatedAt
  WITH c LIMIT $limit
  OPTIONAL MATCH (c)-[:WORKS_AT]->(a:Account)
  RETURN collect({kind: 'CONTACT', id: c.id, name: c.name, email: c.email, phone: c.phone,
    region: a.region, observedAt: toString(c.lastUpdatedAt)}) AS contacts
}
CALL () {
  MATCH (a:Account {tenant: $tenant})
  WHERE $entity = 'ORGANIZATION'
  OPTIONAL MATCH (i:Identity {tenant: $tenant, channel: 'crm-account', externalId: a.id})
  WITH a, i WHERE i IS NULL OR i.lastSeenAt < a.lastUpdatedAt
  WITH a LIMIT $limit
  RETURN collect({kind: 'ACCOUNT', id: a.id, name: a.name, region: a.region,
    observedAt: toString(a.lastUpdatedAt)}) AS accounts
}
RETURN contacts + accounts AS records`,
};
