import { nodeId } from "../../domain/ids/node-id";
import { clockStartingAt } from "../../domain/time/clock";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

/**
 * The scenario from PRODUCT.md: call-center CSAT, IoT mean time between failures and the finance
 * renewal-rate trend combine, through the ontology, into one explained customer-health score.
 */
const tenant = uniqueTenant("cross");
let api: TestApi;
let token: string;
const DAY = 86_400_000;
/** The tests' "now": a fixed day, so the windows hold the same signals whatever day the suite runs. */
const NOW = Date.parse("2026-11-15T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();

interface Node {
  id: string;
  parentId: string | null;
  kind: string;
  conceptId: string;
  system: string | null;
  field: string | null;
  value: number | null;
  contribution: number;
  aggregate: string | null;
  signals: Array<{ recordId: string | null }>;
}

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(NOW) });
  token = api.token(tenant, "admin");
  const account = { kind: "ACCOUNT", externalId: "H-1", sourceSystem: "crm" };
  const steps = [
    [
      `mutation { upsertAccounts(input: [{ sourceSystem: "crm", externalId: "H-1", name: "Northwind Hospital", industry: "HEALTHCARE" }]) { created } }`,
      {},
    ],
    [
      `mutation { upsertAssets(input: [{ sourceSystem: "iot", externalId: "SCAN-1", account: { externalId: "H-1", sourceSystem: "crm" }, name: "CT scanner" }]) { created } }`,
      {},
    ],
    [
      `mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created rejected rejections { reason } } }`,
      {
        input: [
          {
            sourceSystem: "callcenter",
            recordId: "CC-1",
            field: "csat_score",
            numberValue: 4,
            unit: "score_1_5",
            observedAt: daysAgo(20),
            subject: account,
          },
          {
            sourceSystem: "callcenter",
            recordId: "CC-2",
            field: "csat_score",
            numberValue: 5,
            unit: "score_1_5",
            observedAt: daysAgo(10),
            subject: account,
          },
          {
            sourceSystem: "iot",
            recordId: "IOT-1",
            field: "mtbf_hours",
            numberValue: 1000,
            unit: "hours",
            observedAt: daysAgo(30),
            subject: { kind: "ASSET", externalId: "SCAN-1" },
          },
          {
            sourceSystem: "iot",
            recordId: "IOT-2",
            field: "mtbf_hours",
            numberValue: 10000,
            unit: "hours",
            observedAt: daysAgo(5),
            subject: { kind: "ASSET", externalId: "SCAN-1" },
          },
          {
            sourceSystem: "finance",
            recordId: "FIN-1",
            field: "renewal_rate_pct",
            numberValue: 80,
            unit: "percent",
            observedAt: daysAgo(300),
            subject: account,
          },
          {
            sourceSystem: "finance",
            recordId: "FIN-2",
            field: "renewal_rate_pct",
            numberValue: 85,
            unit: "percent",
            observedAt: daysAgo(150),
            subject: account,
          },
          {
            sourceSystem: "finance",
            recordId: "FIN-3",
            field: "renewal_rate_pct",
            numberValue: 90,
            unit: "percent",
            observedAt: daysAgo(1),
            subject: account,
          },
        ],
      },
    ],
  ] as const;
  for (const [query, variables] of steps) {
    const response = await api.post(query, variables as Record<string, unknown>, { token });
    expect(response.body.errors).toBeUndefined();
  }
});

afterAll(async () => {
  await api.stop();
});

describe("cross-system health", () => {
  it("combines CSAT, MTBF and the renewal-rate trend into one explained score", async () => {
    const id = nodeId("Account", tenant, "crm", "H-1");
    const response = await api.post<{
      account: {
        health: { score: number; confidence: number; explanation: Node[]; drivers: Array<{ conceptId: string }> };
      };
    }>(
      `query($id: ID!) { account(id: $id) { health(fresh: true) { score confidence
        explanation { id parentId kind conceptId system field value contribution aggregate signals { recordId } }
        drivers(top: 3) { conceptId impact direction } } } }`,
      { id },
      { token },
    );
    expect(response.body.errors).toBeUndefined();
    const health = response.body.data!.account.health;
    const nodes = health.explanation;
    const root = nodes.find((n) => n.parentId === null)!;
    expect(root.conceptId).toBe("core:customer-health");

    const withData = nodes
      .filter((n) => n.parentId === root.id && n.value !== null)
      .map((n) => n.conceptId)
      .sort();
    expect(withData).toEqual(["core:commercial", "core:reliability", "core:satisfaction"]);
    expect(
      withData
        .map((c) => nodes.find((n) => n.conceptId === c && n.parentId === root.id)!.contribution)
        .reduce((a, b) => a + b, 0),
    ).toBeCloseTo(health.score, 9);
    expect(health.confidence).toBeGreaterThan(0);
    expect(health.confidence).toBeLessThan(1);

    const leaf = (system: string, field: string, concept: string) =>
      nodes.find((n) => n.kind === "MAPPING" && n.system === system && n.field === field && n.conceptId === concept)!;
    const csat = leaf("callcenter", "csat_score", "core:csat");
    expect(csat.value).toBe(0.875); // mean 4.5 on the 1..5 scale
    expect(csat.signals.map((s) => s.recordId).sort()).toEqual(["CC-1", "CC-2"]);
    const mtbf = leaf("iot", "mtbf_hours", "core:mean-time-between-failures");
    expect(mtbf.value).toBeCloseTo((Math.log10(5501) - 2.5) / 1.5, 9); // mean 5,500 h on a log scale
    expect(mtbf.signals.map((s) => s.recordId).sort()).toEqual(["IOT-1", "IOT-2"]);
    const trend = leaf("finance", "renewal_rate_pct", "core:renewal-momentum");
    expect(trend.value).toBeGreaterThan(0.5); // rising renewal rate
    expect(trend.aggregate).toMatch(/trend/i);
    expect(health.drivers.length).toBeGreaterThan(0);
  });
});
