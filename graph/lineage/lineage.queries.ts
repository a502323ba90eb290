import { CypherQuery } from "../executor";

/**
 * The stored health score of an account and model that answered at `$at` (the latest computed at or before
 * it), or the latest one when `$at` is null.
 */
export const SCORE_SNAPSHOT_AT: CypherQuery = {
  name: "lineage.scoreSnapshot",
  text: `
MATCH (h:HealthScore {tenant: $tenant, accountId: $accountId, modelId: $modelId})
WHERE ($at IS NULL AND h.latest = true) OR ($at IS NOT NULL AND h.computedAt <= datetime($at))
RETURN h {.score, .grade, .confidence, .version, .asOf, computedAt: toString(h.computedAt)} AS score
ORDER BY h.computedAt DESC LIMIT 1`,
};

/** What each signal is about, and the account that subject is or belongs to (one statement for all). */
export const SIGNAL_SUBJECTS: CypherQuery = {
  name: "lineage.signalSubjects",
  text: `
UNWIND $ids AS id
MATCH (s:Signal {tenant: $tenant, id: id})-[:ABOUT]->(x)
OPTIONAL MATCH (x)-[:WORKS_AT|INSTALLED_AT]->(owner:Account)
WITH id, x, owner,
  CASE WHEN x:Account THEN 'Account' WHEN x:Contact THEN 'Contact' WHEN x:Asset THEN 'Asset' ELSE null END AS kind
WHERE kind IS NOT NULL
RETURN id, kind, x.id AS subjectId, coalesce(x.name, x.externalId, x.id) AS label,
  CASE WHEN kind = 'Account' THEN x.id ELSE owner.id END AS accountId,
  CASE WHEN kind = 'Account' THEN x.name ELSE owner.name END AS accountLabel`,
};

/**
 * Playbooks that are not retired whose current definition mentions one of `$needles` (concept ids, a field
 * name) — a cheap pre-filter on the stored JSON; the service checks what each actually reads.
 */
export const PLAYBOOKS_MENTIONING: CypherQuery = {
  name: "lineage.playbooksMentioning",
  text: `
MATCH (p:Playbook {tenant: $tenant})-[:HAS_VERSION]->(v:PlaybookVersion {version: p.currentVersion})
WHERE p.status <> 'RETIRED' AND any(needle IN $needles WHERE v.definition CONTAINS needle)
RETURN p.id AS id, p.name AS name, p.status AS status, p.currentVersion AS version, v.definition AS definition
ORDER BY p.id LIMIT $limit`,
};
