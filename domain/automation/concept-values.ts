import { MappingSpec, RawValue } from "../../ontology/model/mapping.model";
import { bridgePopulation, bridgeValue } from "../../ontology/bridge/bridge-value";
import { convertUnit } from "../../ontology/bridge/units";

/**
 * A raw signal value on its concept's 0..1 scale (higher is better), through the mapping's unit, transform,
 * normalisation and polarity — what CONCEPT_THRESHOLD compares. Null when the bridge rejects the value
 * (e.g. a percentile mapping without a population).
 */
export function normalisedConceptValue(
  mapping: MappingSpec,
  raw: RawValue | null,
  rawPopulation: readonly RawValue[] | null,
): number | null {
  if (raw === null) return null;
  const population = rawPopulation === null ? undefined : bridgePopulation(mapping, rawPopulation);
  const result = bridgeValue(mapping, raw, population === undefined ? {} : { population });
  return result.ok ? result.value : null;
}

/**
 * A raw numeric signal value in the concept's own unit — the mapping's target unit when it names one,
 * otherwise the field's unit — what CONCEPT_TREND's rate per day is measured in. Null for non-numbers.
 */
export function conceptUnitValue(mapping: MappingSpec, raw: RawValue | null): number | null {
  if (typeof raw !== "number" || !Number.isFinite(raw)) return null;
  if (mapping.unit && mapping.targetUnit && mapping.unit !== mapping.targetUnit) {
    const converted = convertUnit(raw, mapping.unit, mapping.targetUnit);
    return converted.ok ? converted.value : null;
  }
  return raw;
}
