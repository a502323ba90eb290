import { CypherQuery } from "../executor";

/**
 * The person, their channel identities, the contacts those resolve from (live or soft-deleted), the signals
 * about the contacts (live or soft-deleted), their consents with every version. Every node comes with its
 * element id, so an erasure in the same transaction rewrites exactly what it read.
 */
export const READ_PERSON_CORE: CypherQuery = {
  name: "personData.core",
  text: `
MATCH (p:Person {tenant: $tenant, id: $personId})
CALL (p) {
  OPTIONAL MATCH (i:Identity)-[:MEMBER_OF]->(p)
  WITH i ORDER BY i.id
  RETURN collect(i {.id, .entity, .channel, .externalId, .attributes, .normalised, .recordId,
    element: elementId(i), observedAt: toString(i.observedAt), firstSeenAt: toString(i.firstSeenAt),
    lastUpdatedAt: toString(i.lastUpdatedAt)}) AS identities,
    [x IN collect(i) WHERE x.channel = 'crm-contact' | coalesce(x.recordId, x.externalId)] AS contactIds
}
CALL (contactIds) {
  UNWIND contactIds AS contactId
  OPTIONAL MATCH (live:Contact {id: contactId})
  WHERE live.tenant = $tenant
  OPTIONAL MATCH (gone:DeletedContact {tenant: $tenant, id: contactId})
  WITH [n IN [live, gone] WHERE n IS NOT NULL] AS found
  UNWIND found AS c
  OPTIONAL MATCH (c)-[:WORKS_AT]->(a)
  RETURN collect(c {.*, element: elementId(c), deleted: c:DeletedContact, accountId: a.id}) AS contacts,
    collect(c) AS contactNodes
}
CALL (contactNodes) {
  UNWIND contactNodes AS c
  MATCH (s)-[:ABOUT]->(c)
  WHERE s:Signal OR s:DeletedSignal
  RETURN collect(s {.*, element: elementId(s), deleted: s:DeletedSignal, subjectId: c.id}) AS signals
}
CALL (p) {
  OPTIONAL MATCH (c:Consent {tenant: $tenant, personId: p.id})
  WITH c ORDER BY c.id
  RETURN collect(c {.*, element: elementId(c)}) AS consents
}
CALL (p) {
  OPTIONAL MATCH (v:ConsentVersion {tenant: $tenant, personId: p.id})
  WITH v ORDER BY v.consentId, v.version
  RETURN collect(v {.*, element: elementId(v)}) AS consentVersions
}
RETURN p {.*, element: elementId(p)} AS person, identities, contacts, signals, consents, consentVersions`,
};

/**
 * What names the person's records by id elsewhere: tasks (their evidence), proposals and receipts of
 * firings, audit records (references only), identity review pairs and pair decisions, and the scores of
 * the accounts their contacts work at (stored explanations). A scan of the tenant's records of these
 * kinds: erasure and access requests are rare, and the ids are inside JSON texts no index reaches.
 */
export const READ_PERSON_REFERENCES: CypherQuery = {
  name: "personData.references",
  text: `
CALL () {
  MATCH (t:Task {tenant: $tenant})
  WHERE any(id IN $ids WHERE coalesce(t.evidence, '') CONTAINS id)
  RETURN collect(t {.id, .kind, .title, .status, createdAt: toString(t.createdAt), .accountIds,
    element: elementId(t), props: properties(t)}) AS tasks
}
CALL () {
  MATCH (x)
  WHERE (x:Proposal OR x:Receipt) AND x.tenant = $tenant
    AND any(id IN $ids WHERE coalesce(x.firing, '') CONTAINS id OR coalesce(x.actions, '') CONTAINS id)
  RETURN collect({element: elementId(x), props: properties(x)}) AS firingRecords
}
CALL () {
  MATCH (a:AuditRecord {tenant: $tenant})
  WHERE any(id IN $ids WHERE a.payload CONTAINS id)
  RETURN collect({id: a.id, seq: a.seq, kind: a.kind, at: toString(a.at)}) AS auditReferences
}
CALL () {
  MATCH (x)
  WHERE (x:IdentityReviewPair OR x:IdentityPairDecision) AND x.tenant = $tenant
    AND any(id IN $ids WHERE x.pairKey CONTAINS id)
  RETURN collect({element: elementId(x), props: properties(x)}) AS pairRecords
}
CALL () {
  UNWIND $accountIds AS accountId
  MATCH (h:HealthScore {tenant: $tenant, accountId: accountId})
  RETURN collect({element: elementId(h), props: properties(h)}) AS scores
}
CALL () {
  MATCH (d:WebhookDelivery {tenant: $tenant})
  RETURN collect({element: elementId(d), props: properties(d)}) AS deliveries
}
RETURN tasks, firingRecords, auditReferences, pairRecords, scores, deliveries`,
};

/** A page of the tenant's change segments after `$after` (by last number), packed events and all. */
export const READ_SEGMENTS_PAGE: CypherQuery = {
  name: "personData.segments",
  text: `
MATCH (g:ChangeSegment {tenant: $tenant})
WHERE g.lastSeq > $after
WITH g ORDER BY g.lastSeq ASC LIMIT $limit
RETURN elementId(g) AS element, g.firstSeq AS firstSeq, g.lastSeq AS lastSeq, g.events AS events,
  toString(g.at) AS at`,
};

/** The deliveries whose range holds one of `$seqs`, with their endpoints. */
export const DELIVERIES_CARRYING: CypherQuery = {
  name: "personData.deliveries",
  text: `
MATCH (d:WebhookDelivery {tenant: $tenant})
WHERE d.firstSequence IS NOT NULL AND any(s IN $seqs WHERE d.firstSequence <= s <= d.lastSequence)
MATCH (e:WebhookEndpoint {id: d.endpointId})
RETURN d.id AS deliveryId, e.id AS endpointId, e.url AS url, d.status AS status, d.createdAt AS createdAt,
  d.deliveredAt AS deliveredAt, d.firstSequence AS firstSequence, d.lastSequence AS lastSequence,
  coalesce(d.eventTypes, e.eventTypes) AS eventTypes`,
};

/** Marks the person erased; nothing when the tenant has no such person or it was erased already. */
export const MARK_PERSON_ERASED: CypherQuery = {
  name: "personData.markErased",
  text: `
MATCH (p:Person {tenant: $tenant, id: $personId})
WHERE p.erasedAt IS NULL
SET p.erasedAt = $now, p.erasureRequestId = $requestId
RETURN p.id AS id`,
};

/** Sets scrubbed properties on nodes read in the same transaction (by element id). */
export const SET_NODE_PROPERTIES: CypherQuery = {
  name: "personData.setNodes",
  text: `
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.element
SET n += row.props
RETURN count(n) AS written`,
};

/** Sets scrubbed properties on relationships read in the same transaction (by element id). */
export const SET_RELATIONSHIP_PROPERTIES: CypherQuery = {
  name: "personData.setRelationships",
  text: `
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.element
SET r += row.props
RETURN count(r) AS written`,
};

/** The relationships at the person's identities other than membership and keys (links with their evidence). */
export const IDENTITY_RELATIONSHIPS: CypherQuery = {
  name: "personData.identityRelationships",
  text: `
UNWIND $identityIds AS identityId
MATCH (i:Identity {tenant: $tenant, id: identityId})-[r]-()
WHERE NOT type(r) IN ['MEMBER_OF', 'KEYED']
RETURN DISTINCT elementId(r) AS element, properties(r) AS props`,
};

/**
 * Drops the identities' blocking keys (they are normalised names, phones and emails), and the key nodes no
 * other identity shares.
 */
export const DROP_BLOCKING_KEYS: CypherQuery = {
  name: "personData.dropKeys",
  text: `
UNWIND $identityIds AS identityId
MATCH (i:Identity {tenant: $tenant, id: identityId})-[r:KEYED]->(k:IdentityKey)
DELETE r
WITH DISTINCT k
WHERE NOT (k)<-[:KEYED]-()
DETACH DELETE k
RETURN count(*) AS dropped`,
};

/** Destroys the keys that open the contacts' personal values in stored change events (crypto-shredding). */
export const DESTROY_PERSON_KEYS: CypherQuery = {
  name: "personData.destroyKeys",
  text: `
UNWIND $ids AS id
MATCH (k:PersonKey {tenant: $tenant, personId: id})
DELETE k
RETURN count(*) AS destroyed`,
};

/** Rewrites change segments whose events held the person's values. */
export const REWRITE_SEGMENTS: CypherQuery = {
  name: "personData.rewriteSegments",
  text: `
UNWIND $rows AS row
MATCH (g:ChangeSegment) WHERE elementId(g) = row.element
SET g.events = row.events
RETURN count(g) AS written`,
};

/** The tombstones of the erased records' keys, and the request itself with its answer. */
export const RECORD_ERASURE: CypherQuery = {
  name: "personData.recordErasure",
  text: `
UNWIND $tombstones AS hash
MERGE (t:ErasureTombstone {tenant: $tenant, hash: hash})
  ON CREATE SET t.requestId = $requestId, t.erasedAt = $now
WITH count(t) AS tombstones
CREATE (r:ErasureRequest {tenant: $tenant, id: $requestId, personId: $personId, requestedBy: $actor,
  erasedAt: $now, reason: $reason, answer: $answer})
RETURN tombstones`,
};

/** Which of the given key hashes are tombstones, with their request and time. */
export const TOMBSTONES_OF: CypherQuery = {
  name: "personData.tombstones",
  text: `
UNWIND $hashes AS hash
MATCH (t:ErasureTombstone {tenant: $tenant, hash: hash})
RETURN t.hash AS hash, t.requestId AS requestId, t.erasedAt AS erasedAt`,
};

/** A person's erasure request (the answer given), if erased. */
export const ERASURE_OF_PERSON: CypherQuery = {
  name: "personData.erasureOf",
  text: `
MATCH (r:ErasureRequest {tenant: $tenant, personId: $personId})
RETURN r.id AS id, r.answer AS answer`,
};
