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

/** Words of a boolean concept's bad value: a breach, a violation, a timeout, a lapse, a failure. */
export const BREACH_WORDS =
  "超时|违约|违反|违规|未达成|没达成|未达标|没达标|不达标|失效|逾期|超期|过期|失败|不通过|未通过|不合格";

/** A label's measure suffix (SLA 达成率, 服务水平达成率, SLA 违约率, OTA 升级成功率). */
const MEASURE_SUFFIX = new RegExp(`\\s*(?:达成|违约|合格|通过|完成|成功|${BREACH_WORDS})?(?:率|比例|占比|比率)$`, "u");
const LEADING_BREACH = new RegExp(`^(?:${BREACH_WORDS})`, "u");
const TRAILING_BREACH = new RegExp(`(?:${BREACH_WORDS})$`, "u");
/**
 * A check or a validity said after what is checked (证件核验, 身份核实, 证件有效期): what is checked is the
 * subject whose lapse is the bad value (证件过期, 身份证件失效).
 */
const TRAILING_CHECK = /\s*(?:核验|核实|验证|认证|有效期|有效性)$/u;

/** One name a boolean concept's bad events are said with: its subject (SLA, 发票, 保养) before a breach word. */
export interface BreachStem {
  stem: string;
  concept: string;
}

const stemCache = new WeakMap<readonly OntologyPack[], BreachStem[]>();

/**
 * The subjects of boolean concepts' labels, for bad events said as subject + breach word (SLA 超时, SLA 违约,
 * 发票逾期, 保养超期): each Chinese or English label without its measure suffix or breach word. A stem of
 * fewer than two characters, starting with a number (一次修复率), shared by concepts or inside another
 * concept's stem is left out.
 */
export function breachStems(packs: readonly OntologyPack[]): BreachStem[] {
  const known = stemCache.get(packs);
  if (known) return known;
  const byStem = new Map<string, Set<string>>();
  for (const pack of packs) {
    for (const concept of pack.concepts) {
      if (!hasBooleanMapping(packs, concept.id)) continue;
      const labels = [
        concept.prefLabel.zh,
        concept.prefLabel.en,
        ...(concept.altLabel?.zh ?? []),
        ...(concept.altLabel?.en ?? []),
      ].filter((l): l is string => typeof l === "string");
      for (const label of labels) {
        const stem = label.replace(MEASURE_SUFFIX, "").replace(LEADING_BREACH, "").replace(TRAILING_BREACH, "").trim();
        for (const candidate of [stem, label.replace(TRAILING_CHECK, "").trim()]) {
          if (candidate === label.trim() || candidate.replace(/\s+/gu, "").length < 2) continue;
          if (/^[零〇一二两三四五六七八九十百千\d]/u.test(candidate)) continue;
          const ids = byStem.get(candidate) ?? new Set<string>();
          ids.add(concept.id);
          byStem.set(candidate, ids);
        }
      }
    }
  }
  const single = [...byStem]
    .filter(([, ids]) => ids.size === 1)
    .map(([stem, ids]) => ({ stem, concept: [...ids][0] ?? "" }));
  // A stem inside another concept's stem (升级 of 升级率 inside OTA 升级) could be either: left out.
  const stems = single
    .filter((a) => !single.some((b) => b.concept !== a.concept && b.stem !== a.stem && b.stem.includes(a.stem)))
    .sort((a, b) => b.stem.length - a.stem.length);
  stemCache.set(packs, stems);
  return stems;
}

/** The categorical value the concept's lookup tables score best (VERIFIED of a KYC status), or null. */
export function bestLookupValue(packs: readonly OntologyPack[], conceptId: string): string | null {
  let best: { value: string; score: number } | null = null;
  for (const m of conceptMappings(packs, conceptId)) {
    if (m.transform.kind !== "lookup") continue;
    for (const [value, score] of Object.entries(m.transform.table)) {
      const good = m.polarity === "LOWER_IS_BETTER" ? -score : score;
      if (!best || good > best.score) best = { value, score: good };
    }
  }
  return best?.value ?? null;
}

/** Whether every boolean field of the concept is a good flag (true is good: 质控通过, OTA 升级成功). */
export function onlyPositiveFlags(packs: readonly OntologyPack[], conceptId: string): boolean {
  const flags = conceptMappings(packs, conceptId).filter((m) => m.dataType === "BOOLEAN");
  return flags.length > 0 && flags.every((m) => m.polarity === "HIGHER_IS_BETTER");
}
