/** The RDF terms Relata reads and writes in SKOS Turtle. */
export const SKOS = "http://www.w3.org/2004/02/skos/core#";
export const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
export const DCTERMS = "http://purl.org/dc/terms/";
export const OWL = "http://www.w3.org/2002/07/owl#";
export const XSD = "http://www.w3.org/2001/XMLSchema#";
/** Relata's own terms for what SKOS has no words for: weighted parts and field mappings. */
export const RELATA = "https://ontology.relata.dev/vocab#";

export const TERMS = {
  type: `${RDF}type`,
  Concept: `${SKOS}Concept`,
  ConceptScheme: `${SKOS}ConceptScheme`,
  inScheme: `${SKOS}inScheme`,
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
