import { UpsertAfter } from "../common/upsert.query";

/**
 * When each opportunity first reached each stage (issue 16, decision 0030): an upsert that writes an
 * opportunity records `(:OpportunityStageReached {tenant, opportunityId, stage, at})` for its stage unless
 * one exists, so "won within the horizon" can be answered after later upserts overwrote the stage. Only the
 * first arrival counts; a stage left and reached again keeps its first time.
 */
export const OPPORTUNITY_STAGE_REACHED: UpsertAfter = {
  cypher: `CALL (n, status) {
  WITH n, status WHERE status <> 'UNCHANGED' AND n.stage IS NOT NULL
  MERGE (reached:OpportunityStageReached {tenant: $tenant, opportunityId: n.id, stage: n.stage})
    ON CREATE SET reached.at = datetime($now)
}`,
};
