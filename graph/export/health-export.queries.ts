import { CypherQuery } from "../executor";

const ACCOUNT_FILTER = `
MATCH (a:Account {tenant: $tenant})
WHERE ($industry IS NULL OR a.industry = $industry)
  AND ($segment IS NULL OR a.segment = $segment)
  AND ($region IS NULL OR a.region = $region)`;

/**
 * One page of the health export: live accounts after a cursor (their id), in id order, each with its
 * latest stored score of the model (null when never scored). The grade filter is applied to the page by
 * the service, so that the cursor moves by accounts and a page never scans the whole tenant.
 */
export const HEALTH_EXPORT_PAGE: CypherQuery = {
  name: "export.healthPage",
  text: `${ACCOUNT_FILTER}
  AND a.id > $after
WITH a ORDER BY a.id LIMIT $limit
OPTIONAL MATCH (h:HealthScore {tenant: $tenant, accountId: a.id, modelId: $modelId, latest: true})
RETURN a {.id, .sourceSystem, .externalId, .name, .industry, .segment, .region, .annualRevenue} AS account,
  CASE WHEN h IS NULL THEN null
    ELSE h {.score, .grade, .confidence, .version, .asOf, .explanation, computedAt: toString(h.computedAt)} END AS score`,
};

/** How many accounts the export's filters select (for a progress bar). */
export const HEALTH_EXPORT_COUNT: CypherQuery = {
  name: "export.healthCount",
  text: `${ACCOUNT_FILTER}
RETURN count(a) AS total`,
};
