/**
 * A bidirectional value contract (issue 15, docs/value-contracts.md): what one customer account grants the
 * tenant (data categories, purposes, anonymised or not, for how long) and what the tenant gives back (a
 * benefit computed per month by a declarative formula from the units of data actually used).
 */

/** The kinds of data a customer can grant. */
export const DATA_CATEGORIES = ["USAGE", "TELEMETRY", "SUPPORT", "COMMERCIAL"] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** What granted data may be used for. */
export const DATA_PURPOSES = ["ANALYTICS", "BENCHMARKING", "PRODUCT_IMPROVEMENT", "AUTOMATION"] as const;
export type DataPurpose = (typeof DATA_PURPOSES)[number];

/** What the tenant gives back: a subscription discount in percent, or a monthly API call quota. */
export const BENEFIT_KINDS = ["DISCOUNT_PERCENT", "API_QUOTA"] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

export const FORMULA_KINDS = ["LINEAR", "TIERED"] as const;
export type FormulaKind = (typeof FORMULA_KINDS)[number];

/** Benefit periods; calendar months in UTC for now. */
export const CONTRACT_PERIODS = ["MONTH"] as const;
export type ContractPeriod = (typeof CONTRACT_PERIODS)[number];

/** One tier of a piecewise formula: `rate` per unit for the units from `fromUnits` up to the next tier's. */
export interface FormulaTier {
  fromUnits: number;
  rate: number;
}

/**
 * How the benefit follows from the units used in a period. Data, never code: it is evaluated by
 * {@link evaluateFormula} and nothing else.
 * - LINEAR: `base + rate × units`, then at most `cap`.
 * - TIERED: `base + Σ tier.rate × (units within the tier)`, tiers marginal like tax brackets, then at most `cap`.
 */
export type BenefitFormula =
  | { kind: "LINEAR"; base: number; rate: number; cap: number | null }
  | { kind: "TIERED"; base: number; tiers: FormulaTier[]; cap: number | null };

export interface ContractGrant {
  /** Sorted, without duplicates. */
  categories: DataCategory[];
  /** Sorted, without duplicates. */
  purposes: DataPurpose[];
  /** True: only anonymised data may be processed; false: anonymised or not. */
  anonymisedOnly: boolean;
  /** ISO 8601 UTC with milliseconds: processing is allowed from this instant ... */
  startsAt: string;
  /** ... until this one (exclusive); null: until revoked. */
  endsAt: string | null;
}

export interface ContractBenefit {
  kind: BenefitKind;
  formula: BenefitFormula;
}

/** The terms of a contract as validated and stored; immutable once defined (a change is a new contract). */
export interface ContractDefinition {
  accountId: string;
  title: string | null;
  grant: ContractGrant;
  benefit: ContractBenefit;
  period: ContractPeriod;
}

export type ContractStatus = "ACTIVE" | "REVOKED";

/** A contract as stored: its terms, their hash, and its state. */
export interface StoredValueContract {
  tenant: string;
  id: string;
  definition: ContractDefinition;
  /** The canonical JSON text of `definition`, exactly as stored (and as the GRANT entry's hash covers it). */
  definitionText: string;
  /** SHA-256 (hex) of `definitionText`. */
  definitionHash: string;
  status: ContractStatus;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedReason: string | null;
  /** The ledger's head: its last entry's number and hash. */
  ledgerSeq: number;
  ledgerHash: string;
}

// Input size limits: a contract is a handful of terms, not a document.
export const MAX_TITLE_LENGTH = 200;
export const MAX_REASON_LENGTH = 500;
export const MAX_ACCOUNT_ID_LENGTH = 200;
export const MAX_TIERS = 20;
/** The largest number a formula may hold (base, cap, tier start). */
export const MAX_FORMULA_NUMBER = 1_000_000_000;
/** The largest rate per unit. */
export const MAX_RATE = 1_000_000;
/** The most units one usage record may report. */
export const MAX_UNITS_PER_RECORD = 1_000_000_000;
/** How far ahead a contract may start, and how long it may run: 10 years. */
export const MAX_CONTRACT_YEARS = 10;
