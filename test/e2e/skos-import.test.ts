import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  BridgeValueDocument,
  ConceptDetailDocument,
  ConceptSearchDocument,
  ExportOntologyDocument,
  FieldsMeasuringDocument,
  ImportOntologyDocument,
  OntologiesDocument,
  OntologyFormat,
  UpsertMappingDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

// Issue 19: ordinary SKOS files were rejected. Vocabularies shaped like those published in the wild are
// imported over HTTP, then searched, read and mapped like any pack.

const tenant = uniqueTenant("skos");
let api: TestApi;
let admin: string;
let analyst: string;

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", "skos", name), "utf8");

async function importFile(name: string, format: OntologyFormat) {
  return dataOf(await api.run(ImportOntologyDocument, { format, content: fixture(name) }, { token: admin }))
    .importOntology;
}

async function search(text: string, ontology: string | null = null) {
  const data = dataOf(await api.run(ConceptSearchDocument, { search: text, ontology, first: 50 }, { token: analyst }));
  return data.concepts.edges.map((e) => e.node);
}

beforeAll(async () => {
  api = await startTestApi();
  admin = api.token(tenant, "admin");
  analyst = api.token(tenant, "analyst");
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe("importing vocabularies as published", () => {
  it("imports a scheme with only a prefLabel, German labels and a # namespace, with notes on what it assumed", async () => {
    const result = await importFile("hash-namespace.ttl", "SKOS_TURTLE");
    expect(result).toMatchObject({ status: "IMPORTED", pack: "kundendienst", version: "1.0.0", problems: [] });
    expect(result.notes.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pack id "kundendienst" derived from the scheme's IRI/),
        expect.stringMatching(/^no owl:versionInfo; version 1\.0\.0 assumed/),
      ]),
    );
  });

  it("imports a UNESCO-style vocabulary in RDF/XML and a EuroVoc-style one in Turtle", async () => {
    expect(await importFile("unesco-style.rdf", "SKOS_RDF_XML")).toMatchObject({
      status: "IMPORTED",
      pack: "thesaurus",
      version: "2024.3.15",
      problems: [],
    });
    expect(await importFile("eurovoc-style.ttl", "SKOS_TURTLE")).toMatchObject({
      status: "IMPORTED",
      pack: "legal-form-of-organisations",
      version: "4.20.0",
      problems: [],
    });
  });

  it("finds nothing new in the same vocabulary sent again, in either syntax", async () => {
    expect((await importFile("unesco-style.ttl", "SKOS_TURTLE")).status).toBe("UNCHANGED");
    expect((await importFile("hash-namespace.ttl", "SKOS_TURTLE")).status).toBe("UNCHANGED");
  });

  it("lists the imported packs, titled in the language the display rule picks", async () => {
    const ontologies = dataOf(await api.run(OntologiesDocument, {}, { token: analyst })).ontologies;
    const kd = ontologies.find((o) => o.pack === "kundendienst");
    expect(kd).toMatchObject({ builtIn: false, conceptCount: 2, title: "Kundendienst-Begriffe" });
    expect(ontologies.find((o) => o.pack === "thesaurus")?.title).toBe("UNESCO Thesaurus");
  });

  it("rejects malformed RDF/XML with where it is, writing nothing", async () => {
    const result = dataOf(
      await api.run(
        ImportOntologyDocument,
        {
          format: "SKOS_RDF_XML",
          content: '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">x</rdf:RDF>y',
        },
        { token: admin },
      ),
    ).importOntology;
    expect(result.status).toBe("REJECTED");
    expect(result.problems[0]!.message).toMatch(/^RDF\/XML syntax: /);
  });

  it("exports an imported vocabulary as SKOS Turtle, and refuses RDF/XML export with what to do instead", async () => {
    const turtle = dataOf(
      await api.run(ExportOntologyDocument, { pack: "kundendienst", format: "SKOS_TURTLE" }, { token: admin }),
    ).exportOntology;
    expect(turtle).toContain('"Mittlere Reparaturzeit"@de');
    const refused = await api.run(
      ExportOntologyDocument,
      { pack: "kundendienst", format: "SKOS_RDF_XML" },
      { token: admin },
    );
    const error = onlyErrorOf(refused, 200);
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/SKOS_TURTLE/);
  });
});

describe("imported concepts in use", () => {
  it("are found by their labels in any language, shown by the display rule", async () => {
    expect(await search("Reparaturzeit")).toEqual([
      expect.objectContaining({ id: "kundendienst:mittlere-reparaturzeit", prefLabel: "Mittlere Reparaturzeit" }),
    ]);
    expect((await search("MTTR", "kundendienst")).map((c) => c.id)).toEqual(["kundendienst:mittlere-reparaturzeit"]);
    expect(await search("formation des enseignants")).toEqual([
      expect.objectContaining({ id: "thesaurus:concept12", prefLabel: "Formación de docentes" }),
    ]);
    expect((await search("cooperative")).map((c) => c.id)).toEqual(["legal-form-of-organisations:1234"]);
  });

  it("are found beside the built-in concepts by a full label with a stop word", async () => {
    expect((await search("mean time to repair")).map((c) => c.id).sort()).toEqual([
      "core:mean-time-to-repair",
      "thesaurus:concept10",
    ]);
  });

  it("keep their hierarchy, read from skos:narrower as well as skos:broader", async () => {
    const domain = dataOf(
      await api.run(ConceptDetailDocument, { id: "thesaurus:domain1" }, { token: analyst }),
    ).concept;
    expect(domain?.narrower.map((c) => c.id).sort()).toEqual(["thesaurus:concept10", "thesaurus:concept7"]);
    const leaf = dataOf(
      await api.run(ConceptDetailDocument, { id: "thesaurus:concept12" }, { token: analyst }),
    ).concept;
    expect(leaf?.ancestors.map((a) => [a.concept.id, a.distance])).toEqual([
      ["thesaurus:concept7", 1],
      ["thesaurus:domain1", 2],
    ]);
  });

  it("can be mapped: a source field bridges onto an imported concept and is found from the concept above", async () => {
    const mapping = {
      system: "helpdesk",
      field: "repair_hours",
      concept: "kundendienst:mittlere-reparaturzeit",
      dataType: "NUMBER",
      unit: "hours",
      transform: { kind: "linear" },
      polarity: "LOWER_IS_BETTER",
      normalization: { kind: "fixed", min: 0, max: 48 },
      aggregation: { kind: "mean", window: "P30D" },
      author: "analyst@acme",
    };
    const integrator = api.token(tenant, "integrator");
    const upserted = dataOf(
      await api.run(UpsertMappingDocument, { input: mapping }, { token: integrator }),
    ).upsertMapping;
    expect(upserted).toMatchObject({ conceptId: "kundendienst:mittlere-reparaturzeit", source: "TENANT" });
    const bridged = dataOf(
      await api.run(
        BridgeValueDocument,
        { system: "helpdesk", field: "repair_hours", numberValue: 12 },
        { token: analyst },
      ),
    ).bridgeValue;
    expect(bridged).toHaveLength(1);
    expect(bridged[0]!.value).toBeCloseTo(0.75, 9);
    const fields = dataOf(
      await api.run(FieldsMeasuringDocument, { conceptId: "kundendienst:servicequalitaet" }, { token: analyst }),
    ).fieldsMeasuring;
    expect(fields.map((f) => [f.system, f.field, f.distance])).toEqual([["helpdesk", "repair_hours", 1]]);
  });

  it("stay the importing tenant's own", async () => {
    const elsewhere = dataOf(
      await api.run(
        ConceptSearchDocument,
        { search: "Reparaturzeit", first: 5 },
        { token: api.token(uniqueTenant("skos-other"), "analyst") },
      ),
    );
    expect(elsewhere.concepts.edges).toEqual([]);
  });
});
