import { Migration } from "./migration";

/** The actions side of playbooks (issue 11): tasks and reviews, proposals, receipts and flags. */
export const actionsAndTasksMigration: Migration = {
  version: 13,
  description: "playbook tasks, proposals, receipts and flags",
  statements: [
    "CREATE CONSTRAINT task_id IF NOT EXISTS FOR (t:Task) REQUIRE (t.tenant, t.id) IS UNIQUE",
    "CREATE INDEX task_tenant_status_created IF NOT EXISTS FOR (t:Task) ON (t.tenant, t.status, t.createdAt)",
    "CREATE INDEX task_tenant_firing IF NOT EXISTS FOR (t:Task) ON (t.tenant, t.firingId)",
    "CREATE INDEX task_tenant_role IF NOT EXISTS FOR (t:Task) ON (t.tenant, t.assigneeRole)",
    "CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE (p.tenant, p.id) IS UNIQUE",
    "CREATE CONSTRAINT proposal_firing IF NOT EXISTS FOR (p:Proposal) REQUIRE (p.tenant, p.firingId) IS UNIQUE",
    "CREATE CONSTRAINT receipt_id IF NOT EXISTS FOR (r:Receipt) REQUIRE (r.tenant, r.id) IS UNIQUE",
    "CREATE CONSTRAINT receipt_firing IF NOT EXISTS FOR (r:Receipt) REQUIRE (r.tenant, r.firingId) IS UNIQUE",
    "CREATE CONSTRAINT flag_id IF NOT EXISTS FOR (f:Flag) REQUIRE (f.tenant, f.id) IS UNIQUE",
  ],
};
