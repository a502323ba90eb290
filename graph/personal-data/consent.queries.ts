import { CypherQuery } from "../executor";

/**
 * Finds the person each consent record names: a person id, a contact's person (through the contact's
 * `crm-contact` identity) or a channel identity's person. Reports whether the contact or identity exists at
 * all (so an unresolved one is told apart from an unknown one) and whether the person was erased.
 */
export const RESOLVE_CONSENT_SUBJECTS: CypherQuery = {
  name: "consents.resolveSubjects",
  text: `
UNWIND $rows AS row
OPTIONAL MATCH (direct:Person {tenant: $tenant, id: row.personId})
OPTIONAL MATCH (contact:Contact {id: row.contactId})
WHERE contact.tenant = $tenant
OPTIONAL MATCH (:Identity {tenant: $tenant, channel: 'crm-contact', externalId: row.contactId})-[:MEMBER_OF]->(viaContact:Person)
OPTIONAL MATCH (identity:Identity {tenant: $tenant, channel: row.channel, externalId: row.externalId})
OPTIONAL MATCH (identity)-[:MEMBER_OF]->(viaIdentity:Person)
WITH row, coalesce(direct, viaContact, viaIdentity) AS person, contact IS NOT NULL AS contactExists,
  identity IS NOT NULL AS identityExists
RETURN row.index AS index, person.id AS personId, person.erasedAt IS NOT NULL AS erased, contactExists, identityExists`,
};

/**
 * Writes consents: CREATED, UNCHANGED by content hash, or UPDATED; a created or updated consent gets a new
 * version (the previous ones stay) and its link to its person.
 */
export const UPSERT_CONSENTS: CypherQuery = {
  name: "consents.upsert",
  text: `
UNWIND $rows AS row
OPTIONAL MATCH (existing:Consent {tenant: $tenant, sourceSystem: row.sourceSystem, externalId: row.externalId})
WITH row, existing.contentHash AS previousHash, existing.erasedAt IS NOT NULL AS erased
CALL (row, previousHash, erased) {
  WITH row, previousHash WHERE NOT erased
  MERGE (c:Consent {tenant: $tenant, sourceSystem: row.sourceSystem, externalId: row.externalId})
    ON CREATE SET c.id = row.id, c.version = 0, c.firstRecordedAt = $now
  WITH c, row,
    CASE WHEN previousHash IS NULL THEN 'CREATED' WHEN previousHash = row.hash THEN 'UNCHANGED' ELSE 'UPDATED' END AS status
  CALL (c, row, status) {
    WITH c, row, status WHERE status <> 'UNCHANGED'
    SET c += row.props, c.contentHash = row.hash, c.version = c.version + 1, c.recordedAt = $now
    CREATE (v:ConsentVersion {tenant: $tenant, consentId: c.id, version: c.version})
    SET v += row.props, v.sourceSystem = c.sourceSystem, v.externalId = c.externalId, v.recordedAt = $now,
      v.actor = $actor
    WITH c, row
    OPTIONAL MATCH (c)-[old:CONSENT_OF]->(:Person)
    DELETE old
    WITH DISTINCT c, row
    MATCH (p:Person {tenant: $tenant, id: row.props.personId})
    MERGE (c)-[:CONSENT_OF]->(p)
  }
  RETURN c.id AS id, status, c.version AS version
}
RETURN row.index AS index, id, status, version, erased`,
};

/** A person's consents (current versions) and every version, oldest first. */
export const CONSENTS_OF_PERSON: CypherQuery = {
  name: "consents.ofPerson",
  text: `
MATCH (p:Person {tenant: $tenant, id: $personId})
CALL (p) {
  OPTIONAL MATCH (c:Consent {tenant: $tenant, personId: p.id})
  WITH c ORDER BY c.purpose, c.id
  RETURN collect(properties(c)) AS consents
}
CALL (p) {
  OPTIONAL MATCH (v:ConsentVersion {tenant: $tenant, personId: p.id})
  WITH v ORDER BY v.consentId, v.version
  RETURN collect(properties(v)) AS versions
}
RETURN p.id AS personId, p.erasedAt IS NOT NULL AS erased, consents, versions`,
};

/**
 * The people the given records belong to (contacts; signals about contacts; channel identities) and their
 * consents: what a playbook action checks before it acts on a firing about them.
 */
export const PEOPLE_OF_RECORDS: CypherQuery = {
  name: "consents.peopleOfRecords",
  text: `
UNWIND $recordIds AS recordId
CALL (recordId) {
  OPTIONAL MATCH (s:Signal {id: recordId})-[:ABOUT]->(c:Contact)
  WHERE s.tenant = $tenant
  RETURN coalesce(c.id, recordId) AS contactId
}
OPTIONAL MATCH (i:Identity {tenant: $tenant, channel: 'crm-contact', externalId: contactId})-[:MEMBER_OF]->(p:Person)
OPTIONAL MATCH (j:Identity {tenant: $tenant, id: recordId})-[:MEMBER_OF]->(q:Person)
WITH recordId, coalesce(p, q) AS person
WHERE person IS NOT NULL
CALL (person) {
  OPTIONAL MATCH (c:Consent {tenant: $tenant, personId: person.id})
  RETURN collect(c {.purpose, .grantedAt, .withdrawnAt, .expiresAt}) AS consents
}
RETURN recordId, person.id AS personId, person.erasedAt IS NOT NULL AS erased, consents`,
};

/**
 * For the records of a purpose-bound export's events (contacts, channel identities, signals): whether each
 * is a person's record (a signal only when it is about a contact), the person it resolves to and their
 * consents. Records of no person are not returned.
 */
export const PEOPLE_OF_EXPORTED_RECORDS: CypherQuery = {
  name: "consents.peopleOfExportedRecords",
  text: `
UNWIND $records AS r
CALL (r) {
  OPTIONAL MATCH (s:Signal {tenant: $tenant, id: r.id})-[:ABOUT]->(c:Contact)
  OPTIONAL MATCH (j:Identity {tenant: $tenant, id: r.id})
  RETURN CASE r.type
    WHEN 'SIGNAL' THEN c.id
    WHEN 'IDENTITY' THEN CASE WHEN j.entity = 'PERSON' THEN j.id ELSE null END
    ELSE r.id END AS personal
}
WITH r, personal
WHERE personal IS NOT NULL
OPTIONAL MATCH (i:Identity {tenant: $tenant, channel: 'crm-contact', externalId: personal})-[:MEMBER_OF]->(p:Person)
OPTIONAL MATCH (j:Identity {tenant: $tenant, id: personal})-[:MEMBER_OF]->(q:Person)
WITH r, head(collect(coalesce(p, q))) AS person
CALL (person) {
  OPTIONAL MATCH (k:Consent {tenant: $tenant, personId: person.id})
  RETURN collect(k {.purpose, .grantedAt, .withdrawnAt, .expiresAt}) AS consents
}
RETURN r.id AS recordId, person.id AS personId, coalesce(person.erasedAt IS NOT NULL, false) AS erased, consents`,
};
