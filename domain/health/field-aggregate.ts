import {
  bridgePopulation,
  BridgeStep,
  BridgeStepName,
  bridgeValue,
  LearnedLevelValues,
} from "../../ontology/bridge/bridge-value";
import { DAY_MS, parseWindow } from "../../ontology/bridge/duration";
import { formatNumber, showValue } from "../../ontology/bridge/format";
import { AggregationKind, MappingSpec, RawValue } from "../../ontology/model/mapping.model";

/**
 * What the database returns for one account and one field in one mapping window: running sums of the
 * signals observed in `[from, asOf]`, enough to compute every aggregation kind without shipping the
 * signals themselves. `t` is the time of a signal in days since `from` (fractional), `v` its value; the
 * sums run over numeric values only, `count` over every signal.
 */
export interface FieldAggregate {
  system: string;
  field: string;
  /** Start of the window, epoch milliseconds; `t` is measured in days from here. */
  from: number;
  /** Signals in the window, whatever their value. */
  count: number;
  /** Signals in the window with a finite numeric value. */
  numericCount: number;
  /** Σv over numeric signals. */
  sum: number;
  /** Σt over numeric signals. */
  sumT: number;
  /** Σt² over numeric signals. */
  sumTT: number;
  /** Σt·v over numeric signals. */
  sumTV: number;
  /** The value of the signal observed last in the window (any type), or null when there is none. */
  latestValue: RawValue | null;
  /** When that signal was observed, epoch milliseconds. */
  latestAt: number | null;
}

/** The aggregate of a window without signals, starting at `from`. */
export function emptyAggregate(system: string, field: string, from: number): FieldAggregate {
  return {
    system,
    field,
    from,
    count: 0,
    numericCount: 0,
    sum: 0,
    sumT: 0,
    sumTT: 0,
    sumTV: 0,
    latestValue: null,
    latestAt: null,
  };
}

/** An aggregated value before the bridge, with a sentence saying what was aggregated; or why there is none. */
export type AggregateValueResult =
  { ok: true; value: RawValue; note: string; observations: number } | { ok: false; reason: string };

/** What was aggregated, for the explanation of a mapping leaf. */
export interface AggregateSummary {
  kind: AggregationKind;
  /** The aggregate before unit conversion and transform (a trend is in the field's unit per day). */
  value: RawValue;
  /** Observations the value was computed from. */
  observations: number;
  /** E.g. "mean of 12 observations in the 90 days to 2026-11-01: 4.2 score_1_5". */
  note: string;
}

/** The stage that produced or rejected a leaf value: aggregation, then the bridge's stages. */
export type AggregateBridgeStepName = "aggregate" | BridgeStepName;

/**
 * A field's aggregate bridged onto its concept's 0..1 scale (higher is better), with what was aggregated
 * and every bridge step; or the stage that rejected it and why.
 */
export type AggregateBridgeResult =
  | { ok: true; value: number; aggregate: AggregateSummary; steps: BridgeStep[] }
  | {
      ok: false;
      reason: string;
      step: AggregateBridgeStepName;
      /** Null when the aggregation itself failed. */
      aggregate: AggregateSummary | null;
      steps: BridgeStep[];
    };

/**
 * Below this share of the mean squared time, the spread of the observation times is rounding noise
 * (the sums come from the database as floating point): all observations are at one time.
 */
const SAME_TIME_TOLERANCE = 1e-9;
const HOUR_MS = 3_600_000;

/**
 * Applies the mapping's aggregation kind to an account's sums for one field:
 * - `latest`: the latest value, whatever its type;
 * - `mean`: Σv / n; `sum`: Σv (n = numeric observations);
 * - `count`: all observations; 0 for an empty window is a value, not a missing one;
 * - `trend`: the least-squares slope per day, (n·Σtv − Σt·Σv) / (n·Σt² − (Σt)²), which needs two or more
 *   numeric observations at different times.
 *
 * Never throws and never returns NaN: empty windows, malformed sums and values too large to represent
 * are reasons.
 */
export function aggregateValue(mapping: MappingSpec, agg: FieldAggregate): AggregateValueResult {
  const window = windowWords(mapping, agg);
  if (!window.ok) return window;
  const malformed = malformedReason(mapping, agg);
  if (malformed !== null) return fail(malformed);

  const kind = mapping.aggregation.kind;
  const unit = unitSuffix(mapping.unit);
  const skipped = agg.count - agg.numericCount;
  const skippedNote = skipped > 0 ? `; ${of(skipped)} without a numeric value left out` : "";
  switch (kind) {
    case "count":
      return done(agg.count, `count of ${of(agg.count)} ${window.span}: ${agg.count}`, agg.count);
    case "latest": {
      if (agg.count === 0) return fail(`no observations in the ${window.adjective}`);
      if (agg.latestValue === null) return fail(`the latest observation in the ${window.adjective} has no value`);
      const when = agg.latestAt === null ? "" : ` (observed ${instant(agg.latestAt)})`;
      const note = `latest of ${of(agg.count)} ${window.span}: ${showValue(agg.latestValue)}${unit}${when}`;
      return done(agg.latestValue, note, agg.count);
    }
    case "mean":
    case "sum": {
      const empty = noNumbers(agg, window.adjective);
      if (empty !== null) return empty;
      const value = kind === "sum" ? agg.sum : agg.sum / agg.numericCount;
      if (!Number.isFinite(value)) return fail(`the ${kind} of the ${window.adjective} is too large to represent`);
      const note = `${kind} of ${of(agg.numericCount)} ${window.span}: ${formatNumber(value)}${unit}${skippedNote}`;
      return done(value, note, agg.numericCount);
    }
    case "trend": {
      const empty = noNumbers(agg, window.adjective);
      if (empty !== null) return empty;
      const n = agg.numericCount;
      const denominator = n * agg.sumTT - agg.sumT * agg.sumT;
      if (n < 2 || !(denominator > SAME_TIME_TOLERANCE * n * agg.sumTT)) {
        const had = n === 1 ? "only one" : `${n}, all at one time`;
        return fail(`trend needs at least two observations at different times; the ${window.adjective} has ${had}`);
      }
      const slope = (n * agg.sumTV - agg.sumT * agg.sum) / denominator;
      if (!Number.isFinite(slope)) return fail(`the trend of the ${window.adjective} is too large to represent`);
      const note =
        `trend (least-squares slope) of ${of(n)} ${window.span}: ${formatNumber(slope)}${unit} per day` + skippedNote;
      return done(slope, note, n);
    }
    default: {
      const unknown: never = kind;
      return fail(`unknown aggregation kind ${JSON.stringify(unknown)}; expected latest, mean, sum, count or trend`);
    }
  }
}

/**
 * Aggregates and then bridges one field of one account: {@link aggregateValue}, then `bridgeValue`. A
 * count is a number whatever the field's type and has no unit, so it is bridged with a copy of the
 * mapping typed NUMBER and without units. A trend is bridged with the mapping as it is: it is in the
 * field's unit per day, and unit conversion is multiplicative, so converting the slope like a value is
 * correct. `population` is for percentile normalisation (see {@link aggregatePopulation}); `learnedLevels`
 * are a health model version's values for the levels of a category mapping.
 */
export function bridgeAggregate(
  mapping: MappingSpec,
  agg: FieldAggregate,
  population?: readonly number[],
  learnedLevels?: LearnedLevelValues,
): AggregateBridgeResult {
  const aggregated = aggregateValue(mapping, agg);
  if (!aggregated.ok) return { ok: false, reason: aggregated.reason, step: "aggregate", aggregate: null, steps: [] };
  const aggregate: AggregateSummary = {
    kind: mapping.aggregation.kind,
    value: aggregated.value,
    observations: aggregated.observations,
    note: aggregated.note,
  };
  const bridged = bridgeValue(bridgingMapping(mapping), aggregated.value, { population, learnedLevels });
  if (!bridged.ok) return { ...bridged, aggregate };
  return { ok: true, value: bridged.value, aggregate, steps: bridged.steps };
}

/**
 * The population for percentile normalisation of one field: every account's aggregate, aggregated,
 * unit-converted and transformed as {@link bridgeAggregate} does; accounts without a value are left out.
 * Sorted ascending.
 */
export function aggregatePopulation(mapping: MappingSpec, aggregates: readonly FieldAggregate[]): number[] {
  const values = aggregates.map((agg) => {
    const aggregated = aggregateValue(mapping, agg);
    return aggregated.ok ? aggregated.value : null;
  });
  return bridgePopulation(bridgingMapping(mapping), values);
}

/**
 * {@link aggregatePopulation} from each subject's latest value of the field across the tenant, each value
 * one observation: the population scores are ranked against, whatever the window.
 */
export function populationOfLatestValues(mapping: MappingSpec, values: readonly number[]): number[] {
  const latest = values.map((v): FieldAggregate => ({
    system: mapping.system,
    field: mapping.field,
    from: 0,
    count: 1,
    numericCount: 1,
    sum: v,
    sumT: 0,
    sumTT: 0,
    sumTV: 0,
    latestValue: v,
    latestAt: 0,
  }));
  return aggregatePopulation(mapping, latest);
}

/** The mapping the aggregate is bridged with: for `count`, a unit-less NUMBER copy. */
function bridgingMapping(mapping: MappingSpec): MappingSpec {
  if (mapping.aggregation.kind !== "count") return mapping;
  return { ...mapping, dataType: "NUMBER", unit: null, targetUnit: null };
}

function done(value: RawValue, note: string, observations: number): AggregateValueResult {
  return { ok: true, value, note, observations };
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function noNumbers(agg: FieldAggregate, adjective: string): { ok: false; reason: string } | null {
  if (agg.count === 0) return fail(`no observations in the ${adjective}`);
  if (agg.numericCount === 0) {
    return fail(`none of the ${of(agg.count)} in the ${adjective} has a numeric value`);
  }
  return null;
}

/** Why the sums cannot be used, or null. They come from a query, so this guards against a broken one. */
function malformedReason(mapping: MappingSpec, agg: FieldAggregate): string | null {
  const what = `the aggregate of ${mapping.system}.${mapping.field}`;
  if (agg.system !== mapping.system || agg.field !== mapping.field) {
    return `${what} was given the aggregate of ${agg.system}.${agg.field}; pass each mapping its own field's aggregate`;
  }
  const counts = [agg.count, agg.numericCount];
  if (!counts.every((c) => Number.isInteger(c) && c >= 0) || agg.numericCount > agg.count) {
    return `${what} is malformed: expected whole counts with numericCount ≤ count; received count ${formatNumber(
      agg.count,
    )}, numericCount ${formatNumber(agg.numericCount)}`;
  }
  if (![agg.sum, agg.sumT, agg.sumTT, agg.sumTV].every(Number.isFinite)) {
    return `${what} is malformed: its sums must be finite numbers`;
  }
  return null;
}

type WindowWords = { ok: true; adjective: string; span: string } | { ok: false; reason: string };

/** "90-day window" and "in the 90 days to 2026-11-01" for notes and reasons. */
function windowWords(mapping: MappingSpec, agg: FieldAggregate): WindowWords {
  const window = parseWindow(mapping.aggregation.window);
  if (!window.ok) return fail(`the mapping's aggregation window is invalid: ${window.problem}`);
  if (!Number.isFinite(agg.from)) return fail("the aggregate has no valid window start");
  const end = instant(agg.from + window.value);
  const ms = window.value;
  for (const [size, name] of [
    [DAY_MS, "day"],
    [HOUR_MS, "hour"],
  ] as const) {
    if (ms % size === 0) {
      const n = ms / size;
      return { ok: true, adjective: `${n}-${name} window`, span: `in the ${n} ${name}${n === 1 ? "" : "s"} to ${end}` };
    }
  }
  const iso = mapping.aggregation.window;
  return { ok: true, adjective: `${iso} window`, span: `in the ${iso} window to ${end}` };
}

/** A date when the instant is midnight UTC, else the full ISO timestamp. */
function instant(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return formatNumber(ms);
  const iso = new Date(ms).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

function of(n: number): string {
  return `${n} ${n === 1 ? "observation" : "observations"}`;
}

function unitSuffix(unit: string | null | undefined): string {
  return unit === null || unit === undefined ? "" : ` ${unit}`;
}
