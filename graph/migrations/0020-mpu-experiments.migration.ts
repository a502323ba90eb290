import { Migration } from "./migration";

/**
 * MPU experiments (issue 16, decision 0030): experiments by tenant and id and by unit, and when each
 * opportunity first reached each stage (what their outcomes are read from).
 */
export const mpuExperimentsMigration: Migration = {
  version: 20,
  description: "MPU experiments and opportunity stage arrivals",
  statements: [
    "CREATE CONSTRAINT mpu_experiment_id IF NOT EXISTS FOR (e:MpuExperiment) REQUIRE (e.tenant, e.id) IS UNIQUE",
    "CREATE INDEX mpu_experiment_mpu IF NOT EXISTS FOR (e:MpuExperiment) ON (e.tenant, e.mpuId)",
    "CREATE CONSTRAINT opportunity_stage_reached IF NOT EXISTS FOR (r:OpportunityStageReached) REQUIRE (r.tenant, r.opportunityId, r.stage) IS UNIQUE",
  ],
};
