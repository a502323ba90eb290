import { BenefitFormula, BenefitKind, ContractDefinition, DataCategory, DataPurpose } from "./contract-terms";

/** The result of a formula: the value before rounding and clamping, and how it was reached, in words. */
export interface FormulaResult {
  raw: number;
  explanation: string;
}

const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/**
 * Evaluates a declarative formula for `units` (a whole number of 0 or more). Nothing is parsed or run:
 * the formula is data, so a contract can never execute code.
 */
export function evaluateFormula(formula: BenefitFormula, units: number): FormulaResult {
  let raw: number;
  let explanation: string;
  if (formula.kind === "LINEAR") {
    raw = formula.base + formula.rate * units;
    explanation = `${fmt(formula.base)} + ${fmt(formula.rate)} × ${units} units = ${fmt(raw)}`;
  } else {
    raw = formula.base;
    const parts: string[] = [fmt(formula.base)];
    formula.tiers.forEach((tier, i) => {
      const next = formula.tiers[i + 1]?.fromUnits ?? Number.POSITIVE_INFINITY;
      const within = Math.max(0, Math.min(units, next) - tier.fromUnits);
      if (within > 0) {
        raw += tier.rate * within;
        parts.push(`${fmt(tier.rate)} × ${within} units from ${tier.fromUnits}`);
      }
    });
    explanation = `${parts.join(" + ")} = ${fmt(raw)}`;
  }
  if (formula.cap !== null && raw > formula.cap) {
    explanation += `, capped at ${fmt(formula.cap)}`;
    raw = formula.cap;
  }
  return { raw, explanation };
}

/** A benefit value as the customer gets it: a discount to 2 decimals within 0..100, a quota in whole calls. */
export function roundBenefit(kind: BenefitKind, raw: number): number {
  if (kind === "DISCOUNT_PERCENT") return Math.min(100, Math.max(0, Math.round(raw * 100) / 100));
  return Math.max(0, Math.floor(raw + 1e-9));
}

/** What was used in a period under a contract: one line per category, purpose and anonymisation. */
export interface UsageLine {
  category: DataCategory;
  purpose: DataPurpose;
  anonymised: boolean;
  units: number;
}

export interface UsageSummary {
  period: string;
  lines: readonly UsageLine[];
}

export interface ComputedBenefit {
  kind: BenefitKind;
  /** The units the formula was applied to: every usage line of the period. */
  totalUnits: number;
  value: number;
  explanation: string;
  /** The usage lines merged by category, purpose and anonymisation, sorted. */
  usage: UsageLine[];
}

/** Merges usage lines with the same category, purpose and anonymisation, in a fixed order. */
export function mergeUsage(lines: readonly UsageLine[]): UsageLine[] {
  const merged = new Map<string, UsageLine>();
  for (const line of lines) {
    const key = `${line.category}|${line.purpose}|${line.anonymised}`;
    const found = merged.get(key);
    if (found) found.units += line.units;
    else merged.set(key, { ...line });
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line);
}

/** The benefit the contract gives for what was used in a period. */
export function computeBenefit(contract: Pick<ContractDefinition, "benefit">, summary: UsageSummary): ComputedBenefit {
  const usage = mergeUsage(summary.lines);
  const totalUnits = usage.reduce((sum, line) => sum + line.units, 0);
  const { raw, explanation } = evaluateFormula(contract.benefit.formula, totalUnits);
  const value = roundBenefit(contract.benefit.kind, raw);
  const unit = contract.benefit.kind === "DISCOUNT_PERCENT" ? "% discount" : " API calls";
  return { kind: contract.benefit.kind, totalUnits, value, explanation: `${explanation} → ${value}${unit}`, usage };
}
