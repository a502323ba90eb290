import { MONTH_MS, YEAR_MS } from "./duration";
import { describeValue, formatNumber } from "./format";
import { ok, problem, Result } from "./result";

/**
 * The unit catalogue of ontology/README.md ("Units"). Units convert only within one conversion group:
 * a dimension such as time, or for money one currency, because exchange rates change daily and a
 * knowledge graph must not silently bake one in. Units without a group partner convert only to themselves.
 */

/** The dimensions units belong to. */
export const UNIT_DIMENSIONS = [
  "time",
  "ratio",
  "money",
  "distance",
  "count",
  "score",
  "speed",
  "energy",
  "temperature",
] as const;
export type UnitDimension = (typeof UNIT_DIMENSIONS)[number];

interface UnitDefinition {
  dimension: UnitDimension;
  /** Units convert only to units of the same group (the dimension, or the currency for money). */
  group: string;
  /**
   * The unit's size in the smallest unit of its group. Integers on purpose: converting divides or
   * multiplies by an integer ratio, so 90 minutes is exactly 1.5 hours and 12345 cents exactly 123.45.
   */
  size: number;
}

const CATALOGUE = {
  seconds: { dimension: "time", group: "time", size: 1 },
  minutes: { dimension: "time", group: "time", size: 60 },
  hours: { dimension: "time", group: "time", size: 3_600 },
  days: { dimension: "time", group: "time", size: 86_400 },
  // The lengths of "P1M" and "P1Y" (duration.ts): 12 months are exactly a year, both whole seconds.
  months: { dimension: "time", group: "time", size: MONTH_MS / 1_000 },
  years: { dimension: "time", group: "time", size: YEAR_MS / 1_000 },
  percent: { dimension: "ratio", group: "ratio", size: 1 },
  ratio: { dimension: "ratio", group: "ratio", size: 100 },
  USD: { dimension: "money", group: "USD", size: 100 },
  USD_cents: { dimension: "money", group: "USD", size: 1 },
  EUR: { dimension: "money", group: "EUR", size: 100 },
  EUR_cents: { dimension: "money", group: "EUR", size: 1 },
  CNY: { dimension: "money", group: "CNY", size: 100 },
  CNY_fen: { dimension: "money", group: "CNY", size: 1 },
  km: { dimension: "distance", group: "distance", size: 1_000 },
  m: { dimension: "distance", group: "distance", size: 1 },
  count: { dimension: "count", group: "count", size: 1 },
  score_1_5: { dimension: "score", group: "score_1_5", size: 1 },
  score_0_10: { dimension: "score", group: "score_0_10", size: 1 },
  score_0_100: { dimension: "score", group: "score_0_100", size: 1 },
  mm_per_s: { dimension: "speed", group: "mm_per_s", size: 1 },
  kwh: { dimension: "energy", group: "kwh", size: 1 },
  celsius: { dimension: "temperature", group: "celsius", size: 1 },
} as const satisfies Record<string, UnitDefinition>;

/** A unit of the catalogue. */
export type Unit = keyof typeof CATALOGUE;

/** Every known unit, in catalogue order (for validators and GraphQL enums). */
export const UNITS = Object.keys(CATALOGUE) as readonly Unit[];

/** Whether `unit` is in the catalogue. Case-sensitive: `USD` and `usd` are not the same key. */
export function isKnownUnit(unit: unknown): unit is Unit {
  return typeof unit === "string" && Object.hasOwn(CATALOGUE, unit);
}

/** The dimension of a known unit, or null for an unknown one. */
export function unitDimension(unit: string): UnitDimension | null {
  return isKnownUnit(unit) ? CATALOGUE[unit].dimension : null;
}

/** Why `from` cannot be converted to `to`, or null when it can (including `from === to`). */
export function unitConversionProblem(from: string, to: string): string | null {
  if (!isKnownUnit(from)) return unknownUnit(from);
  if (!isKnownUnit(to)) return unknownUnit(to);
  if (from === to) return null;
  const source: UnitDefinition = CATALOGUE[from];
  const target: UnitDefinition = CATALOGUE[to];
  if (source.dimension !== target.dimension) {
    return (
      `cannot convert ${from} (${source.dimension}) to ${to} (${target.dimension}): ` +
      `units of different dimensions do not convert`
    );
  }
  if (source.group === target.group) return null;
  if (source.dimension === "money") {
    return (
      `cannot convert ${from} to ${to}: Relata does not convert between currencies; ` +
      `keep the field's currency or convert it in the source system`
    );
  }
  return `cannot convert ${from} to ${to}: these ${source.dimension} units are different scales that do not convert; normalise each with its own bounds instead`;
}

/**
 * Converts `value` from one unit to another of the same conversion group.
 * Never throws and never returns NaN: unknown units, incompatible units, non-finite values and
 * overflowing results are problems.
 */
export function convertUnit(value: number, from: string, to: string): Result<number> {
  const incompatible = unitConversionProblem(from, to);
  if (incompatible !== null) return problem(incompatible);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return problem(`cannot convert ${describeValue(value)} from ${from} to ${to}: expected a finite number`);
  }
  // Both are known here; the check above returned otherwise.
  const fromSize: number = CATALOGUE[from as Unit].size;
  const toSize: number = CATALOGUE[to as Unit].size;
  const converted = fromSize >= toSize ? value * (fromSize / toSize) : value / (toSize / fromSize);
  if (!Number.isFinite(converted)) {
    return problem(`converting ${formatNumber(value)} ${from} to ${to} gives a number too large to represent`);
  }
  return ok(converted);
}

function unknownUnit(unit: string): string {
  return `unknown unit ${JSON.stringify(unit)}; known units are ${UNITS.join(", ")}`;
}
