import { randomBytes } from "node:crypto";
import { AuditSigningKey } from "../../domain/audit/audit-signature";
import { canonicalJson } from "../../domain/audit/canonical-json";
import { computeBenefit, UsageLine } from "../../domain/contracts/benefit-formula";
import {
  ContractLedgerEntry,
  ContractLedgerVerifier,
  LedgerVerificationResult,
  sha256Hex,
} from "../../domain/contracts/contract-ledger";
import { ContractMonth, overlaps, parseContractMonth } from "../../domain/contracts/contract-period";
import { contractAuditEntry, contractChange } from "../../domain/contracts/contract-records";
import { buildStatement, signStatement, SignedContractStatement } from "../../domain/contracts/contract-statement";
import {
  DATA_CATEGORIES,
  DATA_PURPOSES,
  DataCategory,
  DataPurpose,
  MAX_REASON_LENGTH,
  MAX_UNITS_PER_RECORD,
  StoredValueContract,
} from "../../domain/contracts/contract-terms";
import { ContractError } from "../../domain/contracts/contract.errors";
import { isProcessingAllowed, ProcessingDecision } from "../../domain/contracts/processing-grant";
import { ContractDefinitionInput, validateContractDefinition } from "../../domain/contracts/validate-contract";
import { Page } from "../../domain/model";
import { ValueContractRepository } from "../../graph/contracts/value-contract.repository";

/** Entries read per page while verifying a ledger: bounded memory whatever its length. */
export const LEDGER_VERIFY_PAGE_SIZE = 2_000;

/** Who calls: their audit actor ("user:<sub>" or "agent:<name>") and their user record id, when they are a user. */
export interface ContractCaller {
  actor: string;
  userId: string | null;
}

export interface UsageRecordInput {
  contractId: string;
  period: string;
  category: DataCategory;
  purpose: DataPurpose;
  anonymised: boolean;
  units: number;
}

export interface RecordedUsage {
  contract: StoredValueContract;
  entry: ContractLedgerEntry;
}

export interface ContractStatementResult extends SignedContractStatement {
  entry: ContractLedgerEntry;
}

function notFound(id: string): ContractError {
  return new ContractError(
    "CONTRACT_NOT_FOUND",
    `Your tenant has no value contract "${id.slice(0, 80)}". Check the id (valueContracts lists them).`,
  );
}

/** The usage lines of a period's USE_SUMMARY entries; an entry altered into nonsense counts nothing (verification reports it). */
function usageLinesOf(entries: readonly ContractLedgerEntry[]): UsageLine[] {
  const lines: UsageLine[] = [];
  for (const entry of entries) {
    try {
      const p = JSON.parse(entry.payload) as Partial<UsageLine>;
      if (
        (DATA_CATEGORIES as readonly unknown[]).includes(p.category) &&
        (DATA_PURPOSES as readonly unknown[]).includes(p.purpose) &&
        typeof p.anonymised === "boolean" &&
        Number.isSafeInteger(p.units) &&
        (p.units as number) > 0
      ) {
        lines.push({ category: p.category!, purpose: p.purpose!, anonymised: p.anonymised, units: p.units! });
      }
    } catch {
      // skipped: see above
    }
  }
  return lines;
}

/**
 * One tenant's bidirectional value contracts (issue 15, docs/value-contracts.md, decision 0026): defined
 * immutable, used within their grant only, their benefit computed per month and handed to the customer as
 * an Ed25519-signed statement, revoked, and their ledger verified.
 */
export class ValueContractService {
  constructor(
    private readonly repository: ValueContractRepository,
    private readonly caller: ContractCaller,
    /** The installation's signing key (the audit key, decision 0026); null: statements cannot be signed. */
    private readonly signingKey: AuditSigningKey | null,
    /** Real time: a revocation stops processing from the moment it is recorded. */
    private readonly now: () => number = Date.now,
    private readonly verifyPageSize = LEDGER_VERIFY_PAGE_SIZE,
  ) {}

  private nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  private userIds(): string[] {
    return this.caller.userId === null ? [] : [this.caller.userId];
  }

  /**
   * Validates and stores a new contract with its GRANT entry. Contracts are immutable: new terms are a new
   * contract (and the old one revoked).
   */
  async define(input: ContractDefinitionInput): Promise<StoredValueContract> {
    const now = this.nowIso();
    const definition = validateContractDefinition(input, now);
    const definitionText = canonicalJson(definition);
    const definitionHash = sha256Hex(definitionText);
    const id = `vct_${randomBytes(16).toString("base64url")}`;
    const payload = { definition, definitionHash };
    const audit = (entry: Pick<ContractLedgerEntry, "contractId" | "kind" | "seq" | "hash" | "actor" | "period">) =>
      contractAuditEntry(entry, definition.accountId, this.userIds(), { definition, definitionHash });
    this.repository.checkAudit(
      audit({ contractId: id, kind: "GRANT", seq: 1, hash: "0", actor: this.caller.actor, period: null }),
    );
    const contract = await this.repository.define(
      { id, accountId: definition.accountId, definitionText, definitionHash },
      now,
      {
        content: { kind: "GRANT", actor: this.caller.actor, period: null, payload },
        audit,
        change: (entry) => contractChange(entry, [{ field: "status", old: null, new: "ACTIVE" }]),
      },
    );
    if (contract === null) {
      throw new ContractError(
        "CONTRACT_ACCOUNT_NOT_FOUND",
        `Your tenant has no account "${definition.accountId.slice(0, 80)}" (or it is deleted): a value contract is ` +
          `made with one of your customer accounts. Pass the account's id.`,
      );
    }
    return contract;
  }

  async get(id: string): Promise<StoredValueContract> {
    const contract = await this.repository.get(id);
    if (contract === null) throw notFound(id);
    return contract;
  }

  /** Newest first; `after` is the (createdAt, id) of the last contract seen. */
  async list(
    accountId: string | null,
    first: number,
    after: { createdAt: string; id: string } | null,
    withTotal = false,
  ): Promise<Page<StoredValueContract>> {
    const [rows, totalCount] = await Promise.all([
      this.repository.list(accountId, after, first + 1),
      withTotal ? this.repository.count(accountId) : Promise.resolve(null),
    ]);
    const items = rows.slice(0, first).map((node) => ({ node, sortKey: [node.createdAt, node.id] }));
    return { items, hasNextPage: rows.length > first, totalCount };
  }

  /**
   * Whether the contract allows this use now, without recording anything: for a pipeline that checks before
   * it processes (recording the use checks again, atomically).
   */
  async allows(
    id: string,
    use: { category: DataCategory; purpose: DataPurpose; anonymised: boolean },
  ): Promise<ProcessingDecision> {
    const contract = await this.get(id);
    return isProcessingAllowed(
      { grant: contract.definition.grant, revokedAt: contract.revokedAt },
      { ...use, at: this.nowIso() },
    );
  }

  /** The ledger's entries numbered after `afterSeq`, in order, at most `first`. */
  async ledger(id: string, first: number, afterSeq: number | null): Promise<ContractLedgerEntry[]> {
    await this.get(id);
    if (afterSeq !== null && (!Number.isSafeInteger(afterSeq) || afterSeq < 0)) {
      throw new ContractError(
        "INVALID_CONTRACT_REQUEST",
        `afterSeq must be an entry number of 0 or more; it is ${afterSeq}.`,
      );
    }
    return this.repository.ledgerPage(id, afterSeq ?? 0, first);
  }

  /**
   * Records what was used under the contract in a month, as a USE_SUMMARY entry; refused when the use is
   * outside the grant (category, purpose, anonymisation, dates) or the contract is revoked. Checked at the
   * moment of recording, inside the transaction that appends it, so a revocation committed first wins.
   */
  async recordUsage(input: UsageRecordInput): Promise<RecordedUsage> {
    const now = this.nowIso();
    const { units } = input;
    if (!Number.isSafeInteger(units) || units < 1 || units > MAX_UNITS_PER_RECORD) {
      throw new ContractError(
        "INVALID_CONTRACT_REQUEST",
        `units must be a whole number from 1 to ${MAX_UNITS_PER_RECORD}; it is ${units}. Record the units of data ` +
          "used (records, events or files), split over several records when there are more.",
      );
    }
    const month = this.startedMonth(input.period, now);
    const details = { category: input.category, purpose: input.purpose, anonymised: input.anonymised, units };
    const outcome = await this.repository.append<RecordedUsage>(input.contractId, now, null, (contract) => {
      const decision = isProcessingAllowed(
        { grant: contract.definition.grant, revokedAt: contract.revokedAt },
        { ...details, at: now },
      );
      if (!decision.allowed) {
        return {
          refuse: new ContractError(
            decision.refusal === "CONTRACT_REVOKED" ? "CONTRACT_REVOKED" : "PROCESSING_NOT_GRANTED",
            `Contract ${contract.id} does not allow this use: ${decision.message}. Nothing was recorded; ` +
              "do not process the data this way.",
          ),
        };
      }
      const outside = this.outsideGrant(contract, month);
      if (outside !== null) return { refuse: outside };
      return {
        content: { kind: "USE_SUMMARY", actor: this.caller.actor, period: month.period, payload: details },
        audit: (entry) => contractAuditEntry(entry, contract.definition.accountId, this.userIds(), details),
        change: (entry) => contractChange(entry, [{ field: "units", old: null, new: units }]),
        result: (stored, entry) => ({ contract: stored, entry }),
      };
    });
    return this.settled(outcome, input.contractId);
  }

  /**
   * Computes the month's benefit from its USE_SUMMARY entries, records it as a BENEFIT entry, and returns the
   * statement signed with Ed25519. Works on revoked contracts too: usage before the revocation is still owed.
   */
  async statement(id: string, period: string): Promise<ContractStatementResult> {
    const key = this.signingKey;
    if (key === null) {
      throw new ContractError(
        "CONTRACT_SIGNING_UNAVAILABLE",
        "This server has no signing key, so it cannot sign statements. The operator sets RELATA_AUDIT_SIGNING_KEY " +
          "(docs/audit.md); try again later.",
      );
    }
    const now = this.nowIso();
    const month = this.startedMonth(period, now);
    const outcome = await this.repository.append<ContractStatementResult>(
      id,
      now,
      { period: month.period, kind: "USE_SUMMARY" },
      (contract, usageEntries) => {
        const outside = this.outsideGrant(contract, month);
        if (outside !== null) return { refuse: outside };
        const benefit = computeBenefit(contract.definition, {
          period: month.period,
          lines: usageLinesOf(usageEntries),
        });
        const final = now >= month.end;
        const payload = {
          totalUnits: benefit.totalUnits,
          usage: benefit.usage,
          usageThroughSeq: usageEntries[usageEntries.length - 1]?.seq ?? 0,
          benefit: { kind: benefit.kind, value: benefit.value },
          final,
          keyId: key.keyId,
        };
        return {
          content: { kind: "BENEFIT", actor: this.caller.actor, period: month.period, payload },
          audit: (entry) =>
            contractAuditEntry(entry, contract.definition.accountId, this.userIds(), {
              totalUnits: benefit.totalUnits,
              benefit: payload.benefit,
              final,
            }),
          change: (entry) => contractChange(entry, [{ field: "benefit", old: null, new: benefit.value }]),
          result: (stored, entry) => ({
            ...signStatement(
              key,
              buildStatement(stored, month, benefit, { seq: entry.seq, hash: entry.hash }, now, key.keyId),
            ),
            entry,
          }),
        };
      },
    );
    return this.settled(outcome, id);
  }

  /** Revokes the contract now: no processing under it from this moment (REVOKE entry). */
  async revoke(id: string, reasonArg: string): Promise<StoredValueContract> {
    const reason = reasonArg.trim();
    if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) {
      throw new ContractError(
        "INVALID_CONTRACT_REQUEST",
        `reason must be a text of 1 to ${MAX_REASON_LENGTH} characters; it is ${reason.length} characters long.`,
      );
    }
    const now = this.nowIso();
    this.repository.checkAudit(
      contractAuditEntry(
        { contractId: id, kind: "REVOKE", seq: 1, hash: "0", actor: this.caller.actor, period: null },
        "account",
        this.userIds(),
        { reason },
      ),
    );
    const outcome = await this.repository.append<StoredValueContract>(id, now, null, (contract) => {
      if (contract.revokedAt !== null) {
        return {
          refuse: new ContractError(
            "CONTRACT_REVOKED",
            `Contract ${contract.id} was already revoked at ${contract.revokedAt}; nothing was changed.`,
          ),
        };
      }
      return {
        content: { kind: "REVOKE", actor: this.caller.actor, period: null, payload: { reason, revokedAt: now } },
        revokeReason: reason,
        audit: (entry) => contractAuditEntry(entry, contract.definition.accountId, this.userIds(), { reason }),
        change: (entry) => contractChange(entry, [{ field: "status", old: "ACTIVE", new: "REVOKED" }]),
        result: (stored) => stored,
      };
    });
    return this.settled(outcome, id);
  }

  /** Recomputes every hash and link of the contract's ledger and checks it against the contract; the first problem wins. */
  async verify(id: string): Promise<LedgerVerificationResult> {
    const contract = await this.get(id);
    const verifier = new ContractLedgerVerifier(contract);
    let after = 0;
    for (;;) {
      const page = await this.repository.ledgerPage(id, after, this.verifyPageSize);
      verifier.addPage(page);
      if (verifier.done || page.length < this.verifyPageSize) break;
      after = page[page.length - 1]!.seq;
    }
    return verifier.result();
  }

  /** A month that has begun (usage and benefits are never recorded ahead). */
  private startedMonth(period: string, now: string): ContractMonth {
    const month = parseContractMonth(period);
    if (month.start > now) {
      throw new ContractError(
        "INVALID_CONTRACT_REQUEST",
        `period ${month.period} has not begun yet (it starts at ${month.start}); use the current or an earlier month.`,
      );
    }
    return month;
  }

  private outsideGrant(contract: StoredValueContract, month: ContractMonth): ContractError | null {
    const { startsAt, endsAt } = contract.definition.grant;
    if (overlaps(month.start, month.end, startsAt, endsAt)) return null;
    return new ContractError(
      "INVALID_CONTRACT_REQUEST",
      `period ${month.period} lies outside contract ${contract.id}'s grant (from ${startsAt}` +
        `${endsAt === null ? "" : ` to ${endsAt}`}); use a month the grant covers.`,
    );
  }

  private settled<R>(outcome: { refused: ContractError } | { result: R } | null, id: string): R {
    if (outcome === null) throw notFound(id);
    if ("refused" in outcome) throw outcome.refused;
    return outcome.result;
  }
}
