import { nodeId } from "../../domain/ids/node-id";
import { clockStartingAt } from "../../domain/time/clock";
import { packMapping, TenantClient } from "../support/health-fixtures";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { statementNames } from "./support/responses";

/**
 * Issue 18, decision 0036: each API process caches a tenant's health models, concept trees and mappings
 * for fresh scores, checked against the tenant's configuration version on every request. Two API
 * processes on one Neo4j: a mapping or model change made through one shows in a fresh score read through
 * the other on its very next request.
 */
const tenant = uniqueTenant("config-cache");
const NOW = Date.parse("2026-11-15T12:00:00Z");
let first: TestApi;
let second: TestApi;
let viaFirst: TenantClient;

const PACK = `
pack: cfgc
version: 1.0.0
title: { en: Config cache }
namespace: https://ontology.example/cfgc/
concepts:
  - id: cfgc:health
    prefLabel: { en: Health }
    parts:
      - { concept: cfgc:satisfaction, weight: 0.5 }
      - { concept: cfgc:charges, weight: 0.5 }
  - id: cfgc:satisfaction
    prefLabel: { en: Satisfaction }
  - id: cfgc:charges
    prefLabel: { en: Monthly charges }
mappings:
${packMapping("survey", "csat", "cfgc:satisfaction", "    dataType: NUMBER\n    unit: score_1_5\n    transform: { kind: linear }\n    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 1, max: 5 }\n    aggregation: { kind: latest, window: P90D }")}
${packMapping("billing", "monthly_charges", "cfgc:charges", "    dataType: NUMBER\n    unit: USD\n    transform: { kind: linear }\n    polarity: LOWER_IS_BETTER\n    normalization: { kind: fixed, min: 20, max: 120 }\n    aggregation: { kind: latest, window: P90D }")}
`;

const MODEL = `mutation($weights: JSONObject) { defineHealthModel(input: { id: "cfgc", name: "Config cache",
  rootConcept: "cfgc:health", weights: $weights, includeContacts: false, includeAssets: false }) { version } }`;

const UPSERT_MAPPING = `mutation($input: MappingInput!) { upsertMapping(input: $input) { conceptId } }`;

const FRESH = `query($id: ID!) { account(id: $id) { health(fresh: true, modelId: "cfgc") {
  score modelVersion explanation { conceptId value } } } }`;

interface Fresh {
  score: number;
  modelVersion: number;
  explanation: Array<{ conceptId: string | null; value: number | null }>;
}

let accountId: string;

async function freshVia(api: TestApi, debug = false): Promise<{ health: Fresh; statements: string[] }> {
  const response = await api.post<{ account: { health: Fresh } }>(
    FRESH,
    { id: accountId },
    { token: api.token(tenant, "admin"), headers: debug ? { "x-relata-debug": "1" } : {} },
  );
  expect(response.body.errors).toBeUndefined();
  return { health: response.body.data!.account.health, statements: debug ? statementNames(response) : [] };
}

const satisfaction = (health: Fresh) => health.explanation.find((n) => n.conceptId === "cfgc:satisfaction")!.value;

beforeAll(async () => {
  [first, second] = await Promise.all([
    startTestApi({}, { clock: clockStartingAt(NOW) }),
    startTestApi({}, { clock: clockStartingAt(NOW) }),
  ]);
  viaFirst = new TenantClient(first, first.token(tenant, "admin"));
  await viaFirst.importPack(PACK);
  await viaFirst.ok(MODEL, { weights: null });
  await viaFirst.load(
    [
      {
        externalId: "CC-1",
        signals: [
          { system: "survey", field: "csat", number: 4, unit: "score_1_5", daysAgo: 3 },
          { system: "billing", field: "monthly_charges", number: 70, unit: "USD", daysAgo: 3 },
        ],
      },
    ],
    NOW,
  );
  accountId = nodeId("Account", tenant, "crm", "CC-1");
}, 300_000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

describe("fresh scores with the configuration cached in each API process", () => {
  it("reads the model, concept tree and mappings once, then only the configuration version", async () => {
    const cold = await freshVia(second, true);
    expect(cold.health.modelVersion).toBe(1);
    const warm = await freshVia(second, true);
    expect(warm.health.score).toBe(cold.health.score);
    expect(cold.statements).toEqual(expect.arrayContaining(["health.conceptTree", "concept.mappings"]));
    expect(warm.statements).toContain("config.stamps");
    expect(warm.statements).not.toContain("health.conceptTree");
    expect(warm.statements).not.toContain("concept.mappings");
    expect(warm.statements).not.toContain("health.modelVersions");
    expect(warm.statements.length).toBeLessThan(cold.statements.length);
  });

  it("shows a mapping changed through one API in a fresh score read through the other on the next request", async () => {
    const before = (await freshVia(second)).health;
    expect(satisfaction(before)).toBeCloseTo(0.75, 9);
    await viaFirst.ok(UPSERT_MAPPING, {
      input: {
        system: "survey",
        field: "csat",
        concept: "cfgc:satisfaction",
        dataType: "NUMBER",
        unit: "score_1_5",
        transform: { kind: "linear" },
        polarity: "HIGHER_IS_BETTER",
        normalization: { kind: "fixed", min: 1, max: 9 },
        aggregation: { kind: "latest", window: "P90D" },
        author: "analyst@test",
      },
    });
    const after = (await freshVia(second)).health;
    expect(satisfaction(after)).toBeCloseTo(0.375, 9);
    expect(after.score).not.toBe(before.score);
    expect(after.score).toBe((await freshVia(first)).health.score);
  });

  it("shows a new model version defined through one API in a fresh score read through the other", async () => {
    const before = (await freshVia(second)).health;
    const defined = await viaFirst.ok<{ defineHealthModel: { version: number } }>(MODEL, {
      weights: { "cfgc:satisfaction": 0.9, "cfgc:charges": 0.1 },
    });
    const after = (await freshVia(second)).health;
    expect(after.modelVersion).toBe(defined.defineHealthModel.version);
    expect(after.modelVersion).toBe(before.modelVersion + 1);
    expect(after.score).not.toBe(before.score);
    expect(after.score).toBe((await freshVia(first)).health.score);
  });

  it("shows a deleted mapping through the other API at once", async () => {
    const before = (await freshVia(second)).health;
    await viaFirst.ok(`mutation { deleteMapping(system: "survey", field: "csat", concept: "cfgc:satisfaction") }`);
    const after = (await freshVia(second)).health;
    expect(after.score).not.toBe(before.score);
    expect(after.score).toBe((await freshVia(first)).health.score);
  });
});
