/**
 * Values said in a concept's own unit, brought onto what a playbook compares (issue 12, the corpus
 * conventions of test/fixtures/plain-language/README.md):
 * - a threshold ("CSAT below 3", "first response over 30 minutes") goes onto the concept's normalised 0..1
 *   scale through one numeric mapping: unit conversion, the mapping's transform (linear, log, piecewise),
 *   its fixed normalisation and its polarity; for LOWER_IS_BETTER the value becomes `1 − x` and the
 *   operator flips ("over 30 minutes" → BELOW 0.754);
 * - a trend's rate stays in the concept's own unit (the mapping's target unit, else its unit) per day.
 */
import { MappingSpec } from "../../ontology/model/mapping.model";
import { convertUnit, isKnownUnit } from "../../ontology/bridge/units";
import { normalisedConceptValue } from "../automation/concept-values";
import { ConceptInfo } from "./lexicon";

export type ThresholdOp = "BELOW" | "ABOVE";

/** A threshold on the 0..1 scale, with the mapping it went through and the arithmetic in words. */
export interface ScaledThreshold {
  op: ThresholdOp;
  value: number;
  mapping: MappingSpec;
  note: string;
}

/** Why a value could not be put on the concept's scale. */
export interface ScaleProblem {
  problem: string;
}

function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The mapping's own unit for values (the target unit when it converts), or null. */
export function conceptUnit(mapping: MappingSpec): string | null {
  return mapping.targetUnit ?? mapping.unit ?? null;
}

/**
 * The numeric mapping a threshold said in `unit` goes through: fixed normalisation only (a percentile
 * has no fixed scale), one whose unit the said unit converts to when a unit is said, the heaviest first.
 */
export function thresholdMapping(concept: ConceptInfo, unit?: string | null): MappingSpec | null {
  const numeric = concept.mappings
    .filter((m) => m.dataType === "NUMBER" && m.normalization.kind === "fixed")
    .filter((m) => m.transform.kind === "linear" || m.transform.kind === "log" || m.transform.kind === "piecewise");
  const fits = (m: MappingSpec) => {
    if (unit === undefined || unit === null || m.unit === null || m.unit === undefined) return true;
    return convertUnit(1, unit, m.unit).ok;
  };
  const candidates = numeric.filter(fits);
  const sorted = [...candidates].sort((a, b) => b.weight - a.weight);
  return sorted[0] ?? null;
}

/** Whether the concept is measured by a boolean field (a flag such as a sanctions hit or a passed check). */
export function isBooleanConcept(concept: ConceptInfo): boolean {
  return concept.mappings.length > 0 && concept.mappings.every((m) => m.dataType === "BOOLEAN");
}

/**
 * A threshold said in the concept's unit ("below 3", "above 20", "under 1,000 hours"), as the raw
 * operator, on the normalised scale with polarity applied.
 */
export function thresholdOnScale(
  concept: ConceptInfo,
  rawOp: ThresholdOp,
  value: number,
  unit?: string | null,
): ScaledThreshold | ScaleProblem {
  const mapping = thresholdMapping(concept, unit);
  if (mapping === null) {
    return { problem: `${concept.id} has no numeric mapping with a fixed scale to put ${value} on` };
  }
  let raw = value;
  if (unit && mapping.unit && unit !== mapping.unit && isKnownUnit(unit)) {
    const converted = convertUnit(value, unit, mapping.unit);
    if (!converted.ok) return { problem: converted.problem };
    raw = converted.value;
  }
  const normalised = normalisedConceptValue(mapping, raw, null);
  if (normalised === null) return { problem: `${value} is not a value ${mapping.system}.${mapping.field} accepts` };
  const flipped = mapping.polarity === "LOWER_IS_BETTER";
  const op: ThresholdOp = flipped ? (rawOp === "BELOW" ? "ABOVE" : "BELOW") : rawOp;
  const note =
    `${value}${unit ? ` ${unit}` : ""} on ${mapping.system}.${mapping.field}` +
    `${mapping.unit ? ` (${mapping.unit})` : ""} normalises to ${round(normalised, 3)}` +
    (flipped ? `; lower is better, so the raw ${rawOp.toLowerCase()} becomes ${op}` : "");
  return { op, value: round(normalised), mapping, note };
}

/** A boolean concept turning bad ("a sanctions hit", "the QC check fails"): BELOW 0.5 whichever way the flag points. */
export const BOOLEAN_BAD_THRESHOLD = { op: "BELOW", value: 0.5 } as const;

/**
 * A rate said as `amount` of `unit` per `periodDays` days, in the concept's own unit per day: "2 points a
 * week" → 0.2857; "20 orders a day" → 20. Points and counts are taken as the concept's unit.
 */
export function ratePerDayInConceptUnit(
  concept: ConceptInfo,
  amount: number,
  periodDays: number,
  unit?: string | null,
): number {
  let value = amount;
  const mapping = concept.mappings.find((m) => m.dataType === "NUMBER") ?? null;
  const target = mapping === null ? null : conceptUnit(mapping);
  if (unit && target && unit !== target && isKnownUnit(unit)) {
    const converted = convertUnit(amount, unit, target);
    if (converted.ok) value = converted.value;
  }
  return round(value / periodDays, 6);
}
