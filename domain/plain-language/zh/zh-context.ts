/**
 * What the Chinese grammar reads a sentence against: the tenant's vocabulary (directory and pack labels),
 * the concepts with their mappings (units, booleans, lookup tables, scales) and the web pages of the packs,
 * all taken from the shared lexicon (`../lexicon.ts`) so both grammars read the same tenant.
 */
import { OntologyPack } from "../../../ontology/model/ontology.model";
import { ConceptInfo, Lexicon } from "../lexicon";
import { buildPageIndex, PageIndex } from "./pages-zh";
import { buildZhVocabulary, ZhVocabulary } from "./zh-vocabulary";

export interface ZhGrammarContext {
  vocabulary: ZhVocabulary;
  /** The packs' concepts and mappings (as one pack: the grammar never needs to know which pack). */
  packs: readonly OntologyPack[];
  concepts: ReadonlyMap<string, ConceptInfo>;
  pages: PageIndex;
  /** The health model's grades (GREEN, YELLOW, RED by default). */
  grades: readonly string[];
  /** The shared lexicon, for concept search by shared words when no label matches. */
  lexicon: Lexicon;
}

const cache = new WeakMap<Lexicon, ZhGrammarContext>();

/** The grammar context of a lexicon (built once per lexicon). */
export function zhContextOf(lexicon: Lexicon): ZhGrammarContext {
  const known = cache.get(lexicon);
  if (known) return known;
  const infos = [...lexicon.concepts.values()];
  const packs: OntologyPack[] = [
    {
      pack: "lexicon",
      version: "0.0.0",
      title: {},
      description: {},
      namespace: "",
      concepts: infos.map((c) => c.spec),
      mappings: infos.flatMap((c) => c.mappings),
    },
  ];
  const ctx: ZhGrammarContext = {
    vocabulary: buildZhVocabulary(lexicon.directory, packs),
    packs,
    concepts: lexicon.concepts,
    pages: buildPageIndex(packs),
    grades: Object.keys(lexicon.directory.healthGrades),
    lexicon,
  };
  cache.set(lexicon, ctx);
  return ctx;
}
