import { importSkosTurtle } from "../../../../ontology/skos/import-skos";
import { knownConcepts, mapping, packFrom, problemsOf, wheresOf } from "../pack/pack.fixtures";
import { OTHER_PACKS, packOfIriIn, TURTLE_PREFIXES } from "./skos.fixtures";

const SCHEME = `ex: a skos:ConceptScheme ;
  dcterms:identifier "demo" ;
  owl:versionInfo "1.2.0" ;
  dcterms:title "Demo vocabulary"@en, "演示词表"@zh .
`;

/** A Turtle file: the prefixes, then the given statements. */
function turtle(...statements: string[]): string {
  return TURTLE_PREFIXES + statements.join("\n");
}

const KNOWN = knownConcepts({ "core:relationship": {}, "saas:adoption": {} });
const packOfIri = packOfIriIn(OTHER_PACKS);

describe("importSkosTurtle", () => {
  describe("valid SKOS", () => {
    it("reads a hand-written scheme with concepts, labels, links, parts and mappings", () => {
      const text = turtle(
        SCHEME,
        "ex:health a skos:Concept ; skos:inScheme ex: ;",
        '  skos:prefLabel "Health"@en, "健康度"@zh ;',
        '  skos:altLabel "Account health"@en, "Health score"@en, "客户健康"@zh ;',
        '  skos:definition "How healthy."@en ;',
        "  skos:broader <https://ontology.example.com/core/relationship> ;",
        "  skos:exactMatch <https://ontology.example.com/saas#adoption> ;",
        "  rlt:hasPart [ rlt:concept ex:usage ; rlt:weight 0.7 ], [ rlt:concept ex:mood ; rlt:weight 0.3 ] .",
        'ex:usage a skos:Concept ; skos:prefLabel "Usage"@en ; skos:definition "Use."@en .',
        'ex:mood a skos:Concept ; skos:prefLabel "Mood"@en ; skos:definition "Mood."@en ; skos:closeMatch ex:usage .',
        `ex: rlt:mapping [ a rlt:Mapping ; rlt:spec ${JSON.stringify(JSON.stringify(mapping("demo:mood")))} ] .`,
      );
      const pack = packFrom(importSkosTurtle(text, KNOWN, packOfIri));
      expect(pack).toMatchObject({
        pack: "demo",
        version: "1.2.0",
        title: { en: "Demo vocabulary", zh: "演示词表" },
        description: {},
        namespace: "https://vocab.example.com/demo/",
        mappings: [mapping("demo:mood")],
      });
      const health = pack.concepts.find((c) => c.id === "demo:health");
      expect(health).toEqual({
        id: "demo:health",
        prefLabel: { en: "Health", zh: "健康度" },
        altLabel: { en: expect.arrayContaining(["Account health", "Health score"]), zh: ["客户健康"] },
        definition: { en: "How healthy." },
        broader: ["core:relationship"],
        exactMatch: ["saas:adoption"],
        closeMatch: [],
        parts: expect.arrayContaining([
          { concept: "demo:usage", weight: 0.7 },
          { concept: "demo:mood", weight: 0.3 },
        ]),
      });
      expect(pack.concepts.map((c) => c.id).sort()).toEqual(["demo:health", "demo:mood", "demo:usage"]);
    });

    it("takes a literal without a language tag as English", () => {
      const text = turtle(SCHEME, 'ex:a a skos:Concept ; skos:prefLabel "Alpha" ; skos:definition "A."  .');
      expect(packFrom(importSkosTurtle(text)).concepts[0]).toMatchObject({
        prefLabel: { en: "Alpha" },
        definition: { en: "A." },
      });
    });

    it("derives kebab-case local ids from other local names", () => {
      const text = turtle(SCHEME, 'ex:CustomerHealth a skos:Concept ; skos:prefLabel "Customer health"@en .');
      expect(packFrom(importSkosTurtle(text)).concepts.map((c) => c.id)).toEqual(["demo:customer-health"]);
    });

    it("derives the pack id from the scheme IRI when dcterms:identifier is missing", () => {
      const text = [
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        '<https://vocab.example.com/Customer_Health/> a skos:ConceptScheme ; owl:versionInfo "1.0.0" ; dcterms:title "CH"@en .',
        '<https://vocab.example.com/Customer_Health/score> a skos:Concept ; skos:prefLabel "Score"@en .',
      ].join("\n");
      const pack = packFrom(importSkosTurtle(text));
      expect(pack.pack).toBe("customer-health");
      expect(pack.concepts.map((c) => c.id)).toEqual(["customer-health:score"]);
    });

    it("adds a / to a scheme IRI that ends in neither / nor #", () => {
      const text = [
        TURTLE_PREFIXES,
        '<https://vocab.example.com/demo> a skos:ConceptScheme ; dcterms:identifier "demo" ; owl:versionInfo "1.0.0" ; dcterms:title "D"@en .',
        '<https://vocab.example.com/demo/a> a skos:Concept ; skos:prefLabel "A"@en .',
      ].join("\n");
      const pack = packFrom(importSkosTurtle(text));
      expect(pack.namespace).toBe("https://vocab.example.com/demo/");
      expect(pack.concepts.map((c) => c.id)).toEqual(["demo:a"]);
    });
  });

  describe("invalid SKOS", () => {
    it("reports malformed Turtle with the line of the error", () => {
      const text = turtle(SCHEME, 'ex:a a skos:Concept ;\n  skos:prefLabel "unterminated .\n');
      const problems = problemsOf(importSkosTurtle(text));
      expect(problems).toHaveLength(1);
      const line = text.split("\n").findIndex((l) => l.includes("unterminated")) + 1;
      expect(problems[0]!.where).toBe(`line ${line}`);
      expect(problems[0]!.message).toMatch(/^Turtle syntax: /);
    });

    it("reports an undefined prefix with its line", () => {
      const text = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\nnope:a a skos:Concept .\n";
      expect(problemsOf(importSkosTurtle(text))).toEqual([
        { where: "line 3", message: expect.stringMatching(/^Turtle syntax: .*nope/) },
      ]);
    });

    it("rejects Turtle without a skos:ConceptScheme", () => {
      const text = turtle('ex:a a skos:Concept ; skos:prefLabel "A"@en .');
      expect(problemsOf(importSkosTurtle(text))).toEqual([
        { where: "skos:ConceptScheme", message: "expected exactly one skos:ConceptScheme; found 0" },
      ]);
      expect(wheresOf(importSkosTurtle(""))).toEqual(["skos:ConceptScheme"]);
    });

    it("rejects Turtle with two skos:ConceptSchemes, naming them", () => {
      const text = turtle(
        SCHEME,
        '<https://vocab.example.com/other/> a skos:ConceptScheme ; dcterms:identifier "other" ; owl:versionInfo "1.0.0" .',
        'ex:a a skos:Concept ; skos:prefLabel "A"@en .',
      );
      expect(problemsOf(importSkosTurtle(text))).toEqual([
        {
          where: "skos:ConceptScheme",
          message:
            "expected exactly one skos:ConceptScheme; found 2 (<https://vocab.example.com/demo/>, " +
            "<https://vocab.example.com/other/>); import one scheme per file",
        },
      ]);
    });

    it("reports concepts that share no namespace", () => {
      const text = turtle(
        SCHEME,
        'ex:a a skos:Concept ; skos:prefLabel "A"@en .',
        '<https://elsewhere.example.org/b> a skos:Concept ; skos:prefLabel "B"@en .',
      );
      expect(problemsOf(importSkosTurtle(text, KNOWN, packOfIri))).toContainEqual({
        where: "concepts",
        message: expect.stringMatching(/^the concepts share no namespace \(e\.g\. <https:\/\/elsewhere/),
      });
    });

    it("reports a broader link to an IRI that is no concept of the vocabulary or of a known pack", () => {
      const text = turtle(
        SCHEME,
        'ex:a a skos:Concept ; skos:prefLabel "A"@en ; skos:broader <https://elsewhere.example.org/top> .',
      );
      expect(problemsOf(importSkosTurtle(text, KNOWN, packOfIri))).toEqual([
        {
          where: "<https://vocab.example.com/demo/a>",
          message:
            "skos:broader <https://elsewhere.example.org/top> is neither a concept of this vocabulary nor of a " +
            "known pack; add it to the file, import its vocabulary first, or remove the link",
        },
      ]);
    });

    it("reports a concept of this scheme whose IRI lies in another pack's namespace", () => {
      const text = turtle(
        SCHEME,
        'ex:a a skos:Concept ; skos:inScheme ex: ; skos:prefLabel "A"@en .',
        '<https://ontology.example.com/core/intruder> a skos:Concept ; skos:inScheme ex: ; skos:prefLabel "I"@en .',
      );
      expect(problemsOf(importSkosTurtle(text, KNOWN, packOfIri))).toEqual([
        {
          where: "<https://ontology.example.com/core/intruder>",
          message:
            'lies in the namespace of pack "core" (<https://ontology.example.com/core/>); a vocabulary defines ' +
            "only concepts of its own: give this one an IRI of its own",
        },
      ]);
    });

    it("reports an rlt:hasPart without a concept", () => {
      const text = turtle(SCHEME, 'ex:a a skos:Concept ; skos:prefLabel "A"@en ; rlt:hasPart [ rlt:weight 1 ] .');
      expect(problemsOf(importSkosTurtle(text))).toContainEqual({
        where: "<https://vocab.example.com/demo/a>",
        message: "an rlt:hasPart has no rlt:concept; name the part's concept",
      });
    });

    it("reports a scheme no pack id can be made of", () => {
      const text = [
        TURTLE_PREFIXES,
        "<https://vocab.example.com/123/> a skos:ConceptScheme .",
        '<https://vocab.example.com/123/a> a skos:Concept ; skos:prefLabel "A"@en .',
      ].join("\n");
      expect(problemsOf(importSkosTurtle(text))).toContainEqual({
        where: "<https://vocab.example.com/123/>",
        message: 'no pack id can be made of the scheme; add one with dcterms:identifier "my-vocabulary"',
      });
    });

    it("rejects content over the size limit before parsing it", () => {
      const text = turtle(SCHEME, `# ${"x".repeat(10 * 1024 * 1024)}`);
      expect(problemsOf(importSkosTurtle(text))).toEqual([
        { where: "content", message: "is larger than 10485760 bytes; split the vocabulary" },
      ]);
    });

    it("reports a mapping whose rlt:spec is not JSON", () => {
      const text = turtle(
        SCHEME,
        'ex:a a skos:Concept ; skos:prefLabel "A"@en .',
        'ex: rlt:mapping [ a rlt:Mapping ; rlt:spec "{not json" ] .',
      );
      expect(problemsOf(importSkosTurtle(text))).toContainEqual({
        where: "rlt:mapping[0]",
        message: "rlt:spec is not valid JSON",
      });
    });

    it("validates the imported pack like a YAML pack", () => {
      const text = turtle(SCHEME, 'ex:a a skos:Concept ; skos:prefLabel "A"@de ; skos:broader ex:missing .');
      expect(problemsOf(importSkosTurtle(text))).toEqual([
        {
          where: "concepts[0].broader[0]",
          message: 'refers to "demo:missing", which is defined neither in this pack nor in the graph',
        },
      ]);
    });
  });
});
