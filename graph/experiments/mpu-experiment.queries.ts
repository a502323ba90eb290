import { ExperimentUnitKind } from "../../domain/experiments/experiment";
import { ExperimentOutcomeKind } from "../../domain/experiments/experiment-outcome";
import { CypherQuery } from "../executor";

/** The graph label of each kind of unit: the whitelist the queries below interpolate. */
const UNIT_LABELS: Record<ExperimentUnitKind, "Account" | "Opportunity"> = {
  ACCOUNT: "Account",
  OPPORTUNITY: "Opportunity",
};

export const EXPERIMENT_FIELDS = `e.id AS id, e.mpuId AS mpuId, e.status AS status, e.population AS population,
  e.split AS split, e.outcomeKind AS outcomeKind, e.outcomeStage AS outcomeStage, e.outcomeField AS outcomeField,
  toString(e.startedAt) AS startedAt, e.startedBy AS startedBy, toString(e.horizon) AS horizon,
  e.interimLooks AS interimLooks, e.minimumPerArm AS minimumPerArm, toString(e.stoppedAt) AS stoppedAt,
  e.stoppedBy AS stoppedBy, e.controlCount AS controlCount, e.treatmentCount AS treatmentCount,
  e.excludedCount AS excludedCount`;

/**
 * Reads the unit under test and takes its write lock (SET then REMOVE), so two experiments of one unit
 * starting at once cannot both take the same accounts: the second waits and then sees the first's
 * assignments. No row: the tenant has no such unit.
 */
export const LOCK_MPU: CypherQuery = {
  name: "mpuExperiments.lockMpu",
  text: `
MATCH (m:Mpu {tenant: $tenant, id: $mpuId})
SET m.experimentLock = true
REMOVE m.experimentLock
RETURN m.status AS status`,
};

const ACCOUNT_FILTERS = `(size($segments) = 0 OR a.segment IN $segments)
  AND (size($industries) = 0 OR a.industry IN $industries)
  AND (size($regions) = 0 OR a.region IN $regions)`;

/**
 * The eligible units in id order (at most `$limit`), how many there are, and how many matching units are
 * left out because a running experiment of the same MPU holds them.
 */
function eligibleQuery(unit: ExperimentUnitKind): CypherQuery {
  const match =
    unit === "ACCOUNT"
      ? `MATCH (u:Account {tenant: $tenant})
WITH u, u AS a
WHERE ${ACCOUNT_FILTERS}`
      : `MATCH (u:Opportunity {tenant: $tenant})-[:FOR_ACCOUNT]->(a:Account)
WHERE ${ACCOUNT_FILTERS}
  AND (size($stages) = 0 OR u.stage IN $stages)
  AND (NOT $openOnly OR NOT u.stage IN ['CLOSED_WON', 'CLOSED_LOST'])`;
  return {
    name: `mpuExperiments.eligible.${UNIT_LABELS[unit]}`,
    text: `
${match}
WITH DISTINCT u, EXISTS {
  MATCH (u)<-[:ASSIGNED]-(other:MpuExperiment {tenant: $tenant, mpuId: $mpuId})
  WHERE other.status = 'RUNNING'
} AS taken
ORDER BY u.id
WITH collect(CASE WHEN NOT taken THEN u.id END) AS ids, count(CASE WHEN taken THEN 1 END) AS excluded
RETURN ids[..$limit] AS ids, size(ids) AS eligible, excluded`,
  };
}

export const ELIGIBLE_UNITS: Record<ExperimentUnitKind, CypherQuery> = {
  ACCOUNT: eligibleQuery("ACCOUNT"),
  OPPORTUNITY: eligibleQuery("OPPORTUNITY"),
};

export const CREATE_EXPERIMENT: CypherQuery = {
  name: "mpuExperiments.create",
  text: `
CREATE (e:MpuExperiment {
  tenant: $tenant, id: $e.id, mpuId: $e.mpuId, status: 'RUNNING', unitKind: $e.unitKind, population: $e.population,
  split: $e.split, outcomeKind: $e.outcomeKind, outcomeStage: $e.outcomeStage, outcomeField: $e.outcomeField,
  startedAt: datetime($now), startedBy: $e.startedBy, horizon: datetime($e.horizon), interimLooks: $e.interimLooks,
  minimumPerArm: $e.minimumPerArm, controlCount: $e.controlCount, treatmentCount: $e.treatmentCount,
  excludedCount: $e.excludedCount
})
RETURN ${EXPERIMENT_FIELDS}`,
};

/**
 * Assigns units to arms. MERGE keeps it idempotent: run again (a retried transaction, a repeated batch) it
 * adds nothing and changes no arm.
 */
function assignQuery(unit: ExperimentUnitKind): CypherQuery {
  return {
    name: `mpuExperiments.assign.${UNIT_LABELS[unit]}`,
    text: `
MATCH (e:MpuExperiment {tenant: $tenant, id: $id})
UNWIND $rows AS row
MATCH (u:${UNIT_LABELS[unit]} {tenant: $tenant, id: row.id})
MERGE (e)-[r:ASSIGNED]->(u)
  ON CREATE SET r.arm = row.arm, r.at = datetime($now)
RETURN count(r) AS assigned`,
  };
}

export const ASSIGN_UNITS: Record<ExperimentUnitKind, CypherQuery> = {
  ACCOUNT: assignQuery("ACCOUNT"),
  OPPORTUNITY: assignQuery("OPPORTUNITY"),
};

export const GET_EXPERIMENT: CypherQuery = {
  name: "mpuExperiments.get",
  text: `
MATCH (e:MpuExperiment {tenant: $tenant, id: $id})
RETURN ${EXPERIMENT_FIELDS}`,
};

/** Takes the experiment's write lock and reads it (for a stop). */
export const LOCK_EXPERIMENT: CypherQuery = {
  name: "mpuExperiments.lock",
  text: `
MATCH (e:MpuExperiment {tenant: $tenant, id: $id})
SET e.stopLock = true
REMOVE e.stopLock
RETURN ${EXPERIMENT_FIELDS}`,
};

export const STOP_EXPERIMENT: CypherQuery = {
  name: "mpuExperiments.stop",
  text: `
MATCH (e:MpuExperiment {tenant: $tenant, id: $id})
SET e.status = $status, e.stoppedAt = datetime($now), e.stoppedBy = $actor
RETURN ${EXPERIMENT_FIELDS}`,
};

/** Newest first, at most `$limit`. */
export const LIST_EXPERIMENTS: CypherQuery = {
  name: "mpuExperiments.list",
  text: `
MATCH (e:MpuExperiment {tenant: $tenant, mpuId: $mpuId})
WITH e ORDER BY e.startedAt DESC, e.id DESC LIMIT $limit
RETURN ${EXPERIMENT_FIELDS}`,
};

/**
 * Whether unit `u` succeeded between `from` and `until`, for each kind of outcome and unit. Stage arrivals
 * come from `OpportunityStageReached` (graph/opportunity/stage-reached.upsert.ts); `$stages` are the
 * stages that count ({@link stagesCountingFor}).
 */
const SUCCESS: Record<ExperimentOutcomeKind, Record<ExperimentUnitKind, string>> = {
  OPPORTUNITY_WON: {
    OPPORTUNITY: `EXISTS {
    MATCH (r:OpportunityStageReached {tenant: $tenant, opportunityId: u.id})
    WHERE r.stage IN $stages AND r.at >= from AND r.at <= until }`,
    ACCOUNT: `EXISTS {
    MATCH (u)<-[:FOR_ACCOUNT]-(o:Opportunity)
    MATCH (r:OpportunityStageReached {tenant: $tenant, opportunityId: o.id})
    WHERE r.stage IN $stages AND r.at >= from AND r.at <= until }`,
  },
  STAGE_REACHED: {
    OPPORTUNITY: `EXISTS {
    MATCH (r:OpportunityStageReached {tenant: $tenant, opportunityId: u.id})
    WHERE r.stage IN $stages AND r.at >= from AND r.at <= until }`,
    ACCOUNT: `EXISTS {
    MATCH (u)<-[:FOR_ACCOUNT]-(o:Opportunity)
    MATCH (r:OpportunityStageReached {tenant: $tenant, opportunityId: o.id})
    WHERE r.stage IN $stages AND r.at >= from AND r.at <= until }`,
  },
  MPU_USE_SUCCEEDED: {
    OPPORTUNITY: `EXISTS {
    MATCH (use:MpuUse {tenant: $tenant, mpuId: e.mpuId, opportunityId: u.id})
    WHERE use.status = 'SUCCEEDED' AND datetime(toString(use.appliedAt)) >= from
      AND datetime(toString(use.appliedAt)) <= until }`,
    ACCOUNT: `EXISTS {
    MATCH (use:MpuUse {tenant: $tenant, mpuId: e.mpuId, accountId: u.id})
    WHERE use.status = 'SUCCEEDED' AND datetime(toString(use.appliedAt)) >= from
      AND datetime(toString(use.appliedAt)) <= until }`,
  },
  SIGNAL_OBSERVED: {
    OPPORTUNITY: `EXISTS {
    MATCH (u)-[:FOR_ACCOUNT]->(:Account)<-[:ABOUT]-(s:Signal)
    WHERE s.field = $field AND s.observedAt >= from AND s.observedAt <= until }`,
    ACCOUNT: `EXISTS {
    MATCH (u)<-[:ABOUT]-(s:Signal)
    WHERE s.field = $field AND s.observedAt >= from AND s.observedAt <= until }`,
  },
};

/**
 * Per arm: units and successes, the outcome observed from the start to the horizon or now, whichever is
 * earlier. One statement for the whole report, whatever the number of units.
 */
function armCountsQuery(outcome: ExperimentOutcomeKind, unit: ExperimentUnitKind): CypherQuery {
  return {
    name: `mpuExperiments.armCounts.${outcome}.${UNIT_LABELS[unit]}`,
    text: `
MATCH (e:MpuExperiment {tenant: $tenant, id: $id})
WITH e, e.startedAt AS from,
  CASE WHEN datetime($now) < e.horizon THEN datetime($now) ELSE e.horizon END AS until
MATCH (e)-[a:ASSIGNED]->(u:${UNIT_LABELS[unit]})
WITH a.arm AS arm, ${SUCCESS[outcome][unit]} AS success
RETURN arm, count(*) AS n, count(CASE WHEN success THEN 1 END) AS successes`,
  };
}

type ArmCountQueries = Record<ExperimentOutcomeKind, Record<ExperimentUnitKind, CypherQuery>>;

export const ARM_COUNTS: ArmCountQueries = Object.fromEntries(
  (Object.keys(SUCCESS) as ExperimentOutcomeKind[]).map((outcome) => [
    outcome,
    { ACCOUNT: armCountsQuery(outcome, "ACCOUNT"), OPPORTUNITY: armCountsQuery(outcome, "OPPORTUNITY") },
  ]),
) as ArmCountQueries;
