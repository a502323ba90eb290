import {
  BENEFIT_KINDS,
  BenefitFormula,
  BenefitKind,
  CONTRACT_PERIODS,
  ContractDefinition,
  ContractPeriod,
  DATA_CATEGORIES,
  DATA_PURPOSES,
  DataCategory,
  DataPurpose,
  FORMULA_KINDS,
  FormulaTier,
  MAX_ACCOUNT_ID_LENGTH,
  MAX_CONTRACT_YEARS,
  MAX_FORMULA_NUMBER,
  MAX_RATE,
  MAX_TIERS,
  MAX_TITLE_LENGTH,
} from "./contract-terms";
import { ContractError, ContractProblem } from "./contract.errors";

/** A contract definition as a client sends it: anything, checked field by field. */
export interface ContractDefinitionInput {
  accountId?: unknown;
  title?: unknown;
  grant?: {
    categories?: unknown;
    purposes?: unknown;
    anonymisedOnly?: unknown;
    startsAt?: unknown;
    endsAt?: unknown;
  } | null;
  benefit?: {
    kind?: unknown;
    formula?: {
      kind?: unknown;
      base?: unknown;
      rate?: unknown;
      cap?: unknown;
      tiers?: unknown;
    } | null;
  } | null;
  period?: unknown;
}

class Problems {
  readonly list: ContractProblem[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

function oneOf<T extends string>(p: Problems, value: unknown, allowed: readonly T[], path: string): T | null {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  p.add(
    path,
    `${JSON.stringify(typeof value === "string" ? value.slice(0, 40) : value)} is not one of ${allowed.join(", ")}`,
  );
  return null;
}

function listOf<T extends string>(p: Problems, value: unknown, allowed: readonly T[], path: string, what: string): T[] {
  if (!Array.isArray(value) || value.length === 0) {
    p.add(path, `must list at least one ${what} (of ${allowed.join(", ")})`);
    return [];
  }
  if (value.length > allowed.length * 4) {
    p.add(path, `has ${value.length} items; list each of ${allowed.join(", ")} at most once`);
    return [];
  }
  const items = value.map((v, i) => oneOf(p, v, allowed, `${path}[${i}]`)).filter((v): v is T => v !== null);
  return [...new Set(items)].sort();
}

function instant(p: Problems, value: unknown, path: string): string | null {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === "string" && value.length <= 40 ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    p.add(path, `must be an ISO 8601 instant such as "2026-12-01T00:00:00Z"; it is ${JSON.stringify(value)}`);
    return null;
  }
  return new Date(ms).toISOString();
}

function number(p: Problems, value: unknown, path: string, max: number, required = true): number | null {
  if (value === undefined || value === null) {
    if (required) p.add(path, "is required");
    return null;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    p.add(path, `must be a number; it is ${JSON.stringify(value)}`);
    return null;
  }
  if (value < 0 || value > max) {
    p.add(path, `must be from 0 to ${max}; it is ${value}`);
    return null;
  }
  return value;
}

function tiers(p: Problems, value: unknown, path: string): FormulaTier[] {
  if (!Array.isArray(value) || value.length === 0) {
    p.add(path, "a TIERED formula needs tiers: [{fromUnits: 0, rate}, ...] in ascending order of fromUnits");
    return [];
  }
  if (value.length > MAX_TIERS) {
    p.add(path, `has ${value.length} tiers; at most ${MAX_TIERS}`);
    return [];
  }
  const result: FormulaTier[] = [];
  value.forEach((tier: unknown, i) => {
    const t = (tier ?? {}) as { fromUnits?: unknown; rate?: unknown };
    const fromUnits = number(p, t.fromUnits, `${path}[${i}].fromUnits`, MAX_FORMULA_NUMBER);
    const rate = number(p, t.rate, `${path}[${i}].rate`, MAX_RATE);
    if (fromUnits !== null && !Number.isInteger(fromUnits)) {
      p.add(`${path}[${i}].fromUnits`, `must be a whole number of units; it is ${fromUnits}`);
    } else if (fromUnits !== null && rate !== null) {
      const previous = result[result.length - 1];
      if (i === 0 && fromUnits !== 0)
        p.add(`${path}[0].fromUnits`, `the first tier must start at 0; it starts at ${fromUnits}`);
      if (previous !== undefined && fromUnits <= previous.fromUnits) {
        p.add(
          `${path}[${i}].fromUnits`,
          `must be above the previous tier's (${previous.fromUnits}); list tiers in ascending order`,
        );
      }
      result.push({ fromUnits, rate });
    }
  });
  return result;
}

function formula(
  p: Problems,
  value: NonNullable<ContractDefinitionInput["benefit"]>["formula"],
  benefitKind: BenefitKind | null,
): BenefitFormula | null {
  const path = "benefit.formula";
  if (value === undefined || value === null || typeof value !== "object") {
    p.add(path, "is required: {kind: LINEAR, base, rate, cap} or {kind: TIERED, base, tiers, cap}");
    return null;
  }
  const kind = oneOf(p, value.kind, FORMULA_KINDS, `${path}.kind`);
  // A discount is a percentage: nothing in its formula may go past 100.
  const max = benefitKind === "DISCOUNT_PERCENT" ? 100 : MAX_FORMULA_NUMBER;
  const base = number(p, value.base ?? 0, `${path}.base`, max);
  const cap = number(p, value.cap, `${path}.cap`, max, false);
  if (kind === "LINEAR") {
    if (value.tiers !== undefined && value.tiers !== null)
      p.add(`${path}.tiers`, "belongs to TIERED formulas; give rate");
    const rate = number(p, value.rate, `${path}.rate`, MAX_RATE);
    return base === null || rate === null ? null : { kind, base, rate, cap };
  }
  if (kind === "TIERED") {
    if (value.rate !== undefined && value.rate !== null)
      p.add(`${path}.rate`, "belongs to LINEAR formulas; give tiers");
    const list = tiers(p, value.tiers, `${path}.tiers`);
    return base === null || list.length === 0 ? null : { kind, base, tiers: list, cap };
  }
  return null;
}

/**
 * Checks a contract definition and returns it normalised (lists sorted and deduplicated, instants as UTC
 * ISO with milliseconds, absent optional fields null). `now` bounds the dates: a contract ends after it
 * starts, and neither lies more than {@link MAX_CONTRACT_YEARS} years beyond `now`. Throws
 * {@link ContractError} INVALID_CONTRACT listing every problem with its field path.
 */
export function validateContractDefinition(input: ContractDefinitionInput, now: string): ContractDefinition {
  const p = new Problems();
  const accountId = input.accountId;
  if (typeof accountId !== "string" || accountId.length === 0 || accountId.length > MAX_ACCOUNT_ID_LENGTH) {
    p.add("accountId", `must be an account id of 1 to ${MAX_ACCOUNT_ID_LENGTH} characters`);
  }
  let title: string | null = null;
  if (input.title !== undefined && input.title !== null) {
    if (typeof input.title !== "string" || input.title.trim().length === 0 || input.title.length > MAX_TITLE_LENGTH) {
      p.add("title", `must be a text of 1 to ${MAX_TITLE_LENGTH} characters, or left out`);
    } else title = input.title.trim();
  }
  const grant = input.grant;
  let categories: DataCategory[] = [];
  let purposes: DataPurpose[] = [];
  let startsAt: string | null = null;
  let endsAt: string | null = null;
  let anonymisedOnly = true;
  if (grant === undefined || grant === null || typeof grant !== "object") {
    p.add("grant", "is required: {categories, purposes, anonymisedOnly, startsAt, endsAt}");
  } else {
    categories = listOf(p, grant.categories, DATA_CATEGORIES, "grant.categories", "data category");
    purposes = listOf(p, grant.purposes, DATA_PURPOSES, "grant.purposes", "purpose");
    if (typeof grant.anonymisedOnly !== "boolean") p.add("grant.anonymisedOnly", "must be true or false");
    else anonymisedOnly = grant.anonymisedOnly;
    startsAt = instant(p, grant.startsAt, "grant.startsAt");
    if (grant.endsAt !== undefined && grant.endsAt !== null) endsAt = instant(p, grant.endsAt, "grant.endsAt");
    const horizon = new Date(Date.parse(now));
    horizon.setUTCFullYear(horizon.getUTCFullYear() + MAX_CONTRACT_YEARS);
    const limit = horizon.toISOString();
    if (startsAt !== null && startsAt > limit)
      p.add("grant.startsAt", `must be within ${MAX_CONTRACT_YEARS} years from now`);
    if (endsAt !== null && startsAt !== null && endsAt <= startsAt) {
      p.add("grant.endsAt", `must be after grant.startsAt (${startsAt}); it is ${endsAt}`);
    } else if (endsAt !== null && endsAt <= now) {
      p.add("grant.endsAt", `is in the past (${endsAt}); a contract must end after it is defined`);
    } else if (endsAt !== null && endsAt > limit) {
      p.add("grant.endsAt", `must be within ${MAX_CONTRACT_YEARS} years from now`);
    }
  }
  const benefit = input.benefit;
  let benefitKind: BenefitKind | null = null;
  let benefitFormula: BenefitFormula | null = null;
  if (benefit === undefined || benefit === null || typeof benefit !== "object") {
    p.add("benefit", "is required: {kind, formula}");
  } else {
    benefitKind = oneOf(p, benefit.kind, BENEFIT_KINDS, "benefit.kind");
    benefitFormula = formula(p, benefit.formula, benefitKind);
  }
  const period: ContractPeriod | null =
    input.period === undefined || input.period === null ? "MONTH" : oneOf(p, input.period, CONTRACT_PERIODS, "period");
  if (p.list.length > 0 || benefitKind === null || benefitFormula === null || startsAt === null || period === null) {
    const list = p.list.length > 0 ? p.list : [{ path: "benefit", message: "is incomplete" }];
    throw new ContractError(
      "INVALID_CONTRACT",
      `The contract definition has ${list.length} problem${list.length === 1 ? "" : "s"}: ` +
        list.map((x) => `${x.path} ${x.message}`).join("; ") +
        ". Fix them and define the contract again (docs/value-contracts.md lists the fields).",
      list,
    );
  }
  return {
    accountId: accountId as string,
    title,
    grant: { categories, purposes, anonymisedOnly, startsAt, endsAt },
    benefit: { kind: benefitKind, formula: benefitFormula },
    period,
  };
}
