import { NORMALIZATION_KINDS, NormalizationSpec, Polarity } from "../model/mapping.model";
import { describeValue, formatNumber } from "./format";
import { ok, Ok, problem, Problem, Result } from "./result";
import {
  at,
  finiteNumber,
  formatProblem,
  isObject,
  located,
  oneOfValues,
  SpecProblem,
  unknownKeys,
} from "./spec-checks";

/** A normalised value in 0..1 with the sentence that explains it. */
export type NormalizeResult = (Ok<number> & { note: string }) | Problem;

/**
 * Maps `[min, max]` onto `[0, 1]`, clamping values outside. `min >= max` is a spec problem, not a
 * division by zero.
 */
export function normalizeFixed(value: number, min: number, max: number): Result<number> {
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    return problem(
      `fixed normalisation needs finite bounds; received min ${formatNumber(min)}, max ${formatNumber(max)}`,
    );
  }
  if (!(min < max)) {
    return problem(
      `fixed normalisation needs min below max; received min ${formatNumber(min)}, max ${formatNumber(max)}`,
    );
  }
  if (typeof value !== "number" || Number.isNaN(value)) {
    return problem(`fixed normalisation needs a number; received ${describeValue(value)}`);
  }
  if (value <= min) return ok(0);
  if (value >= max) return ok(1);
  // Halved so that bounds far apart (e.g. ±1e308) cannot overflow the subtraction.
  return ok(clamp01((value / 2 - min / 2) / (max / 2 - min / 2)));
}

/**
 * The percentile rank of `value` within a population sorted ascending (see {@link sortPopulation}):
 * 0 for the lowest member, 1 for the highest, and the mean of their ranks for tied members, so a value
 * shared by every member ranks 0.5. A value between members ranks halfway between them; one outside the
 * population ranks 0 or 1. An empty population is a problem: there is nothing to rank against.
 */
export function percentileRank(value: number, sortedPopulation: readonly number[]): Result<number> {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return problem(`percentile normalisation needs a finite number; received ${describeValue(value)}`);
  }
  const n = sortedPopulation.length;
  if (n === 0)
    return problem("percentile normalisation needs the tenant's values of the field; the population is empty");
  const below = firstIndex(sortedPopulation, (p) => p >= value);
  const upTo = firstIndex(sortedPopulation, (p) => p > value);
  const equal = upTo - below;
  if (n === 1) return ok(equal === 1 ? 0.5 : below === 0 ? 0 : 1);
  // Ranks run from 0 (lowest member) to n - 1 (highest); tied members share the mean of their ranks,
  // and a value that is not a member sits half a rank past the members below it.
  const rank = equal > 0 ? below + (equal - 1) / 2 : below - 0.5;
  return ok(clamp01(rank / (n - 1)));
}

/**
 * The finite numbers of `values`, sorted ascending: the population {@link percentileRank} expects.
 * Non-numbers and non-finite values are dropped, since they have no rank.
 */
export function sortPopulation(values: readonly unknown[]): number[] {
  return values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
}

/** Turns a normalised value so that higher always reads "better": `LOWER_IS_BETTER` gives `1 - x`. */
export function applyPolarity(value: number, polarity: Polarity): number {
  switch (polarity) {
    case "HIGHER_IS_BETTER":
      return value;
    case "LOWER_IS_BETTER":
      return 1 - value;
    default:
      return unreachable(polarity);
  }
}

/**
 * Normalises one transformed value onto 0..1 with an explanation. Percentile normalisation needs the
 * population of the same field's values across the tenant's accounts, sorted ascending.
 */
export function normalize(
  spec: NormalizationSpec,
  value: number,
  sortedPopulation?: readonly number[],
): NormalizeResult {
  const specProblems = normalizationProblems(spec, "normalization");
  if (specProblems.length > 0) {
    return problem(`the mapping's normalization is invalid: ${specProblems.map(formatProblem).join("; ")}`);
  }
  switch (spec.kind) {
    case "fixed": {
      const result = normalizeFixed(value, spec.min, spec.max);
      if (!result.ok) return result;
      const bounds = `${formatNumber(spec.min)}..${formatNumber(spec.max)}`;
      const note =
        value <= spec.min
          ? `fixed normalisation on ${bounds}: ${formatNumber(value)} is at or below the minimum, so 0`
          : value >= spec.max
            ? `fixed normalisation on ${bounds}: ${formatNumber(value)} is at or above the maximum, so 1`
            : `fixed normalisation on ${bounds}: (${formatNumber(value)} − ${formatNumber(spec.min)}) / ` +
              `(${formatNumber(spec.max)} − ${formatNumber(spec.min)}) = ${formatNumber(result.value)}`;
      return { ok: true, value: result.value, note };
    }
    case "percentile": {
      if (sortedPopulation === undefined) {
        return problem(
          "percentile normalisation needs the tenant's values of the field to rank against; none were given",
        );
      }
      const result = percentileRank(value, sortedPopulation);
      if (!result.ok) return result;
      const n = sortedPopulation.length;
      const note = `percentile normalisation: ${formatNumber(value)} ranks ${formatNumber(result.value)} among ${n} ${n === 1 ? "value" : "values"} (0 = lowest, 1 = highest)`;
      return { ok: true, value: result.value, note };
    }
    default:
      return unreachable(spec);
  }
}

/** Every problem of a normalisation spec, located under `where` (e.g. `mappings[4].normalization`). */
export function normalizationProblems(spec: unknown, where: string): SpecProblem[] {
  if (!isObject(spec)) {
    return [
      located(where, `must be { kind: fixed, min, max } or { kind: percentile }; received ${describeValue(spec)}`),
    ];
  }
  const kindProblems = oneOfValues(spec.kind, at(where, "kind"), NORMALIZATION_KINDS, "normalization kind");
  if (kindProblems.length > 0) return kindProblems;
  const kind = spec.kind as NormalizationSpec["kind"];
  switch (kind) {
    case "fixed": {
      const problems = [
        ...unknownKeys(spec, ["kind", "min", "max"], where, "a fixed normalization"),
        ...finiteNumber(spec.min, at(where, "min"), true),
        ...finiteNumber(spec.max, at(where, "max"), true),
      ];
      const { min, max } = spec;
      if (problems.length === 0 && typeof min === "number" && typeof max === "number" && !(min < max)) {
        problems.push(
          located(
            where,
            `min must be below max; received min ${formatNumber(min)}, max ${formatNumber(max)} (use polarity LOWER_IS_BETTER to invert)`,
          ),
        );
      }
      return problems;
    }
    case "percentile":
      return unknownKeys(spec, ["kind"], where, "a percentile normalization");
    default:
      return unreachable(kind);
  }
}

/** Clamps to 0..1; rounding can leave a hair outside. */
export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/** The first index whose element satisfies a monotone predicate (binary search), or the length. */
function firstIndex(sorted: readonly number[], predicate: (p: number) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (predicate(sorted[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}

function unreachable(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
