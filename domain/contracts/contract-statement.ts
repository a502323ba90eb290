import { createPublicKey, sign, verify } from "node:crypto";
import { AuditSigningKey } from "../audit/audit-signature";
import { canonicalJson } from "../audit/canonical-json";
import { ComputedBenefit, UsageLine } from "./benefit-formula";
import { ContractMonth } from "./contract-period";
import { BenefitFormula, StoredValueContract } from "./contract-terms";

/**
 * What a signed statement says; the type names the document so that a signature over it can never be taken
 * for one over another kind of document signed with the same key (an audit checkpoint).
 */
export const STATEMENT_TYPE = "relata.value-contract-statement";
export const STATEMENT_VERSION = 1;

export interface ContractStatementPayload {
  type: typeof STATEMENT_TYPE;
  version: typeof STATEMENT_VERSION;
  tenant: string;
  contractId: string;
  accountId: string;
  /** SHA-256 of the contract's canonical terms, as its GRANT entry recorded them. */
  definitionHash: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  /** False while the period runs: more usage may still be recorded for it. */
  final: boolean;
  usage: UsageLine[];
  totalUnits: number;
  benefit: { kind: string; value: number; formula: BenefitFormula; explanation: string };
  /** The BENEFIT ledger entry this statement was recorded as: its number and hash. */
  ledger: { seq: number; hash: string };
  issuedAt: string;
  keyId: string;
}

export interface SignedContractStatement {
  payload: ContractStatementPayload;
  /** The exact bytes (UTF-8) the signature covers: RFC 8785 canonical JSON of `payload`. */
  canonicalPayload: string;
  /** Ed25519 over `canonicalPayload`, base64. */
  signature: string;
  keyId: string;
  algorithm: "Ed25519";
}

/** The statement's content, unsigned, for a period's computed benefit and its BENEFIT ledger entry. */
export function buildStatement(
  contract: StoredValueContract,
  month: ContractMonth,
  benefit: ComputedBenefit,
  ledger: { seq: number; hash: string },
  issuedAt: string,
  keyId: string,
): ContractStatementPayload {
  return {
    type: STATEMENT_TYPE,
    version: STATEMENT_VERSION,
    tenant: contract.tenant,
    contractId: contract.id,
    accountId: contract.definition.accountId,
    definitionHash: contract.definitionHash,
    period: month.period,
    periodStart: month.start,
    periodEnd: month.end,
    final: issuedAt >= month.end,
    usage: benefit.usage,
    totalUnits: benefit.totalUnits,
    benefit: {
      kind: benefit.kind,
      value: benefit.value,
      formula: contract.definition.benefit.formula,
      explanation: benefit.explanation,
    },
    ledger,
    issuedAt,
    keyId,
  };
}

/** Signs a statement with the installation's signing key (the audit key; decision 0026). */
export function signStatement(key: AuditSigningKey, payload: ContractStatementPayload): SignedContractStatement {
  if (payload.keyId !== key.keyId) throw new Error(`the statement names key ${payload.keyId}, not ${key.keyId}`);
  const canonicalPayload = canonicalJson(payload);
  return {
    payload,
    canonicalPayload,
    signature: sign(null, Buffer.from(canonicalPayload, "utf8"), key.privateKey).toString("base64"),
    keyId: key.keyId,
    algorithm: "Ed25519",
  };
}

/**
 * What a customer checks (docs/value-contracts.md): the signature over the canonical payload with the
 * published public key, that the payload is a value-contract statement naming that key, and that the text is
 * the canonical form of its own content (nothing added around it).
 */
export function verifyStatement(
  statement: { canonicalPayload: string; signature: string },
  publicKeyPem: string,
  keyId: string,
): boolean {
  try {
    const payload = JSON.parse(statement.canonicalPayload) as Partial<ContractStatementPayload>;
    if (payload.type !== STATEMENT_TYPE || payload.keyId !== keyId) return false;
    if (canonicalJson(payload) !== statement.canonicalPayload) return false;
    return verify(
      null,
      Buffer.from(statement.canonicalPayload, "utf8"),
      createPublicKey(publicKeyPem),
      Buffer.from(statement.signature, "base64"),
    );
  } catch {
    return false;
  }
}
