import { NamespaceOf } from "../../../../ontology/skos/export-skos";
import { PackOfIri } from "../../../../ontology/skos/import-skos";

/** Shared fixtures for the SKOS unit tests. */

/** A pack id and its IRI base. */
export interface PackNamespace {
  pack: string;
  namespace: string;
}

/** Where each pack's concepts live, for exporting links to concepts of other packs. */
export function namespaceOfPacks(packs: readonly PackNamespace[]): NamespaceOf {
  return (pack) => packs.find((p) => p.pack === pack)?.namespace;
}

/** The pack an IRI lies in, for importing links to concepts of other packs (the longest namespace wins). */
export function packOfIriIn(packs: readonly PackNamespace[]): PackOfIri {
  return (iri) =>
    [...packs].sort((a, b) => b.namespace.length - a.namespace.length).find((p) => iri.startsWith(p.namespace));
}

/** Namespaces of the small hand-written packs the SKOS tests link to. */
export const OTHER_PACKS: readonly PackNamespace[] = [
  { pack: "core", namespace: "https://ontology.example.com/core/" },
  { pack: "saas", namespace: "https://ontology.example.com/saas#" },
];

/** The usual prefixes of a hand-written Turtle file. */
export const TURTLE_PREFIXES = [
  "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
  "@prefix dcterms: <http://purl.org/dc/terms/> .",
  "@prefix owl: <http://www.w3.org/2002/07/owl#> .",
  "@prefix rlt: <https://ontology.relata.dev/vocab#> .",
  "@prefix ex: <https://vocab.example.com/demo/> .",
  "",
].join("\n");
