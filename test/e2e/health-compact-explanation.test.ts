import { nodeId } from "../../domain/ids/node-id";
import { clockStartingAt } from "../../domain/time/clock";
import {
  AccountHealthExplainedDocument,
  AccountHealthExplainedQuery,
  AccountHealthTopDocument,
  AccountHealthTopQuery,
} from "../../schema/generated/graphql";
import { packMapping, TenantClient } from "../support/health-fixtures";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { statementNames } from "./support/responses";

/**
 * Issue 18, decision 0039: a client that asks only for the top of a fresh score's explanation
 * (`explanation(maxDepth: …)`, the AccountHealthTop operation) gets exactly the first levels of the whole
 * explanation, with the same numbers, in no more statements than the whole one (one fewer: the evidence
 * signals are read only when `signals` is selected); a depth out of range is refused with what was wrong.
 *
 * The model has three levels below its root: health → product (→ usage, quality) and relationship, each
 * leaf concept measured by one mapped field, so depth 1 stops above every mapping leaf.
 */
const tenant = uniqueTenant("compact-explanation");
const NOW = Date.parse("2026-11-15T12:00:00Z");
const MODEL_ID = "ctop";
let api: TestApi;
let client: TenantClient;
let token: string;

const fixed = (extra: string) =>
  `    dataType: NUMBER\n    unit: ${extra}\n    transform: { kind: linear }\n    aggregation: { kind: mean, window: P90D }`;

const PACK = `
pack: ctop
version: 1.0.0
title: { en: Compact explanations }
namespace: https://ontology.example/ctop/
concepts:
  - id: ctop:health
    prefLabel: { en: Health }
    parts:
      - { concept: ctop:product, weight: 0.6 }
      - { concept: ctop:relationship, weight: 0.4 }
  - id: ctop:product
    prefLabel: { en: Product }
    parts:
      - { concept: ctop:usage, weight: 0.5 }
      - { concept: ctop:quality, weight: 0.5 }
  - id: ctop:usage
    prefLabel: { en: Usage }
  - id: ctop:quality
    prefLabel: { en: Quality }
  - id: ctop:relationship
    prefLabel: { en: Relationship }
mappings:
${packMapping("app", "logins", "ctop:usage", `${fixed("count")}\n    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 0, max: 40 }`)}
${packMapping("app", "defects", "ctop:quality", `${fixed("count")}\n    polarity: LOWER_IS_BETTER\n    normalization: { kind: fixed, min: 0, max: 8 }`)}
${packMapping("survey", "csat", "ctop:relationship", `${fixed("score_1_5")}\n    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 1, max: 5 }`)}
`;

const MODEL = `mutation { defineHealthModel(input: { id: "${MODEL_ID}", name: "Compact", rootConcept: "ctop:health",
  includeContacts: false, includeAssets: false }) { version } }`;

type FullHealth = NonNullable<NonNullable<AccountHealthExplainedQuery["account"]>["health"]>;
type TopHealth = NonNullable<NonNullable<AccountHealthTopQuery["account"]>["health"]>;
type Row = Record<string, unknown>;

/** The fields AccountHealthTop selects of each explanation node. */
const TOP_NODE_FIELDS = [
  "id",
  "parentId",
  "depth",
  "kind",
  "conceptId",
  "system",
  "field",
  "value",
  "weight",
  "normalizedWeight",
  "effectiveWeight",
  "contribution",
  "impact",
  "confidence",
  "reason",
  "notes",
] as const;

function pick(row: object, fields: readonly string[]): Row {
  const source = row as Row;
  return Object.fromEntries(fields.map((field) => [field, source[field]]));
}

/** An answer without the two instants that name the moment it was computed. */
function timeless<T extends { asOf: unknown; computedAt: unknown }>(health: T): Omit<T, "asOf" | "computedAt"> {
  const { asOf: _asOf, computedAt: _computedAt, ...rest } = health;
  return rest;
}

/** Statement names in name order: the aggregates and manual measures of a score are read at once. */
const sorted = (names: readonly string[]) => [...names].sort();

const accountId = (externalId: string) => nodeId("Account", tenant, "crm", externalId);
const debug = { "x-relata-debug": "1" };

async function full(externalId: string): Promise<{ health: FullHealth; statements: string[] }> {
  const response = await api.run(
    AccountHealthExplainedDocument,
    { id: accountId(externalId), modelId: MODEL_ID, drivers: 5 },
    { token, headers: debug },
  );
  expect(response.body.errors).toBeUndefined();
  return { health: response.body.data!.account!.health!, statements: statementNames(response) };
}

async function top(externalId: string, maxDepth: number): Promise<{ health: TopHealth; statements: string[] }> {
  const response = await api.run(
    AccountHealthTopDocument,
    { id: accountId(externalId), modelId: MODEL_ID, drivers: 5, maxDepth },
    { token, headers: debug },
  );
  expect(response.body.errors).toBeUndefined();
  return { health: response.body.data!.account!.health!, statements: statementNames(response) };
}

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(NOW) });
  token = api.token(tenant, "admin");
  client = new TenantClient(api, token);
  await client.importPack(PACK);
  await client.ok(MODEL);
  await client.load(
    [
      {
        externalId: "CT-1",
        signals: [
          { system: "app", field: "logins", number: 30, unit: "count", daysAgo: 2 },
          { system: "app", field: "logins", number: 10, unit: "count", daysAgo: 9 },
          { system: "app", field: "defects", number: 2, unit: "count", daysAgo: 4 },
          { system: "survey", field: "csat", number: 4, unit: "score_1_5", daysAgo: 6 },
        ],
      },
      // No survey: the relationship concept has no data, and the explanation says why.
      { externalId: "CT-2", signals: [{ system: "app", field: "logins", number: 5, unit: "count", daysAgo: 1 }] },
    ],
    NOW,
  );
  // The first fresh score of the process loads the model's configuration; the tests compare warm requests.
  await full("CT-1");
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe("the top of a fresh explanation (explanation(maxDepth))", () => {
  it.each(["CT-1", "CT-2"])(
    "answers %s with the first levels of the whole explanation and the same score, grade and drivers",
    async (externalId) => {
      const whole = (await full(externalId)).health;
      const compact = (await top(externalId, 1)).health;
      expect(compact.score).toBe(whole.score);
      expect(compact.grade).toBe(whole.grade);
      expect(compact.confidence).toBe(whole.confidence);
      expect(compact.modelVersion).toBe(whole.modelVersion);
      expect(compact.drivers).toEqual(whole.drivers);
      const expected = whole.explanation.filter((node) => node.depth <= 1).map((node) => pick(node, TOP_NODE_FIELDS));
      expect(compact.explanation.map((node) => pick(node, TOP_NODE_FIELDS))).toEqual(expected);
      expect(compact.explanation.map((node) => node.conceptId)).toEqual([
        "ctop:health",
        "ctop:product",
        "ctop:relationship",
      ]);
      // The whole explanation goes below the top: mapping leaves with their signals.
      expect(whole.explanation.some((node) => node.kind === "MAPPING" && node.signals.length > 0)).toBe(true);
    },
  );

  it("lists the root alone at depth 0 and every level at the deepest depth allowed", async () => {
    const whole = (await full("CT-1")).health;
    const root = (await top("CT-1", 0)).health;
    expect(root.explanation).toEqual([pick(whole.explanation[0]!, TOP_NODE_FIELDS)]);
    const deepest = (await top("CT-1", 32)).health;
    expect(deepest.explanation).toEqual(whole.explanation.map((node) => pick(node, TOP_NODE_FIELDS)));
  });

  it("keeps the whole form as it was: the same answer with and without the deepest depth", async () => {
    const query = (depth: string) => `query($id: ID!) { account(id: $id) { health(fresh: true, modelId: "${MODEL_ID}") {
      score grade confidence asOf computedAt explanation${depth} { id depth value contribution impact reason
      steps { step value note } signals { signalId recordId sourceSystem value observedAt } } } } }`;
    const answer = async (depth: string) => {
      const response = await api.post<{ account: { health: Row & { asOf: unknown; computedAt: unknown } } }>(
        query(depth),
        { id: accountId("CT-1") },
        { token },
      );
      expect(response.body.errors).toBeUndefined();
      return JSON.stringify(timeless(response.body.data!.account.health));
    };
    expect(await answer("(maxDepth: 32)")).toBe(await answer(""));
  });

  it("sends no more statements than the whole explanation: the evidence is read only when signals are asked", async () => {
    const whole = await full("CT-1");
    const compact = await top("CT-1", 1);
    expect(whole.statements).toContain("health.evidenceSignals");
    expect(compact.statements).not.toContain("health.evidenceSignals");
    expect(sorted(compact.statements)).toEqual(
      sorted(whole.statements).filter((name) => name !== "health.evidenceSignals"),
    );
    expect(compact.statements.length).toBe(whole.statements.length - 1);
  });

  it("answers the top and the whole explanation under two aliases in the statements of the whole one", async () => {
    const whole = await full("CT-1");
    const response = await api.post<{
      account: { health: { top: Array<{ id: string }>; all: Array<{ id: string; depth: number }> } };
    }>(
      `query($id: ID!) { account(id: $id) { health(fresh: true, modelId: "${MODEL_ID}") {
        top: explanation(maxDepth: 1) { id } all: explanation { id depth signals { signalId } } } } }`,
      { id: accountId("CT-1") },
      { token, headers: debug },
    );
    expect(response.body.errors).toBeUndefined();
    const { top: compact, all } = response.body.data!.account.health;
    expect(compact).toEqual(all.filter((node) => node.depth <= 1).map((node) => ({ id: node.id })));
    expect(sorted(statementNames(response))).toEqual(sorted(whole.statements));
  });

  it("cuts a stored score's explanation at the same depth", async () => {
    await client.ok(`mutation { recomputeHealth(modelId: "${MODEL_ID}") { scored } }`);
    const stored = await client.ok<{
      account: { health: { stored: boolean; top: Array<{ id: string }>; all: Array<{ id: string; depth: number }> } };
    }>(
      `query($id: ID!) { account(id: $id) { health(modelId: "${MODEL_ID}") { stored
        top: explanation(maxDepth: 1) { id } all: explanation { id depth } } } }`,
      { id: accountId("CT-1") },
    );
    expect(stored.account.health.stored).toBe(true);
    expect(stored.account.health.top.length).toBeGreaterThan(1);
    expect(stored.account.health.top).toEqual(
      stored.account.health.all.filter((node) => node.depth <= 1).map((node) => ({ id: node.id })),
    );
  });
});

describe("a depth out of range", () => {
  it.each([-1, 33])("refuses maxDepth %i with the range and the value received", async (maxDepth) => {
    const response = await api.run(
      AccountHealthTopDocument,
      { id: accountId("CT-1"), modelId: MODEL_ID, drivers: 5, maxDepth },
      { token },
    );
    expect(response.body.errors).toHaveLength(1);
    const [error] = response.body.errors!;
    expect(error!.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error!.message).toBe(
      `maxDepth must be a whole number from 0 (the root alone) to 32, or omitted for every level; received ${maxDepth}.`,
    );
    expect(error!.path).toEqual(["account", "health", "explanation"]);
    expect(JSON.stringify(error)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });
});
