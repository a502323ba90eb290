/** The RDF terms Relata reads and writes in SKOS (Turtle, N-Triples, RDF/XML). */
export const SKOS = "http://www.w3.org/2004/02/skos/core#";
export const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
export const DCTERMS = "http://purl.org/dc/terms/";
export const OWL = "http://www.w3.org/2002/07/owl#";
export const XSD = "http://www.w3.org/2001/XMLSchema#";
export const RDFS = "http://www.w3.org/2000/01/rdf-schema#";
export const DC = "http://purl.org/dc/elements/1.1/";
export const SKOSXL = "http://www.w3.org/2008/05/skos-xl#";
/** Relata's own terms for what SKOS has no words for: weighted parts and field mappings. */
export const RELATA = "https://ontology.relata.dev/vocab#";

export const TERMS = {
  type: `${RDF}type`,
  Concept: `${SKOS}Concept`,
  ConceptScheme: `${SKOS}ConceptScheme`,
  inScheme: `${SKOS}inScheme`,
  topConceptOf: `${SKOS}topConceptOf`,
  hasTopConcept: `${SKOS}hasTopConcept`,
  narrower: `${SKOS}narrower`,
  related: `${SKOS}related`,
  broadMatch: `${SKOS}broadMatch`,
  narrowMatch: `${SKOS}narrowMatch`,
  relatedMatch: `${SKOS}relatedMatch`,
  scopeNote: `${SKOS}scopeNote`,
  notation: `${SKOS}notation`,
  xlPrefLabel: `${SKOSXL}prefLabel`,
  xlAltLabel: `${SKOSXL}altLabel`,
  literalForm: `${SKOSXL}literalForm`,
  label: `${RDFS}label`,
  comment: `${RDFS}comment`,
  dcIdentifier: `${DC}identifier`,
  dcTitle: `${DC}title`,
  dcDescription: `${DC}description`,
  modified: `${DCTERMS}modified`,
  issued: `${DCTERMS}issued`,
  schemaVersion: "http://schema.org/version",
  schemaVersionHttps: "https://schema.org/version",
  prefLabel: `${SKOS}prefLabel`,
  altLabel: `${SKOS}altLabel`,
  definition: `${SKOS}definition`,
  broader: `${SKOS}broader`,
  exactMatch: `${SKOS}exactMatch`,
  closeMatch: `${SKOS}closeMatch`,
  identifier: `${DCTERMS}identifier`,
  title: `${DCTERMS}title`,
  description: `${DCTERMS}description`,
  versionInfo: `${OWL}versionInfo`,
  hasPart: `${RELATA}hasPart`,
  partConcept: `${RELATA}concept`,
  weight: `${RELATA}weight`,
  Mapping: `${RELATA}Mapping`,
  mapping: `${RELATA}mapping`,
  spec: `${RELATA}spec`,
} as const;

export const PREFIXES = {
  skos: SKOS,
  dcterms: DCTERMS,
  owl: OWL,
  xsd: XSD,
  rlt: RELATA,
} as const;
