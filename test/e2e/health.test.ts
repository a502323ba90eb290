import { generateDemoData } from "../../demo/demo-data.generator";
import { nodeId } from "../../domain/ids/node-id";
import { clockStartingAt } from "../../domain/time/clock";
import { loadDemoData } from "../../services/demo/load-demo-data";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

const tenant = uniqueTenant("health");
const data = generateDemoData({ accounts: 30, signalsPerAccount: 60, seed: 11 });
let api: TestApi;
let admin: string;

interface Node {
  id: string;
  parentId: string | null;
  kind: string;
  contribution: number;
  value: number | null;
  signals: Array<{ recordId: string | null }>;
}

const HEALTH = `query($id: ID!, $fresh: Boolean) { account(id: $id) { health(fresh: $fresh) {
  score grade confidence modelId modelVersion stored computedAt
  explanation { id parentId kind conceptId system field value weight normalizedWeight contribution confidence reason aggregate signals { recordId } }
  drivers(top: 3) { conceptId impact direction } } } }`;

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(data.referenceDate) });
  admin = api.token(tenant, "admin");
  const context = api.runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "test" });
  await loadDemoData(context.ingest, data, { advance: () => {} });
});

afterAll(async () => {
  await api.stop();
});

function accountId(index: number): string {
  const account = [...data.accounts()][index]!;
  return nodeId("Account", tenant, account.sourceSystem, account.externalId);
}

describe("health on request", () => {
  it("scores an account with an explanation whose contributions add up to the score", async () => {
    const response = await api.post<{
      account: { health: { score: number; confidence: number; stored: boolean; explanation: Node[] } };
    }>(HEALTH, { id: accountId(0), fresh: true }, { token: admin });
    expect(response.body.errors).toBeUndefined();
    const health = response.body.data!.account.health;
    expect(health.stored).toBe(false);
    expect(health.score).toBeGreaterThan(0);
    expect(health.score).toBeLessThanOrEqual(100);
    expect(health.confidence).toBeGreaterThan(0);
    const root = health.explanation.find((n) => n.parentId === null)!;
    const topLevel = health.explanation.filter((n) => n.parentId === root.id);
    expect(topLevel.reduce((sum, n) => sum + n.contribution, 0)).toBeCloseTo(health.score, 9);
    const leaves = health.explanation.filter((n) => n.kind === "MAPPING" && n.value !== null);
    expect(leaves.reduce((sum, n) => sum + n.contribution, 0)).toBeCloseTo(health.score, 9);
    expect(leaves.some((n) => n.signals.length > 0 && n.signals[0]!.recordId !== null)).toBe(true);
  });

  it("gives the same score twice for the same graph and model", async () => {
    const first = await api.post<{ account: { health: { score: number } } }>(
      HEALTH,
      { id: accountId(1), fresh: true },
      { token: admin },
    );
    const second = await api.post<{ account: { health: { score: number } } }>(
      HEALTH,
      { id: accountId(1), fresh: true },
      { token: admin },
    );
    expect(first.body.data!.account.health.score).toBe(second.body.data!.account.health.score);
  });
});

describe("batch recompute", () => {
  it("stores a score per account, then serves at-risk lists, distributions and history", async () => {
    const run = await api.post<{ recomputeHealth: { processed: number; scored: number; resumed: boolean } }>(
      `mutation { recomputeHealth { runId processed scored resumed incremental } }`,
      {},
      { token: admin },
    );
    expect(run.body.errors).toBeUndefined();
    expect(run.body.data!.recomputeHealth.processed).toBe(data.counts.accounts);
    expect(run.body.data!.recomputeHealth.scored).toBeGreaterThan(0);

    const stored = await api.post<{ account: { health: { stored: boolean; score: number; explanation: Node[] } } }>(
      HEALTH,
      { id: accountId(0) },
      { token: admin },
    );
    expect(stored.body.data!.account.health.stored).toBe(true);

    const risk = await api.post<{ atRiskAccounts: { edges: Array<{ node: { health: { score: number } } }> } }>(
      `{ atRiskAccounts(first: 5) { edges { node { account { id name } health { score grade } } } } }`,
      {},
      { token: admin },
    );
    expect(risk.body.errors).toBeUndefined();
    const scores = risk.body.data!.atRiskAccounts.edges.map((e) => e.node.health.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));

    const distribution = await api.post<{ healthDistribution: Array<{ group: string; accounts: number }> }>(
      `{ healthDistribution(groupBy: INDUSTRY) { group accounts scored grades { grade count } p50 } }`,
      {},
      { token: admin },
    );
    expect(distribution.body.errors).toBeUndefined();
    expect(distribution.body.data!.healthDistribution.reduce((n, g) => n + g.accounts, 0)).toBe(data.counts.accounts);

    const history = await api.post<{ account: { healthHistory: unknown[] } }>(
      `query($id: ID!) { account(id: $id) { healthHistory { score grade computedAt modelVersion } } }`,
      { id: accountId(0) },
      { token: admin },
    );
    expect(history.body.data!.account.healthHistory).toHaveLength(1);
  });

  it("recomputes incrementally only accounts with new signals", async () => {
    const token = api.token(tenant, "integrator");
    const account = [...data.accounts()][2]!;
    await api.post(
      `mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created } }`,
      {
        input: [
          {
            sourceSystem: "callcenter",
            recordId: "NEW-1",
            field: "csat_score",
            numberValue: 1,
            unit: "score_1_5",
            observedAt: data.referenceDate,
            subject: { kind: "ACCOUNT", externalId: account.externalId, sourceSystem: "crm" },
          },
        ],
      },
      { token },
    );
    const run = await api.post<{ recomputeHealth: { processed: number; incremental: boolean } }>(
      `mutation { recomputeHealth(incremental: true) { processed incremental } }`,
      {},
      { token: admin },
    );
    expect(run.body.errors).toBeUndefined();
    expect(run.body.data!.recomputeHealth).toEqual({ processed: 1, incremental: true });
  });
});

describe("health models", () => {
  it("creates a new version on change, and scores carry the version that produced them", async () => {
    const define = `mutation($input: HealthModelInput!) { defineHealthModel(input: $input) { id version active weights bands { grade min } } }`;
    const v1 = await api.post<{ defineHealthModel: { version: number } }>(
      define,
      { input: { id: "support-heavy", name: "Support heavy", weights: { "core:support": 0.5 } } },
      { token: admin },
    );
    expect(v1.body.errors).toBeUndefined();
    expect(v1.body.data!.defineHealthModel.version).toBe(1);
    const v2 = await api.post<{ defineHealthModel: { version: number } }>(
      define,
      { input: { id: "support-heavy", name: "Support heavy", weights: { "core:support": 0.6 } } },
      { token: admin },
    );
    expect(v2.body.data!.defineHealthModel.version).toBe(2);
    const models = await api.post<{ healthModels: Array<{ id: string; version: number; active: boolean }> }>(
      `{ healthModels { id version active } }`,
      {},
      { token: admin },
    );
    expect(models.body.data!.healthModels.filter((m) => m.id === "support-heavy")).toEqual([
      { id: "support-heavy", version: 1, active: false },
      { id: "support-heavy", version: 2, active: true },
    ]);
  });

  it("rejects an invalid model with every problem", async () => {
    const response = await api.post(
      `mutation($input: HealthModelInput!) { defineHealthModel(input: $input) { id } }`,
      { input: { id: "Bad Id", name: "x", rootConcept: "core:nope", bands: [{ grade: "A", min: 50 }] } },
      { token: admin },
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.body.errors?.[0]?.message).toMatch(/id must be/);
    expect(response.body.errors?.[0]?.message).toMatch(/core:nope/);
  });
});
