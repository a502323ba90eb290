import { RolesAllowed } from "../../domain/automation/action-permissions";
import { Clock } from "../../domain/time/clock";
import { AuditTrail } from "../../graph/audit/audit-trail";
import { AutomationStore } from "../../graph/automation/automation-store";
import { ChangeOutbox } from "../../graph/events/change-outbox";
import { CypherExecutor } from "../../graph/executor";
import { IngestRepository } from "../../graph/ingest/ingest.repository";
import { FiringService } from "./firing.service";

/**
 * The transaction runner of the actions side for one tenant: its writes, their audit records (the tenant's
 * trail) and their change events (attributed to `outbox`'s actor).
 */
export function createAutomationStore(executor: CypherExecutor, tenant: string, outbox: ChangeOutbox): AutomationStore {
  return new AutomationStore(
    executor,
    tenant,
    new IngestRepository(executor, tenant, outbox),
    new AuditTrail(tenant),
    outbox,
  );
}

/**
 * The FiringSink for one tenant, as the playbook runner (a job) builds it: its change events are the job's,
 * `rolesAllowed` is the role matrix (app/ hands in `rolesFor`), `clock` stamps the audit records.
 */
export function createFiringService(
  executor: CypherExecutor,
  tenant: string,
  outbox: ChangeOutbox,
  rolesAllowed: RolesAllowed,
  clock: Clock,
): FiringService {
  return new FiringService(createAutomationStore(executor, tenant, outbox), tenant, rolesAllowed, clock);
}
