import type { MappingSpec } from "./mapping.model";

/** Text in several languages, keyed by BCP-47 language tag ("en", "zh", "de", …). */
export type LangText = Readonly<Record<string, string>>;
export type LangTexts = Readonly<Record<string, readonly string[]>>;

/** A composite concept's part and its default weight within the whole. */
export interface ConceptPart {
  concept: string;
  weight: number;
}

/** One business concept of an ontology pack, as written in the pack file. */
export interface ConceptSpec {
  /** `<pack>:<local-id>`. */
  id: string;
  prefLabel: LangText;
  altLabel: LangTexts;
  definition: LangText;
  /** More general concepts (a DAG across packs). */
  broader: readonly string[];
  /** The concepts this composite is made of, with weights summing to 1. */
  parts: readonly ConceptPart[];
  exactMatch: readonly string[];
  closeMatch: readonly string[];
}

/** A versioned ontology pack: concepts and the mappings of source fields onto them. */
export interface OntologyPack {
  pack: string;
  version: string;
  title: LangText;
  description: LangText;
  /** IRI base of the pack's concepts in SKOS. */
  namespace: string;
  concepts: readonly ConceptSpec[];
  mappings: readonly MappingSpec[];
}

/** A problem found in a pack, with where it is (`concepts[3].parts[1].weight`). */
export interface PackProblem {
  where: string;
  message: string;
}

/**
 * Something an import assumed or adjusted without failing (a defaulted version, a derived pack id, links it
 * could not keep), with where it is; shown to the importer beside the result.
 */
export type PackNote = PackProblem;

export type PackResult =
  | { ok: true; pack: OntologyPack; notes?: readonly PackNote[] }
  | { ok: false; problems: PackProblem[]; notes?: readonly PackNote[] };

export const PACK_ID = /^[a-z][a-z0-9-]{0,39}$/;
export const LOCAL_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SEMVER = /^\d+\.\d+\.\d+$/;

/** Compares semantic versions numerically ("1.10.0" > "1.9.0"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
