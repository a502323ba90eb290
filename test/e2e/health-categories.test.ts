import { nodeId } from "../../domain/ids/node-id";
import { seededRandom } from "../../domain/health/calibration/seeded-random";
import { clockStartingAt } from "../../domain/time/clock";
import { FixtureAccount, packMapping, TenantClient } from "../support/health-fixtures";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

/**
 * Issue 19: categorical source values (a contract type) mapped with one "category" transform instead of a
 * concept and a lookup per level, calibrated level by level; tenure in months converted to years.
 */
const tenant = uniqueTenant("categories");
const NOW = Date.parse("2026-11-15T12:00:00Z");
let api: TestApi;
let client: TenantClient;

/** The pack's guess of the contract levels is backwards: month-to-month looks best. Calibration must fix it. */
const CONTRACT = `    dataType: STRING
    transform: { kind: category, levels: { Month-to-month: 1, One year: 0.5, Two year: 0 }, default: 0.5 }
    polarity: HIGHER_IS_BETTER
    normalization: { kind: fixed, min: 0, max: 1 }
    aggregation: { kind: latest, window: P1Y }`;

const TENURE = `    dataType: NUMBER
    unit: months
    targetUnit: years
    transform: { kind: linear }
    polarity: HIGHER_IS_BETTER
    normalization: { kind: fixed, min: 0, max: 6 }
    aggregation: { kind: latest, window: P1Y }`;

const pack = (contract: string) => `
pack: telco
version: 1.0.0
title: { en: Telco }
namespace: https://ontology.example/telco/
concepts:
  - id: telco:health
    prefLabel: { en: Health }
    parts:
      - { concept: telco:contract, weight: 0.5 }
      - { concept: telco:tenure, weight: 0.5 }
  - id: telco:contract
    prefLabel: { en: Contract }
  - id: telco:tenure
    prefLabel: { en: Tenure }
mappings:
${packMapping("billing", "contract", "telco:contract", contract)}
${packMapping("billing", "tenure", "telco:tenure", TENURE)}
`;

const LEVELS = ["Month-to-month", "One year", "Two year"];

/** 240 labelled accounts: churn log-odds +1.5 / 0 / −1.5 by contract, −0.5 per year of tenure; one unlabelled "Weekly". */
function accounts(): FixtureAccount[] {
  const random = seededRandom(7);
  const labelled = Array.from({ length: 240 }, (_, i): FixtureAccount => {
    const level = Math.floor(random() * 3);
    const months = Math.floor(random() * 72);
    const logit = 1.5 * (1 - level) - 0.5 * (months / 12) + 1;
    const churned = random() < 1 / (1 + Math.exp(-logit));
    return {
      externalId: `T-${i}`,
      signals: [
        { system: "billing", field: "contract", text: LEVELS[level]!, daysAgo: 3 },
        { system: "billing", field: "tenure", number: months, unit: "months", daysAgo: 3 },
      ],
      outcome: churned ? "CHURNED" : "RENEWED",
    };
  });
  const weekly: FixtureAccount = {
    externalId: "WEEKLY",
    signals: [
      { system: "billing", field: "contract", text: "Weekly", daysAgo: 3 },
      { system: "billing", field: "tenure", number: 18, unit: "months", daysAgo: 3 },
    ],
  };
  return [...labelled, weekly];
}

type Node = {
  kind: string;
  conceptId: string;
  value: number | null;
  notes: string[];
  steps: Array<{ step: string; note: string }>;
};

async function explain(externalId: string): Promise<Node[]> {
  const data = await client.ok<{ account: { health: { explanation: Node[] } } }>(
    `query($id: ID!) { account(id: $id) { health(modelId: "telco", fresh: true) {
      explanation { kind conceptId value notes steps { step note } } } } }`,
    { id: nodeId("Account", tenant, "crm", externalId) },
  );
  return data.account.health.explanation;
}

const leafOf = (nodes: Node[], concept: string) => nodes.find((n) => n.kind === "MAPPING" && n.conceptId === concept)!;

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(NOW) });
  client = new TenantClient(api, api.token(tenant, "admin"));
  await client.importPack(pack(CONTRACT));
  await client.ok(
    `mutation { defineHealthModel(input: { id: "telco", name: "Telco", rootConcept: "telco:health", includeContacts: false, includeAssets: false }) { version } }`,
  );
  await client.load(accounts(), NOW);
}, 180_000);

afterAll(async () => {
  await api.stop();
});

describe("a category mapping in a pack", () => {
  it("is validated like other mappings, with every problem's location", async () => {
    const bad = CONTRACT.replace("{ Month-to-month: 1, One year: 0.5, Two year: 0 }", "{ Month-to-month: high }");
    const data = await client.ok<{
      importOntology: { status: string; problems: Array<{ where: string; message: string }> };
    }>(
      `mutation($content: String!) { importOntology(format: PACK, content: $content) { status problems { where message } } }`,
      { content: pack(bad).replace("version: 1.0.0", "version: 1.0.1") },
    );
    expect(data.importOntology.status).toBe("REJECTED");
    expect(data.importOntology.problems).toContainEqual({
      where: "mappings[0].transform.levels",
      message: "must map at least two levels to numbers, e.g. { Month-to-month: 0, Two year: 1 }; received 1 level",
    });
  });

  it("scores with the declared level values, and converts months to years", async () => {
    const nodes = await explain("T-0");
    const contract = leafOf(nodes, "telco:contract");
    expect(contract.steps.find((s) => s.step === "transform")!.note).toMatch(
      /^category transform: "(Month-to-month|One year|Two year)" \(level \d of 3\) → (1|0\.5|0)$/,
    );
    const tenure = leafOf(nodes, "telco:tenure");
    expect(tenure.steps.find((s) => s.step === "unit")!.note).toMatch(/^converted \d+ months to [\d.]+ years$/);
    const weekly = leafOf(await explain("WEEKLY"), "telco:contract");
    expect(weekly.steps.find((s) => s.step === "transform")!.note).toBe(
      'category transform: "Weekly" is not one of the 3 levels, so the default 0.5',
    );
    expect(leafOf(await explain("WEEKLY"), "telco:tenure").steps.find((s) => s.step === "unit")!.note).toBe(
      "converted 18 months to 1.5 years",
    );
  });
});

describe("calibrating a categorical concept", () => {
  type Report = {
    model: {
      version: number;
      categoryLevels: Array<{
        concept: string;
        system: string;
        field: string;
        levels: Array<{ level: string; value: number }>;
        otherValue: number | null;
      }>;
    };
    categories: Array<{
      concept: string;
      reference: string;
      weight: number;
      levels: Array<{ level: string; accounts: number; value: number; learned: boolean }>;
    }>;
    importance: Array<{ concept: string; direction: string }>;
    backtest: { oldAuc: number; newAuc: number };
    notes: string[];
  };
  let report: Report;

  beforeAll(async () => {
    const data = await client.ok<{ calibrateHealthModel: Report }>(
      `mutation { calibrateHealthModel(modelId: "telco", outcome: { badLabels: ["CHURNED"], horizonDays: 0 }) {
        model { version categoryLevels { concept system field levels { level value } otherValue } }
        categories { concept reference weight levels { level accounts value learned } }
        importance { concept direction } backtest { oldAuc newAuc } notes } }`,
    );
    report = data.calibrateHealthModel;
  }, 120_000);

  it("learns a value per level: two-year contracts best, month-to-month worst", () => {
    expect(report.categories).toHaveLength(1);
    const [contract] = report.categories;
    expect(contract!.concept).toBe("telco:contract");
    const value = Object.fromEntries(contract!.levels.map((l) => [l.level, l.value]));
    expect(value["Two year"]).toBe(1);
    expect(value["Month-to-month"]).toBe(0);
    expect(value["One year"]).toBeGreaterThan(0);
    expect(value["One year"]).toBeLessThan(1);
    expect(contract!.levels.reduce((sum, l) => sum + l.accounts, 0)).toBe(240);
    expect(contract!.levels.find((l) => l.level === "(other)")).toMatchObject({ accounts: 0, learned: false });
    expect(report.importance.find((i) => i.concept === "telco:contract")!.direction).toBe("BY_LEVEL");
    expect(report.model.categoryLevels).toEqual([
      {
        concept: "telco:contract",
        system: "billing",
        field: "contract",
        levels: LEVELS.map((level) => ({ level, value: value[level] })),
        otherValue: value["(other)"],
      },
    ]);
  });

  it("separates churners better than the pack's backwards guess", () => {
    expect(report.backtest.newAuc).toBeGreaterThan(report.backtest.oldAuc + 0.1);
  });

  it("explains a score with the learned level value, and gives an unseen value the learned default", async () => {
    const version = report.model.version;
    const nodes = await explain("T-0");
    const concept = nodes.find((n) => n.kind === "CONCEPT" && n.conceptId === "telco:contract")!;
    expect(concept.notes).toContainEqual(
      expect.stringContaining(
        `model version ${version} learned the value of each level of billing.contract from outcomes`,
      ),
    );
    const transform = leafOf(nodes, "telco:contract").steps.find((s) => s.step === "transform")!;
    expect(transform.note).toMatch(
      new RegExp(
        `^category transform: the level "[^"]+" is worth [\\d.]+ on the 0..1 scale, as model version ${version} learned it from outcomes \\(the pack declares [\\d.]+\\)$`,
      ),
    );
    const weekly = leafOf(await explain("WEEKLY"), "telco:contract");
    const other = report.model.categoryLevels[0]!.otherValue!;
    expect(weekly.value).toBeCloseTo(other, 12);
    expect(weekly.steps.find((s) => s.step === "transform")!.note).toContain('"Weekly", not a level, is worth');
  });
});
