import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { OntologyPack, PackProblem, PackResult } from "../../../../ontology/model/ontology.model";
import { KnownConcepts } from "../../../../ontology/pack/validate-pack";

/** Shared fixtures for the pack and SKOS unit tests: plain data, shaped as a pack's YAML parses. */

type Raw = Record<string, unknown>;

/** A pack with only what is required: id, version, English title, namespace and one labelled concept. */
export function minimalPack(overrides: Raw = {}): Raw {
  return {
    pack: "demo",
    version: "1.0.0",
    title: { en: "Demo" },
    namespace: "https://ontology.example.com/demo/",
    concepts: [{ id: "demo:health", prefLabel: { en: "Health" }, definition: { en: "How healthy an account is." } }],
    ...overrides,
  };
}

/** A concept of the demo pack with English label and definition. */
export function concept(id: string, fields: Raw = {}): Raw {
  return { id, prefLabel: { en: id.split(":")[1] }, definition: { en: `The ${id} concept.` }, ...fields };
}

/** A valid mapping (the README's example) onto `concept`. */
export function mapping(concept: string, overrides: Raw = {}): Raw {
  return {
    system: "callcenter",
    field: "csat_score",
    concept,
    dataType: "NUMBER",
    unit: "score_1_5",
    transform: { kind: "linear" },
    polarity: "HIGHER_IS_BETTER",
    normalization: { kind: "fixed", min: 1, max: 5 },
    aggregation: { kind: "mean", window: "P90D" },
    weight: 1,
    predicate: "exact",
    author: "relata",
    justification: "manual-curation",
    confidence: 0.95,
    date: "2026-11-25",
    ...overrides,
  };
}

/** A pack of concepts (with an English title and namespace) under the demo pack id. */
export function packOf(concepts: unknown[], mappings: unknown[] = [], overrides: Raw = {}): Raw {
  return minimalPack({ concepts, mappings, ...overrides });
}

/** Concepts of other packs, given as id → { broader, parts }. */
export function knownConcepts(graph: Record<string, { broader?: string[]; parts?: string[] }>): KnownConcepts {
  return {
    has: (id) => Object.hasOwn(graph, id),
    broaderOf: (id) => (Object.hasOwn(graph, id) ? (graph[id]!.broader ?? []) : []),
    partsOf: (id) => (Object.hasOwn(graph, id) ? (graph[id]!.parts ?? []) : []),
  };
}

/** The concepts of raw (parsed, not yet validated) packs as {@link KnownConcepts}. */
export function knownFromRawPacks(raws: readonly Raw[]): KnownConcepts {
  const byId = new Map<string, Raw>();
  for (const raw of raws) {
    for (const c of (raw.concepts as Raw[] | undefined) ?? []) byId.set(String(c.id), c);
  }
  return {
    has: (id) => byId.has(id),
    broaderOf: (id) => (byId.get(id)?.broader as string[] | undefined) ?? [],
    partsOf: (id) => ((byId.get(id)?.parts as Array<{ concept: string }> | undefined) ?? []).map((p) => p.concept),
  };
}

/** The problems of a result, or [] when it is valid (so a failure shows the problems). */
export function problemsOf(result: PackResult): PackProblem[] {
  return result.ok ? [] : result.problems;
}

/** Where each problem is, in the order reported. */
export function wheresOf(result: PackResult): string[] {
  return problemsOf(result).map((p) => p.where);
}

/** The typed pack of a valid result; fails the test with the problems otherwise. */
export function packFrom(result: PackResult): OntologyPack {
  if (!result.ok) throw new Error(`expected a valid pack; problems: ${JSON.stringify(result.problems, null, 2)}`);
  return result.pack;
}

/** The directory of the built-in packs. */
export const BUILT_IN_PACKS_DIR = join(__dirname, "..", "..", "..", "..", "ontology", "packs");

/** The built-in packs as their YAML parses, by file name. */
export function builtInRawPacks(): Array<{ file: string; raw: Raw }> {
  return readdirSync(BUILT_IN_PACKS_DIR)
    .filter((file) => file.endsWith(".pack.yaml"))
    .sort()
    .map((file) => ({ file, raw: parse(readFileSync(join(BUILT_IN_PACKS_DIR, file), "utf8")) as Raw }));
}
