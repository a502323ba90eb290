import { CypherQuery } from "../executor";
import { CONFIRMATION_FIELDS, MPU_FIELDS, REVIEW_FIELDS, USE_FIELDS } from "./mpu-rows";

/** A new unit and its first version. */
export const CREATE_MPU: CypherQuery = {
  name: "mpu.create",
  text: `
CREATE (m:Mpu {tenant: $tenant})
SET m += $mpu
CREATE (v:MpuVersion {tenant: $tenant, mpuId: $mpu.id, version: $mpu.version, definition: $mpu.definition,
  savedAt: $mpu.updatedAt, savedBy: $actor})
CREATE (m)-[:HAS_VERSION]->(v)
RETURN ${MPU_FIELDS}`,
};

/** Takes the unit's write lock before reading it (SET then REMOVE), so two transitions never read the same state. */
export const LOCK_MPU: CypherQuery = {
  name: "mpu.lock",
  text: `
MATCH (m:Mpu {tenant: $tenant, id: $id})
SET m.lock = true
REMOVE m.lock
RETURN ${MPU_FIELDS}`,
};

export const GET_MPU: CypherQuery = {
  name: "mpu.get",
  text: `
MATCH (m:Mpu {tenant: $tenant, id: $id})
RETURN ${MPU_FIELDS}`,
};

/** The unit's new state; with `$snapshot`, its new version is kept as an MpuVersion. */
export const SAVE_MPU: CypherQuery = {
  name: "mpu.save",
  text: `
MATCH (m:Mpu {tenant: $tenant, id: $mpu.id})
SET m += $mpu
FOREACH (_ IN CASE WHEN $snapshot THEN [1] ELSE [] END |
  CREATE (v:MpuVersion {tenant: $tenant, mpuId: $mpu.id, version: $mpu.version, definition: $mpu.definition,
    savedAt: $mpu.updatedAt, savedBy: $actor})
  CREATE (m)-[:HAS_VERSION]->(v))
RETURN ${MPU_FIELDS}`,
};

export const REVIEWS_OF_VERSION: CypherQuery = {
  name: "mpu.reviewsOfVersion",
  text: `
MATCH (r:MpuReview {tenant: $tenant, mpuId: $id, version: $version})
RETURN ${REVIEW_FIELDS}
ORDER BY r.at, r.id`,
};

/** Every review of the unit, newest version first. */
export const REVIEWS_OF_MPU: CypherQuery = {
  name: "mpu.reviews",
  text: `
MATCH (r:MpuReview {tenant: $tenant, mpuId: $id})
RETURN ${REVIEW_FIELDS}
ORDER BY r.version DESC, r.at, r.id`,
};

export const CREATE_REVIEW: CypherQuery = {
  name: "mpu.createReview",
  text: `
MATCH (m:Mpu {tenant: $tenant, id: $review.mpuId})
CREATE (r:MpuReview {tenant: $tenant})
SET r += $review
CREATE (r)-[:REVIEWS]->(m)
RETURN r.id AS id`,
};

export const CONFIRMATIONS_OF_MPU: CypherQuery = {
  name: "mpu.confirmations",
  text: `
MATCH (c:MpuConfirmation {tenant: $tenant, mpuId: $id})
RETURN ${CONFIRMATION_FIELDS}
ORDER BY c.at, c.id`,
};

export const CREATE_CONFIRMATION: CypherQuery = {
  name: "mpu.createConfirmation",
  text: `
MATCH (m:Mpu {tenant: $tenant, id: $confirmation.mpuId})
MATCH (a:Account {tenant: $tenant, id: $confirmation.accountId})
CREATE (c:MpuConfirmation {tenant: $tenant})
SET c += $confirmation
CREATE (c)-[:CONFIRMS]->(m)
CREATE (c)-[:ON]->(a)
RETURN c.id AS id`,
};

/** Whether a signal of the tenant is about the account (directly, or through a contact or asset). */
export const SIGNAL_ON_ACCOUNT: CypherQuery = {
  name: "mpu.signalOnAccount",
  text: `
MATCH (s:Signal {tenant: $tenant, id: $signalId})
WHERE EXISTS { (s)-[:ABOUT]->(:Account {tenant: $tenant, id: $accountId}) }
   OR EXISTS { (s)-[:ABOUT]->()-[:WORKS_AT|INSTALLED_AT]->(:Account {tenant: $tenant, id: $accountId}) }
RETURN s.id AS id`,
};

/**
 * The units a viewer may see, by filter, most recently changed first. Visibility is in the query (cold-start
 * protection): public statuses, the viewer's own units, everything for admins, SUBMITTED for eligible reviewers.
 */
export const LIST_MPUS: CypherQuery = {
  name: "mpu.list",
  text: `
MATCH (m:Mpu {tenant: $tenant})
WHERE (m.status IN ['VALIDATED', 'PUBLISHED', 'RETIRED'] OR m.authorSubject = $subject OR $isAdmin
       OR (m.status = 'SUBMITTED' AND $reviewer AND m.authorSubject <> $subject))
  AND ($statuses IS NULL OR m.status IN $statuses)
  AND ($authorSubject IS NULL OR m.authorSubject = $authorSubject)
  AND ($search IS NULL OR m.searchText CONTAINS $search)
  AND ($toReview = false OR (m.status = 'SUBMITTED' AND m.authorSubject <> $subject
       AND NOT EXISTS { (:MpuReview {tenant: $tenant, mpuId: m.id, version: m.version, reviewerSubject: $subject}) }))
WITH m ORDER BY m.updatedAt DESC, m.id DESC LIMIT $limit
RETURN ${MPU_FIELDS}`,
};

/** The accounts' situations now: industry, segment, opportunity stages, buyer roles, grade, owner. */
export const ACCOUNT_SITUATIONS: CypherQuery = {
  name: "mpu.accountSituations",
  text: `
UNWIND $accountIds AS accountId
MATCH (a:Account {tenant: $tenant, id: accountId})
OPTIONAL MATCH (h:HealthScore {tenant: $tenant, accountId: accountId, modelId: 'default', latest: true})
CALL (a) {
  OPTIONAL MATCH (a)<-[:FOR_ACCOUNT]-(o:Opportunity)
  WHERE $opportunityId IS NULL OR o.id = $opportunityId
  RETURN collect(DISTINCT o.stage) AS stages
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:WORKS_AT]-(c:Contact)
  RETURN collect(DISTINCT c.buyingRole) AS roles
}
CALL (a) {
  OPTIONAL MATCH (owner:User)-[:OWNS]->(a)
  RETURN min(owner.externalId) AS ownerSubject
}
RETURN a.id AS id, a.name AS name, a.industry AS industry, a.segment AS segment, h.grade AS grade,
  h.explanation AS explanation, stages, roles, ownerSubject`,
};

/** The accounts users own, with their situations (for adoption eligibility), at most `$limit`. */
export const OWNED_ACCOUNT_IDS: CypherQuery = {
  name: "mpu.ownedAccounts",
  text: `
MATCH (:User {tenant: $tenant})-[:OWNS]->(a:Account {tenant: $tenant})
WITH DISTINCT a ORDER BY a.id LIMIT $limit
RETURN a.id AS id`,
};

/**
 * Published units that may be recommended for the account, with their resolved uses. A unit whose RUNNING
 * experiment put the account (or one of its opportunities) in the CONTROL arm is left out: the experiment
 * measures what happens without it.
 */
export const RECOMMENDABLE_MPUS: CypherQuery = {
  name: "mpu.recommendable",
  text: `
MATCH (m:Mpu {tenant: $tenant, status: 'PUBLISHED'})
OPTIONAL MATCH (x:MpuExperiment {tenant: $tenant, mpuId: m.id, status: 'RUNNING'})-[:ASSIGNED {arm: 'CONTROL'}]->(t)
  WHERE (t:Account AND t.id = $accountId)
     OR (t:Opportunity AND EXISTS { (t)-[:FOR_ACCOUNT]->(:Account {tenant: $tenant, id: $accountId}) })
WITH m, count(x) AS control
WHERE control = 0
WITH m ORDER BY m.publishedAt DESC LIMIT $limit
CALL (m) {
  OPTIONAL MATCH (u:MpuUse {tenant: $tenant, mpuId: m.id})
  RETURN sum(CASE WHEN u.status = 'SUCCEEDED' THEN 1 ELSE 0 END) AS succeeded,
    sum(CASE WHEN u.status IN ['SUCCEEDED', 'FAILED', 'BROKEN'] THEN 1 ELSE 0 END) AS resolved
}
RETURN ${MPU_FIELDS}, succeeded, resolved`,
};

/** All resolved uses of the tenant: the prior of the shrinkage. */
export const TENANT_USE_COUNTS: CypherQuery = {
  name: "mpu.tenantUseCounts",
  text: `
MATCH (u:MpuUse {tenant: $tenant})
WHERE u.status IN ['SUCCEEDED', 'FAILED', 'BROKEN']
RETURN sum(CASE WHEN u.status = 'SUCCEEDED' THEN 1 ELSE 0 END) AS succeeded, count(u) AS resolved`,
};

/** A use of a published unit on a live account (and its opportunity, when named); no row when one is missing. */
export const CREATE_USE: CypherQuery = {
  name: "mpu.createUse",
  text: `
MATCH (m:Mpu {tenant: $tenant, id: $use.mpuId})
MATCH (a:Account {tenant: $tenant, id: $use.accountId})
OPTIONAL MATCH (o:Opportunity {tenant: $tenant, id: $use.opportunityId})-[:FOR_ACCOUNT]->(a)
WITH m, a, o
WHERE $use.opportunityId IS NULL OR o IS NOT NULL
CREATE (u:MpuUse {tenant: $tenant})
SET u += $use
CREATE (u)-[:USES]->(m)
CREATE (u)-[:ON]->(a)
FOREACH (opp IN CASE WHEN o IS NULL THEN [] ELSE [o] END | CREATE (u)-[:ON]->(opp))
RETURN ${USE_FIELDS}`,
};

/** Uses by filter, newest first, of units the viewer may see (same visibility as LIST_MPUS). */
export const LIST_USES: CypherQuery = {
  name: "mpu.uses",
  text: `
MATCH (u:MpuUse {tenant: $tenant})-[:USES]->(m:Mpu {tenant: $tenant})
WHERE ($mpuId IS NULL OR u.mpuId = $mpuId)
  AND ($accountId IS NULL OR u.accountId = $accountId)
  AND ($status IS NULL OR u.status = $status)
  AND (m.status IN ['VALIDATED', 'PUBLISHED', 'RETIRED'] OR m.authorSubject = $subject OR $isAdmin)
WITH u ORDER BY u.appliedAt DESC, u.id DESC LIMIT $limit
RETURN ${USE_FIELDS}`,
};

export const GET_SETTINGS: CypherQuery = {
  name: "mpu.settings",
  text: `
MATCH (s:MpuSettings {tenant: $tenant})
RETURN s.minReviewerSeniority AS minReviewerSeniority, s.requiredReviews AS requiredReviews`,
};

export const SAVE_SETTINGS: CypherQuery = {
  name: "mpu.saveSettings",
  text: `
MERGE (s:MpuSettings {tenant: $tenant})
SET s.minReviewerSeniority = $minReviewerSeniority, s.requiredReviews = $requiredReviews, s.updatedAt = $now
RETURN s.minReviewerSeniority AS minReviewerSeniority, s.requiredReviews AS requiredReviews`,
};

/** The user a token's subject names: their id, team and seniority. */
export const USER_OF_SUBJECT: CypherQuery = {
  name: "mpu.userOfSubject",
  text: `
MATCH (u:User {tenant: $tenant, externalId: $subject})
RETURN u.id AS id, u.teamId AS teamId, u.seniority AS seniority`,
};

/** Every unit of the tenant, for contribution figures (at most `$limit`). */
export const CONTRIBUTION_UNITS: CypherQuery = {
  name: "mpu.contributionUnits",
  text: `
MATCH (m:Mpu {tenant: $tenant})
WITH m ORDER BY m.createdAt LIMIT $limit
RETURN ${MPU_FIELDS}`,
};

/** Uses applied before `$until` and not resolved before `$since` (at most `$limit`). */
export const CONTRIBUTION_USES: CypherQuery = {
  name: "mpu.contributionUses",
  text: `
MATCH (u:MpuUse {tenant: $tenant})
WHERE u.appliedAt < $until AND (u.resolvedAt IS NULL OR u.resolvedAt >= $since OR u.appliedAt >= $since)
WITH u ORDER BY u.appliedAt LIMIT $limit
RETURN ${USE_FIELDS}`,
};

/** Field people: users holding the rep role. */
export const FIELD_PEOPLE: CypherQuery = {
  name: "mpu.fieldPeople",
  text: `
MATCH (u:User {tenant: $tenant})
WHERE 'rep' IN coalesce(u.roles, [])
RETURN count(u) AS people`,
};

/** The opportunity of the account, with its stage now; no row when the account has no such opportunity. */
export const CAPTURE_SUBJECT: CypherQuery = {
  name: "mpu.captureSubject",
  text: `
MATCH (a:Account {tenant: $tenant, id: $accountId})
OPTIONAL MATCH (o:Opportunity {tenant: $tenant, id: $opportunityId})-[:FOR_ACCOUNT]->(a)
RETURN a.name AS accountName, o.id AS opportunityId, o.name AS opportunityName, o.stage AS stage`,
};

/** What happened on the account in the window: its (and its contacts') signals and the tasks completed about it. */
export const CAPTURE_TIMELINE: CypherQuery = {
  name: "mpu.captureTimeline",
  text: `
MATCH (a:Account {tenant: $tenant, id: $accountId})
CALL (a) {
  MATCH (s:Signal)-[:ABOUT]->(x)
  WHERE (x = a OR EXISTS { (x)-[:WORKS_AT]->(a) })
    AND s.observedAt >= datetime($from) AND s.observedAt <= datetime($to)
  WITH s ORDER BY s.observedAt LIMIT $limit
  RETURN collect({at: toString(s.observedAt), field: s.field,
    value: toString(coalesce(s.numberValue, s.stringValue, s.booleanValue))}) AS signals
}
CALL (a) {
  MATCH (t:Task {tenant: $tenant, status: 'DONE'})-[:ABOUT]->(a)
  WHERE t.completedAt >= datetime($from) AND t.completedAt <= datetime($to)
  WITH t ORDER BY t.completedAt LIMIT $limit
  RETURN collect({at: toString(t.completedAt), title: t.title, template: t.template, verdict: t.verdict}) AS tasks
}
RETURN signals, tasks`,
};

/** The reviews of many units (one statement per batch of a request's loader). */
export const REVIEWS_OF_MANY: CypherQuery = {
  name: "mpu.reviewsOfMany",
  text: `
UNWIND $ids AS id
MATCH (r:MpuReview {tenant: $tenant, mpuId: id})
RETURN ${REVIEW_FIELDS}
ORDER BY r.version DESC, r.at, r.id`,
};

/** The customer confirmations of many units. */
export const CONFIRMATIONS_OF_MANY: CypherQuery = {
  name: "mpu.confirmationsOfMany",
  text: `
UNWIND $ids AS id
MATCH (c:MpuConfirmation {tenant: $tenant, mpuId: id})
RETURN ${CONFIRMATION_FIELDS}
ORDER BY c.at, c.id`,
};
