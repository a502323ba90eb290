import { Migration } from "./migration";

/** Playbooks and their versions, the engine's per-tenant cursor over the change feed, firings and breaker trips. */
export const playbooksMigration: Migration = {
  version: 12,
  description: "playbooks, playbook versions, playbook cursors, firings and breaker trips",
  statements: [
    "CREATE CONSTRAINT playbook_key IF NOT EXISTS FOR (n:Playbook) REQUIRE (n.tenant, n.id) IS UNIQUE",
    "CREATE CONSTRAINT playbook_version_key IF NOT EXISTS FOR (n:PlaybookVersion) REQUIRE (n.tenant, n.playbookId, n.version) IS UNIQUE",
    "CREATE CONSTRAINT playbook_cursor_key IF NOT EXISTS FOR (n:PlaybookCursor) REQUIRE n.tenant IS UNIQUE",
    "CREATE CONSTRAINT playbook_firing_key IF NOT EXISTS FOR (n:PlaybookFiring) REQUIRE (n.tenant, n.id) IS UNIQUE",
    "CREATE INDEX playbook_status IF NOT EXISTS FOR (n:Playbook) ON (n.tenant, n.status)",
    "CREATE INDEX playbook_firing_subject IF NOT EXISTS FOR (n:PlaybookFiring) ON (n.tenant, n.playbookId, n.subject)",
    "CREATE INDEX playbook_firing_time IF NOT EXISTS FOR (n:PlaybookFiring) ON (n.tenant, n.firedAt)",
    "CREATE INDEX playbook_breaker_trip IF NOT EXISTS FOR (n:PlaybookBreakerTrip) ON (n.tenant, n.playbookId, n.at)",
  ],
};
