/**
 * What the Chinese grammar needs to know of a concept's mappings: whether its signals are booleans (a
 * counted event is `valueEquals: "true"`), categorical values (lookup tables), its unit, and the
 * normalisation of a value said in a unit onto the concept's 0..1 scale with polarity applied (the
 * schema's CONCEPT_THRESHOLD value).
 */
import { OntologyPack } from "../../../ontology/model/ontology.model";
import { MappingSpec } from "../../../ontology/model/mapping.model";
import { isKnownUnit } from "../../../ontology/bridge/units";
import { ratePerDayInConceptUnit, thresholdOnScale } from "../concept-scale";
import { ConceptInfo } from "../lexicon";

export function conceptMappings(packs: readonly OntologyPack[], conceptId: string): MappingSpec[] {
  return packs.flatMap((p) => p.mappings.filter((m) => m.concept === conceptId));
}

/** Whether every mapping of the concept is a boolean field (and there is one). */
export function isBooleanConcept(packs: readonly OntologyPack[], conceptId: string): boolean {
  const maps = conceptMappings(packs, conceptId);
  return maps.some((m) => m.dataType === "BOOLEAN") && !maps.some((m) => m.dataType === "NUMBER");
}

/** Whether the concept has a boolean field (its counted events are the field being true). */
export function hasBooleanMapping(packs: readonly OntologyPack[], conceptId: string): boolean {
  return conceptMappings(packs, conceptId).some((m) => m.dataType === "BOOLEAN");
}

/** The categorical values (lookup table keys) of the concept's string mappings. */
export function lookupValues(packs: readonly OntologyPack[], conceptId: string): string[] {
  const values: string[] = [];
  for (const m of conceptMappings(packs, conceptId)) {
    const t = m.transform;
    if (t.kind === "lookup") values.push(...Object.keys(t.table));
    if (t.kind === "category") values.push(...Object.keys(t.levels));
  }
  return values;
}

/**
 * A threshold said in the concept's unit ("首次响应时间超过30分钟") on the normalised, polarity-applied
 * scale, through the shared concept scale (`../concept-scale.ts`): { op, value } with the operator flipped
 * for LOWER_IS_BETTER; null when the concept has no fixed numeric scale the amount can be read on.
 */
export function normaliseThreshold(
  concepts: ReadonlyMap<string, ConceptInfo>,
  conceptId: string,
  op: "BELOW" | "ABOVE",
  amount: number,
  unit: string | null,
): { op: "BELOW" | "ABOVE"; value: number } | null {
  const info = concepts.get(conceptId);
  if (!info) return null;
  const scaled = thresholdOnScale(info, op, amount, unit !== null && isKnownUnit(unit) ? unit : null);
  return "problem" in scaled ? null : { op: scaled.op, value: scaled.value };
}

/** A rate said as `amount` `unit` per `periodDays`, in the concept's own unit per day (shared scale). */
export function ratePerDay(
  concepts: ReadonlyMap<string, ConceptInfo>,
  conceptId: string,
  amount: number,
  periodDays: number,
  unit: string | null,
): number {
  const info = concepts.get(conceptId);
  if (!info) return Math.round((amount / periodDays) * 10_000) / 10_000;
  return ratePerDayInConceptUnit(info, amount, periodDays, unit !== null && isKnownUnit(unit) ? unit : null);
}
