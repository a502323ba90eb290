import { AuditEntryInput, AuditKind } from "../audit/audit-entry";
import { ChangeType, FieldChange, RecordChange } from "../events/change-event";
import { ContractLedgerEntry } from "./contract-ledger";

/** What each ledger entry kind is recorded as on the audit trail and in the change feed. */
const RECORDED_AS = {
  GRANT: { audit: "CONTRACT_DEFINED", change: "CONTRACT_DEFINED" },
  USE_SUMMARY: { audit: "CONTRACT_USAGE_RECORDED", change: "CONTRACT_USAGE_RECORDED" },
  BENEFIT: { audit: "CONTRACT_STATEMENT_ISSUED", change: "CONTRACT_STATEMENT_ISSUED" },
  REVOKE: { audit: "CONTRACT_REVOKED", change: "CONTRACT_REVOKED" },
} as const satisfies Record<ContractLedgerEntry["kind"], { audit: AuditKind; change: ChangeType }>;

/**
 * The audit record of a ledger entry: which contract and account, the entry's number and hash (so the audit
 * trail vouches for the ledger as it stood), and `details` (ids and numbers, never personal values).
 */
export function contractAuditEntry(
  entry: Pick<ContractLedgerEntry, "contractId" | "kind" | "seq" | "hash" | "actor" | "period">,
  accountId: string,
  userIds: readonly string[],
  details: Record<string, unknown>,
): AuditEntryInput {
  return {
    kind: RECORDED_AS[entry.kind].audit,
    accountIds: [accountId],
    userIds,
    actor: entry.actor,
    payload: {
      contractId: entry.contractId,
      ledgerSeq: entry.seq,
      ledgerHash: entry.hash,
      ...(entry.period === null ? {} : { period: entry.period }),
      ...details,
    },
  };
}

/** The change event of a ledger entry: the contract's ledger head and status before and after. */
export function contractChange(
  entry: Pick<ContractLedgerEntry, "contractId" | "kind" | "seq" | "hash">,
  changes: FieldChange[],
): RecordChange {
  return {
    type: RECORDED_AS[entry.kind].change,
    recordId: entry.contractId,
    externalId: null,
    sourceSystem: null,
    changes: [{ field: "ledgerSeq", old: entry.seq === 1 ? null : entry.seq - 1, new: entry.seq }, ...changes],
  };
}
