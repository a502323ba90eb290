import { CypherQuery } from "../executor";

/** Adds a batch of counts (any tenants) to their week's cells: one statement per flush batch. */
export const ADD_USAGE_COUNTS: CypherQuery = {
  name: "usage.addCounts",
  text: `
UNWIND $rows AS row
MERGE (u:UsageCount {tenant: row.tenant, week: row.week, principal: row.principal, operation: row.operation})
  ON CREATE SET u.count = 0, u.principalKind = row.principalKind, u.categories = row.categories,
    u.createdAt = datetime($now)
SET u.count = u.count + row.count, u.updatedAt = datetime($now)`,
};

/** Per week of `$weeks`: calls by category, and the users who made any call. */
export const WEEKLY_USAGE: CypherQuery = {
  name: "usage.weekly",
  text: `
MATCH (u:UsageCount {tenant: $tenant}) WHERE u.week IN $weeks
RETURN u.week AS week,
  sum(CASE WHEN 'AUTOMATION' IN u.categories THEN u.count ELSE 0 END) AS automation,
  sum(CASE WHEN 'AI' IN u.categories THEN u.count ELSE 0 END) AS ai,
  sum(CASE WHEN 'ANCHOR' IN u.categories THEN u.count ELSE 0 END) AS anchor,
  collect(DISTINCT CASE WHEN u.principalKind = 'USER' THEN u.principal END) AS users`,
};

/**
 * Playbook firings and the tasks and reviews they opened, per week index from `$fromMs` (0 = the first
 * week of the period).
 */
export const AUTOMATION_RUNS: CypherQuery = {
  name: "usage.automationRuns",
  text: `
CALL () {
  MATCH (f:PlaybookFiring {tenant: $tenant})
  WHERE f.firedAt >= datetime({epochMillis: toInteger($fromMs)}) AND f.firedAt < datetime({epochMillis: toInteger($toMs)})
  RETURN f.firedAt.epochMillis AS t
  UNION ALL
  MATCH (k:Task {tenant: $tenant})
  WHERE k.firingId IS NOT NULL AND k.createdAt >= datetime({epochMillis: toInteger($fromMs)}) AND k.createdAt < datetime({epochMillis: toInteger($toMs)})
  RETURN k.createdAt.epochMillis AS t
}
RETURN toInteger((t - $fromMs) / 604800000) AS week, count(*) AS runs`,
};

/** How many live users the tenant has: who the per-person figures divide by. */
export const PEOPLE: CypherQuery = {
  name: "usage.people",
  text: `MATCH (u:User {tenant: $tenant})
RETURN count(u) AS people, count(CASE WHEN 'rep' IN coalesce(u.roles, []) THEN u END) AS fieldPeople`,
};

/** A time property as epoch ms, whether the MPU side stores datetimes, ISO strings or epoch ms. */
const ms = (x: string) =>
  `CASE WHEN ${x} IS NULL THEN null WHEN ${x} IS :: INTEGER THEN ${x} WHEN ${x} IS :: STRING THEN datetime(${x}).epochMillis ELSE ${x}.epochMillis END`;

/**
 * Every MPU of the tenant (the MPU contract: `(:Mpu {tenant, id, status, authorUserId, createdAt,
 * publishedAt})`, `(:MpuUse {tenant, mpuId, appliedByUserId, appliedAt, status})`): when it was created and
 * published, and when users other than its author applied it within the period.
 */
export const MPU_FACTS: CypherQuery = {
  name: "usage.mpuFacts",
  text: `
MATCH (m:Mpu {tenant: $tenant})
OPTIONAL MATCH (use:MpuUse {tenant: $tenant, mpuId: m.id})
WHERE use.status IS NULL OR use.status <> 'BROKEN'
WITH m, use,
  CASE
    WHEN use IS NULL THEN false
    // Users compared by their user record when both have one, else by token subject.
    WHEN use.appliedByUserId IS NOT NULL AND m.authorUserId IS NOT NULL THEN use.appliedByUserId <> m.authorUserId
    WHEN use.appliedBySubject IS NOT NULL AND m.authorSubject IS NOT NULL THEN use.appliedBySubject <> m.authorSubject
    ELSE use.appliedByUserId IS NOT NULL OR use.appliedBySubject IS NOT NULL
  END AS byOther
WITH m, [t IN collect(CASE WHEN byOther THEN ${ms("use.appliedAt")} END) WHERE t >= $fromMs AND t < $toMs] AS uses
RETURN ${ms("m.createdAt")} AS createdAt, ${ms("m.publishedAt")} AS publishedAt, ${ms("m.retiredAt")} AS retiredAt,
  uses`,
};
