import { DATA_TYPES, DataType, MappingSpec, POLARITIES, RawValue } from "../model/mapping.model";
import { aggregate, AggregateResult, describeWindow, Observation } from "./aggregate";
import { describeValue, formatNumber, showValue } from "./format";
import { applyPolarity, clamp01, normalize, sortPopulation } from "./normalize";
import { applyTransform } from "./transform";
import { convertUnit } from "./units";

/** The stages of the bridge, in the order a value passes through them. */
export const BRIDGE_STEPS = ["input", "unit", "transform", "normalize", "polarity"] as const;
export type BridgeStepName = (typeof BRIDGE_STEPS)[number];

/** One stage a value went through: the value after it, and in words how it was obtained. */
export interface BridgeStep {
  step: BridgeStepName;
  value: RawValue;
  note: string;
}

/**
 * A bridged value on the common 0..1 scale (higher is better), with every step that produced it; or the
 * step that rejected the value and why, with the steps completed before it.
 */
export type BridgeValueResult =
  | { ok: true; value: number; steps: BridgeStep[] }
  | { ok: false; reason: string; step: BridgeStepName; steps: BridgeStep[] };

/** What bridging may need beyond the mapping and the value. */
export interface BridgeOptions {
  /**
   * For percentile normalisation: the same field's values across the tenant's accounts, already through
   * unit conversion and transform (see {@link bridgePopulation}); any order. Non-finite entries are ignored.
   */
  population?: readonly number[];
  /**
   * For a category mapping: the levels' values a health model version learned from outcomes. They are
   * on the 0..1 scale already (1 = the healthiest level), so they replace the declared levels' values
   * and neither normalisation nor polarity applies.
   */
  learnedLevels?: LearnedLevelValues;
}

/** The values a health model version learned for the levels of one category mapping. */
export interface LearnedLevelValues {
  /** Level → 0..1, higher is better. */
  values: Readonly<Record<string, number>>;
  /** The value of a value that is not a level (when the mapping has a default), or null. */
  other: number | null;
  /** Who learned them, for the explanation, e.g. "model version 4 learned it from outcomes". */
  source: string;
}

/**
 * Bridges one raw value of a source field onto its concept's 0..1 scale: checks it against the mapping's
 * data type, converts its unit when `targetUnit` differs, transforms, normalises, applies polarity and
 * clamps. Never throws for bad data and never returns NaN; a rejected value says which step rejected it.
 */
export function bridgeValue(
  mapping: MappingSpec,
  raw: RawValue | null | undefined,
  options: BridgeOptions = {},
): BridgeValueResult {
  const input = checkInput(mapping, raw);
  if (!input.ok) return input;
  const note = `${fieldName(mapping)} = ${showValue(input.value)}${unitSuffix(mapping.unit)}`;
  return fromInput(mapping, input.value, { step: "input", value: input.value, note }, true, options);
}

/**
 * Bridges an account's observations of a field: aggregates them over the mapping's window ending at
 * `asOf` (epoch milliseconds), then bridges the aggregated value. For `count` and `trend` the aggregate is
 * a number whatever the field's type and goes through transform and normalisation like a raw number;
 * a count has no unit, a trend is in the field's unit per day (converted like the unit itself).
 */
export function bridgeSeries(
  mapping: MappingSpec,
  observations: ReadonlyArray<Observation<RawValue>>,
  asOf: number,
  options: BridgeOptions = {},
): BridgeValueResult {
  const aggregated = aggregateSeries(mapping, observations, asOf);
  if (!aggregated.ok) return aggregated.failure;
  const { result, numeric } = aggregated;
  if (!numeric) {
    const input = checkInput(mapping, result.value);
    if (!input.ok) return input;
  }
  const inputStep: BridgeStep = { step: "input", value: result.value, note: seriesNote(mapping, result, asOf) };
  return fromInput(mapping, result.value, inputStep, mapping.aggregation.kind !== "count", options);
}

/**
 * The population for percentile normalisation from the tenant's raw values of one field: each value is
 * checked, unit-converted and transformed as {@link bridgeValue} would; values rejected on the way are
 * left out, since they have no rank. Sorted ascending.
 */
export function bridgePopulation(mapping: MappingSpec, values: ReadonlyArray<RawValue | null | undefined>): number[] {
  return sortPopulation(
    values.map((raw) => {
      const input = checkInput(mapping, raw);
      return input.ok ? transformed(mapping, input.value, true) : null;
    }),
  );
}

/**
 * The population for percentile normalisation from each account's observations of one field, aggregated
 * over the window ending at `asOf` and transformed as {@link bridgeSeries} would. Sorted ascending.
 */
export function bridgeSeriesPopulation(
  mapping: MappingSpec,
  observationsByAccount: ReadonlyArray<ReadonlyArray<Observation<RawValue>>>,
  asOf: number,
): number[] {
  return sortPopulation(
    observationsByAccount.map((observations) => {
      const aggregated = aggregateSeries(mapping, observations, asOf);
      if (!aggregated.ok) return null;
      if (!aggregated.numeric && !checkInput(mapping, aggregated.result.value).ok) return null;
      return transformed(mapping, aggregated.result.value, mapping.aggregation.kind !== "count");
    }),
  );
}

type Failure = Extract<BridgeValueResult, { ok: false }>;

function fail(step: BridgeStepName, reason: string, steps: BridgeStep[]): Failure {
  return { ok: false, reason, step, steps };
}

/** Unit conversion, transform, normalisation and polarity for a value whose type has been checked. */
function fromInput(
  mapping: MappingSpec,
  value: RawValue,
  inputStep: BridgeStep,
  convertsUnit: boolean,
  options: BridgeOptions,
): BridgeValueResult {
  const steps: BridgeStep[] = [inputStep];

  let current: RawValue = value;
  const conversion = convertsUnit ? unitStep(mapping, value) : null;
  if (conversion !== null) {
    if (!conversion.ok) return fail("unit", conversion.reason, steps);
    steps.push(conversion.step);
    current = conversion.step.value;
  }

  const transform = applyTransform(mapping.transform, current);
  if (!transform.ok) return fail("transform", `${mapping.field}: ${transform.problem}`, steps);
  if (mapping.transform.kind === "category" && options.learnedLevels !== undefined) {
    return learnedLevel(mapping, current, transform.value, options.learnedLevels, steps);
  }
  steps.push({ step: "transform", value: transform.value, note: transform.note });

  const population = options.population === undefined ? undefined : sortPopulation(options.population);
  const normalized = normalize(mapping.normalization, transform.value, population);
  if (!normalized.ok) return fail("normalize", `${mapping.field}: ${normalized.problem}`, steps);
  steps.push({ step: "normalize", value: normalized.value, note: normalized.note });

  if (!(POLARITIES as readonly string[]).includes(mapping.polarity)) {
    return fail(
      "polarity",
      `unknown polarity ${JSON.stringify(mapping.polarity)}; expected ${POLARITIES.join(" or ")}`,
      steps,
    );
  }
  const final = clamp01(applyPolarity(normalized.value, mapping.polarity));
  const polarityNote =
    mapping.polarity === "LOWER_IS_BETTER"
      ? `lower is better, so 1 − ${formatNumber(normalized.value)} = ${formatNumber(final)}`
      : `higher is better, so ${formatNumber(final)} is kept`;
  steps.push({ step: "polarity", value: final, note: polarityNote });
  return { ok: true, value: final, steps };
}

/** A category's level read with the value a model version learned for it, instead of the declared one. */
function learnedLevel(
  mapping: MappingSpec,
  level: RawValue,
  declared: number,
  learned: LearnedLevelValues,
  steps: BridgeStep[],
): BridgeValueResult {
  const text = String(level);
  const isLevel = mapping.transform.kind === "category" && Object.hasOwn(mapping.transform.levels, text);
  const value = isLevel ? (Object.hasOwn(learned.values, text) ? learned.values[text] : null) : learned.other;
  if (value === null || typeof value !== "number" || !Number.isFinite(value)) {
    return fail(
      "transform",
      `${mapping.field}: the health model has no learned value for ${showValue(level)}; calibrate it again`,
      steps,
    );
  }
  const final = clamp01(value);
  const what = isLevel ? `the level ${showValue(level)}` : `${showValue(level)}, not a level,`;
  steps.push({
    step: "transform",
    value: final,
    note:
      `category transform: ${what} is worth ${formatNumber(final)} on the 0..1 scale, as ${learned.source} ` +
      `(the pack declares ${formatNumber(declared)})`,
  });
  steps.push({ step: "normalize", value: final, note: "learned level values are on the 0..1 scale; not normalised" });
  steps.push({
    step: "polarity",
    value: final,
    note: "learned level values read higher is better; the mapping's polarity does not apply",
  });
  return { ok: true, value: final, steps };
}

/** The value fed to normalisation, or null when a step rejects it (for populations). */
function transformed(mapping: MappingSpec, value: RawValue, convertsUnit: boolean): number | null {
  let current: RawValue = value;
  const conversion = convertsUnit ? unitStep(mapping, value) : null;
  if (conversion !== null) {
    if (!conversion.ok) return null;
    current = conversion.step.value;
  }
  const transform = applyTransform(mapping.transform, current);
  return transform.ok ? transform.value : null;
}

type UnitOutcome = { ok: true; step: BridgeStep & { value: number } } | { ok: false; reason: string };

/** The unit conversion step, or null when the mapping converts nothing. */
function unitStep(mapping: MappingSpec, value: RawValue): UnitOutcome | null {
  const { unit, targetUnit } = mapping;
  if (targetUnit === null || targetUnit === undefined || targetUnit === unit) return null;
  if (unit === null || unit === undefined) {
    return {
      ok: false,
      reason: `${mapping.field}: the mapping converts to ${targetUnit} but does not say which unit the field is in; set unit`,
    };
  }
  if (typeof value !== "number") {
    return { ok: false, reason: `${mapping.field}: only numbers have units; received ${describeValue(value)}` };
  }
  const converted = convertUnit(value, unit, targetUnit);
  if (!converted.ok) return { ok: false, reason: `${mapping.field}: ${converted.problem}` };
  const perDay = mapping.aggregation.kind === "trend" ? " per day" : "";
  return {
    ok: true,
    step: {
      step: "unit",
      value: converted.value,
      note: `converted ${formatNumber(value)} ${unit}${perDay} to ${formatNumber(converted.value)} ${targetUnit}${perDay}`,
    },
  };
}

/** Checks a raw value against the mapping's data type. */
function checkInput(mapping: MappingSpec, raw: unknown): { ok: true; value: RawValue } | Failure {
  const expected: DataType = mapping.dataType;
  const reject = (reason: string): Failure => fail("input", reason, []);
  if (!(DATA_TYPES as readonly string[]).includes(expected)) {
    return reject(
      `${mapping.field}: the mapping has the unknown data type ${JSON.stringify(expected)}; expected ${DATA_TYPES.join(", ")}`,
    );
  }
  if (raw === null || raw === undefined) {
    return reject(`${mapping.field} has no value (received ${describeValue(raw)}); expected a ${expected}`);
  }
  const received = typeOf(raw);
  if (received !== expected) return reject(`${mapping.field} expects a ${expected}; received ${describeValue(raw)}`);
  if (typeof raw === "number" && !Number.isFinite(raw)) {
    return reject(`${mapping.field} expects a finite NUMBER; received ${describeValue(raw)}`);
  }
  return { ok: true, value: raw as RawValue };
}

function typeOf(value: unknown): DataType | null {
  switch (typeof value) {
    case "number":
      return "NUMBER";
    case "string":
      return "STRING";
    case "boolean":
      return "BOOLEAN";
    default:
      return null;
  }
}

type SeriesOutcome =
  | { ok: true; result: Extract<AggregateResult<RawValue>, { ok: true }>; numeric: boolean }
  | { ok: false; failure: Failure };

/** Aggregates the observations; `numeric` says whether the aggregate is a number whatever the field's type. */
function aggregateSeries(
  mapping: MappingSpec,
  observations: ReadonlyArray<Observation<RawValue>>,
  asOf: number,
): SeriesOutcome {
  const result = aggregate(mapping.aggregation, observations, asOf);
  if (!result.ok) {
    const where = `${fieldName(mapping)}, window ${describeWindow(mapping.aggregation.window, asOf)}`;
    return { ok: false, failure: fail("input", `${result.problem} (${where})`, []) };
  }
  const kind = mapping.aggregation.kind;
  return { ok: true, result, numeric: kind === "count" || kind === "trend" };
}

function seriesNote(
  mapping: MappingSpec,
  result: Extract<AggregateResult<RawValue>, { ok: true }>,
  asOf: number,
): string {
  const window = describeWindow(mapping.aggregation.window, asOf);
  const field = fieldName(mapping);
  const skipped = result.skipped > 0 ? `; ${result.skipped} without a finite value skipped` : "";
  const of = (n: number): string => `${n} ${n === 1 ? "observation" : "observations"}`;
  const kind = mapping.aggregation.kind;
  switch (kind) {
    case "latest":
      return `latest value of ${field} in the window ${window}: ${showValue(result.value)}${unitSuffix(mapping.unit)}${skipped}`;
    case "mean":
      return `mean of ${of(result.used)} of ${field} in the window ${window}: ${showValue(result.value)}${unitSuffix(mapping.unit)}${skipped}`;
    case "sum":
      return `sum of ${of(result.used)} of ${field} in the window ${window}: ${showValue(result.value)}${unitSuffix(mapping.unit)}${skipped}`;
    case "count":
      return `count of observations of ${field} in the window ${window}: ${showValue(result.value)}`;
    case "trend": {
      const unit = mapping.unit === null || mapping.unit === undefined ? "" : ` ${mapping.unit}`;
      return `trend of ${of(result.used)} of ${field} in the window ${window}: ${showValue(result.value)}${unit} per day (least-squares slope)${skipped}`;
    }
    default:
      return unreachable(kind);
  }
}

function fieldName(mapping: MappingSpec): string {
  return `${mapping.system}.${mapping.field}`;
}

function unitSuffix(unit: string | null | undefined): string {
  return unit === null || unit === undefined ? "" : ` ${unit}`;
}

function unreachable(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
