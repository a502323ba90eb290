import { PropertySelection } from "../../domain/selection/property-selection";
import { keyedNodeProjection, NodeProperties, selectedNodeProjection } from "../common/node-projection";
import { CypherQuery } from "../executor";

/** Every concept below a root (through parts and narrower concepts), with its parts and narrower concepts. */
export const CONCEPT_TREE: CypherQuery = {
  name: "health.conceptTree",
  text: `
MATCH (root:Concept {id: $root}) WHERE root.scope IN $scopes
MATCH (root)<-[:BROADER|CONTRIBUTES_TO*0..25]-(c:Concept) WHERE c.scope IN $scopes
WITH DISTINCT c
RETURN c.id AS id, c.prefLabelEn AS label,
  [(c)<-[p:CONTRIBUTES_TO]-(x:Concept) WHERE x.scope IN $scopes | {concept: x.id, weight: p.weight}] AS parts,
  [(c)<-[:BROADER]-(x:Concept) WHERE x.scope IN $scopes | x.id] AS narrower
ORDER BY id`,
};

/**
 * Identity resolution (docs/identity.md): the ids of the accounts that are duplicates of account `a`, i.e.
 * whose `crm-account` identity is a member of `a` while naming another account. Their signals (own,
 * contacts', assets') and manual measures count for `a`. Empty without resolution, so tenants without
 * duplicates read exactly what they read before.
 */
const duplicateIds = (a: string) =>
  `coalesce([(${a})<-[:MEMBER_OF]-(dup:Identity {tenant: $tenant, channel: 'crm-account'}) WHERE dup.externalId <> ${a}.id | dup.externalId], [])`;

/** The signal branches of a duplicate account (one of `duplicates`), after the subject account's own. */
const duplicateSignals = (from: string, to: string) => `
  UNION
  UNWIND duplicates AS dupId
  MATCH (:Account {tenant: $tenant, id: dupId})<-[:ABOUT]-(s:Signal)
  WHERE s.observedAt >= ${from} AND s.observedAt <= ${to}
  RETURN s
  UNION
  UNWIND duplicates AS dupId
  MATCH (:Account {tenant: $tenant, id: dupId})<-[:WORKS_AT]-(:Contact)<-[:ABOUT]-(s:Signal)
  WHERE $contacts AND s.observedAt >= ${from} AND s.observedAt <= ${to}
  RETURN s
  UNION
  UNWIND duplicates AS dupId
  MATCH (:Account {tenant: $tenant, id: dupId})<-[:INSTALLED_AT]-(:Asset)<-[:ABOUT]-(s:Signal)
  WHERE $assets AND s.observedAt >= ${from} AND s.observedAt <= ${to}
  RETURN s`;

/** Whether account `a` is a duplicate: its `crm-account` identity is a member of another account. */
const IS_DUPLICATE = `EXISTS { (:Identity {tenant: $tenant, channel: 'crm-account', externalId: a.id})-[:MEMBER_OF]->(r:Account) WHERE r.id <> a.id }`;

/**
 * Signals that count toward each account (its own, and optionally its contacts' and assets'), within the
 * windows of the mappings that read their field. `$windows` maps "system|field" to a list of
 * {key, from}; every signal is aggregated once per window it falls in. Sums run over numeric values with
 * t in days since the window's start, so the caller can compute means and least-squares trends.
 */
const ACCOUNT_SIGNALS = `
WITH a, acc, acc.asOf - $maxWindowMs AS earliest, ${duplicateIds("a")} AS duplicates
CALL (a, acc, earliest, duplicates) {
  MATCH (a)<-[:ABOUT]-(s:Signal)
  WHERE s.observedAt >= datetime({epochMillis: toInteger(earliest)}) AND s.observedAt <= datetime({epochMillis: toInteger(acc.asOf)})
  RETURN s
  UNION
  MATCH (a)<-[:WORKS_AT]-(:Contact)<-[:ABOUT]-(s:Signal)
  WHERE $contacts AND s.observedAt >= datetime({epochMillis: toInteger(earliest)}) AND s.observedAt <= datetime({epochMillis: toInteger(acc.asOf)})
  RETURN s
  UNION
  MATCH (a)<-[:INSTALLED_AT]-(:Asset)<-[:ABOUT]-(s:Signal)
  WHERE $assets AND s.observedAt >= datetime({epochMillis: toInteger(earliest)}) AND s.observedAt <= datetime({epochMillis: toInteger(acc.asOf)})
  RETURN s${duplicateSignals("datetime({epochMillis: toInteger(earliest)})", "datetime({epochMillis: toInteger(acc.asOf)})")}
}
WITH a, acc, s, s.observedAt.epochMillis AS t
UNWIND coalesce($windows[s.sourceSystem + '|' + s.field], []) AS w
WITH a, acc, s, t, w, acc.asOf - w.ms AS from WHERE t >= from`;

export const FIELD_AGGREGATES: CypherQuery = {
  name: "health.fieldAggregates",
  text: `
UNWIND $accounts AS acc
MATCH (a:Account {tenant: $tenant, id: acc.id})
${ACCOUNT_SIGNALS}
WITH a, w, from, s, t, (t - from) / 86400000.0 AS d, s.numberValue AS v
ORDER BY t DESC
RETURN a.id AS accountId, w.key AS key, from,
  count(s) AS count, count(v) AS numericCount, coalesce(sum(v), 0.0) AS sum,
  sum(CASE WHEN v IS NULL THEN 0.0 ELSE d END) AS sumT,
  sum(CASE WHEN v IS NULL THEN 0.0 ELSE d * d END) AS sumTT,
  coalesce(sum(d * v), 0.0) AS sumTV,
  head(collect(coalesce(s.numberValue, s.stringValue, s.booleanValue))) AS latestValue,
  max(t) AS latestAt`,
};

/**
 * Per account of a recompute batch (bound as `a`, maybe null for an id that names no account): the
 * aggregates of its signals in every mapping window, as FIELD_AGGREGATES computes them for one account
 * (the same rows in the same order, so the same sums to the last bit), and its manual measures in effect
 * at `$asOf`, newest first, as MANUAL_MEASURES lists them. Lists of lists, not maps: one batch returns
 * thousands of aggregates, and lists are the cheapest to pack and unpack.
 */
const RECOMPUTE_ACCOUNT = `
CALL (a, earliest, asOfTime) {
  // ACCOUNT_SIGNALS for one as-of time: the window's bounds are computed once per batch, not per signal.
  WITH a, earliest, asOfTime, ${duplicateIds("a")} AS duplicates
  CALL (a, earliest, asOfTime, duplicates) {
    MATCH (a)<-[:ABOUT]-(s:Signal)
    WHERE s.observedAt >= earliest AND s.observedAt <= asOfTime
    RETURN s
    UNION
    MATCH (a)<-[:WORKS_AT]-(:Contact)<-[:ABOUT]-(s:Signal)
    WHERE $contacts AND s.observedAt >= earliest AND s.observedAt <= asOfTime
    RETURN s
    UNION
    MATCH (a)<-[:INSTALLED_AT]-(:Asset)<-[:ABOUT]-(s:Signal)
    WHERE $assets AND s.observedAt >= earliest AND s.observedAt <= asOfTime
    RETURN s${duplicateSignals("earliest", "asOfTime")}
  }
  WITH s, s.observedAt.epochMillis AS t
  UNWIND coalesce($windows[s.sourceSystem + '|' + s.field], []) AS w
  WITH s, t, w, $asOf - w.ms AS from WHERE t >= from
  WITH w, from, s, t, (t - from) / 86400000.0 AS d, s.numberValue AS v
  ORDER BY t DESC
  WITH w.key AS key, from,
    count(s) AS count, count(v) AS numericCount, coalesce(sum(v), 0.0) AS sum,
    sum(CASE WHEN v IS NULL THEN 0.0 ELSE d END) AS sumT,
    sum(CASE WHEN v IS NULL THEN 0.0 ELSE d * d END) AS sumTT,
    coalesce(sum(d * v), 0.0) AS sumTV,
    head(collect(coalesce(s.numberValue, s.stringValue, s.booleanValue))) AS latestValue,
    max(t) AS latestAt
  RETURN collect([key, from, count, numericCount, sum, sumT, sumTT, sumTV, latestValue, latestAt]) AS aggregates
}
CALL (a, asOfTime) {
  UNWIND [a.id] + ${duplicateIds("a")} AS subjectId
  MATCH (m:ManualMeasure {tenant: $tenant, accountId: subjectId})
  WHERE m.expiresAt IS NULL OR m.expiresAt > asOfTime
  WITH m ORDER BY m.createdAt DESC
  RETURN collect([m.id, m.concept, m.value, m.author, m.comment, toString(m.expiresAt)]) AS measures
}`;

/** The bounds of every window of a batch (one as-of time): the earliest signal any window reads, and the as-of time. */
const RECOMPUTE_BOUNDS = `
WITH datetime({epochMillis: toInteger($asOf - $maxWindowMs)}) AS earliest, datetime({epochMillis: toInteger($asOf)}) AS asOfTime`;

/**
 * One read per recompute batch: the next `$limit` accounts after the run's cursor (in the model's
 * scope), or those in `($after, $upTo]`, each with its signal aggregates and manual measures
 * (RECOMPUTE_ACCOUNT). Replaces accountsAfter + fieldAggregates + manualMeasures, three round trips per
 * batch. The first read of a run also returns (on its first row) the boundaries of all the run's batches.
 */
const recomputeBatchAfter = (idBounds: string): string => `
CALL () {
  // With $boundaries (a run's first read), the last id of every batch of $limit accounts of the run,
  // from ids alone (index order): the later batches are then read by range, several at once. Without it,
  // no row reaches the MATCH: a predicate on $boundaries alone is checked after the index seek, so every
  // batch read walked the tenant's accounts (and their duplicate checks) again, O(accounts²) over a run.
  // The aggregation still returns its one row (firstId null, no boundaries).
  UNWIND CASE WHEN $boundaries THEN [true] ELSE [] END AS wanted
  MATCH (a:Account {tenant: $tenant})
  WHERE a.id > $after
    AND ($industry IS NULL OR a.industry = $industry) AND ($segment IS NULL OR a.segment = $segment)
    AND NOT ${IS_DUPLICATE}
  WITH a.id AS id ORDER BY id
  WITH collect(id) AS ids
  RETURN head(ids) AS firstId, CASE WHEN size(ids) = 0 THEN [] ELSE
    [i IN range($limit - 1, size(ids) - 1, $limit) | ids[i]] +
    CASE WHEN size(ids) % $limit = 0 THEN [] ELSE [last(ids)] END END AS boundaries
}
MATCH (a:Account {tenant: $tenant})
WHERE ${idBounds}
  AND ($industry IS NULL OR a.industry = $industry) AND ($segment IS NULL OR a.segment = $segment)
  // A duplicate account is scored as part of the account it resolved to, not on its own.
  AND NOT ${IS_DUPLICATE}
WITH a, firstId, boundaries ORDER BY a.id LIMIT $limit
${RECOMPUTE_BOUNDS}, a, firstId, boundaries
${RECOMPUTE_ACCOUNT}
RETURN a.id AS id, aggregates, measures, CASE WHEN a.id = firstId THEN boundaries END AS boundaries
ORDER BY id`;

export const RECOMPUTE_BATCH_AFTER: CypherQuery = {
  name: "health.recomputeBatch",
  // Index order and LIMIT stop the seek after $limit accounts.
  text: recomputeBatchAfter("a.id > $after"),
};

/**
 * {@link RECOMPUTE_BATCH_AFTER} for the accounts in `($after, $upTo]` (the later batches of a run, read
 * several at once). Both bounds in the seek: with `$upTo IS NULL OR a.id <= $upTo` the index was walked
 * from `$after` to the tenant's last account for every batch, O(accounts²) over a run.
 */
export const RECOMPUTE_BATCH_RANGE: CypherQuery = {
  name: "health.recomputeBatch",
  text: recomputeBatchAfter("a.id > $after AND a.id <= $upTo"),
};

/** {@link RECOMPUTE_BATCH_AFTER} for a list of accounts (incremental and ad-hoc runs), in the order given. */
export const RECOMPUTE_BATCH_IDS: CypherQuery = {
  name: "health.recomputeBatch",
  text: `
UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (a:Account {tenant: $tenant, id: $ids[i]})
${RECOMPUTE_BOUNDS}, a, i
${RECOMPUTE_ACCOUNT}
RETURN $ids[i] AS id, aggregates, measures
ORDER BY i`,
};

/** The latest signals behind each mapping window of one account, for the explanation. */
export const EVIDENCE_SIGNALS: CypherQuery = {
  name: "health.evidenceSignals",
  text: `
MATCH (a:Account {tenant: $tenant, id: $accountId})
WITH a, {id: $accountId, asOf: $asOf} AS acc
${ACCOUNT_SIGNALS}
WITH w, s, t ORDER BY t DESC
WITH w, collect({signalId: s.id, recordId: s.externalId, sourceSystem: s.sourceSystem, field: s.field,
  value: coalesce(s.numberValue, s.stringValue, s.booleanValue), observedAt: toString(s.observedAt)})[0..$perKey] AS signals
RETURN w.key AS key, signals`,
};

export const MANUAL_MEASURES: CypherQuery = {
  name: "health.manualMeasures",
  text: `
UNWIND $accountIds AS accountId
OPTIONAL MATCH (a:Account {tenant: $tenant, id: accountId})
UNWIND [accountId] + ${duplicateIds("a")} AS subjectId
MATCH (m:ManualMeasure {tenant: $tenant, accountId: subjectId})
WHERE m.expiresAt IS NULL OR m.expiresAt > datetime({epochMillis: toInteger($asOf)})
RETURN accountId, m {.*, expiresAt: toString(m.expiresAt), createdAt: toString(m.createdAt)} AS measure
ORDER BY m.createdAt DESC`,
};

/**
 * Stores a manual measure; returns the account's keys and the measure it supersedes (the latest one of
 * the same concept in effect before), for the change event.
 */
export const SET_MANUAL_MEASURE: CypherQuery = {
  name: "health.setManualMeasure",
  text: `
MATCH (a:Account {tenant: $tenant, id: $accountId})
OPTIONAL MATCH (before:ManualMeasure {tenant: $tenant, accountId: $accountId})
WHERE before.concept = $concept AND (before.expiresAt IS NULL OR before.expiresAt > datetime($now))
WITH a, before ORDER BY before.createdAt DESC
WITH a, head(collect(before {.id, .value, .author, .comment, expiresAt: toString(before.expiresAt)})) AS previous
MERGE (m:ManualMeasure {tenant: $tenant, id: $id})
SET m.accountId = $accountId, m.concept = $concept, m.value = $value, m.author = $author, m.comment = $comment,
    m.expiresAt = CASE WHEN $expiresAt IS NULL THEN null ELSE datetime($expiresAt) END, m.createdAt = datetime($now)
MERGE (m)-[:MEASURES]->(a)
RETURN m.id AS id, a.externalId AS externalId, a.sourceSystem AS sourceSystem, previous`,
};

/** Stores a new version of a model and makes it active; returns it and the version it replaces as active. */
export const SAVE_MODEL_VERSION: CypherQuery = {
  name: "health.saveModelVersion",
  text: `
MERGE (m:HealthModel {tenant: $tenant, id: $modelId})
  ON CREATE SET m.createdAt = datetime($now)
WITH m
OPTIONAL MATCH (m)<-[:VERSION_OF]-(old:HealthModelVersion)
WITH m, coalesce(max(old.version), 0) + 1 AS version
OPTIONAL MATCH (m)<-[:VERSION_OF]-(active:HealthModelVersion {version: m.activeVersion})
WITH m, version, active {.*, createdAt: null} AS previous
CREATE (v:HealthModelVersion {tenant: $tenant, modelId: $modelId, version: version})
SET v += $props, v.createdAt = datetime($now)
CREATE (v)-[:VERSION_OF]->(m)
SET m.activeVersion = version, m.name = $props.name
RETURN version, previous`,
};

export const MODEL_VERSIONS: CypherQuery = {
  name: "health.modelVersions",
  text: `
MATCH (m:HealthModel {tenant: $tenant})<-[:VERSION_OF]-(v:HealthModelVersion)
WHERE $modelId IS NULL OR m.id = $modelId
RETURN v {.*, createdAt: toString(v.createdAt), active: v.version = m.activeVersion} AS version
ORDER BY v.modelId, v.version`,
};

export const ACCOUNTS_AFTER: CypherQuery = {
  name: "health.accountsAfter",
  text: `
MATCH (a:Account {tenant: $tenant})
WHERE a.id > $after
  AND ($industry IS NULL OR a.industry = $industry) AND ($segment IS NULL OR a.segment = $segment)
RETURN a.id AS id, a.industry AS industry, a.segment AS segment
ORDER BY a.id LIMIT $limit`,
};

/** Accounts whose signals (own, contacts', assets', duplicates') changed since an instant: the incremental set. */
export const ACCOUNTS_WITH_NEW_SIGNALS: CypherQuery = {
  name: "health.accountsWithNewSignals",
  text: `
MATCH (s:Signal {tenant: $tenant}) WHERE s.lastUpdatedAt > datetime($since)
MATCH (s)-[:ABOUT]->(subject)
OPTIONAL MATCH (subject)-[:WORKS_AT|INSTALLED_AT]->(owner:Account)
WITH DISTINCT coalesce(owner, subject) AS a WHERE a:Account
// A duplicate account's signals count for the account it resolved to.
OPTIONAL MATCH (:Identity {tenant: $tenant, channel: 'crm-account', externalId: a.id})-[:MEMBER_OF]->(r:Account)
RETURN DISTINCT coalesce(r, a).id AS id ORDER BY id`,
};

/**
 * Stores one batch of scores with their grade-change events and advances the run's cursor (`$runId`,
 * null without a run) in the same statement, so they commit together. Returns, per account, whether this statement created its snapshot (`fresh`: false when a retried or
 * resumed batch finds it stored already) and the latest snapshot it replaced, so the change events are
 * appended once per new snapshot, never twice for the same one.
 */
export const WRITE_SCORES: CypherQuery = {
  name: "health.writeScores",
  text: `
CALL () {
  // The run's cursor moves in the same statement, so it commits with the batch (no run: no node, no-op).
  OPTIONAL MATCH (r:HealthRun {tenant: $tenant, id: $runId})
  SET r.cursor = $cursor, r.processed = r.processed + $processed, r.updatedAt = datetime($now)
}
MATCH (v:HealthModelVersion {tenant: $tenant, modelId: $modelId, version: $version})
UNWIND $scores AS row
MATCH (a:Account {tenant: $tenant, id: row.accountId})
OPTIONAL MATCH (a)<-[:SCORES]-(prev:HealthScore {modelId: $modelId, latest: true})
OPTIONAL MATCH (stored:HealthScore {tenant: $tenant, id: row.id})
WITH a, v, row, prev, stored IS NULL AS fresh
MERGE (h:HealthScore {tenant: $tenant, id: row.id})
  ON CREATE SET h += row.props, h.accountId = row.accountId, h.modelId = $modelId, h.version = $version,
    h.computedAt = datetime($now), h.latest = true
MERGE (h)-[:SCORES]->(a)
MERGE (h)-[:COMPUTED_WITH]->(v)
WITH a, row, prev, h, fresh
CALL (prev, h) {
  WITH prev, h WHERE prev IS NOT NULL AND prev <> h
  SET prev.latest = false
}
WITH a, row, prev, h, fresh
CALL (a, row, prev, h) {
  WITH a, row, prev, h WHERE prev IS NOT NULL AND prev <> h AND prev.grade <> row.props.grade
  MERGE (e:HealthEvent {tenant: $tenant, id: row.eventId})
    ON CREATE SET e.type = 'GRADE_CHANGED', e.accountId = a.id, e.modelId = $modelId, e.fromGrade = prev.grade,
      e.toGrade = row.props.grade, e.fromScore = prev.score, e.toScore = row.props.score, e.at = datetime($now),
      e.consumed = false
  MERGE (e)-[:ABOUT]->(a)
}
RETURN a.id AS accountId, a.externalId AS externalId, a.sourceSystem AS sourceSystem,
  fresh AND (prev IS NULL OR prev <> h) AS fresh,
  CASE WHEN prev IS NULL THEN null ELSE {score: prev.score, grade: prev.grade} END AS previous`,
};

export const START_RUN: CypherQuery = {
  name: "health.startRun",
  text: `
MERGE (r:HealthRun {tenant: $tenant, id: $runId})
  ON CREATE SET r.modelId = $modelId, r.version = $version, r.status = 'RUNNING', r.cursor = '', r.processed = 0,
    r.incrementalSince = $since, r.asOf = $asOf, r.startedAt = datetime($now)
RETURN r {.*, startedAt: toString(r.startedAt)} AS run`,
};

export const OPEN_RUN: CypherQuery = {
  name: "health.openRun",
  text: `
MATCH (r:HealthRun {tenant: $tenant, modelId: $modelId, status: 'RUNNING'})
RETURN r {.*, startedAt: toString(r.startedAt)} AS run ORDER BY r.startedAt DESC LIMIT 1`,
};

export const FINISH_RUN: CypherQuery = {
  name: "health.finishRun",
  text: `
MATCH (r:HealthRun {tenant: $tenant, id: $runId})
SET r.status = 'DONE', r.finishedAt = datetime($now)`,
};

export const LAST_FINISHED_RUN: CypherQuery = {
  name: "health.lastFinishedRun",
  text: `
MATCH (r:HealthRun {tenant: $tenant, modelId: $modelId, status: 'DONE'})
RETURN toString(r.startedAt) AS startedAt ORDER BY r.startedAt DESC LIMIT 1`,
};

/** The stored properties of a health snapshot that a read of the latest scores may select. */
export const SNAPSHOT_PROPERTIES = [
  "accountId",
  "modelId",
  "version",
  "score",
  "grade",
  "confidence",
  "computedAt",
  "asOf",
  "explanation",
  "runId",
] as const;
export type SnapshotProperty = (typeof SNAPSHOT_PROPERTIES)[number];
const SNAPSHOT_NODE: NodeProperties<SnapshotProperty> = { allowed: SNAPSHOT_PROPERTIES, instants: ["computedAt"] };

/** Statement texts per selection shape; past this many, rarer shapes are rendered each time. */
const CACHED_SNAPSHOT_SHAPES = 64;
const latestScoresTexts = new Map<string, CypherQuery>();

/**
 * The latest snapshot of a model per account, with only the selected snapshot properties (issue 18,
 * decision 0040): a page of accounts with their score and grade does not read the explanation. The instant
 * `computedAt` is read as epoch milliseconds.
 */
export function latestScoresQuery(selection: PropertySelection<SnapshotProperty>): CypherQuery {
  const known = latestScoresTexts.get(selection.key);
  if (known !== undefined) return known;
  const query: CypherQuery = {
    name: "health.latestScores",
    text: `
UNWIND $accountIds AS accountId
MATCH (h:HealthScore {tenant: $tenant, accountId: accountId, modelId: $modelId, latest: true})
RETURN accountId, ${selectedNodeProjection("h", selection, SNAPSHOT_NODE)} AS score`,
  };
  if (latestScoresTexts.size < CACHED_SNAPSHOT_SHAPES) latestScoresTexts.set(selection.key, query);
  return query;
}

export const SCORE_HISTORY: CypherQuery = {
  name: "health.history",
  text: `
MATCH (h:HealthScore {tenant: $tenant, accountId: $accountId, modelId: $modelId})
WHERE ($from IS NULL OR h.computedAt >= datetime($from)) AND ($to IS NULL OR h.computedAt <= datetime($to))
RETURN h {.*, computedAt: toString(h.computedAt)} AS score ORDER BY h.computedAt`,
};

export const AT_RISK: CypherQuery = {
  name: "health.atRisk",
  text: `
MATCH (h:HealthScore {tenant: $tenant, modelId: $modelId, latest: true})
WHERE ($grade IS NULL OR h.grade = $grade)
  AND h.confidence >= $minConfidence
  AND ($after IS NULL OR h.score > $after[0] OR (h.score = $after[0] AND h.accountId > $after[1]))
WITH h ORDER BY h.score, h.accountId LIMIT $limit
MATCH (h)-[:SCORES]->(a:Account)
RETURN h {.*, computedAt: toString(h.computedAt)} AS score, ${keyedNodeProjection("a")} AS account, [h.score, h.accountId] AS sortKey`,
};

/** How many accounts the at-risk list holds (its totalCount): the latest scores of the model, grade and confidence. */
export const AT_RISK_COUNT: CypherQuery = {
  name: "health.atRisk.count",
  text: `
MATCH (h:HealthScore {tenant: $tenant, modelId: $modelId, latest: true})
WHERE ($grade IS NULL OR h.grade = $grade) AND h.confidence >= $minConfidence AND EXISTS { (h)-[:SCORES]->(:Account) }
RETURN count(h) AS total`,
};

export const DISTRIBUTION: CypherQuery = {
  name: "health.distribution",
  text: `
MATCH (h:HealthScore {tenant: $tenant, modelId: $modelId, latest: true})-[:SCORES]->(a:Account)
WITH CASE $groupBy WHEN 'INDUSTRY' THEN a.industry WHEN 'SEGMENT' THEN a.segment ELSE a.region END AS grp, h
WITH grp, h.score AS score, h.grade AS grade
ORDER BY score
WITH grp, collect(score) AS scores, collect(grade) AS grades
RETURN grp AS group, scores, grades ORDER BY group`,
};

/** Stores outcomes by account and date; returns what each row found before, for its status and event. */
export const SET_OUTCOMES: CypherQuery = {
  name: "health.setOutcomes",
  text: `
UNWIND $rows AS row
MATCH (a:Account {tenant: $tenant, id: row.accountId})
OPTIONAL MATCH (existing:Outcome {tenant: $tenant, accountId: row.accountId, occurredOn: row.occurredOn})
WITH a, row, existing.label AS previous, existing IS NOT NULL AS existed
MERGE (o:Outcome {tenant: $tenant, accountId: row.accountId, occurredOn: row.occurredOn})
SET o.label = row.label, o.updatedAt = datetime($now)
MERGE (o)-[:OF]->(a)
RETURN row.index AS index, a.id AS id, a.externalId AS externalId, a.sourceSystem AS sourceSystem, previous,
  CASE WHEN NOT existed THEN 'CREATED' WHEN previous = row.label THEN 'UNCHANGED' ELSE 'UPDATED' END AS status`,
};

export const OUTCOMES: CypherQuery = {
  name: "health.outcomes",
  text: `
MATCH (o:Outcome {tenant: $tenant})
WHERE $labels IS NULL OR o.label IN $labels
MATCH (o)-[:OF]->(a:Account)
RETURN a.id AS accountId, a.industry AS industry, a.segment AS segment, o.label AS label, o.occurredOn AS occurredOn
// By the records' own keys, not their ids (which hash the tenant in): the same data calibrates to the
// same folds and weights in every tenant.
ORDER BY a.sourceSystem, a.externalId, occurredOn`,
};
