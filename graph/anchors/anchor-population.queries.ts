import { AnchorAggregation, AnchorMeasure } from "../../domain/anchors/anchor-metric";
import { CypherQuery } from "../executor";

/**
 * How each measure of the catalogue (domain/anchors/anchor-metric.ts) reads the graph: a fixed fragment that
 * binds `item` (the record), `a` (its account), `at` (the datetime that places it in a week), `value` (a
 * number, yes/no as 1.0/0.0) and `itemId` (the record's id), for the records in the window `$from`–`$to`
 * (ISO instants; `$fromDate`/`$toDate` their dates). The fragments and aggregations are constants chosen
 * from whitelists; everything a caller sends is a parameter.
 */
const FRAGMENTS: Record<AnchorMeasure, string> = {
  RESOLUTION_HOURS: `
MATCH (item:Ticket {tenant: $tenant})
WHERE item.resolvedAt >= $from AND item.resolvedAt < $to AND item.resolutionHours IS NOT NULL
MATCH (item)-[:FOR_ACCOUNT]->(a:Account)
WITH item, a, datetime(item.resolvedAt) AS at, toFloat(item.resolutionHours) AS value, item.id AS itemId`,
  FIRST_RESPONSE_HOURS: `
MATCH (item:Ticket {tenant: $tenant})
WHERE item.firstResponseAt >= $from AND item.firstResponseAt < $to AND item.firstResponseHours IS NOT NULL
MATCH (item)-[:FOR_ACCOUNT]->(a:Account)
WITH item, a, datetime(item.firstResponseAt) AS at, toFloat(item.firstResponseHours) AS value, item.id AS itemId`,
  RESOLVED: `
MATCH (item:Ticket {tenant: $tenant})
WHERE item.openedAt >= $from AND item.openedAt < $to
MATCH (item)-[:FOR_ACCOUNT]->(a:Account)
WITH item, a, datetime(item.openedAt) AS at, CASE WHEN item.resolvedAt IS NULL THEN 0.0 ELSE 1.0 END AS value,
  item.id AS itemId`,
  RENEWED: `
MATCH (item:Outcome {tenant: $tenant})
WHERE item.occurredOn >= $fromDate AND item.occurredOn < $toDate
  AND item.label IN ['RENEWED', 'EXPANDED', 'DOWNGRADED', 'CHURNED']
MATCH (item)-[:OF]->(a:Account)
WITH item, a, datetime(item.occurredOn) AS at, CASE WHEN item.label = 'CHURNED' THEN 0.0 ELSE 1.0 END AS value,
  a.id + '@' + item.occurredOn AS itemId`,
  AMOUNT: `
MATCH (item:Opportunity {tenant: $tenant})
WHERE item.closeDate >= $fromDate AND item.closeDate < $toDate AND item.amount IS NOT NULL
MATCH (item)-[:FOR_ACCOUNT]->(a:Account)
WITH item, a, datetime(item.closeDate) AS at, toFloat(item.amount) AS value, item.id AS itemId`,
  WON: `
MATCH (item:Opportunity {tenant: $tenant})
WHERE item.closeDate >= $fromDate AND item.closeDate < $toDate AND item.stage IN ['CLOSED_WON', 'CLOSED_LOST']
MATCH (item)-[:FOR_ACCOUNT]->(a:Account)
WITH item, a, datetime(item.closeDate) AS at, CASE WHEN item.stage = 'CLOSED_WON' THEN 1.0 ELSE 0.0 END AS value,
  item.id AS itemId`,
  COMPLETION_HOURS: `
MATCH (item:Task {tenant: $tenant})
WHERE item.completedAt >= datetime($from) AND item.completedAt < datetime($to)
MATCH (item)-[:ABOUT]->(a:Account)
WITH item, a, item.completedAt AS at,
  duration.inSeconds(item.createdAt, item.completedAt).seconds / 3600.0 AS value, item.id AS itemId`,
  DONE: `
MATCH (item:Task {tenant: $tenant})
WHERE item.createdAt >= datetime($from) AND item.createdAt < datetime($to)
MATCH (item)-[:ABOUT]->(a:Account)
WITH item, a, item.createdAt AS at, CASE WHEN item.status = 'DONE' THEN 1.0 ELSE 0.0 END AS value,
  item.id AS itemId`,
};

/** The anchor filter: by the account's segment, industry and region, the record's source system, category, priority. */
const FILTER = `
WHERE ($segments IS NULL OR a.segment IN $segments)
  AND ($industries IS NULL OR a.industry IN $industries)
  AND ($regions IS NULL OR a.region IN $regions)
  AND ($sourceSystems IS NULL OR item.sourceSystem IN $sourceSystems)
  AND ($categories IS NULL OR item.category IN $categories)
  AND ($priorities IS NULL OR item.priority IN $priorities)`;

/** Aggregations in Cypher; `percentileCont` interpolates exactly as domain/anchors/aggregate.ts does. */
const AGGREGATES: Record<AnchorAggregation, string> = {
  MEDIAN: "percentileCont(value, 0.5)",
  P90: "percentileCont(value, 0.9)",
  MEAN: "avg(value)",
  RATE: "avg(value)",
  SUM: "sum(value)",
  COUNT: "toFloat(count(*))",
};

const key = (measure: AnchorMeasure, aggregation: AnchorAggregation) => `${measure}.${aggregation}`;

function build<T>(
  make: (measure: AnchorMeasure, aggregation: AnchorAggregation) => T,
): (m: AnchorMeasure, a: AnchorAggregation) => T {
  const cache = new Map<string, T>();
  return (m, a) => {
    const k = key(m, a);
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    const made = make(m, a);
    cache.set(k, made);
    return made;
  };
}

/**
 * The weekly points of a metric: per week (Monday, UTC) the number of records, the aggregated value and, up
 * to `$idCap` records, their ids. Weeks without records are not returned.
 */
export const seriesQuery = build<CypherQuery>((measure, aggregation) => ({
  name: `anchors.series.${measure}.${aggregation}`,
  text: `${FRAGMENTS[measure]}${FILTER}
WITH date.truncate('week', at) AS week, value, itemId
WITH week, count(*) AS n, ${AGGREGATES[aggregation]} AS value, collect(itemId) AS ids
RETURN toString(week) AS weekStart, n, value, CASE WHEN n <= $idCap THEN ids END AS recordIds
ORDER BY weekStart`,
}));

/** The metric over the whole window (the baseline). */
export const windowQuery = build<CypherQuery>((measure, aggregation) => ({
  name: `anchors.window.${measure}.${aggregation}`,
  text: `${FRAGMENTS[measure]}${FILTER}
RETURN count(*) AS n, ${AGGREGATES[aggregation]} AS value`,
}));

/**
 * The records of the window one by one, with what attribution groups them by: who held a ticket (hours per
 * holder; a team by name, a user by external id), the account's owner (external id), partners (PARTNER_OF,
 * SERVICES), asset models, region, the record's source system and category, and the MPUs used on the account
 * (`(:MpuUse)-[:ON]->(:Account)`, the MPU engineer's contract). At most `$maxItems`.
 */
export const itemsQuery = build<CypherQuery>((measure) => ({
  name: `anchors.items.${measure}`,
  text: `${FRAGMENTS[measure]}${FILTER}
WITH item, a, at, value, itemId
ORDER BY at, itemId
LIMIT $maxItems
RETURN itemId AS id, a.id AS accountId, toString(at) AS at, value, item.category AS category,
  item.sourceSystem AS sourceSystem, a.region AS region,
  [(o:Organization)-[:PARTNER_OF|SERVICES]->(a) | {key: o.id, label: o.name}] AS partners,
  [(x:Asset)-[:INSTALLED_AT]->(a) WHERE x.model IS NOT NULL | x.model] AS models,
  [(u:User)-[:OWNS]->(a) | u.externalId] AS owners,
  [(m:MpuUse)-[:ON]->(a) WHERE m.tenant = $tenant | m.mpuId] AS mpus,
  CASE WHEN item:Ticket THEN [(item)-[:HELD]->(h:TicketHold) | {
    key: h.holderKey,
    hours: h.hours,
    label: CASE h.holderKind
      WHEN 'TEAM' THEN 'team ' + coalesce(head([(h)-[:HELD_BY]->(t:Team) | t.name]), h.holderKey)
      ELSE 'user ' + h.holderKey END
  }] ELSE [] END AS holds`,
}));

/** The playbooks that fired for each account in the window, with their names. */
export const PLAYBOOKS_BY_ACCOUNT: CypherQuery = {
  name: "anchors.playbooksByAccount",
  text: `
MATCH (f:PlaybookFiring {tenant: $tenant})
WHERE f.firedAt >= datetime($from) AND f.firedAt < datetime($to)
UNWIND f.accountIds AS accountId
WITH accountId, f.playbookId AS playbookId
WITH DISTINCT accountId, playbookId
OPTIONAL MATCH (p:Playbook {tenant: $tenant, id: playbookId})
RETURN accountId, collect({key: playbookId, label: coalesce(p.name, playbookId)}) AS playbooks`,
};

/** Whether the tenant has the playbook. */
export const PLAYBOOK_EXISTS: CypherQuery = {
  name: "anchors.playbookExists",
  text: "MATCH (p:Playbook {tenant: $tenant, id: $playbookId}) RETURN p.id AS id",
};

/** The accounts a playbook touched and when first: its firings for them, and the tasks it created about them. */
export const PLAYBOOK_TOUCHES: CypherQuery = {
  name: "anchors.playbookTouches",
  text: `
CALL () {
  MATCH (f:PlaybookFiring {tenant: $tenant, playbookId: $playbookId})
  UNWIND f.accountIds AS accountId
  RETURN accountId, f.firedAt AS touchedAt
  UNION ALL
  MATCH (t:Task {tenant: $tenant, playbookId: $playbookId})-[:ABOUT]->(a:Account)
  RETURN a.id AS accountId, t.createdAt AS touchedAt
}
WITH accountId, min(touchedAt) AS first
RETURN accountId, toString(first) AS first`,
};

/** The accounts an MPU was applied to (`(:MpuUse)-[:ON]->(:Account)`) and when first. */
export const MPU_TOUCHES: CypherQuery = {
  name: "anchors.mpuTouches",
  text: `
MATCH (m:MpuUse {tenant: $tenant, mpuId: $mpuId})-[:ON]->(a:Account)
WITH a.id AS accountId, min(toString(m.appliedAt)) AS first
WHERE first IS NOT NULL
RETURN accountId, first`,
};

/**
 * One page of the ids of a window's records, in id order after `$after` (null: from the first): how lineage
 * lists the records of a point whose ids were not stored with it (a week of more than 1000 records).
 */
export const recordIdsQuery = build<CypherQuery>((measure) => ({
  name: `anchors.recordIds.${measure}`,
  text: `${FRAGMENTS[measure]}${FILTER}
WITH itemId WHERE $after IS NULL OR itemId > $after
RETURN itemId AS id ORDER BY id LIMIT $first`,
}));
