import {
  AccountConceptsDocument,
  BridgeDocument,
  BridgeValueDocument,
  ConceptDetailDocument,
  ConceptSearchDocument,
  DeleteMappingDocument,
  ExportOntologyDocument,
  FieldsMeasuringDocument,
  ImportOntologyDocument,
  OntologiesDocument,
  OntologyDiffDocument,
  UpsertAccountsDocument,
  IngestSignalsDocument,
  UpsertMappingDocument,
} from "../../schema/generated/graphql";
import { nodeId } from "../../domain/ids/node-id";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

const tenant = uniqueTenant("onto");
const other = uniqueTenant("onto-other");
let api: TestApi;
let admin: string;
let viewer: string;

/** A small tenant pack that builds on the built-in core. */
function retailPack(version: string, extra = ""): string {
  return `
pack: acme-retail
version: ${version}
title: { en: Acme retail, zh: Acme 零售 }
namespace: https://ontology.acme.example/retail/
concepts:
  - id: acme-retail:store-experience
    prefLabel: { en: Store experience, zh: 门店体验 }
    definition: { en: How customers rate visits to our stores. }
    broader: [core:satisfaction]
  - id: acme-retail:basket-size
    prefLabel: { en: Basket size, zh: 客单价 }
    definition: { en: Average value of one purchase. }
    broader: [core:commercial]
${extra}
mappings:
  - system: pos
    field: visit_rating
    concept: acme-retail:store-experience
    dataType: NUMBER
    unit: score_1_5
    transform: { kind: linear }
    polarity: HIGHER_IS_BETTER
    normalization: { kind: fixed, min: 1, max: 5 }
    aggregation: { kind: mean, window: P90D }
    weight: 1
    predicate: exact
    author: acme
    justification: manual-curation
    confidence: 0.9
    date: "2026-11-25"
`;
}

beforeAll(async () => {
  api = await startTestApi();
  admin = api.token(tenant, "admin");
  viewer = api.token(tenant, "viewer");
  // The first file of a worker migrates a fresh Neo4j and loads the built-in packs: minutes on a loaded machine.
}, 300_000);

afterAll(async () => {
  await api.stop();
});

describe("the built-in packs", () => {
  it("are loaded at start-up: the core and seven industries", async () => {
    const response = await api.run(OntologiesDocument, {}, { token: viewer });
    expect(response.body.errors).toBeUndefined();
    const packs = response.body.data!.ontologies.filter((o) => o.builtIn).map((o) => o.pack);
    expect(packs).toEqual(
      expect.arrayContaining([
        "core",
        "saas",
        "manufacturing",
        "healthcare",
        "finance",
        "automotive",
        "ecommerce",
        "education",
      ]),
    );
    const core = response.body.data!.ontologies.find((o) => o.pack === "core")!;
    expect(core.conceptCount).toBeGreaterThanOrEqual(20);
    expect(core.titleZh).not.toBe(core.title);
  });

  it("find concepts by label in Chinese: 满意度 finds satisfaction", async () => {
    const response = await api.run(ConceptSearchDocument, { search: "满意度", first: 50 }, { token: viewer });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.concepts.edges.map((e) => e.node.id)).toContain("core:satisfaction");
  });

  it("find concepts by English label prefix, within one pack", async () => {
    const response = await api.run(ConceptSearchDocument, { search: "satisf", ontology: "core" }, { token: viewer });
    expect(response.body.errors).toBeUndefined();
    const ids = response.body.data!.concepts.edges.map((e) => e.node.id);
    expect(ids).toContain("core:satisfaction");
    expect(ids.every((id) => id.startsWith("core:"))).toBe(true);
  });

  it("describe customer health as the weighted sum of its seven parts", async () => {
    const response = await api.run(ConceptDetailDocument, { id: "core:customer-health" }, { token: viewer });
    expect(response.body.errors).toBeUndefined();
    const parts = response.body.data!.concept!.parts;
    expect(parts).toHaveLength(7);
    expect(parts.reduce((sum, p) => sum + p.weight, 0)).toBeCloseTo(1, 2);
    expect(response.body.data!.concept!.labels.some((l) => l.lang === "zh" && l.preferred)).toBe(true);
  });

  it("bridge call-center CSAT to its concept with every path up to customer health", async () => {
    const response = await api.run(BridgeDocument, { system: "callcenter", field: "csat_score" }, { token: viewer });
    expect(response.body.errors).toBeUndefined();
    const bridged = response.body.data!.bridge;
    expect(bridged.length).toBeGreaterThan(0);
    const tops = bridged.flatMap((b) => b.paths.map((p) => p.concepts[p.concepts.length - 1]!.id));
    expect(tops).toContain("core:customer-health");
    expect(bridged.every((b) => b.paths.every((p) => p.concepts[0]!.id === b.concept.id))).toBe(true);
  });

  it("list CSAT, MTBF and the renewal-rate trend among the fields measuring customer health", async () => {
    const response = await api.run(FieldsMeasuringDocument, { conceptId: "core:customer-health" }, { token: viewer });
    expect(response.body.errors).toBeUndefined();
    const fields = response.body.data!.fieldsMeasuring;
    const keys = fields.map((f) => `${f.system}/${f.field}`);
    expect(keys).toEqual(
      expect.arrayContaining(["callcenter/csat_score", "iot/mtbf_hours", "finance/renewal_rate_pct"]),
    );
    const renewal = fields.filter((f) => f.system === "finance" && f.field === "renewal_rate_pct");
    expect(renewal.some((f) => f.mapping.aggregation.kind === "trend")).toBe(true);
    for (const f of fields) expect(f.path[f.path.length - 1]!.id).toBe("core:customer-health");
  });

  it("bridge a raw CSAT of 4 on the 1–5 scale to 0.75 and explain each step", async () => {
    const response = await api.run(
      BridgeValueDocument,
      { system: "callcenter", field: "csat_score", numberValue: 4 },
      { token: viewer },
    );
    expect(response.body.errors).toBeUndefined();
    const [first] = response.body.data!.bridgeValue;
    expect(first!.ok).toBe(true);
    expect(first!.value).toBeCloseTo(0.75, 6);
    expect(first!.steps.map((s) => s.step)).toEqual(expect.arrayContaining(["input", "transform", "normalize"]));
  });

  it("tell which concepts an account has data for, and from which systems", async () => {
    const token = api.token(tenant, "integrator");
    await api.run(
      UpsertAccountsDocument,
      { input: [{ sourceSystem: "crm", externalId: "A-1", name: "Acme Clinic" }] },
      { token },
    );
    const signals = await api.run(
      IngestSignalsDocument,
      {
        input: [
          {
            sourceSystem: "callcenter",
            recordId: "T-1",
            field: "csat_score",
            numberValue: 5,
            unit: "score_1_5",
            observedAt: "2026-10-01T00:00:00Z",
            subject: { kind: "ACCOUNT", externalId: "A-1", sourceSystem: "crm" },
          },
          {
            sourceSystem: "finance",
            recordId: "F-1",
            field: "renewal_rate_pct",
            numberValue: 92,
            unit: "percent",
            observedAt: "2026-10-02T00:00:00Z",
            subject: { kind: "ACCOUNT", externalId: "A-1", sourceSystem: "crm" },
          },
        ],
      },
      { token },
    );
    expect(signals.body.data!.ingestSignals.created).toBe(2);
    const id = nodeId("Account", tenant, "crm", "A-1");
    const response = await api.run(AccountConceptsDocument, { id }, { token: viewer });
    expect(response.body.errors).toBeUndefined();
    const concepts = response.body.data!.account!.concepts;
    expect(concepts.flatMap((c) => c.systems)).toEqual(expect.arrayContaining(["callcenter", "finance"]));
    expect(concepts.find((c) => c.sources.some((s) => s.field === "csat_score"))!.sources[0]!.signals).toBe(1);
  });
});

describe("importing and versioning a tenant's own pack", () => {
  it("imports a valid pack, then reports the same pack unchanged", async () => {
    const first = await api.run(
      ImportOntologyDocument,
      { format: "PACK", content: retailPack("1.0.0") },
      { token: admin },
    );
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.importOntology).toMatchObject({ status: "IMPORTED", pack: "acme-retail", problems: [] });
    const again = await api.run(
      ImportOntologyDocument,
      { format: "PACK", content: retailPack("1.0.0") },
      { token: admin },
    );
    expect(again.body.data!.importOntology.status).toBe("UNCHANGED");
  });

  it("stores a new version beside the old one and lists the differences", async () => {
    const extra = `  - id: acme-retail:loyalty
    prefLabel: { en: Loyalty, zh: 忠诚度 }
    definition: { en: Share of repeat purchases. }
    broader: [core:relationship]`;
    const response = await api.run(
      ImportOntologyDocument,
      { format: "PACK", content: retailPack("1.1.0", extra) },
      { token: admin },
    );
    expect(response.body.data!.importOntology.status).toBe("IMPORTED");
    expect(response.body.data!.importOntology.diff!.addedConcepts).toEqual(["acme-retail:loyalty"]);
    const diff = await api.run(
      OntologyDiffDocument,
      { pack: "acme-retail", from: "1.0.0", to: "1.1.0" },
      { token: viewer },
    );
    expect(diff.body.errors).toBeUndefined();
    expect(diff.body.data!.ontologyDiff).toMatchObject({ addedConcepts: ["acme-retail:loyalty"], removedConcepts: [] });
    const list = await api.run(OntologiesDocument, {}, { token: viewer });
    expect(list.body.data!.ontologies.find((o) => o.pack === "acme-retail")).toMatchObject({
      version: "1.1.0",
      versions: ["1.0.0", "1.1.0"],
    });
  });

  it("accepts versions written pack@version, and a raw value of any type for bridgeValue", async () => {
    const diff = await api.post<{ ontologyDiff: { addedConcepts: string[] } }>(
      `{ ontologyDiff(from: "acme-retail@1.0.0", to: "acme-retail@1.1.0") { addedConcepts } }`,
      {},
      { token: viewer },
    );
    expect(diff.body.errors).toBeUndefined();
    expect(diff.body.data!.ontologyDiff.addedConcepts).toEqual(["acme-retail:loyalty"]);
    const bridged = await api.post<{ bridgeValue: Array<{ value: number }> }>(
      `{ bridgeValue(system: "callcenter", field: "csat_score", value: 4) { value } }`,
      {},
      { token: viewer },
    );
    expect(bridged.body.errors).toBeUndefined();
    expect(bridged.body.data!.bridgeValue[0]!.value).toBeCloseTo(0.75, 6);
    const both = await api.post(
      `{ bridgeValue(system: "callcenter", field: "csat_score", value: 4, numberValue: 4) { value } }`,
      {},
      { token: viewer },
    );
    expect(both.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("round-trips through SKOS Turtle: the export re-imported is the same pack", async () => {
    const exported = await api.run(
      ExportOntologyDocument,
      { pack: "acme-retail", format: "SKOS_TURTLE" },
      { token: viewer },
    );
    expect(exported.body.errors).toBeUndefined();
    const turtle = exported.body.data!.exportOntology;
    expect(turtle).toContain("skos:prefLabel");
    expect(turtle).toContain('"门店体验"@zh');
    const reimported = await api.run(
      ImportOntologyDocument,
      { format: "SKOS_TURTLE", content: turtle },
      { token: admin },
    );
    expect(reimported.body.errors).toBeUndefined();
    expect(reimported.body.data!.importOntology).toMatchObject({ status: "UNCHANGED", version: "1.1.0", problems: [] });
  });

  it("keeps a tenant's pack invisible to other tenants", async () => {
    const response = await api.run(OntologiesDocument, {}, { token: api.token(other, "viewer") });
    expect(response.body.data!.ontologies.map((o) => o.pack)).not.toContain("acme-retail");
    const concept = await api.run(
      ConceptDetailDocument,
      { id: "acme-retail:store-experience" },
      { token: api.token(other, "viewer") },
    );
    expect(concept.body.data!.concept).toBeNull();
  });
});

describe("rejected imports", () => {
  it("report every problem at once, with where it is, and change nothing", async () => {
    const broken = `
pack: broken
version: 1.0.0
title: { en: Broken }
namespace: https://ontology.acme.example/broken/
concepts:
  - id: broken:a
    prefLabel: { en: A }
    broader: [broken:b]
  - id: broken:b
    prefLabel: { en: B }
    broader: [broken:a]
  - id: broken:b
    prefLabel: { en: B again }
  - id: broken:c
    prefLabel: { en: C }
    broader: [broken:nowhere]
    parts:
      - { concept: broken:a, weight: -0.5 }
      - { concept: broken:b, weight: 0.2 }
mappings:
  - system: pos
    field: x
    concept: broken:a
    dataType: NUMBER
    unit: parsecs
    transform: { kind: magic }
    polarity: HIGHER_IS_BETTER
    normalization: { kind: fixed, min: 0, max: 1 }
    aggregation: { kind: latest, window: P30D }
    weight: 1
    predicate: exact
    author: x
    justification: manual-curation
    confidence: 1
    date: "2026-11-25"
`;
    const before = await api.run(OntologiesDocument, {}, { token: viewer });
    const response = await api.run(ImportOntologyDocument, { format: "PACK", content: broken }, { token: admin });
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data!.importOntology;
    expect(result.status).toBe("REJECTED");
    const text = result.problems.map((p) => `${p.where}: ${p.message}`).join("\n");
    expect(text).toMatch(/duplicate id "broken:b"/);
    expect(text).toMatch(/broken:nowhere/);
    expect(text).toMatch(/cycle/);
    expect(text).toMatch(/weight/);
    expect(text).toMatch(/parsecs/);
    expect(text).toMatch(/magic/);
    const after = await api.run(OntologiesDocument, {}, { token: viewer });
    expect(after.body.data!.ontologies).toEqual(before.body.data!.ontologies);
  });

  it("reports malformed YAML and Turtle with their line", async () => {
    const yaml = await api.run(
      ImportOntologyDocument,
      { format: "PACK", content: "pack: [unclosed\nversion: 1" },
      { token: admin },
    );
    expect(yaml.body.data!.importOntology.status).toBe("REJECTED");
    expect(yaml.body.data!.importOntology.problems[0]!.where).toMatch(/line \d+/);
    const turtle = await api.run(
      ImportOntologyDocument,
      { format: "SKOS_TURTLE", content: "@prefix skos: <x> .\n<a> skos:broader ." },
      { token: admin },
    );
    expect(turtle.body.data!.importOntology.status).toBe("REJECTED");
    expect(turtle.body.data!.importOntology.problems[0]!.message).toMatch(/Turtle/);
  });

  it("refuses a tenant pack that reuses a built-in pack id", async () => {
    const response = await api.run(
      ImportOntologyDocument,
      { format: "PACK", content: retailPack("1.0.0").replace(/acme-retail/g, "core") },
      { token: admin },
    );
    expect(response.body.data!.importOntology.status).toBe("REJECTED");
  });

  it("is refused to viewers", async () => {
    const response = await api.run(
      ImportOntologyDocument,
      { format: "PACK", content: retailPack("9.0.0") },
      { token: viewer },
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("editing mappings", () => {
  const mapping = {
    system: "callcenter",
    field: "csat_score",
    concept: "core:satisfaction",
    dataType: "NUMBER",
    unit: "score_1_5",
    transform: { kind: "linear" },
    polarity: "HIGHER_IS_BETTER",
    normalization: { kind: "fixed", min: 2, max: 5 },
    aggregation: { kind: "latest", window: "P30D" },
    author: "analyst@acme",
  };

  it("lets a tenant override how a field is bridged, then fall back to the built-in mapping", async () => {
    const token = api.token(tenant, "integrator");
    const upserted = await api.run(UpsertMappingDocument, { input: mapping }, { token });
    expect(upserted.body.errors).toBeUndefined();
    expect(upserted.body.data!.upsertMapping).toMatchObject({ source: "TENANT", conceptId: "core:satisfaction" });
    const bridged = await api.run(
      BridgeValueDocument,
      { system: "callcenter", field: "csat_score", numberValue: 4 },
      { token },
    );
    expect(bridged.body.data!.bridgeValue).toHaveLength(1);
    expect(bridged.body.data!.bridgeValue[0]!.value).toBeCloseTo(2 / 3, 6);
    const elsewhere = await api.run(
      BridgeValueDocument,
      { system: "callcenter", field: "csat_score", numberValue: 4 },
      { token: api.token(other, "viewer") },
    );
    expect(elsewhere.body.data!.bridgeValue[0]!.value).toBeCloseTo(0.75, 6);
    const deleted = await api.run(
      DeleteMappingDocument,
      { system: "callcenter", field: "csat_score", concept: "core:satisfaction" },
      { token },
    );
    expect(deleted.body.data!.deleteMapping).toBe(true);
    const restored = await api.run(
      BridgeValueDocument,
      { system: "callcenter", field: "csat_score", numberValue: 4 },
      { token },
    );
    expect(restored.body.data!.bridgeValue[0]!.value).toBeCloseTo(0.75, 6);
  });

  it("rejects an invalid mapping with what is wrong", async () => {
    const response = await api.run(UpsertMappingDocument, { input: { ...mapping, unit: "parsecs" } }, { token: admin });
    expect(response.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.body.errors?.[0]?.message).toMatch(/parsecs/);
  });

  it("refuses to delete a built-in mapping and says how to override it", async () => {
    const response = await api.run(
      DeleteMappingDocument,
      { system: "iot", field: "mtbf_hours", concept: "core:mean-time-between-failures" },
      { token: admin },
    );
    expect(response.body.errors?.[0]?.message).toMatch(/upsertMapping/);
  });
});
