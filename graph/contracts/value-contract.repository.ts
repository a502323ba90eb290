import neo4j from "neo4j-driver";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { RecordChange } from "../../domain/events/change-event";
import { ContractLedgerEntry, LedgerEntryKind, sealLedgerEntry } from "../../domain/contracts/contract-ledger";
import { StoredValueContract } from "../../domain/contracts/contract-terms";
import { ContractError } from "../../domain/contracts/contract.errors";
import { AuditTrail } from "../audit/audit-trail";
import { ChangeOutbox } from "../events/change-outbox";
import { CypherExecutor, PlainRow } from "../executor";
import {
  APPEND_ENTRY,
  COUNT_CONTRACTS,
  DEFINE_CONTRACT,
  ENTRIES_OF_PERIOD,
  GET_CONTRACT,
  LEDGER_PAGE,
  LIST_CONTRACTS,
  LOCK_CONTRACT,
} from "./value-contract.queries";
import { ledgerEntryRow, toContract, toLedgerEntry } from "./value-contract-rows";

/** What a ledger append records, as the service decides it from the locked contract. */
export interface LedgerAppend<R> {
  content: { kind: LedgerEntryKind; actor: string; period: string | null; payload: object };
  /** The audit record (built from the sealed entry: its number and hash). */
  audit: (entry: ContractLedgerEntry) => AuditEntryInput;
  /** The change event (built from the sealed entry). */
  change: (entry: ContractLedgerEntry) => RecordChange;
  /** For a REVOKE: the reason stored on the contract. */
  revokeReason?: string;
  /** What the caller gets back once committed. */
  result: (contract: StoredValueContract, entry: ContractLedgerEntry) => R;
}

/**
 * The service's decision on a locked contract: an append, or a refusal. A refusal is returned, not thrown:
 * inside the transaction a thrown error would reach the client as the executor's internal error.
 */
export type LedgerDecision<R> = LedgerAppend<R> | { refuse: ContractError };

/**
 * One tenant's value contracts and their ledgers (issue 15, decision 0026). Every write appends one ledger
 * entry, its audit record and its change event in ONE transaction; nothing edits or deletes an entry.
 */
export class ValueContractRepository {
  private readonly audit: AuditTrail;

  constructor(
    private readonly executor: CypherExecutor,
    readonly tenant: string,
    private readonly outbox: ChangeOutbox,
  ) {
    this.audit = new AuditTrail(tenant);
  }

  /** Checks an audit entry as `append` would, before any transaction (a refusal reaches the client as such). */
  checkAudit(entry: AuditEntryInput): void {
    this.audit.check([entry]);
  }

  /**
   * Creates the contract and its GRANT entry (entry 1) for a live account of the tenant; null when the
   * tenant has no such account (nothing is written).
   */
  async define(
    contract: { id: string; accountId: string; definitionText: string; definitionHash: string },
    now: string,
    grant: Omit<LedgerAppend<StoredValueContract>, "result" | "revokeReason">,
  ): Promise<StoredValueContract | null> {
    const entry = sealLedgerEntry(this.tenant, contract.id, null, now, grant.content);
    return this.executor.writeSteps(DEFINE_CONTRACT.name, async (run) => {
      const [row] = await run(DEFINE_CONTRACT, {
        tenant: this.tenant,
        id: contract.id,
        accountId: contract.accountId,
        definition: contract.definitionText,
        definitionHash: contract.definitionHash,
        now,
        actor: entry.actor,
        entry: ledgerEntryRow(entry),
      });
      if (row === undefined) return null;
      await this.audit.append(run, now, [grant.audit(entry)]);
      await this.outbox.append(run, now, [grant.change(entry)]);
      return toContract(row);
    });
  }

  /**
   * Locks the contract's ledger, reads the contract (and, with `period`, its entries of `periodKind` for
   * that month), asks `decide`, and appends what it decided with its audit record and change event, all
   * in one transaction. `decide` must be pure (the transaction may be retried). Null: no such contract.
   */
  async append<R>(
    id: string,
    now: string,
    read: { period: string; kind: LedgerEntryKind } | null,
    decide: (contract: StoredValueContract, periodEntries: ContractLedgerEntry[]) => LedgerDecision<R>,
  ): Promise<{ refused: ContractError } | { result: R } | null> {
    return this.executor.writeSteps(APPEND_ENTRY.name, async (run) => {
      const [locked] = await run(LOCK_CONTRACT, { tenant: this.tenant, id });
      if (locked === undefined) return null;
      const contract = toContract(locked);
      const periodEntries =
        read === null
          ? []
          : (await run(ENTRIES_OF_PERIOD, { tenant: this.tenant, id, period: read.period, kind: read.kind })).map(
              toLedgerEntry,
            );
      const decision = decide(contract, periodEntries);
      if ("refuse" in decision) return { refused: decision.refuse };
      const entry = sealLedgerEntry(
        this.tenant,
        id,
        { seq: contract.ledgerSeq, hash: contract.ledgerHash },
        now,
        decision.content,
      );
      const [row]: PlainRow[] = await run(APPEND_ENTRY, {
        tenant: this.tenant,
        id,
        entry: ledgerEntryRow(entry),
        revoke: decision.content.kind === "REVOKE",
        reason: decision.revokeReason ?? null,
      });
      await this.audit.append(run, now, [decision.audit(entry)]);
      await this.outbox.append(run, now, [decision.change(entry)]);
      return { result: decision.result(toContract(row!), entry) };
    });
  }

  async get(id: string): Promise<StoredValueContract | null> {
    const [row] = await this.executor.read(GET_CONTRACT, { tenant: this.tenant, id });
    return row === undefined ? null : toContract(row);
  }

  /** Newest first, after (createdAt, id) when given, at most `limit`. */
  async list(
    accountId: string | null,
    after: { createdAt: string; id: string } | null,
    limit: number,
  ): Promise<StoredValueContract[]> {
    const rows = await this.executor.read(LIST_CONTRACTS, {
      tenant: this.tenant,
      accountId,
      afterCreatedAt: after?.createdAt ?? null,
      afterId: after?.id ?? null,
      limit: neo4j.int(limit),
    });
    return rows.map(toContract);
  }

  async count(accountId: string | null): Promise<number> {
    const [row] = await this.executor.read(COUNT_CONTRACTS, { tenant: this.tenant, accountId });
    return Number(row?.total ?? 0);
  }

  /** Up to `limit` entries numbered after `after`, in order. */
  async ledgerPage(id: string, after: number, limit: number): Promise<ContractLedgerEntry[]> {
    const rows = await this.executor.read(LEDGER_PAGE, {
      tenant: this.tenant,
      id,
      after: neo4j.int(after),
      limit: neo4j.int(limit),
    });
    return rows.map(toLedgerEntry);
  }
}
