import { CypherQuery } from "../executor";

/** The nodes a playbook's firing leaves for its owner: a SUGGEST proposal or an AUTO receipt (a fixed whitelist). */
type InboxLabel = "Proposal" | "Receipt";

/**
 * A page of a tenant's proposals or receipts, newest first, filtered by status, playbook, owner and account,
 * after a (createdAt, id) keyset position; `projection` returns the node as the repository reads it.
 */
export function inboxPageQuery(name: string, label: InboxLabel, v: "p" | "r", projection: string): CypherQuery {
  return {
    name,
    text: `
MATCH (${v}:${label} {tenant: $tenant})
WHERE ($status IS NULL OR ${v}.status = $status)
  AND ($playbookId IS NULL OR ${v}.playbookId = $playbookId)
  AND ($ownerUserId IS NULL OR ${v}.ownerUserId = $ownerUserId)
  AND ($accountId IS NULL OR EXISTS { (${v})-[:ABOUT]->(:Account {tenant: $tenant, id: $accountId}) })
  AND ($afterMs IS NULL OR ${v}.createdAt.epochMillis < $afterMs
    OR (${v}.createdAt.epochMillis = $afterMs AND ${v}.id < $afterId))
WITH ${v} ORDER BY ${v}.createdAt DESC, ${v}.id DESC LIMIT $limit
${projection}`,
  };
}

/** Creates a proposal or receipt in its first status, linked to the firing's accounts of the tenant. */
export function createInboxItemQuery(
  name: string,
  label: InboxLabel,
  v: "p" | "r",
  initialStatus: "PENDING" | "UNACKNOWLEDGED",
): CypherQuery {
  return {
    name,
    text: `
CREATE (${v}:${label} {tenant: $tenant, id: $id})
SET ${v} += $props, ${v}.status = '${initialStatus}', ${v}.createdAt = datetime($now)
WITH ${v}
CALL (${v}) {
  UNWIND $accountIds AS accountId
  MATCH (a:Account {tenant: $tenant, id: accountId})
  MERGE (${v})-[:ABOUT]->(a)
}
RETURN ${v}.id AS id`,
  };
}
