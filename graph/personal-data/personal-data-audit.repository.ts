import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { AuditTrail } from "../audit/audit-trail";
import { CypherExecutor } from "../executor";

/** Appends the tenant's audit records about reads of personal data (PERSONAL_DATA_READ). */
export class PersonalDataAuditRepository {
  private readonly trail: AuditTrail;

  constructor(
    private readonly executor: CypherExecutor,
    tenant: string,
  ) {
    this.trail = new AuditTrail(tenant);
  }

  async append(entry: AuditEntryInput, now: string): Promise<void> {
    // Checked before the transaction: a bad entry fails without taking the audit head's lock.
    this.trail.check([entry]);
    await this.executor.writeSteps("audit.personalDataRead", (run) => this.trail.append(run, now, [entry]));
  }
}
