/**
 * What the Chinese grammar needs to know of a concept's mappings: whether its signals are booleans (a
 * counted event is `valueEquals: "true"`), categorical values (lookup tables), its unit, and the
 * normalisation of a value said in a unit onto the concept's 0..1 scale with polarity applied (the
 * schema's CONCEPT_THRESHOLD value).
 */
import { OntologyPack } from "../../../ontology/model/ontology.model";
import { MappingSpec } from "../../../ontology/model/mapping.model";
import { convertUnit } from "./units-zh";

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

/** The numeric mappings of a concept, those whose unit fits `unit` first. */
function numericMappings(packs: readonly OntologyPack[], conceptId: string, unit: string | null): MappingSpec[] {
  const numeric = conceptMappings(packs, conceptId).filter((m) => m.dataType === "NUMBER");
  const fits = (m: MappingSpec): boolean => unit === null || (m.unit != null && convertUnit(1, unit, m.unit) !== null);
  return [...numeric.filter(fits), ...numeric.filter((m) => !fits(m))];
}

/** The unit of the concept's values (its first numeric mapping's), for trend rates; null when unknown. */
export function conceptUnit(packs: readonly OntologyPack[], conceptId: string, said: string | null): string | null {
  const m = numericMappings(packs, conceptId, said)[0];
  return m ? (m.targetUnit ?? m.unit ?? null) : null;
}

function transformValue(m: MappingSpec, x: number): number | null {
  const t = m.transform;
  switch (t.kind) {
    case "linear":
      return x * (t.scale ?? 1) + (t.offset ?? 0);
    case "log": {
      const v = x + (t.offset ?? 1);
      if (v <= 0) return null;
      return Math.log(v) / Math.log(t.base ?? Math.E);
    }
    case "piecewise": {
      const pts = t.points;
      const first = pts[0];
      const last = pts[pts.length - 1];
      if (!first || !last) return null;
      if (x <= first[0]) return first[1];
      if (x >= last[0]) return last[1];
      for (let i = 1; i < pts.length; i += 1) {
        const a = pts[i - 1];
        const b = pts[i];
        if (a && b && x <= b[0]) return a[1] + ((x - a[0]) * (b[1] - a[1])) / (b[0] - a[0]);
      }
      return last[1];
    }
    default:
      return null;
  }
}

/**
 * A threshold said in the concept's unit ("首次响应时间超过30分钟") on the normalised, polarity-applied
 * scale: { op, value } with the operator flipped for LOWER_IS_BETTER; null when the concept has no fixed
 * numeric scale the amount can be read on.
 */
export function normaliseThreshold(
  packs: readonly OntologyPack[],
  conceptId: string,
  op: "BELOW" | "ABOVE",
  amount: number,
  unit: string | null,
): { op: "BELOW" | "ABOVE"; value: number } | null {
  for (const m of numericMappings(packs, conceptId, unit)) {
    if (m.normalization.kind !== "fixed") continue;
    let x = amount;
    if (unit !== null && m.unit != null) {
      const converted = convertUnit(amount, unit, m.unit);
      if (converted === null) continue;
      x = converted;
    }
    if (m.targetUnit != null && m.unit != null) x = convertUnit(x, m.unit, m.targetUnit) ?? x;
    const t = transformValue(m, x);
    if (t === null) continue;
    const { min, max } = m.normalization;
    const norm = Math.min(1, Math.max(0, (t - min) / (max - min)));
    const lower = m.polarity === "LOWER_IS_BETTER";
    const value = Math.round((lower ? 1 - norm : norm) * 10_000) / 10_000;
    return { op: lower ? (op === "BELOW" ? "ABOVE" : "BELOW") : op, value };
  }
  return null;
}
