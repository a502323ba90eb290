import { mappingProblems } from "../bridge/check-mapping";
import type { MappingSpec } from "../model/mapping.model";
import {
  ConceptPart,
  ConceptSpec,
  LOCAL_ID,
  LangText,
  LangTexts,
  PACK_ID,
  PackProblem,
  PackResult,
  SEMVER,
} from "../model/ontology.model";
import { findCycle } from "./find-cycle";

/** Concepts already in the graph from other packs, which a pack may refer to. */
export interface KnownConcepts {
  has(id: string): boolean;
  broaderOf(id: string): readonly string[];
  partsOf(id: string): readonly string[];
}

export const NO_KNOWN_CONCEPTS: KnownConcepts = { has: () => false, broaderOf: () => [], partsOf: () => [] };

/** A BCP-47 language tag: a 2–3 letter language ("en", "zh", "und"), then subtags ("zh-Hant", "de-CH-1996"). */
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const NAMESPACE = /^https?:\/\/[^\s<>"]+[/#]$/;
const WEIGHT_TOLERANCE = 0.01;

type Raw = Record<string, unknown>;

function isObject(value: unknown): value is Raw {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Validates a parsed pack (from YAML, JSON or SKOS) as a whole and returns either the typed pack or every
 * problem with where it is. References may point into `known` concepts of other packs; cycles are
 * checked across both.
 */
export function validatePack(input: unknown, known: KnownConcepts = NO_KNOWN_CONCEPTS): PackResult {
  const problems: PackProblem[] = [];
  const problem = (where: string, message: string) => problems.push({ where, message });
  if (!isObject(input)) return { ok: false, problems: [{ where: "pack", message: "the pack must be a map" }] };

  const pack = typeof input.pack === "string" ? input.pack : "";
  if (!PACK_ID.test(pack)) {
    problem(
      "pack",
      `must be a pack id of lower-case letters, digits and "-" (e.g. "manufacturing"); received ${JSON.stringify(input.pack)}`,
    );
  }
  const version = typeof input.version === "string" ? input.version : String(input.version ?? "");
  if (!SEMVER.test(version))
    problem("version", `must be a semantic version like "1.0.0"; received ${JSON.stringify(input.version)}`);
  const title = langText(input.title, "title", problem, true);
  const description = langText(input.description ?? {}, "description", problem, false);
  const namespace = typeof input.namespace === "string" ? input.namespace : "";
  if (!NAMESPACE.test(namespace)) {
    problem("namespace", `must be an http(s) IRI ending in "/" or "#"; received ${JSON.stringify(input.namespace)}`);
  }

  const rawConcepts = Array.isArray(input.concepts) ? input.concepts : [];
  if (!Array.isArray(input.concepts) || rawConcepts.length === 0) problem("concepts", "must be a non-empty list");
  const concepts: ConceptSpec[] = rawConcepts.map((raw, i) => concept(raw, `concepts[${i}]`, pack, problem));

  const ownIds = new Map<string, number>();
  concepts.forEach((c, i) => {
    const earlier = ownIds.get(c.id);
    if (earlier !== undefined) problem(`concepts[${i}].id`, `duplicate id "${c.id}" (also concepts[${earlier}])`);
    else if (c.id) ownIds.set(c.id, i);
  });
  const exists = (id: string) => ownIds.has(id) || known.has(id);

  concepts.forEach((c, i) => {
    const refs: Array<[string, readonly string[]]> = [
      ["broader", c.broader],
      ["exactMatch", c.exactMatch],
      ["closeMatch", c.closeMatch],
    ];
    for (const [field, ids] of refs) {
      ids.forEach((id, j) => {
        if (!exists(id))
          problem(
            `concepts[${i}].${field}[${j}]`,
            `refers to "${id}", which is defined neither in this pack nor in the graph`,
          );
        if (id === c.id) problem(`concepts[${i}].${field}[${j}]`, `a concept cannot refer to itself`);
      });
    }
    c.parts.forEach((part, k) => {
      const j = partIndexes.get(c)?.[k] ?? k;
      if (!exists(part.concept))
        problem(
          `concepts[${i}].parts[${j}].concept`,
          `refers to "${part.concept}", which is defined neither in this pack nor in the graph`,
        );
      if (part.concept === c.id) problem(`concepts[${i}].parts[${j}].concept`, "a concept cannot be a part of itself");
    });
    if (c.parts.length > 0) {
      const sum = c.parts.reduce((total, part) => total + (Number.isFinite(part.weight) ? part.weight : 0), 0);
      // The extra 1e-9 absorbs binary rounding, so 0.99 and 1.01 sit inside the documented tolerance.
      if (Math.abs(sum - 1) - WEIGHT_TOLERANCE > 1e-9) {
        problem(`concepts[${i}].parts`, `weights must sum to 1 (±${WEIGHT_TOLERANCE}); they sum to ${round(sum)}`);
      }
    }
  });

  checkCycles(concepts, known, problem);

  const rawMappings = input.mappings === undefined ? [] : input.mappings;
  if (!Array.isArray(rawMappings)) problem("mappings", "must be a list (it may be empty)");
  const mappings: MappingSpec[] = [];
  const mappingKeys = new Map<string, number>();
  (Array.isArray(rawMappings) ? rawMappings : []).forEach((raw, i) => {
    const where = `mappings[${i}]`;
    const found = mappingProblems(raw, where);
    for (const p of found) problem(p.where, p.message);
    if (!isObject(raw)) return;
    const target = typeof raw.concept === "string" ? raw.concept : "";
    if (target && !exists(target))
      problem(`${where}.concept`, `refers to "${target}", which is defined neither in this pack nor in the graph`);
    const key = `${String(raw.system)}/${String(raw.field)} → ${target}`;
    const earlier = mappingKeys.get(key);
    if (earlier !== undefined) problem(where, `duplicate mapping ${key} (also mappings[${earlier}])`);
    if (earlier === undefined) mappingKeys.set(key, i);
    if (found.length === 0) mappings.push(raw as unknown as MappingSpec);
  });

  if (problems.length > 0) return { ok: false, problems };
  const cleaned = concepts.map((c) => ({
    ...c,
    broader: unique(c.broader),
    exactMatch: unique(c.exactMatch),
    closeMatch: unique(c.closeMatch),
  }));
  return { ok: true, pack: { pack, version, title, description, namespace, concepts: cleaned, mappings } };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

function langText(value: unknown, where: string, problem: (w: string, m: string) => void, required: boolean): LangText {
  if (!isObject(value)) {
    problem(where, 'must be a map of language to text, e.g. { en: "…", zh: "…" }');
    return {};
  }
  const out: Record<string, string> = {};
  for (const [lang, text] of Object.entries(value)) {
    // Language tags ignore case (BCP 47); RDF tools lower-case them, so Relata does too.
    if (!LANG.test(lang)) problem(`${where}.${lang}`, `"${lang}" is not a language tag like "en" or "zh"`);
    else if (typeof text !== "string" || text.trim() === "") problem(`${where}.${lang}`, "must be non-empty text");
    else out[lang.toLowerCase()] = text.trim();
  }
  // Any language will do (SKOS vocabularies are often in one language only); which text is shown when the
  // language asked for is missing is decided by displayText.
  if (required && Object.keys(out).length === 0 && Object.keys(value).length === 0) {
    problem(where, 'needs a text in at least one language, e.g. { en: "…" }');
  }
  return out;
}

function langTexts(value: unknown, where: string, problem: (w: string, m: string) => void): LangTexts {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) {
    problem(where, 'must be a map of language to a list of texts, e.g. { en: ["…"] }');
    return {};
  }
  const out: Record<string, string[]> = {};
  for (const [lang, texts] of Object.entries(value)) {
    const list = typeof texts === "string" ? [texts] : texts;
    if (!LANG.test(lang)) problem(`${where}.${lang}`, `"${lang}" is not a language tag like "en" or "zh"`);
    else if (!Array.isArray(list) || list.some((t) => typeof t !== "string" || t.trim() === "")) {
      problem(`${where}.${lang}`, "must be a list of non-empty texts");
    } else if (list.length > 0) out[lang.toLowerCase()] = list.map((t: string) => t.trim());
  }
  return out;
}

function idList(value: unknown, where: string, problem: (w: string, m: string) => void): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    problem(where, "must be a list of concept ids");
    return [];
  }
  return [...(value as string[])];
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Where each kept part stood in the list as written, so problems point at the right line. */
const partIndexes = new WeakMap<ConceptSpec, number[]>();

function concept(raw: unknown, where: string, pack: string, problem: (w: string, m: string) => void): ConceptSpec {
  if (!isObject(raw)) {
    problem(where, "must be a map with at least id and prefLabel");
    return {
      id: "",
      prefLabel: {},
      altLabel: {},
      definition: {},
      broader: [],
      parts: [],
      exactMatch: [],
      closeMatch: [],
    };
  }
  const id = typeof raw.id === "string" ? raw.id : "";
  const [prefix, local, extra] = id.split(":");
  if (prefix !== pack || local === undefined || extra !== undefined || !LOCAL_ID.test(local)) {
    problem(
      `${where}.id`,
      `must be "${pack}:<kebab-case-id>" (the pack id, a colon, a local id); received ${JSON.stringify(raw.id)}`,
    );
  }
  const parts: ConceptPart[] = [];
  const indexes: number[] = [];
  if (raw.parts !== undefined && raw.parts !== null) {
    if (!Array.isArray(raw.parts)) problem(`${where}.parts`, "must be a list of { concept, weight }");
    else {
      raw.parts.forEach((p: unknown, j: number) => {
        const at = `${where}.parts[${j}]`;
        if (!isObject(p) || typeof p.concept !== "string") {
          problem(at, "must be { concept: <id>, weight: <number ≥ 0> }");
          return;
        }
        if (typeof p.weight !== "number" || !Number.isFinite(p.weight) || p.weight < 0) {
          problem(`${at}.weight`, `must be a number ≥ 0; received ${JSON.stringify(p.weight)}`);
          return;
        }
        parts.push({ concept: p.concept, weight: p.weight });
        indexes.push(j);
      });
    }
  }
  const spec: ConceptSpec = {
    id,
    prefLabel: langText(raw.prefLabel, `${where}.prefLabel`, problem, true),
    altLabel: langTexts(raw.altLabel, `${where}.altLabel`, problem),
    // Optional: vocabularies imported from elsewhere often have none. Built-in packs define all (tested).
    definition: raw.definition === undefined ? {} : langText(raw.definition, `${where}.definition`, problem, false),
    broader: idList(raw.broader, `${where}.broader`, problem),
    parts,
    exactMatch: idList(raw.exactMatch, `${where}.exactMatch`, problem),
    closeMatch: idList(raw.closeMatch, `${where}.closeMatch`, problem),
  };
  partIndexes.set(spec, indexes);
  return spec;
}

function checkCycles(concepts: ConceptSpec[], known: KnownConcepts, problem: (w: string, m: string) => void): void {
  // The first definition of a duplicated id is the one checked (the duplicate is reported on its own).
  const own = new Map<string, ConceptSpec>();
  for (const c of concepts) if (!own.has(c.id)) own.set(c.id, c);
  const graphOf = (edgesOf: (id: string) => readonly string[]) => {
    const edges = new Map<string, readonly string[]>();
    const visit = (id: string) => {
      if (edges.has(id)) return;
      const targets = edgesOf(id);
      edges.set(id, targets);
      targets.forEach(visit);
    };
    concepts.forEach((c) => visit(c.id));
    return edges;
  };
  const broaderCycle = findCycle(graphOf((id) => own.get(id)?.broader ?? known.broaderOf(id)));
  if (broaderCycle) problem("concepts", `broader links form a cycle: ${broaderCycle.join(" → ")}`);
  // A cycle of parts would make a concept a part of itself.
  const partsCycle = findCycle(graphOf((id) => own.get(id)?.parts.map((p) => p.concept) ?? known.partsOf(id)));
  if (partsCycle) problem("concepts", `parts form a cycle: ${partsCycle.join(" ⊃ ")}`);
}
