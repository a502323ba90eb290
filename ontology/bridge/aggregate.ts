import { AGGREGATION_KINDS, AggregationSpec, RawValue } from "../model/mapping.model";
import { DAY_MS, parseWindow } from "./duration";
import { describeValue, formatNumber } from "./format";
import { problem, Problem } from "./result";
import { at, formatProblem, isObject, located, oneOfValues, SpecProblem, unknownKeys } from "./spec-checks";

/** One observation of a field for an account: its value and when it was observed (epoch milliseconds). */
export interface Observation<V extends RawValue = number> {
  value: V;
  observedAt: number;
}

/** An aggregated value with how many observations it was computed from. */
export interface Aggregated<V> {
  ok: true;
  value: V;
  /** Observations in the window that the value was computed from. */
  used: number;
  /** Observations in the window left out because their value was not a finite number. */
  skipped: number;
  /** Start of the window (exclusive), epoch milliseconds. */
  from: number;
  /** End of the window (inclusive): the evaluation time. */
  to: number;
}

export type AggregateResult<V> = Aggregated<V> | Problem;

const NO_OBSERVATIONS = "no observations in the window";

/**
 * Reduces an account's observations to one value over the window ending at `asOf`: observations with
 * `asOf - window < observedAt <= asOf` count. The end is inclusive so a signal observed exactly at
 * evaluation time is used; the start is exclusive so back-to-back windows never count one twice.
 *
 * - `latest`: the value observed last (on equal times, the one listed last);
 * - `mean`, `sum`: of the finite numbers;
 * - `count`: every observation in the window, whatever its value; 0 for an empty window is a value;
 * - `trend`: least-squares slope per day; needs observations at two or more distinct times.
 *
 * Values that are not finite numbers are skipped (and counted in `skipped`) by mean, sum and trend, and
 * by latest when the values are numbers; an empty window is the problem "no observations in the window".
 */
export function aggregate(
  spec: AggregationSpec,
  observations: ReadonlyArray<Observation<number>>,
  asOf: number,
): AggregateResult<number>;
export function aggregate(
  spec: AggregationSpec,
  observations: ReadonlyArray<Observation<RawValue>>,
  asOf: number,
): AggregateResult<RawValue>;
export function aggregate(
  spec: AggregationSpec,
  observations: ReadonlyArray<Observation<RawValue>>,
  asOf: number,
): AggregateResult<RawValue> {
  const specProblems = aggregationProblems(spec, "aggregation");
  if (specProblems.length > 0) {
    return problem(`the mapping's aggregation is invalid: ${specProblems.map(formatProblem).join("; ")}`);
  }
  if (typeof asOf !== "number" || !Number.isFinite(asOf)) {
    return problem(`the evaluation time must be finite epoch milliseconds; received ${describeValue(asOf)}`);
  }
  const window = parseWindow(spec.window);
  if (!window.ok) return window;
  const from = asOf - window.value;
  const inWindow = observations.filter(
    (o) => typeof o.observedAt === "number" && o.observedAt > from && o.observedAt <= asOf,
  );
  const span = { from, to: asOf };
  const numeric = inWindow.filter(
    (o): o is Observation<number> => typeof o.value === "number" && Number.isFinite(o.value),
  );
  const skipped = inWindow.length - numeric.length;
  const done = <V extends RawValue>(value: V, used: number, skippedCount: number): Aggregated<V> => ({
    ok: true,
    value,
    used,
    skipped: skippedCount,
    ...span,
  });

  switch (spec.kind) {
    case "count":
      return done(inWindow.length, inWindow.length, 0);
    case "latest": {
      // Numbers that are not finite are skipped; strings and booleans (categorical fields) are values.
      const usable = inWindow.filter((o) => typeof o.value !== "number" || Number.isFinite(o.value));
      const latest = usable.reduce<Observation<RawValue> | null>(
        (best, o) => (best === null || o.observedAt >= best.observedAt ? o : best),
        null,
      );
      if (latest === null) return emptyWindow(inWindow.length);
      return done(latest.value, 1, inWindow.length - usable.length);
    }
    case "sum":
    case "mean": {
      if (numeric.length === 0) return emptyWindow(inWindow.length);
      const sum = numeric.reduce((total, o) => total + o.value, 0);
      // Summing finite numbers can still overflow; dividing first keeps a mean of huge values finite.
      const value =
        spec.kind === "sum"
          ? sum
          : Number.isFinite(sum)
            ? sum / numeric.length
            : numeric.reduce((total, o) => total + o.value / numeric.length, 0);
      if (!Number.isFinite(value)) return problem(`the ${spec.kind} of the window is too large to represent`);
      return done(value, numeric.length, skipped);
    }
    case "trend": {
      if (numeric.length === 0) return emptyWindow(inWindow.length);
      const slope = slopePerDay(numeric, asOf);
      if (slope === null) {
        const had = numeric.length === 1 ? "only one observation" : `${numeric.length} observations, all at one time`;
        return problem(`a trend needs observations at two or more different times; the window has ${had}`);
      }
      if (!Number.isFinite(slope)) return problem("the trend of the window is too large to represent");
      return done(slope, numeric.length, skipped);
    }
    default:
      return unreachable(spec.kind);
  }
}

/** Every problem of an aggregation spec, located under `where` (e.g. `mappings[4].aggregation`). */
export function aggregationProblems(spec: unknown, where: string): SpecProblem[] {
  if (!isObject(spec)) {
    return [
      located(where, `must be { kind, window }, e.g. { kind: mean, window: P90D }; received ${describeValue(spec)}`),
    ];
  }
  const problems = [
    ...unknownKeys(spec, ["kind", "window"], where, "an aggregation"),
    ...oneOfValues(spec.kind, at(where, "kind"), AGGREGATION_KINDS, "aggregation kind"),
  ];
  const window = parseWindow(spec.window);
  if (!window.ok) problems.push(located(at(where, "window"), window.problem));
  return problems;
}

/**
 * Least-squares slope of value against time, in value units per day, or null when all observations share
 * one time. Times are centred on their mean first: epoch milliseconds squared would lose precision.
 */
function slopePerDay(observations: ReadonlyArray<Observation<number>>, asOf: number): number | null {
  const n = observations.length;
  const days = observations.map((o) => (o.observedAt - asOf) / DAY_MS);
  const meanDay = days.reduce((s, d) => s + d, 0) / n;
  const meanValue = observations.reduce((s, o) => s + o.value, 0) / n;
  let covariance = 0;
  let variance = 0;
  observations.forEach((o, i) => {
    const dx = days[i] - meanDay;
    covariance += dx * (o.value - meanValue);
    variance += dx * dx;
  });
  if (variance === 0) return null;
  return covariance / variance;
}

function emptyWindow(inWindow: number): Problem {
  if (inWindow === 0) return problem(NO_OBSERVATIONS);
  return problem(
    `${NO_OBSERVATIONS}: the ${inWindow} ${inWindow === 1 ? "observation" : "observations"} in it ` +
      `${inWindow === 1 ? "has" : "have"} no finite number`,
  );
}

/** Describes a window for explanations: "P90D (ending 2026-11-25T00:00:00.000Z)". */
export function describeWindow(window: string, asOf: number): string {
  const end = Number.isFinite(asOf) && Math.abs(asOf) <= 8.64e15 ? new Date(asOf).toISOString() : formatNumber(asOf);
  return `${window} ending ${end}`;
}

function unreachable(value: never): never {
  throw new Error(`unhandled aggregation kind ${JSON.stringify(value)}`);
}
