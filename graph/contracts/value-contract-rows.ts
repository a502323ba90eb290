import neo4j from "neo4j-driver";
import { ContractLedgerEntry, LedgerEntryKind } from "../../domain/contracts/contract-ledger";
import { ContractDefinition, ContractStatus, StoredValueContract } from "../../domain/contracts/contract-terms";
import { PlainRow } from "../executor";

/** The RETURN expression of a contract (`c` bound to a ValueContract). */
export const CONTRACT_FIELDS = `c {
  .tenant, .id, .definition, .definitionHash, .status, .createdAt, .createdBy, .revokedAt, .revokedReason,
  .ledgerSeq, .ledgerHash
} AS contract`;

/** The RETURN expression of a ledger entry (`e` bound to a ContractLedgerEntry). */
export const ENTRY_FIELDS = `e {
  .tenant, .contractId, .seq, .at, .kind, .actor, .period, .payload, .prevHash, .hash
} AS entry`;

/** Terms altered into invalid JSON read as empty terms; verifyContractLedger reports the mismatch. */
function parseDefinition(text: string): ContractDefinition {
  try {
    return JSON.parse(text) as ContractDefinition;
  } catch {
    return {
      accountId: "",
      title: null,
      grant: { categories: [], purposes: [], anonymisedOnly: true, startsAt: "9999-12-31T00:00:00.000Z", endsAt: null },
      benefit: { kind: "API_QUOTA", formula: { kind: "LINEAR", base: 0, rate: 0, cap: 0 } },
      period: "MONTH",
    };
  }
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function toContract(row: PlainRow): StoredValueContract {
  const c = row.contract as Record<string, unknown>;
  const definitionText = String(c.definition ?? "");
  return {
    tenant: String(c.tenant),
    id: String(c.id),
    definition: parseDefinition(definitionText),
    definitionText,
    definitionHash: String(c.definitionHash ?? ""),
    status: String(c.status) as ContractStatus,
    createdAt: String(c.createdAt),
    createdBy: String(c.createdBy),
    revokedAt: text(c.revokedAt),
    revokedReason: text(c.revokedReason),
    ledgerSeq: Number(c.ledgerSeq ?? 0),
    ledgerHash: String(c.ledgerHash ?? ""),
  };
}

export function toLedgerEntry(row: PlainRow): ContractLedgerEntry {
  const e = row.entry as Record<string, unknown>;
  return {
    tenant: String(e.tenant),
    contractId: String(e.contractId),
    seq: Number(e.seq),
    at: String(e.at),
    kind: String(e.kind) as LedgerEntryKind,
    actor: String(e.actor),
    period: text(e.period),
    payload: String(e.payload),
    prevHash: String(e.prevHash),
    hash: String(e.hash),
  };
}

/** An entry as the CREATE statements take it. */
export function ledgerEntryRow(entry: ContractLedgerEntry): Record<string, unknown> {
  return {
    contractId: entry.contractId,
    seq: neo4j.int(entry.seq),
    at: entry.at,
    kind: entry.kind,
    actor: entry.actor,
    period: entry.period,
    payload: entry.payload,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}
