import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  ContractLedgerEntry,
  LedgerProblemKind,
  LedgerVerificationResult,
} from "../../domain/contracts/contract-ledger";
import { StoredValueContract } from "../../domain/contracts/contract-terms";
import { ProcessingDecision } from "../../domain/contracts/processing-grant";
import { Connection } from "../common/connection.type";
import { BenefitKindEnum, DataCategoryEnum, DataPurposeEnum, FormulaKindEnum } from "./value-contract.input";
import { ContractStatementResult } from "../../services/contracts/value-contract.service";
import { enumOf } from "../common/enums";

export const ValueContractStatusEnum = enumOf(["ACTIVE", "REVOKED"] as const);
registerEnumType(ValueContractStatusEnum, { name: "ValueContractStatus" });

export const ContractLedgerProblemKindEnum = {
  GAP: "GAP",
  BROKEN_LINK: "BROKEN_LINK",
  ALTERED: "ALTERED",
  HEAD_MISMATCH: "HEAD_MISMATCH",
  TERMS_MISMATCH: "TERMS_MISMATCH",
  STATE_MISMATCH: "STATE_MISMATCH",
} as const satisfies Record<LedgerProblemKind, LedgerProblemKind>;
registerEnumType(ContractLedgerProblemKindEnum, {
  name: "ContractLedgerProblemKind",
  description: "What is wrong at an entry of a contract's ledger.",
  valuesConfig: {
    GAP: { description: "An entry is missing: the numbers jump, or the ledger ends before the contract's head." },
    BROKEN_LINK: { description: "An entry does not hold its predecessor's hash: entries were reordered or rebuilt." },
    ALTERED: { description: "An entry's content does not match its hash: it was changed after it was written." },
    HEAD_MISMATCH: { description: "The contract's head names another last entry than the ledger has." },
    TERMS_MISMATCH: { description: "The contract's stored terms are not the ones its GRANT entry recorded." },
    STATE_MISMATCH: { description: "The contract's revocation disagrees with its ledger's REVOKE entry." },
  },
});

@ObjectType("FormulaTier", { simpleResolvers: true })
export class FormulaTierView {
  @Field(() => Float)
  fromUnits!: number;

  @Field(() => Float)
  rate!: number;
}

@ObjectType("BenefitFormula", { simpleResolvers: true })
export class BenefitFormulaView {
  @Field(() => FormulaKindEnum)
  kind!: string;

  @Field(() => Float)
  base!: number;

  @Field(() => Float, { nullable: true })
  rate!: number | null;

  @Field(() => Float, { nullable: true })
  cap!: number | null;

  @Field(() => [FormulaTierView], { nullable: true })
  tiers!: FormulaTierView[] | null;
}

@ObjectType("ContractGrant", { simpleResolvers: true })
export class ContractGrantView {
  @Field(() => [DataCategoryEnum])
  categories!: string[];

  @Field(() => [DataPurposeEnum])
  purposes!: string[];

  @Field()
  anonymisedOnly!: boolean;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date, { nullable: true })
  endsAt!: Date | null;
}

@ObjectType("ContractBenefit", { simpleResolvers: true })
export class ContractBenefitView {
  @Field(() => BenefitKindEnum)
  kind!: string;

  @Field(() => BenefitFormulaView)
  formula!: BenefitFormulaView;
}

@ObjectType("ValueContract", {
  simpleResolvers: true,
  description:
    "A bidirectional value contract with one customer account (docs/value-contracts.md): immutable terms, a " +
    "hash-chained ledger of its grant, uses, benefits and revocation.",
})
export class ValueContractView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => ValueContractStatusEnum)
  status!: string;

  @Field(() => ContractGrantView)
  grant!: ContractGrantView;

  @Field(() => ContractBenefitView)
  benefit!: ContractBenefitView;

  @Field({ description: "MONTH: benefits are computed per calendar month in UTC." })
  period!: string;

  @Field({ description: "SHA-256 (hex) of the terms' canonical JSON, as the GRANT entry recorded it." })
  definitionHash!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field({ description: 'Who defined it: "user:<sub>" or "agent:<name>".' })
  createdBy!: string;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  revokedReason!: string | null;

  @Field(() => Int, { description: "The number of the ledger's last entry." })
  ledgerSeq!: number;

  @Field({ description: "The hash of the ledger's last entry." })
  ledgerHash!: string;
}

export function toValueContractView(c: StoredValueContract): ValueContractView {
  const { grant, benefit } = c.definition;
  const f = benefit.formula;
  return {
    id: c.id,
    accountId: c.definition.accountId,
    title: c.definition.title,
    status: c.status,
    grant: {
      categories: grant.categories,
      purposes: grant.purposes,
      anonymisedOnly: grant.anonymisedOnly,
      startsAt: new Date(grant.startsAt),
      endsAt: grant.endsAt === null ? null : new Date(grant.endsAt),
    },
    benefit: {
      kind: benefit.kind,
      formula: {
        kind: f.kind,
        base: f.base,
        rate: f.kind === "LINEAR" ? f.rate : null,
        cap: f.cap,
        tiers: f.kind === "TIERED" ? f.tiers : null,
      },
    },
    period: c.definition.period,
    definitionHash: c.definitionHash,
    createdAt: new Date(c.createdAt),
    createdBy: c.createdBy,
    revokedAt: c.revokedAt === null ? null : new Date(c.revokedAt),
    revokedReason: c.revokedReason,
    ledgerSeq: c.ledgerSeq,
    ledgerHash: c.ledgerHash,
  };
}

export const ValueContractConnection = Connection("ValueContractConnection", "ValueContractEdge", ValueContractView);

@ObjectType("ContractLedgerEntry", {
  simpleResolvers: true,
  description: "One entry of a contract's append-only, hash-chained ledger (docs/value-contracts.md).",
})
export class ContractLedgerEntryView {
  @Field(() => ID)
  contractId!: string;

  @Field(() => Int, { description: "From 1, without gaps, per contract." })
  seq!: number;

  @Field({ description: "ISO 8601 in UTC with milliseconds, exactly as hashed." })
  at!: string;

  @Field({ description: "GRANT, USE_SUMMARY, BENEFIT or REVOKE." })
  kind!: string;

  @Field()
  actor!: string;

  @Field(() => String, { nullable: true, description: "The month of a USE_SUMMARY or BENEFIT entry." })
  period!: string | null;

  @Field(() => GraphQLJSON)
  payload!: unknown;

  @Field({ description: "The exact canonical JSON text the hash covers." })
  payloadText!: string;

  @Field()
  prevHash!: string;

  @Field()
  hash!: string;
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function toLedgerEntryView(e: ContractLedgerEntry): ContractLedgerEntryView {
  return {
    contractId: e.contractId,
    seq: e.seq,
    at: e.at,
    kind: e.kind,
    actor: e.actor,
    period: e.period,
    payload: parsePayload(e.payload),
    payloadText: e.payload,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

@ObjectType("ContractUsageRecord", { simpleResolvers: true, description: "A use recorded on a contract's ledger." })
export class ContractUsageRecordView {
  @Field(() => ValueContractView)
  contract!: ValueContractView;

  @Field(() => ContractLedgerEntryView)
  entry!: ContractLedgerEntryView;
}

@ObjectType("ContractStatement", {
  simpleResolvers: true,
  description:
    "A month's benefit under a contract, signed with Ed25519 by this installation's key. The customer verifies " +
    "signature over canonicalPayload (UTF-8) with the public key at GET /v1/contracts/public-key whose keyId " +
    "matches (docs/value-contracts.md).",
})
export class ContractStatementView {
  @Field(() => ID)
  contractId!: string;

  @Field()
  period!: string;

  @Field({ description: "False while the month runs: more usage may still be recorded for it." })
  final!: boolean;

  @Field(() => Float)
  totalUnits!: number;

  @Field(() => BenefitKindEnum)
  benefitKind!: string;

  @Field(() => Float)
  benefitValue!: number;

  @Field({ description: "How the formula gave the value, in words." })
  explanation!: string;

  @Field(() => GraphQLJSON, { description: "The signed content, parsed." })
  payload!: unknown;

  @Field({ description: "The exact text signed: RFC 8785 canonical JSON of payload." })
  canonicalPayload!: string;

  @Field({ description: "Ed25519 over canonicalPayload's UTF-8 bytes, base64." })
  signature!: string;

  @Field()
  keyId!: string;

  @Field()
  algorithm!: string;

  @Field(() => ContractLedgerEntryView, { description: "The BENEFIT entry the statement was recorded as." })
  entry!: ContractLedgerEntryView;
}

export function toStatementView(s: ContractStatementResult): ContractStatementView {
  return {
    contractId: s.payload.contractId,
    period: s.payload.period,
    final: s.payload.final,
    totalUnits: s.payload.totalUnits,
    benefitKind: s.payload.benefit.kind,
    benefitValue: s.payload.benefit.value,
    explanation: s.payload.benefit.explanation,
    payload: s.payload,
    canonicalPayload: s.canonicalPayload,
    signature: s.signature,
    keyId: s.keyId,
    algorithm: s.algorithm,
    entry: toLedgerEntryView(s.entry),
  };
}

@ObjectType("ContractLedgerProblem", { simpleResolvers: true })
export class ContractLedgerProblemView {
  @Field(() => Int, { description: "The first entry number where the ledger is wrong." })
  seq!: number;

  @Field(() => ContractLedgerProblemKindEnum)
  kind!: LedgerProblemKind;

  @Field()
  message!: string;
}

@ObjectType("ContractLedgerVerification", { simpleResolvers: true })
export class ContractLedgerVerificationView {
  @Field()
  ok!: boolean;

  @Field(() => Int, { description: "Entries checked before the first problem (all of them when ok)." })
  checkedEntries!: number;

  @Field(() => Int, { description: "The entry count the contract's head claims." })
  headSeq!: number;

  @Field(() => ContractLedgerProblemView, { nullable: true })
  firstProblem!: ContractLedgerProblemView | null;
}

export function toVerificationView(r: LedgerVerificationResult): ContractLedgerVerificationView {
  return r;
}

@ObjectType("ContractProcessingDecision", { simpleResolvers: true })
export class ContractProcessingDecisionView {
  @Field()
  allowed!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "Why not: CONTRACT_REVOKED, NOT_STARTED, ENDED, CATEGORY_NOT_GRANTED, PURPOSE_NOT_GRANTED or NOT_ANONYMISED.",
  })
  refusal!: string | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

export function toDecisionView(d: ProcessingDecision): ContractProcessingDecisionView {
  return d.allowed
    ? { allowed: true, refusal: null, message: null }
    : { allowed: false, refusal: d.refusal, message: d.message };
}
