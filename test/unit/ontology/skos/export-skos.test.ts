import { Parser, Quad } from "n3";
import { OntologyPack } from "../../../../ontology/model/ontology.model";
import { validatePack } from "../../../../ontology/pack/validate-pack";
import { exportSkosTurtle } from "../../../../ontology/skos/export-skos";
import { TERMS, XSD } from "../../../../ontology/skos/skos-vocabulary";
import { concept, knownConcepts, mapping, packFrom, packOf } from "../pack/pack.fixtures";
import { namespaceOfPacks, OTHER_PACKS } from "./skos.fixtures";

const NS = "https://ontology.example.com/demo/";

const PACK: OntologyPack = packFrom(
  validatePack(
    packOf(
      [
        concept("demo:health", {
          prefLabel: { en: "Health", zh: "健康度" },
          altLabel: { en: ["Score"] },
          broader: ["core:relationship"],
          exactMatch: ["saas:adoption"],
          closeMatch: ["other:thing"],
          parts: [
            { concept: "demo:usage", weight: 0.25 },
            { concept: "demo:mood", weight: 0.75 },
          ],
        }),
        concept("demo:usage"),
        concept("demo:mood"),
      ],
      [mapping("demo:mood")],
      { version: "2.1.0", title: { en: "Demo", zh: "演示" }, description: { en: "A demo." } },
    ),
    knownConcepts({ "core:relationship": {}, "saas:adoption": {}, "other:thing": {} }),
  ),
);

/** The quads of the export, parsed back with N3. */
function exportedQuads(pack: OntologyPack = PACK): Quad[] {
  return new Parser().parse(exportSkosTurtle(pack, namespaceOfPacks(OTHER_PACKS)));
}

/** The objects of (subject, predicate), as values (IRIs or lexical forms). */
function valuesOf(quads: Quad[], subject: string, predicate: string): string[] {
  return quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);
}

describe("exportSkosTurtle", () => {
  it("writes one skos:ConceptScheme at the pack's namespace, with id, version, title and description", () => {
    const quads = exportedQuads();
    const schemes = quads.filter((q) => q.predicate.value === TERMS.type && q.object.value === TERMS.ConceptScheme);
    expect(schemes.map((q) => q.subject.value)).toEqual([NS]);
    expect(valuesOf(quads, NS, TERMS.identifier)).toEqual(["demo"]);
    expect(valuesOf(quads, NS, TERMS.versionInfo)).toEqual(["2.1.0"]);
    const titles = quads.filter((q) => q.subject.value === NS && q.predicate.value === TERMS.title);
    expect(titles.map((q) => [q.object.value, "language" in q.object ? q.object.language : ""]).sort()).toEqual([
      ["Demo", "en"],
      ["演示", "zh"],
    ]);
    expect(valuesOf(quads, NS, TERMS.description)).toEqual(["A demo."]);
  });

  it("writes every concept as a skos:Concept in the scheme, under the pack's namespace", () => {
    const quads = exportedQuads();
    const concepts = quads.filter((q) => q.predicate.value === TERMS.type && q.object.value === TERMS.Concept);
    expect(concepts.map((q) => q.subject.value).sort()).toEqual([`${NS}health`, `${NS}mood`, `${NS}usage`]);
    for (const q of concepts) expect(valuesOf(quads, q.subject.value, TERMS.inScheme)).toEqual([NS]);
  });

  it("writes labels and definitions with their language tags", () => {
    const quads = exportedQuads();
    const labels = quads.filter((q) => q.subject.value === `${NS}health` && q.predicate.value === TERMS.prefLabel);
    expect(labels.map((q) => `${q.object.value}@${"language" in q.object ? q.object.language : ""}`).sort()).toEqual([
      "Health@en",
      "健康度@zh",
    ]);
    expect(valuesOf(quads, `${NS}health`, TERMS.altLabel)).toEqual(["Score"]);
    expect(valuesOf(quads, `${NS}health`, TERMS.definition)).toEqual(["The demo:health concept."]);
  });

  it("links to concepts of other packs through their namespaces, or urn:relata IRIs for unknown packs", () => {
    const quads = exportedQuads();
    expect(valuesOf(quads, `${NS}health`, TERMS.broader)).toEqual(["https://ontology.example.com/core/relationship"]);
    expect(valuesOf(quads, `${NS}health`, TERMS.exactMatch)).toEqual(["https://ontology.example.com/saas#adoption"]);
    expect(valuesOf(quads, `${NS}health`, TERMS.closeMatch)).toEqual(["urn:relata:other:thing"]);
  });

  it("writes parts as nodes with a concept and an xsd:decimal weight", () => {
    const quads = exportedQuads();
    const parts = valuesOf(quads, `${NS}health`, TERMS.hasPart).map((node) => {
      const weight = quads.find((q) => q.subject.value === node && q.predicate.value === TERMS.weight)!.object;
      return {
        concept: valuesOf(quads, node, TERMS.partConcept)[0],
        weight: weight.value,
        datatype: "datatype" in weight ? weight.datatype.value : "",
      };
    });
    expect(parts.sort((a, b) => a.concept!.localeCompare(b.concept!))).toEqual([
      { concept: `${NS}mood`, weight: "0.75", datatype: `${XSD}decimal` },
      { concept: `${NS}usage`, weight: "0.25", datatype: `${XSD}decimal` },
    ]);
  });

  it("writes every weight in the lexical form of xsd:decimal, without an exponent", () => {
    // xsd:decimal allows digits and one ".", no exponent: "1e-7"^^xsd:decimal is an ill-typed literal.
    const weights = [1e-7, 0.5, 0.5 - 1e-7];
    const pack = packFrom(
      validatePack(
        packOf([
          concept("demo:whole", { parts: weights.map((weight, i) => ({ concept: `demo:p${i}`, weight })) }),
          ...weights.map((_w, i) => concept(`demo:p${i}`)),
        ]),
      ),
    );
    const quads = new Parser().parse(exportSkosTurtle(pack));
    const lexical = quads.filter((q) => q.predicate.value === TERMS.weight).map((q) => q.object.value);
    expect(lexical).toHaveLength(3);
    for (const form of lexical) expect(form).toMatch(/^[+-]?(\d+(\.\d*)?|\.\d+)$/);
    expect(lexical.map(Number).sort((a, b) => a - b)).toEqual([...weights].sort((a, b) => a - b));
  });

  it("writes each mapping as an rlt:Mapping of the scheme carrying its spec as JSON", () => {
    const quads = exportedQuads();
    const nodes = valuesOf(quads, NS, TERMS.mapping);
    expect(nodes).toHaveLength(1);
    expect(valuesOf(quads, nodes[0]!, TERMS.type)).toEqual([TERMS.Mapping]);
    expect(JSON.parse(valuesOf(quads, nodes[0]!, TERMS.spec)[0]!)).toEqual(mapping("demo:mood"));
  });

  it("uses the pack id as the Turtle prefix of its namespace", () => {
    const text = exportSkosTurtle(PACK);
    expect(text).toContain(`@prefix demo: <${NS}>`);
    expect(text).toContain("demo:health");
  });

  it("escapes quotes, backslashes and new lines in texts", () => {
    const pack = packFrom(
      validatePack(packOf([concept("demo:a", { definition: { en: 'A "quoted" \\ text\nover two lines.' } })])),
    );
    const quads = new Parser().parse(exportSkosTurtle(pack));
    expect(valuesOf(quads, `${NS}a`, TERMS.definition)).toEqual(['A "quoted" \\ text\nover two lines.']);
  });
});
