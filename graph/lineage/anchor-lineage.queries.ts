import { AnchorPopulation } from "../../domain/anchors/anchor-metric";
import { CypherQuery } from "../executor";

/**
 * One weekly point of an anchor with the anchor and the version it was computed with: the point of the week
 * `$week`, or (`$week` null) the latest week with a value.
 */
export const ANCHOR_POINT: CypherQuery = {
  name: "lineage.anchorPoint",
  text: `
MATCH (n:ValueAnchor {tenant: $tenant, id: $anchorId})-[:HAS_POINT]->(p:AnchorPoint)
WHERE ($week IS NULL AND p.value IS NOT NULL) OR p.weekStart = $week
WITH n, p ORDER BY p.weekStart DESC LIMIT 1
OPTIONAL MATCH (n)-[:HAS_VERSION]->(v:ValueAnchorVersion {version: p.anchorVersion})
RETURN n {.id, .name, .owner} AS anchor,
  p {.weekStart, .value, .n, .anchorVersion, .metricHash, .population, .recordIds, computedAt: toString(p.computedAt)} AS point,
  v {.version, .definition, .definitionHash, .actor, createdAt: toString(v.createdAt)} AS version`,
};

/** Whether the tenant has the anchor (to tell "no such anchor" from "no such week"). */
export const ANCHOR_WEEKS: CypherQuery = {
  name: "lineage.anchorWeeks",
  text: `
MATCH (n:ValueAnchor {tenant: $tenant, id: $anchorId})
RETURN [(n)-[:HAS_POINT]->(p:AnchorPoint) | p.weekStart] AS weeks`,
};

const TICKET_HOLDS = `[(r)-[:HELD]->(h:TicketHold) | h {.holderKind, .holderKey, .hours, .from, .until}]`;

/**
 * The records behind a point, by id, one statement per population: what lineage shows of each (the fields the
 * measure reads, the source system, the account). Labels are constants, ids parameters.
 */
export const ANCHOR_RECORDS: Readonly<Record<AnchorPopulation, CypherQuery>> = {
  TICKETS: {
    name: "lineage.anchorRecords.TICKETS",
    text: `
UNWIND $ids AS id
MATCH (r:Ticket {tenant: $tenant, id: id})
OPTIONAL MATCH (r)-[:FOR_ACCOUNT]->(a:Account)
RETURN r.id AS id, 'TICKET' AS kind, r.externalId AS externalId, r.sourceSystem AS sourceSystem,
  a.id AS accountId, a.name AS accountName,
  r {.category, .priority, .openedAt, .firstResponseAt, .resolvedAt, .resolutionHours, .firstResponseHours,
    holds: ${TICKET_HOLDS}} AS properties`,
  },
  OPPORTUNITIES: {
    name: "lineage.anchorRecords.OPPORTUNITIES",
    text: `
UNWIND $ids AS id
MATCH (r:Opportunity {tenant: $tenant, id: id})
OPTIONAL MATCH (r)-[:FOR_ACCOUNT]->(a:Account)
RETURN r.id AS id, 'OPPORTUNITY' AS kind, r.externalId AS externalId, r.sourceSystem AS sourceSystem,
  a.id AS accountId, a.name AS accountName, r {.name, .stage, .amount, .closeDate} AS properties`,
  },
  TASKS: {
    name: "lineage.anchorRecords.TASKS",
    text: `
UNWIND $ids AS id
MATCH (r:Task {tenant: $tenant, id: id})
OPTIONAL MATCH (r)-[:ABOUT]->(a:Account)
RETURN r.id AS id, 'TASK' AS kind, r.title AS externalId, null AS sourceSystem,
  a.id AS accountId, a.name AS accountName,
  r {.status, .playbookId, createdAt: toString(r.createdAt), completedAt: toString(r.completedAt)} AS properties`,
  },
  // An outcome's record id is "<account id>@<date>" (anchors.items.RENEWED).
  ACCOUNTS: {
    name: "lineage.anchorRecords.ACCOUNTS",
    text: `
UNWIND $ids AS id
WITH id, split(id, '@') AS parts
MATCH (r:Outcome {tenant: $tenant, accountId: parts[0], occurredOn: parts[1]})-[:OF]->(a:Account)
RETURN id, 'ACCOUNT_OUTCOME' AS kind, r.label + ' ' + r.occurredOn AS externalId, null AS sourceSystem,
  a.id AS accountId, a.name AS accountName, r {.label, .occurredOn} AS properties`,
  },
};

/** The tenant's anchors with their current definitions (impact reads which fields they use), at most `$limit`. */
export const ANCHOR_DEFINITIONS: CypherQuery = {
  name: "lineage.anchorDefinitions",
  text: `
MATCH (n:ValueAnchor {tenant: $tenant})
RETURN n.id AS id, n.name AS name, n.version AS version, n.definition AS definition
ORDER BY n.id LIMIT $limit`,
};

/** Which records a source system holds, as far as anchors read them. */
export const SYSTEM_HOLDINGS: CypherQuery = {
  name: "lineage.systemHoldings",
  text: `
RETURN EXISTS { MATCH (:Ticket {tenant: $tenant, sourceSystem: $system}) } AS tickets,
  EXISTS { MATCH (:Opportunity {tenant: $tenant, sourceSystem: $system}) } AS opportunities,
  EXISTS { MATCH (:Account {tenant: $tenant, sourceSystem: $system}) } AS accounts`,
};
