import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { RecordChange } from "../../domain/events/change-event";
import { AuditTrail } from "../audit/audit-trail";
import { ChangeOutbox } from "../events/change-outbox";
import { Neo4jError } from "neo4j-driver";
import { CypherExecutor } from "../executor";
import { GraphError } from "../graph.errors";
import { IngestRepository, UpsertRow } from "../ingest/ingest.repository";
import { ActionTargets } from "./action-targets.repository";
import { AutomationRun } from "./automation-run";
import { FlagWrites } from "./flag.repository";
import { ProposalWrites } from "./proposal.repository";
import { ReceiptWrites } from "./receipt.repository";
import { TaskWrites } from "./task.repository";
import { ConsentReads } from "../personal-data/consent-reads";

/**
 * One transaction of the actions side: what a firing, a confirmation, an acknowledgement or a completed task
 * reads and writes, its audit records and its change events, all committed together or not at all.
 */
export class AutomationTransaction {
  readonly targets: ActionTargets;
  readonly tasks: TaskWrites;
  readonly proposals: ProposalWrites;
  readonly receipts: ReceiptWrites;
  readonly flags: FlagWrites;
  /** The people a firing is about and their consents (issue 15). */
  readonly consents: ConsentReads;
  private readonly changes: RecordChange[] = [];
  private readonly auditSeqs: number[] = [];
  private audited = false;

  constructor(
    private readonly run: AutomationRun,
    private readonly tenant: string,
    private readonly ingest: IngestRepository,
    private readonly auditTrail: AuditTrail,
  ) {
    this.targets = new ActionTargets(run, tenant);
    this.tasks = new TaskWrites(run, tenant);
    this.proposals = new ProposalWrites(run, tenant);
    this.receipts = new ReceiptWrites(run, tenant);
    this.flags = new FlagWrites(run, tenant);
    this.consents = new ConsentReads(run, tenant);
  }

  /**
   * Writes signals through the ingest write path (so they show in the 360 and, once committed, in the change
   * feed), registering their source system on first use. Returns the ids written.
   */
  async writeAccountSignals(sourceSystem: string, rows: readonly UpsertRow[], now: string): Promise<string[]> {
    this.changes.push(...(await this.ingest.ensureSourceSystemsCollecting(this.run, [sourceSystem], now)));
    const { write, changes } = await this.ingest.upsertCollecting(this.run, "SignalAboutAccount", rows, now);
    this.changes.push(...changes);
    return write.stored.map((row) => row.id);
  }

  /**
   * Appends the audit records; call once, after every other write of the transaction (the audit head lock is
   * held until commit). Returns their sequence numbers.
   */
  async audit(now: string, entries: readonly AuditEntryInput[]): Promise<number[]> {
    if (this.audited) throw new Error("AutomationTransaction.audit is called once per transaction, after its writes.");
    this.audited = true;
    const records = await this.auditTrail.append(this.run, now, entries);
    this.auditSeqs.push(...records.map((record) => record.seq));
    return records.map((record) => record.seq);
  }

  /** The change events collected; the store appends them last. */
  collectedChanges(): readonly RecordChange[] {
    return this.changes;
  }

  get tenantId(): string {
    return this.tenant;
  }
}

/** Runs the actions side's transactions for one tenant. */
export class AutomationStore {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
    private readonly ingest: IngestRepository,
    private readonly auditTrail: AuditTrail,
    private readonly outbox: ChangeOutbox,
  ) {}

  /**
   * Runs `work` as one write transaction; the change events it collected are appended last (after the audit
   * records, the order every writer keeps so no two transactions wait on each other's locks). `work` may be
   * retried, so it must not do outside I/O.
   */
  async transaction<T>(name: string, now: string, work: (tx: AutomationTransaction) => Promise<T>): Promise<T> {
    // A refusal `work` throws (not found, not the owner, already done) rolls the transaction back and reaches
    // the caller as itself, not as the executor's INTERNAL error.
    let refusal: unknown = undefined;
    try {
      return await this.executor.writeSteps(name, async (run) => {
        try {
          const tx = new AutomationTransaction(run, this.tenant, this.ingest, this.auditTrail);
          const result = await work(tx);
          await this.outbox.append(run, now, tx.collectedChanges());
          return result;
        } catch (error) {
          if (!(error instanceof Neo4jError) && !(error instanceof GraphError)) refusal = error;
          throw error;
        }
      });
    } catch (error) {
      if (refusal !== undefined && error instanceof GraphError && error.cause === refusal) throw refusal;
      throw error;
    }
  }
}
