import { Migration } from "./migration";

/** Health models and their versions, score snapshots, grade-change events, runs, outcomes, manual measures. */
export const healthMigration: Migration = {
  version: 3,
  description: "health scoring: models, versions, scores, events, runs, outcomes, manual measures",
  statements: [
    "CREATE CONSTRAINT health_model_key IF NOT EXISTS FOR (n:HealthModel) REQUIRE (n.tenant, n.id) IS UNIQUE",
    "CREATE CONSTRAINT health_model_version_key IF NOT EXISTS FOR (n:HealthModelVersion) REQUIRE (n.tenant, n.modelId, n.version) IS UNIQUE",
    "CREATE CONSTRAINT health_score_key IF NOT EXISTS FOR (n:HealthScore) REQUIRE (n.tenant, n.id) IS UNIQUE",
    "CREATE CONSTRAINT health_event_key IF NOT EXISTS FOR (n:HealthEvent) REQUIRE (n.tenant, n.id) IS UNIQUE",
    "CREATE CONSTRAINT health_run_key IF NOT EXISTS FOR (n:HealthRun) REQUIRE (n.tenant, n.id) IS UNIQUE",
    "CREATE CONSTRAINT outcome_key IF NOT EXISTS FOR (n:Outcome) REQUIRE (n.tenant, n.accountId, n.occurredOn) IS UNIQUE",
    "CREATE CONSTRAINT manual_measure_key IF NOT EXISTS FOR (n:ManualMeasure) REQUIRE (n.tenant, n.id) IS UNIQUE",
    "CREATE INDEX health_score_latest IF NOT EXISTS FOR (n:HealthScore) ON (n.tenant, n.modelId, n.latest, n.grade)",
    "CREATE INDEX health_score_account IF NOT EXISTS FOR (n:HealthScore) ON (n.tenant, n.accountId, n.modelId)",
    "CREATE INDEX signal_tenant_updated IF NOT EXISTS FOR (n:Signal) ON (n.tenant, n.lastUpdatedAt)",
  ],
};
