import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OntologyPack } from "../../../../ontology/model/ontology.model";
import { canonicalPack } from "../../../../ontology/pack/diff-packs";
import { exportSkosTurtle } from "../../../../ontology/skos/export-skos";
import { importSkosRdfXml, importSkosTurtle } from "../../../../ontology/skos/import-skos";
import { packFrom, problemsOf } from "../pack/pack.fixtures";

// Issue 19: ordinary SKOS files, shaped like vocabularies published in the wild, were rejected.

const fixture = (name: string) => readFileSync(join(__dirname, "..", "..", "..", "fixtures", "skos", name), "utf8");
const concept = (pack: OntologyPack, id: string) => pack.concepts.find((c) => c.id === id)!;

describe("a UNESCO-Thesaurus-style vocabulary", () => {
  const result = importSkosTurtle(fixture("unesco-style.ttl"));
  const pack = packFrom(result);

  it("is accepted, with its title from skos:prefLabel in every language", () => {
    expect(problemsOf(result)).toEqual([]);
    expect(pack.title).toEqual({
      en: "UNESCO Thesaurus",
      fr: "Thésaurus de l'UNESCO",
      es: "Tesauro de la UNESCO",
      ru: "Тезаурус ЮНЕСКО",
      ar: "مكنز اليونسكو",
    });
  });

  it("takes its pack id from the scheme IRI and its version from dcterms:modified, and says so", () => {
    expect(pack).toMatchObject({ pack: "thesaurus", version: "2024.3.15" });
    expect(result.notes).toEqual(
      expect.arrayContaining([
        { where: "<http://vocabularies.unesco.org/thesaurus>", message: expect.stringMatching(/^pack id "thesaurus"/) },
        {
          where: "<http://vocabularies.unesco.org/thesaurus>",
          message: 'no owl:versionInfo; version 2024.3.15 taken from the scheme\'s date "2024-03-15T10:00:00Z"',
        },
      ]),
    );
  });

  it("puts the concepts under the namespace below the scheme IRI, and leaves the skos:Collection out", () => {
    expect(pack.namespace).toBe("http://vocabularies.unesco.org/thesaurus/");
    expect(pack.concepts.map((c) => c.id).sort()).toEqual([
      "thesaurus:concept10",
      "thesaurus:concept12",
      "thesaurus:concept7",
      "thesaurus:domain1",
    ]);
  });

  it("reads the hierarchy from skos:narrower as well as skos:broader", () => {
    expect(concept(pack, "thesaurus:concept10").broader).toEqual(["thesaurus:domain1"]);
    expect(concept(pack, "thesaurus:concept7").broader).toEqual(["thesaurus:domain1"]);
    expect(concept(pack, "thesaurus:concept12").broader).toEqual(["thesaurus:concept7"]);
  });

  it("keeps labels in every language, also for a concept without English", () => {
    expect(concept(pack, "thesaurus:concept12").prefLabel).toEqual({
      fr: "Formation des enseignants",
      es: "Formación de docentes",
    });
    expect(concept(pack, "thesaurus:concept7").altLabel).toEqual({
      en: ["School management"],
      fr: ["Administration scolaire"],
    });
  });

  it("takes a scope note as the definition in the languages that have no skos:definition", () => {
    expect(concept(pack, "thesaurus:concept7").definition).toEqual({
      en: "The organisation and running of education systems and institutions.",
    });
    expect(concept(pack, "thesaurus:concept10").definition).toEqual({
      en: "Average time needed to restore a failed service.",
      fr: "Pour l'équipement scolaire.",
    });
  });

  it("leaves out skos:related and a match to an outside vocabulary, with a note for each", () => {
    expect(concept(pack, "thesaurus:concept7").exactMatch).toEqual([]);
    expect(result.notes).toEqual(
      expect.arrayContaining([
        {
          where: "<http://vocabularies.unesco.org/thesaurus/concept7>",
          message:
            "skos:related <http://vocabularies.unesco.org/thesaurus/concept10> is not stored: Relata has no such relation",
        },
        {
          where: "<http://vocabularies.unesco.org/thesaurus/concept7>",
          message:
            "skos:exactMatch <http://aims.fao.org/aos/agrovoc/c_2469> points outside this vocabulary and the " +
            "known packs; the link is not kept",
        },
      ]),
    );
  });

  it("reads the same vocabulary in RDF/XML into the same pack", async () => {
    const fromXml = await importSkosRdfXml(fixture("unesco-style.rdf"));
    expect(problemsOf(fromXml)).toEqual([]);
    expect(canonicalPack(packFrom(fromXml))).toBe(canonicalPack(pack));
    expect(fromXml.notes).toEqual(result.notes);
  });

  it("comes back the same after Relata exports and re-imports it", () => {
    const again = importSkosTurtle(exportSkosTurtle(pack));
    expect(problemsOf(again)).toEqual([]);
    expect(canonicalPack(packFrom(again))).toBe(canonicalPack(pack));
    expect(again.notes).toEqual([]);
  });
});

describe("a EuroVoc-style micro-thesaurus", () => {
  const result = importSkosTurtle(fixture("eurovoc-style.ttl"));
  const pack = packFrom(result);

  it("is accepted, its concepts beside (not below) the scheme IRI", () => {
    expect(problemsOf(result)).toEqual([]);
    expect(pack.namespace).toBe("http://eurovoc.europa.eu/");
    expect(pack.concepts.map((c) => c.id)).toEqual([
      "legal-form-of-organisations:1233",
      "legal-form-of-organisations:1234",
      "legal-form-of-organisations:5678",
    ]);
  });

  it("makes a pack id of the title when the scheme IRI is a number, and a version of a free-form one", () => {
    expect(pack).toMatchObject({ pack: "legal-form-of-organisations", version: "4.20.0" });
    expect(result.notes).toContainEqual({
      where: "<http://eurovoc.europa.eu/100141>",
      message: 'version "4.20" read as 4.20.0',
    });
  });

  it("reads skos-xl labels beside plain ones", () => {
    expect(concept(pack, "legal-form-of-organisations:1234")).toMatchObject({
      prefLabel: { en: "cooperative", fr: "coopérative", de: "Genossenschaft" },
      altLabel: { en: ["co-operative society"] },
    });
  });

  it("builds the hierarchy from skos:narrower alone and keeps a match inside the vocabulary", () => {
    expect(concept(pack, "legal-form-of-organisations:5678")).toMatchObject({
      broader: ["legal-form-of-organisations:1233"],
      closeMatch: ["legal-form-of-organisations:1234"],
      altLabel: { en: ["plc"], fr: ["SA"], de: ["AG"] },
      definition: {},
    });
  });
});

describe("a scheme with only a prefLabel and concepts in a # namespace (the shape issue 19 reported)", () => {
  const result = importSkosTurtle(fixture("hash-namespace.ttl"));
  const pack = packFrom(result);

  it("is accepted with German labels only, a derived pack id and a defaulted version, saying so", () => {
    expect(problemsOf(result)).toEqual([]);
    expect(pack).toMatchObject({
      pack: "kundendienst",
      version: "1.0.0",
      title: { de: "Kundendienst-Begriffe" },
      namespace: "http://example.org/kundendienst#",
    });
    expect(result.notes).toContainEqual({
      where: "<http://example.org/kundendienst#scheme>",
      message:
        "no owl:versionInfo; version 1.0.0 assumed. Add owl:versionInfo so that a later edition is stored as a new version",
    });
  });

  it("ties concepts by skos:topConceptOf and skos:inScheme, with kebab-case ids", () => {
    expect(pack.concepts).toEqual([
      {
        id: "kundendienst:mittlere-reparaturzeit",
        prefLabel: { de: "Mittlere Reparaturzeit" },
        altLabel: { de: ["MTTR"] },
        definition: {},
        broader: ["kundendienst:servicequalitaet"],
        parts: [],
        exactMatch: [],
        closeMatch: [],
      },
      {
        id: "kundendienst:servicequalitaet",
        prefLabel: { de: "Servicequalität" },
        altLabel: {},
        definition: { de: "Wie gut ein Kunde bedient wird." },
        broader: [],
        parts: [],
        exactMatch: [],
        closeMatch: [],
      },
    ]);
  });
});
