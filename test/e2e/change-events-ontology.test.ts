import {
  ChangesDocument,
  ChangesQuery,
  DeleteMappingDocument,
  ImportOntologyDocument,
  UpsertMappingDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 10: a tenant's pack imports and mapping edits append their change events in the same transaction;
// the built-in packs, loaded at start for no tenant, append none.

type Event = ChangesQuery["changes"]["events"][number];

const tenant = uniqueTenant("ev-onto");
const otherTenant = uniqueTenant("ev-onto-other");
let api: TestApi;
let token: string;
let cursor: string | null = null;

function pack(version: string, extraConcept = ""): string {
  return `
pack: ev-retail
version: ${version}
title: { en: Event retail }
namespace: https://ontology.example/ev-retail/
concepts:
  - id: ev-retail:store-experience
    prefLabel: { en: Store experience }
    broader: [core:satisfaction]
${extraConcept}
mappings: []
`;
}

const BASKET = `  - id: ev-retail:basket-size
    prefLabel: { en: Basket size }
    broader: [core:commercial]`;

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
  date: "2026-11-20",
};

async function feed(after: string | null, asToken = token): Promise<{ events: Event[]; end: string }> {
  const page = dataOf(await api.run(ChangesDocument, { after, types: null, first: 500 }, { token: asToken })).changes;
  return { events: page.events, end: page.endCursor };
}

async function since(): Promise<Event[]> {
  const { events, end } = await feed(cursor);
  cursor = end;
  return events;
}

const fields = (event: Event) => event.changes.map(({ field, old, new: now }) => ({ field, old, new: now }));

async function importPack(content: string): Promise<string> {
  const response = await api.run(ImportOntologyDocument, { format: "PACK" as never, content }, { token });
  const outcome = dataOf(response).importOntology;
  expect(outcome.problems).toEqual([]);
  return outcome.status;
}

beforeAll(async () => {
  api = await startTestApi();
  token = api.token(tenant, "admin");
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("ontology packs", () => {
  it("shows a tenant no events for the built-in packs loaded at start", async () => {
    expect((await feed(null)).events).toEqual([]);
  });

  it("records a new pack with its version and counts", async () => {
    expect(await importPack(pack("1.0.0"))).toBe("IMPORTED");
    const events = await since();
    expect(events.map((e) => [e.type, e.recordType, e.recordId, e.externalId])).toEqual([
      ["ONTOLOGY_PACK_STORED", "ONTOLOGY_PACK", "ev-retail", null],
    ]);
    expect(fields(events[0]!)).toEqual([
      { field: "version", old: null, new: "1.0.0" },
      { field: "conceptCount", old: null, new: 1 },
      { field: "mappingCount", old: null, new: 0 },
      { field: "active", old: null, new: true },
    ]);
  });

  it("records nothing when the same version is imported again", async () => {
    expect(await importPack(pack("1.0.0"))).toBe("UNCHANGED");
    expect(await since()).toEqual([]);
  });

  it("records a new version with the version and counts it replaces", async () => {
    expect(await importPack(pack("1.1.0", BASKET))).toBe("IMPORTED");
    const events = await since();
    expect(events.map((e) => e.type)).toEqual(["ONTOLOGY_PACK_STORED"]);
    expect(fields(events[0]!)).toEqual([
      { field: "version", old: "1.0.0", new: "1.1.0" },
      { field: "conceptCount", old: 1, new: 2 },
      { field: "mappingCount", old: 0, new: 0 },
      { field: "active", old: null, new: true },
    ]);
  });
});

describe("mappings", () => {
  const recordId = "callcenter|csat_score|core:satisfaction";

  it("records a new mapping with its settings", async () => {
    dataOf(await api.run(UpsertMappingDocument, { input: mapping }, { token }));
    const events = await since();
    expect(events.map((e) => [e.type, e.recordType, e.recordId, e.sourceSystem, e.externalId])).toEqual([
      ["MAPPING_SET", "MAPPING", recordId, "callcenter", "csat_score"],
    ]);
    expect(fields(events[0]!)).toEqual(
      expect.arrayContaining([
        { field: "normalization", old: null, new: { kind: "fixed", min: 2, max: 5 } },
        { field: "polarity", old: null, new: "HIGHER_IS_BETTER" },
        { field: "author", old: null, new: "analyst@acme" },
      ]),
    );
  });

  it("records nothing when the same mapping is sent again", async () => {
    dataOf(await api.run(UpsertMappingDocument, { input: mapping }, { token }));
    expect(await since()).toEqual([]);
  });

  it("records only the settings that changed, with old and new", async () => {
    const normalization = { kind: "fixed", min: 1, max: 5 };
    dataOf(await api.run(UpsertMappingDocument, { input: { ...mapping, normalization } }, { token }));
    const events = await since();
    expect(events.map((e) => e.type)).toEqual(["MAPPING_SET"]);
    expect(fields(events[0]!)).toEqual([
      { field: "normalization", old: { kind: "fixed", min: 2, max: 5 }, new: normalization },
    ]);
  });

  it("records a removal with the settings the mapping had", async () => {
    const deleted = await api.run(
      DeleteMappingDocument,
      { system: mapping.system, field: mapping.field, concept: mapping.concept },
      { token },
    );
    expect(dataOf(deleted).deleteMapping).toBe(true);
    const events = await since();
    expect(events.map((e) => [e.type, e.recordId])).toEqual([["MAPPING_REMOVED", recordId]]);
    expect(fields(events[0]!)).toEqual(
      expect.arrayContaining([
        { field: "polarity", old: "HIGHER_IS_BETTER", new: null },
        { field: "normalization", old: { kind: "fixed", min: 1, max: 5 }, new: null },
      ]),
    );
  });

  it("records nothing for a delete that finds no mapping", async () => {
    const again = await api.run(
      DeleteMappingDocument,
      { system: mapping.system, field: mapping.field, concept: mapping.concept },
      { token },
    );
    expect(again.body.errors?.[0]?.extensions?.code).toBeDefined();
    expect(await since()).toEqual([]);
  });
});

describe("tenant scoping", () => {
  it("shows another tenant none of these events", async () => {
    expect((await feed(null, api.token(otherTenant, "admin"))).events).toEqual([]);
  });
});
