import { nodeId } from "../../domain/ids/node-id";
import { clockStartingAt } from "../../domain/time/clock";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

/**
 * Golden test against the real Neo4j: a small ontology and model whose score is computed by hand, to the
 * last decimal (every number below is exact in binary floating point).
 *
 *   golden:health = 0.75 × quality + 0.25 × speed
 *   quality = mean(rating, defects)      rating: mean of 4 and 5 = 4.5 on 1..5 → 0.875
 *                                        defects: latest 1 on 0..4, lower is better → 0.75
 *                                        quality = (0.875 + 0.75) / 2 = 0.8125
 *   speed: mean of 120 and 240 minutes = 3 h on 0..8 h, lower is better → 0.625
 *   score = 100 × (0.75 × 0.8125 + 0.25 × 0.625) = 60.9375 + 15.625 = 76.5625
 *
 * Missing data (account B: one rating of 3, nothing else): quality = 0.5 from the rating alone, speed has
 * no data, so the weights re-normalise to quality only: score 50; confidence = 0.75 × (1 of 2 leaves) = 0.375.
 */
const tenant = uniqueTenant("golden");
let api: TestApi;
let token: string;
const DAY = 86_400_000;
/** The tests' "now": a fixed day, so the windows hold the same signals whatever day the suite runs. */
const NOW = Date.parse("2026-11-15T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();

function mapping(field: string, concept: string, unit: string, extra: string): string {
  return `  - system: g
    field: ${field}
    concept: ${concept}
    dataType: NUMBER
    unit: ${unit}
    transform: { kind: linear }
${extra}
    weight: 1
    predicate: exact
    author: golden
    justification: manual-curation
    confidence: 1
    date: "2026-11-25"`;
}

const PACK = `
pack: golden
version: 1.0.0
title: { en: Golden }
namespace: https://ontology.example/golden/
concepts:
  - id: golden:health
    prefLabel: { en: Health }
    parts:
      - { concept: golden:quality, weight: 0.75 }
      - { concept: golden:speed, weight: 0.25 }
  - id: golden:quality
    prefLabel: { en: Quality }
  - id: golden:speed
    prefLabel: { en: Speed }
mappings:
${mapping("rating", "golden:quality", "score_1_5", "    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 1, max: 5 }\n    aggregation: { kind: mean, window: P30D }")}
${mapping("defects", "golden:quality", "count", "    polarity: LOWER_IS_BETTER\n    normalization: { kind: fixed, min: 0, max: 4 }\n    aggregation: { kind: latest, window: P30D }")}
${mapping("response_minutes", "golden:speed", "minutes", "    targetUnit: hours\n    polarity: LOWER_IS_BETTER\n    normalization: { kind: fixed, min: 0, max: 8 }\n    aggregation: { kind: mean, window: P30D }")}
`;

interface Health {
  score: number | null;
  confidence: number;
  grade: string | null;
  explanation: Array<{
    id: string;
    parentId: string | null;
    kind: string;
    conceptId: string;
    field: string | null;
    value: number | null;
    contribution: number;
  }>;
}

async function health(externalId: string): Promise<Health> {
  const response = await api.post<{ account: { health: Health } }>(
    `query($id: ID!) { account(id: $id) { health(modelId: "golden", fresh: true) { score confidence grade
      explanation { id parentId kind conceptId field value contribution } } } }`,
    { id: nodeId("Account", tenant, "crm", externalId) },
    { token },
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.account.health;
}

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(NOW) });
  token = api.token(tenant, "admin");
  const imported = await api.post<{ importOntology: { status: string; problems: unknown[] } }>(
    `mutation($content: String!) { importOntology(format: PACK, content: $content) { status problems { where message } } }`,
    { content: PACK },
    { token },
  );
  expect(imported.body.data!.importOntology).toEqual({ status: "IMPORTED", problems: [] });
  const model = await api.post(
    `mutation { defineHealthModel(input: { id: "golden", name: "Golden", rootConcept: "golden:health", includeContacts: false, includeAssets: false }) { version } }`,
    {},
    { token },
  );
  expect(model.body.errors).toBeUndefined();
  await api.post(
    `mutation { upsertAccounts(input: [{ sourceSystem: "crm", externalId: "A", name: "A" }, { sourceSystem: "crm", externalId: "B", name: "B" }]) { created } }`,
    {},
    { token },
  );
  const signal = (recordId: string, account: string, field: string, value: number, unit: string, days: number) => ({
    sourceSystem: "g",
    recordId,
    field,
    numberValue: value,
    unit,
    observedAt: daysAgo(days),
    subject: { kind: "ACCOUNT", externalId: account, sourceSystem: "crm" },
  });
  const ingested = await api.post<{ ingestSignals: { created: number } }>(
    `mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created } }`,
    {
      input: [
        signal("r1", "A", "rating", 4, "score_1_5", 3),
        signal("r2", "A", "rating", 5, "score_1_5", 2),
        signal("d1", "A", "defects", 3, "count", 5),
        signal("d2", "A", "defects", 1, "count", 1),
        signal("m1", "A", "response_minutes", 120, "minutes", 4),
        signal("m2", "A", "response_minutes", 240, "minutes", 2),
        signal("r3", "B", "rating", 3, "score_1_5", 1),
        signal("old", "B", "response_minutes", 10, "minutes", 60),
      ],
    },
    { token },
  );
  expect(ingested.body.data!.ingestSignals.created).toBe(8);
});

afterAll(async () => {
  await api.stop();
});

describe("the golden health example", () => {
  it("scores account A exactly as computed by hand", async () => {
    const a = await health("A");
    expect(a.score).toBe(76.5625);
    expect(a.grade).toBe("GREEN");
    expect(a.confidence).toBe(1);
    const node = (concept: string, field: string | null = null) =>
      a.explanation.find(
        (n) => n.conceptId === concept && n.field === field && (field === null) === (n.kind === "CONCEPT"),
      )!;
    expect(node("golden:quality").value).toBe(0.8125);
    expect(node("golden:quality").contribution).toBe(60.9375);
    expect(node("golden:speed").value).toBe(0.625);
    expect(node("golden:speed").contribution).toBe(15.625);
    expect(node("golden:quality", "rating").contribution).toBe(32.8125);
    expect(node("golden:quality", "defects").contribution).toBe(28.125);
    expect(node("golden:speed", "response_minutes").value).toBe(0.625);
  });

  it("leaves out what has no data, re-normalises the weights, and lowers the confidence", async () => {
    const b = await health("B");
    expect(b.score).toBe(50);
    expect(b.confidence).toBe(0.375);
    expect(b.grade).toBe("YELLOW");
    const speed = b.explanation.find((n) => n.conceptId === "golden:speed" && n.kind === "CONCEPT")!;
    expect(speed.value).toBeNull();
    expect(speed.contribution).toBe(0);
  });
});
