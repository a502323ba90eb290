import { CypherQuery } from "../executor";
import { UpsertAfter } from "../common/upsert.query";

/**
 * Writes users. A row is refused when its record was deleted (`deletedAt`), when another source system's
 * user has its external id (`takenBy`: user external ids are token subjects, unique per tenant), or when
 * the team it names does not exist (`missingTargetIds`). Otherwise as the generic upsert: CREATED,
 * UNCHANGED by content hash, or UPDATED with `before`; a changed user's MEMBER_OF and REPORTS_TO links are
 * set anew (a manager who does not exist yet is linked when they arrive: {@link LINK_WAITING_FOR_USERS}).
 */
export const USER_UPSERT: CypherQuery = {
  name: "upsert.User",
  text: `
UNWIND $rows AS row
OPTIONAL MATCH (gone:DeletedUser {tenant: $tenant, id: row.id})
OPTIONAL MATCH (taken:User {tenant: $tenant, externalId: row.externalId}) WHERE taken.sourceSystem <> row.sourceSystem
OPTIONAL MATCH (team:Team {tenant: $tenant, id: row.props.teamId})
WITH row, gone, taken, team,
  CASE WHEN row.props.teamId IS NOT NULL AND team IS NULL THEN [row.props.teamId] ELSE [] END AS missing
OPTIONAL CALL (row, gone, taken, team, missing) {
  WITH row, team WHERE gone IS NULL AND taken IS NULL AND size(missing) = 0
  MERGE (n:User {tenant: $tenant, sourceSystem: row.sourceSystem, externalId: row.externalId})
    ON CREATE SET n.id = row.id, n.firstSeenAt = datetime($now)
  WITH n, row, team,
    CASE WHEN n.contentHash IS NULL THEN 'CREATED' WHEN n.contentHash = row.hash THEN 'UNCHANGED' ELSE 'UPDATED' END AS status,
    CASE WHEN n.contentHash IS NOT NULL AND n.contentHash <> row.hash THEN properties(n) END AS before
  FOREACH (_ IN CASE WHEN status = 'UNCHANGED' THEN [] ELSE [1] END |
    SET n += row.props, n.contentHash = row.hash, n.lastUpdatedAt = datetime($now))
  WITH n, row, team, status, before
  CALL (n, row, team, status) {
    WITH n, row, team, status WHERE status <> 'UNCHANGED'
    OPTIONAL MATCH (n)-[old:MEMBER_OF|REPORTS_TO]->()
    DELETE old
    WITH DISTINCT n, row, team
    FOREACH (t IN CASE WHEN team IS NULL THEN [] ELSE [team] END | MERGE (n)-[:MEMBER_OF]->(t))
    WITH n, row
    OPTIONAL MATCH (manager:User {tenant: $tenant, externalId: row.props.managerExternalId})
    FOREACH (m IN CASE WHEN manager IS NULL THEN [] ELSE [manager] END | MERGE (n)-[:REPORTS_TO]->(m))
  }
  RETURN n.id AS id, status, before
}
RETURN row.index AS index, id, status, before, missing AS missingTargetIds, toString(gone.deletedAt) AS deletedAt,
  taken.sourceSystem AS takenBy`,
};

/**
 * Links new users to what was waiting for them: users naming them as manager (REPORTS_TO) and accounts
 * naming them as owner (OWNS). Run in the transaction that created them, after the users themselves, so
 * the order records arrive in (a report before its manager, in one batch or across calls) does not matter.
 */
export const LINK_WAITING_FOR_USERS: CypherQuery = {
  name: "upsert.User.waiting",
  text: `
UNWIND $externalIds AS externalId
MATCH (u:User {tenant: $tenant, externalId: externalId})
CALL (u) {
  MATCH (report:User {tenant: $tenant, managerExternalId: u.externalId})
  MERGE (report)-[:REPORTS_TO]->(u)
}
CALL (u) {
  MATCH (account:Account {tenant: $tenant, ownerExternalId: u.externalId})
  MERGE (u)-[:OWNS]->(account)
}`,
};

/** After an account is written: `(:User)-[:OWNS]->(account)` follows its `ownerExternalId`. */
export const ACCOUNT_OWNER_LINK: UpsertAfter = {
  cypher: `CALL (n, row, status) {
  WITH n, row, status WHERE status <> 'UNCHANGED'
  OPTIONAL MATCH (n)<-[old:OWNS]-(:User)
  DELETE old
  WITH DISTINCT n, row
  MATCH (owner:User {tenant: $tenant, externalId: row.props.ownerExternalId})
  MERGE (owner)-[:OWNS]->(n)
}`,
};
