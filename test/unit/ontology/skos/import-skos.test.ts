import { importSkosRdfXml, importSkosTurtle } from "../../../../ontology/skos/import-skos";
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

  describe("what SKOS allows (issue 19)", () => {
    /** A scheme with the given statements about it, and concept ex:a tied to it. */
    const scheme = (...about: string[]) =>
      turtle(
        `ex: a skos:ConceptScheme ${about.map((a) => `; ${a}`).join(" ")} .`,
        'ex:a skos:inScheme ex: ; skos:prefLabel "A"@en .',
      );
    const NO_ID = (...about: string[]) => scheme('dcterms:identifier "demo"', 'owl:versionInfo "1.0.0"', ...about);

    it.each([
      ["dcterms:title", 'dcterms:title "T"@en'],
      ["dc:title", '<http://purl.org/dc/elements/1.1/title> "T"@en'],
      ["skos:prefLabel", 'skos:prefLabel "T"@en'],
      ["rdfs:label", '<http://www.w3.org/2000/01/rdf-schema#label> "T"@en'],
    ])("takes the title from %s", (_term, statement) => {
      expect(packFrom(importSkosTurtle(NO_ID(statement))).title).toEqual({ en: "T" });
    });

    it("prefers dcterms:title to skos:prefLabel, without mixing their languages", () => {
      const pack = packFrom(importSkosTurtle(NO_ID('skos:prefLabel "P"@en, "P"@fr', 'dcterms:title "T"@en')));
      expect(pack.title).toEqual({ en: "T" });
    });

    it("lets a scheme without any title stand by its pack id, saying so", () => {
      const result = importSkosTurtle(NO_ID());
      expect(packFrom(result).title).toEqual({ und: "demo" });
      expect(result.notes).toContainEqual({
        where: "<https://vocab.example.com/demo/>",
        message: "the scheme has no title; its pack id stands in",
      });
    });

    it.each([
      ['"2.1.0"', "2.1.0", false],
      ['"v2"', "2.0.0", true],
      ['"4.20"', "4.20.0", true],
      ['"1.0.0-beta.2"', "1.0.0", true],
    ])("reads owl:versionInfo %s as %s", (stated, version, noted) => {
      const text = scheme('dcterms:identifier "demo"', 'dcterms:title "T"@en', `owl:versionInfo ${stated}`);
      const result = importSkosTurtle(text);
      expect(packFrom(result).version).toBe(version);
      expect(result.notes!.some((n) => /version/.test(n.message))).toBe(noted);
    });

    it("takes schema:version when there is no owl:versionInfo", () => {
      const text = scheme('dcterms:identifier "demo"', '<http://schema.org/version> "3.1.4"');
      expect(packFrom(importSkosTurtle(text)).version).toBe("3.1.4");
    });

    it("assumes 1.0.0 for a scheme without version or date, saying to add owl:versionInfo", () => {
      const result = importSkosTurtle(scheme('dcterms:identifier "demo"', 'dcterms:title "Demo"@en'));
      expect(packFrom(result).version).toBe("1.0.0");
      expect(result.notes).toContainEqual({
        where: "<https://vocab.example.com/demo/>",
        message:
          "no owl:versionInfo; version 1.0.0 assumed. Add owl:versionInfo so that a later edition is stored as a new version",
      });
    });

    it("makes a pack id of a dcterms:identifier that is not one, saying so", () => {
      const result = importSkosTurtle(scheme('dcterms:identifier "Customer_Health"', 'owl:versionInfo "1.0.0"'));
      expect(packFrom(result).pack).toBe("customer-health");
      expect(result.notes).toContainEqual({
        where: "<https://vocab.example.com/demo/>",
        message: 'pack id "customer-health" made of dcterms:identifier "Customer_Health"',
      });
    });

    it("skips generic last segments of the scheme IRI when deriving the pack id", () => {
      const text = [
        TURTLE_PREFIXES,
        '<https://example.org/retail/vocabulary/scheme> a skos:ConceptScheme ; owl:versionInfo "1.0.0" .',
        '<https://example.org/retail/vocabulary/a> skos:inScheme <https://example.org/retail/vocabulary/scheme> ; skos:prefLabel "A"@en .',
      ].join("\n");
      const pack = packFrom(importSkosTurtle(text));
      expect(pack).toMatchObject({ pack: "retail", namespace: "https://example.org/retail/vocabulary/" });
      expect(pack.concepts.map((c) => c.id)).toEqual(["retail:a"]);
    });

    it("finds concepts named by skos:hasTopConcept only, without rdf:type", () => {
      const text = turtle(
        'ex: a skos:ConceptScheme ; dcterms:identifier "demo" ; owl:versionInfo "1.0.0" ; skos:hasTopConcept ex:top .',
        'ex:top skos:prefLabel "Top"@en .',
        'ex:leaf skos:topConceptOf ex: ; skos:prefLabel "Leaf"@en ; skos:broader ex:top .',
      );
      expect(packFrom(importSkosTurtle(text)).concepts.map((c) => c.id)).toEqual(["demo:leaf", "demo:top"]);
    });

    it("leaves out concepts of other schemes and concepts of known packs declared in the file, saying so", () => {
      const text = turtle(
        SCHEME,
        'ex:a a skos:Concept ; skos:inScheme ex: ; skos:prefLabel "A"@en ; skos:exactMatch <https://ontology.example.com/saas#adoption> .',
        'ex:b a skos:Concept ; skos:inScheme <https://vocab.example.com/other/> ; skos:prefLabel "B"@en .',
        '<https://ontology.example.com/saas#adoption> a skos:Concept ; skos:prefLabel "Adoption"@en .',
      );
      const result = importSkosTurtle(text, KNOWN, packOfIri);
      const pack = packFrom(result);
      expect(pack.concepts.map((c) => c.id)).toEqual(["demo:a"]);
      expect(pack.concepts[0]!.exactMatch).toEqual(["saas:adoption"]);
      expect(result.notes).toEqual(
        expect.arrayContaining([
          { where: "<https://vocab.example.com/demo/b>", message: "belongs to another concept scheme; not imported" },
          {
            where: "<https://ontology.example.com/saas#adoption>",
            message: 'is a concept of pack "saas"; links to it are kept, it is not imported',
          },
        ]),
      );
    });

    it("leaves out a concept the file declares only as a link target outside its namespace, and the link", () => {
      const text = turtle(
        SCHEME,
        'ex:a skos:inScheme ex: ; skos:prefLabel "A"@en ; skos:exactMatch <http://aims.fao.org/aos/agrovoc/c_1> .',
        'ex:b a skos:Concept ; skos:prefLabel "B"@en .',
        '<http://aims.fao.org/aos/agrovoc/c_1> a skos:Concept ; skos:prefLabel "Elsewhere"@en .',
      );
      const result = importSkosTurtle(text);
      const pack = packFrom(result);
      expect(pack.concepts.map((c) => [c.id, c.exactMatch])).toEqual([
        ["demo:a", []],
        ["demo:b", []],
      ]);
      expect(result.notes).toContainEqual({
        where: "<http://aims.fao.org/aos/agrovoc/c_1>",
        message:
          "is tied to no scheme and lies outside the vocabulary's namespace <https://vocab.example.com/demo/>; not imported",
      });
    });

    it("reads concepts in a # namespace beside a scheme IRI ending in #scheme", () => {
      const text = [
        TURTLE_PREFIXES,
        "@prefix v: <http://example.org/vocab#> .",
        'v:scheme a skos:ConceptScheme ; skos:prefLabel "Vocab"@en .',
        'v:first a skos:Concept ; skos:inScheme v:scheme ; skos:prefLabel "First"@en .',
        'v:second a skos:Concept ; skos:inScheme v:scheme ; skos:prefLabel "Second"@en ; skos:broader v:first .',
      ].join("\n");
      const pack = packFrom(importSkosTurtle(text));
      expect(pack).toMatchObject({ pack: "vocab", namespace: "http://example.org/vocab#" });
      expect(pack.concepts.map((c) => [c.id, c.broader])).toEqual([
        ["vocab:first", []],
        ["vocab:second", ["vocab:first"]],
      ]);
    });

    it("prefers a tagged English label to an untagged one, and keeps extra preferred labels as alternatives", () => {
      const text = turtle(SCHEME, 'ex:a skos:inScheme ex: ; skos:prefLabel "Plain", "English"@en, "Anglais"@en .');
      const result = importSkosTurtle(text);
      expect(packFrom(result).concepts[0]).toMatchObject({
        prefLabel: { en: "English" },
        altLabel: { en: ["Anglais", "Plain"] },
      });
      expect(result.notes).toContainEqual({
        where: "<https://vocab.example.com/demo/a>",
        message: "more than one skos:prefLabel in a language; the others are kept as alternative labels",
      });
    });

    it("labels a concept without skos:prefLabel by rdfs:label, else skos:notation, else its IRI", () => {
      const text = turtle(
        SCHEME,
        'ex:a skos:inScheme ex: ; <http://www.w3.org/2000/01/rdf-schema#label> "Alpha"@en .',
        'ex:b skos:inScheme ex: ; skos:notation "B-01" .',
        "ex:c skos:inScheme ex: .",
      );
      const result = importSkosTurtle(text);
      expect(packFrom(result).concepts.map((c) => c.prefLabel)).toEqual([
        { en: "Alpha" },
        { und: "B-01" },
        { und: "c" },
      ]);
      expect(result.notes).toContainEqual({
        where: "concepts",
        message:
          "concepts without skos:prefLabel are labelled from rdfs:label, skos:notation or their IRI (3 times, e.g. " +
          "<https://vocab.example.com/demo/a>, <https://vocab.example.com/demo/b>, <https://vocab.example.com/demo/c>)",
      });
    });

    it("gives two IRIs that make the same id distinct ids, saying so", () => {
      const text = turtle(
        SCHEME,
        'ex:CustomerHealth skos:inScheme ex: ; skos:prefLabel "A"@en .',
        'ex:customer_health skos:inScheme ex: ; skos:prefLabel "B"@en .',
      );
      const result = importSkosTurtle(text);
      expect(
        packFrom(result)
          .concepts.map((c) => c.id)
          .sort(),
      ).toEqual(["demo:customer-health", "demo:customer-health-2"]);
      expect(result.notes!.map((n) => n.message)).toContainEqual(
        expect.stringMatching(/already has the id "demo:customer-health"/),
      );
    });

    it("gives a concept whose local name has no Latin letters a stable id", () => {
      const text = turtle(SCHEME, 'ex:教育 skos:inScheme ex: ; skos:prefLabel "教育"@zh .');
      const first = packFrom(importSkosTurtle(text)).concepts[0]!.id;
      expect(first).toMatch(/^demo:c-[0-9a-f]{10}$/);
      expect(packFrom(importSkosTurtle(text)).concepts[0]!.id).toBe(first);
    });

    it("folds many notes of one kind into one with a count and examples", () => {
      const concepts = [1, 2, 3, 4].map(
        (i) =>
          `ex:c${i} skos:inScheme ex: ; skos:prefLabel "C${i}"@en ; skos:exactMatch <http://elsewhere.example/x${i}> .`,
      );
      const notes = importSkosTurtle(turtle(SCHEME, ...concepts)).notes!;
      expect(notes).toEqual([
        {
          where: "concepts",
          message:
            "matches pointing outside this vocabulary and the known packs are not kept (4 times, e.g. " +
            "<http://elsewhere.example/x1>, <http://elsewhere.example/x2>, <http://elsewhere.example/x3>)",
        },
      ]);
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

    it("reports malformed RDF/XML with its line and column", async () => {
      const text =
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n  oops\n</rdf:RDF>\ntrailing';
      const problems = problemsOf(await importSkosRdfXml(text));
      expect(problems).toHaveLength(1);
      expect(problems[0]!.where).toMatch(/^line \d+, column \d+$/);
      expect(problems[0]!.message).toMatch(/^RDF\/XML syntax: /);
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
