import { BlankNode, DataFactory, Literal, NamedNode, Writer } from "n3";
import { OntologyPack } from "../model/ontology.model";
import { PREFIXES, TERMS, XSD } from "./skos-vocabulary";

const { namedNode, literal, blankNode, quad } = DataFactory;

/** Where each pack's concepts live, to turn ids of any pack into IRIs. */
export type NamespaceOf = (pack: string) => string | undefined;

function iriOf(id: string, own: OntologyPack, namespaceOf: NamespaceOf): string {
  const [pack, local] = id.split(":") as [string, string];
  const namespace = pack === own.pack ? own.namespace : (namespaceOf(pack) ?? `urn:relata:${pack}:`);
  return `${namespace}${local}`;
}

/** xsd:decimal has no exponent form, so 1e-7 is written 0.0000001. */
function decimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, "");
}

/**
 * Writes a pack as SKOS in Turtle: a skos:ConceptScheme with labels, definitions, broader and match links,
 * plus Relata's terms for weighted parts and field mappings, so that importing the export gives the same
 * pack back.
 */
export function exportSkosTurtle(pack: OntologyPack, namespaceOf: NamespaceOf = () => undefined): string {
  const writer = new Writer({ prefixes: { ...PREFIXES, [pack.pack]: pack.namespace } });
  const scheme = namedNode(pack.namespace);
  const add = (s: NamedNode | BlankNode, p: string, o: NamedNode | BlankNode | Literal) =>
    writer.addQuad(quad(s, namedNode(p), o));
  add(scheme, TERMS.type, namedNode(TERMS.ConceptScheme));
  add(scheme, TERMS.identifier, literal(pack.pack));
  add(scheme, TERMS.versionInfo, literal(pack.version));
  for (const [lang, text] of Object.entries(pack.title)) add(scheme, TERMS.title, literal(text, lang));
  for (const [lang, text] of Object.entries(pack.description)) add(scheme, TERMS.description, literal(text, lang));

  for (const concept of pack.concepts) {
    const subject = namedNode(iriOf(concept.id, pack, namespaceOf));
    add(subject, TERMS.type, namedNode(TERMS.Concept));
    add(subject, TERMS.inScheme, scheme);
    for (const [lang, text] of Object.entries(concept.prefLabel)) add(subject, TERMS.prefLabel, literal(text, lang));
    for (const [lang, texts] of Object.entries(concept.altLabel)) {
      for (const text of texts) add(subject, TERMS.altLabel, literal(text, lang));
    }
    for (const [lang, text] of Object.entries(concept.definition)) add(subject, TERMS.definition, literal(text, lang));
    for (const id of concept.broader) add(subject, TERMS.broader, namedNode(iriOf(id, pack, namespaceOf)));
    for (const id of concept.exactMatch) add(subject, TERMS.exactMatch, namedNode(iriOf(id, pack, namespaceOf)));
    for (const id of concept.closeMatch) add(subject, TERMS.closeMatch, namedNode(iriOf(id, pack, namespaceOf)));
    for (const part of concept.parts) {
      const node = blankNode();
      add(subject, TERMS.hasPart, node);
      add(node, TERMS.partConcept, namedNode(iriOf(part.concept, pack, namespaceOf)));
      add(node, TERMS.weight, literal(decimal(part.weight), namedNode(`${XSD}decimal`)));
    }
  }
  for (const mapping of pack.mappings) {
    const node = blankNode();
    add(scheme, TERMS.mapping, node);
    add(node, TERMS.type, namedNode(TERMS.Mapping));
    add(node, TERMS.spec, literal(JSON.stringify(mapping)));
  }
  let output = "";
  writer.end((error, result) => {
    if (error) throw error;
    output = result;
  });
  return output;
}
