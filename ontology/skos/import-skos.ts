import { PackProblem, PackResult } from "../model/ontology.model";
import { KnownConcepts, NO_KNOWN_CONCEPTS, validatePack } from "../pack/validate-pack";
import { conceptIdsOf, conceptNamespace, localIdInNamespace, PackOfIri } from "./concept-ids";
import { ImportNotes } from "./import-notes";
import { parseRdfXml, parseTurtle } from "./parse-rdf";
import { RdfGraph, RdfTriple } from "./rdf-graph";
import { readConcept } from "./read-concept";
import { readSchemeMetadata } from "./scheme-metadata";
import { TERMS } from "./skos-vocabulary";

export type { PackOfIri } from "./concept-ids";

const IRI = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The concepts of a scheme: those tied to it (skos:inScheme, skos:topConceptOf, or named by its
 * skos:hasTopConcept), and the skos:Concepts of the file tied to no scheme at all, unless they lie in another
 * pack's namespace or outside the tied concepts' namespace (a file may declare the concepts it links to).
 * Concepts of other schemes are left out. Each left-out kind is noted.
 */
function membersOf(graph: RdfGraph, scheme: string, pack: string, packOfIri: PackOfIri, notes: ImportNotes) {
  const tied = new Set([
    ...graph.subjects(TERMS.inScheme, scheme),
    ...graph.subjects(TERMS.topConceptOf, scheme),
    ...graph.resources(scheme, TERMS.hasTopConcept),
  ]);
  const members = new Set(tied);
  // A file may declare the concepts its matches point to; those lie outside the tied concepts' namespace.
  const tiedIris = [...tied].filter((iri) => IRI.test(iri));
  const ownNamespace = tiedIris.length > 0 ? conceptNamespace(scheme, tiedIris) : null;
  for (const iri of graph.typed(TERMS.type, TERMS.Concept)) {
    if (tied.has(iri)) continue;
    const other = packOfIri(iri);
    if (graph.resources(iri, TERMS.inScheme).length > 0) {
      notes.add(
        "other-scheme",
        { where: `<${iri}>`, message: "belongs to another concept scheme; not imported" },
        "skos:Concepts of other concept schemes are not imported",
      );
    } else if (other !== undefined && other.pack !== pack) {
      notes.add(
        "other-pack",
        {
          where: `<${iri}>`,
          message: `is a concept of pack "${other.pack}"; links to it are kept, it is not imported`,
        },
        "skos:Concepts of other packs are not imported (links to them are kept)",
      );
    } else if (ownNamespace !== null && !iri.startsWith(ownNamespace)) {
      notes.add(
        "outside-namespace",
        {
          where: `<${iri}>`,
          message: `is tied to no scheme and lies outside the vocabulary's namespace <${ownNamespace}>; not imported`,
        },
        "skos:Concepts tied to no scheme and outside the vocabulary's namespace are not imported",
      );
    } else members.add(iri);
  }
  const blank = [...members].filter((iri) => !IRI.test(iri));
  if (blank.length > 0) {
    notes.add("blank", {
      where: "concepts",
      message: `${blank.length} concepts without an IRI (blank nodes) are not imported`,
    });
  }
  return [...members].filter((iri) => IRI.test(iri)).sort();
}

/**
 * Reads one skos:ConceptScheme and its concepts from RDF triples into a pack, validated like a YAML pack.
 * Accepts what SKOS allows (docs/ontologies.md): titles from dcterms:title, skos:prefLabel or rdfs:label, a
 * missing version defaulted, concepts in "/" or "#" namespaces tied by skos:inScheme, skos:topConceptOf or
 * skos:hasTopConcept, labels in any language, broader and narrower, alternative labels, definitions or scope
 * notes. Concept ids are `<pack>:<local name>`. Whatever was assumed or left out is returned as notes.
 */
export function readSkos(
  triples: Iterable<RdfTriple>,
  known: KnownConcepts = NO_KNOWN_CONCEPTS,
  packOfIri: PackOfIri = () => undefined,
): PackResult {
  const graph = new RdfGraph(triples);
  const schemes = graph.typed(TERMS.type, TERMS.ConceptScheme);
  if (schemes.length !== 1) {
    const named = schemes.length > 1 ? ` (${schemes.map((s) => `<${s}>`).join(", ")}); import one scheme per file` : "";
    return {
      ok: false,
      problems: [
        {
          where: "skos:ConceptScheme",
          message: `expected exactly one skos:ConceptScheme; found ${schemes.length}${named}`,
        },
      ],
    };
  }
  const scheme = schemes[0]!;
  const problems: PackProblem[] = [];
  const notes = new ImportNotes();
  const metadata = readSchemeMetadata(graph, scheme, notes, problems);
  const pack = metadata.pack;

  const members = membersOf(graph, scheme, pack, packOfIri, notes);
  for (const iri of members) {
    const other = packOfIri(iri);
    if (other !== undefined && other.pack !== pack) {
      problems.push({
        where: `<${iri}>`,
        message:
          `lies in the namespace of pack "${other.pack}" (<${other.namespace}>); a vocabulary defines only ` +
          `concepts of its own: give this one an IRI of its own`,
      });
    }
  }
  const own = members.filter((iri) => packOfIri(iri)?.pack === undefined || packOfIri(iri)?.pack === pack);
  const namespace = conceptNamespace(scheme, own);
  if (own.length > 1 && !/^[a-z][a-z0-9+.-]*:\/\/[^/]+\//i.test(namespace)) {
    problems.push({
      where: "concepts",
      message: `the concepts share no namespace (e.g. <${own[0]}> and <${own[own.length - 1]}>); give them one`,
    });
  }
  const ids = conceptIdsOf(pack, namespace, own, notes);
  const ownIds = new Set(ids.values());
  const idOf = (iri: string): string | undefined => {
    const id = ids.get(iri);
    if (id !== undefined) return id;
    const other = packOfIri(iri);
    if (other !== undefined && other.pack !== pack) return `${other.pack}:${iri.slice(other.namespace.length)}`;
    return iri.startsWith(namespace) ? `${pack}:${localIdInNamespace(namespace, iri)}` : undefined;
  };
  const links = { idOf, canMatch: (id: string) => ownIds.has(id) || known.has(id) };
  const concepts = own.map((iri) => readConcept(graph, iri, ids.get(iri)!, links, notes, problems));

  const mappings = graph.resources(scheme, TERMS.mapping).flatMap((node, i) => {
    const spec = graph.objects(node, TERMS.spec)[0]?.value ?? "";
    try {
      return [JSON.parse(spec) as unknown];
    } catch {
      problems.push({ where: `rlt:mapping[${i}]`, message: "rlt:spec is not valid JSON" });
      return [];
    }
  });
  const result = validatePack({ ...metadata, namespace, concepts, mappings }, known);
  const noted = notes.list();
  if (problems.length === 0) return { ...result, notes: noted };
  return { ok: false, problems: [...problems, ...(result.ok ? [] : result.problems)], notes: noted };
}

/** Reads SKOS written in Turtle (or N-Triples); see {@link readSkos}. */
export function importSkosTurtle(
  text: string,
  known: KnownConcepts = NO_KNOWN_CONCEPTS,
  packOfIri: PackOfIri = () => undefined,
): PackResult {
  const parsed = parseTurtle(text);
  return parsed.ok ? readSkos(parsed.triples, known, packOfIri) : parsed;
}

/** Reads SKOS written in RDF/XML; see {@link readSkos}. */
export async function importSkosRdfXml(
  text: string,
  known: KnownConcepts = NO_KNOWN_CONCEPTS,
  packOfIri: PackOfIri = () => undefined,
): Promise<PackResult> {
  const parsed = await parseRdfXml(text);
  return parsed.ok ? readSkos(parsed.triples, known, packOfIri) : parsed;
}
