import { PackProblem } from "../model/ontology.model";
import { ImportNotes } from "./import-notes";
import { RdfGraph, TaggedText } from "./rdf-graph";
import { joinedPerLanguage, oneTextPerLanguage, textsPerLanguage } from "./skos-texts";
import { TERMS } from "./skos-vocabulary";

/** How the reader turns IRIs into concept ids, and which ids exist. */
export interface ConceptLinks {
  /** The id of a concept of this vocabulary or of a known pack; undefined for any other IRI. */
  idOf(iri: string): string | undefined;
  /** Whether a match may point at the id: a concept of this vocabulary, or one already in the graph. */
  canMatch(id: string): boolean;
}

/** A concept as read from SKOS, before validation. */
export interface RawConcept {
  id: string;
  prefLabel: Record<string, string>;
  altLabel: Record<string, string[]>;
  definition: Record<string, string>;
  broader: string[];
  exactMatch: string[];
  closeMatch: string[];
  parts: Array<{ concept: string; weight: number }>;
}

/** SKOS relations Relata has no place for: counted and said so, never silently lost. */
const NOT_STORED = [
  ["related", TERMS.related],
  ["broadMatch", TERMS.broadMatch],
  ["narrowMatch", TERMS.narrowMatch],
  ["relatedMatch", TERMS.relatedMatch],
] as const;

/** skos-xl labels: resources carrying the text in skosxl:literalForm. */
function xlTexts(graph: RdfGraph, iri: string, predicate: string): TaggedText[] {
  return graph.resources(iri, predicate).flatMap((label) => graph.texts(label, TERMS.literalForm));
}

function labelsOf(graph: RdfGraph, iri: string, notes: ImportNotes) {
  const where = `<${iri}>`;
  const preferred = [...graph.texts(iri, TERMS.prefLabel), ...xlTexts(graph, iri, TERMS.xlPrefLabel)];
  const read = oneTextPerLanguage(preferred);
  const extra = read.extra;
  let prefLabel = read.byLang;
  if (extra.length > 0) {
    notes.add(
      "extra-pref",
      { where, message: "more than one skos:prefLabel in a language; the others are kept as alternative labels" },
      "concepts with more than one skos:prefLabel in a language keep the others as alternative labels",
      where,
    );
  }
  if (Object.keys(prefLabel).length === 0) {
    const fallback = oneTextPerLanguage(graph.texts(iri, TERMS.label)).byLang;
    const notation = graph.texts(iri, TERMS.notation)[0]?.text;
    const local = iri.replace(/^.*[/#]/, "");
    prefLabel = Object.keys(fallback).length > 0 ? fallback : { und: notation ?? (local || iri) };
    notes.add(
      "no-pref",
      {
        where,
        message: `no skos:prefLabel; labelled "${Object.values(prefLabel)[0]}" from rdfs:label, notation or IRI`,
      },
      "concepts without skos:prefLabel are labelled from rdfs:label, skos:notation or their IRI",
      where,
    );
  }
  const altLabel = textsPerLanguage(graph.texts(iri, TERMS.altLabel));
  for (const { text, lang } of [...xlTexts(graph, iri, TERMS.xlAltLabel), ...extra]) {
    const list = (altLabel[lang || "en"] ??= []);
    if (!list.includes(text)) list.push(text);
  }
  // A scope note stands in for a definition in the languages that have none.
  const definition = {
    ...joinedPerLanguage(graph.texts(iri, TERMS.scopeNote)),
    ...joinedPerLanguage(graph.texts(iri, TERMS.definition)),
  };
  return { prefLabel, altLabel, definition };
}

/**
 * Reads one concept: labels (skos and skos-xl; an untagged text counts as English), definition (or scope
 * note), broader links in both directions (its skos:broader and others' skos:narrower), matches, and
 * Relata's weighted parts. Matches to concepts outside this vocabulary and the graph are left out and noted;
 * a broader link or part that points nowhere is a problem.
 */
export function readConcept(
  graph: RdfGraph,
  iri: string,
  id: string,
  links: ConceptLinks,
  notes: ImportNotes,
  problems: PackProblem[],
): RawConcept {
  const where = `<${iri}>`;
  const required = (target: string, term: string): string[] => {
    const targetId = links.idOf(target);
    if (targetId !== undefined) return [targetId];
    problems.push({
      where,
      message:
        `${term} <${target}> is neither a concept of this vocabulary nor of a known pack; ` +
        `add it to the file, import its vocabulary first, or remove the link`,
    });
    return [];
  };
  const matches = (predicate: string, term: string): string[] =>
    graph.resources(iri, predicate).flatMap((target) => {
      const targetId = links.idOf(target);
      if (targetId !== undefined && links.canMatch(targetId)) return [targetId];
      notes.add(
        "outside-match",
        {
          where,
          message: `${term} <${target}> points outside this vocabulary and the known packs; the link is not kept`,
        },
        "matches pointing outside this vocabulary and the known packs are not kept",
        `<${target}>`,
      );
      return [];
    });
  for (const [name, predicate] of NOT_STORED) {
    for (const target of graph.resources(iri, predicate)) {
      notes.add(
        `not-stored-${name}`,
        { where, message: `skos:${name} <${target}> is not stored: Relata has no such relation` },
        `skos:${name} links are not stored: Relata has no such relation`,
        where,
      );
    }
  }
  const broaderIris = [...graph.resources(iri, TERMS.broader), ...graph.subjects(TERMS.narrower, iri)];
  return {
    id,
    ...labelsOf(graph, iri, notes),
    broader: [...new Set(broaderIris)].flatMap((target) => required(target, "skos:broader")),
    exactMatch: matches(TERMS.exactMatch, "skos:exactMatch"),
    closeMatch: matches(TERMS.closeMatch, "skos:closeMatch"),
    parts: graph.resources(iri, TERMS.hasPart).flatMap((node) => {
      const concept = graph.resources(node, TERMS.partConcept)[0];
      const weight = Number(graph.objects(node, TERMS.weight)[0]?.value);
      if (concept !== undefined) return required(concept, "rlt:concept").map((c) => ({ concept: c, weight }));
      problems.push({ where, message: "an rlt:hasPart has no rlt:concept; name the part's concept" });
      return [];
    }),
  };
}
