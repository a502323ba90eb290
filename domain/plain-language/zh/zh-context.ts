/**
 * What the Chinese grammar reads a sentence against: the tenant's vocabulary (directory and pack labels),
 * the packs themselves (units, booleans, lookup tables, scales) and the web pages of the packs.
 */
import { OntologyPack } from "../../../ontology/model/ontology.model";
import { DraftDirectory } from "../draft";
import { buildPageIndex, PageIndex } from "./pages-zh";
import { buildZhVocabulary, ZhVocabulary } from "./zh-vocabulary";

export interface ZhGrammarContext {
  vocabulary: ZhVocabulary;
  packs: readonly OntologyPack[];
  pages: PageIndex;
  /** The health model's grades (GREEN, YELLOW, RED by default). */
  grades: readonly string[];
}

const cache = new WeakMap<DraftDirectory, WeakMap<readonly OntologyPack[], ZhGrammarContext>>();

/** The grammar context of a directory and packs (built once per pair of objects). */
export function zhGrammarContext(directory: DraftDirectory, packs: readonly OntologyPack[]): ZhGrammarContext {
  const byPacks = cache.get(directory) ?? new WeakMap<readonly OntologyPack[], ZhGrammarContext>();
  cache.set(directory, byPacks);
  const known = byPacks.get(packs);
  if (known) return known;
  const ctx: ZhGrammarContext = {
    vocabulary: buildZhVocabulary(directory, packs),
    packs,
    pages: buildPageIndex(packs),
    grades: Object.keys(directory.healthGrades),
  };
  byPacks.set(packs, ctx);
  return ctx;
}
