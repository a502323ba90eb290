import { nodeId } from "../../domain/ids/node-id";
import { seededRandom } from "../../domain/health/calibration/seeded-random";
import { clockStartingAt } from "../../domain/time/clock";
import { FixtureAccount, packMapping, TenantClient } from "../support/health-fixtures";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

/**
 * Issue 19, from fitting a public churn data set: a concept whose learned effect is opposite to its declared
 * polarity. Here monthly charges are declared HIGHER_IS_BETTER, but in the data higher charges go with churn;
 * satisfaction is declared right. Calibration must name the conflict, and with polarity FOLLOW_DATA create a
 * version that reads charges reversed, scores better, and says so in its explanations.
 */
const tenant = uniqueTenant("polarity");
const NOW = Date.parse("2026-11-15T12:00:00Z");
let api: TestApi;
let client: TenantClient;

const PACK = `
pack: polar
version: 1.0.0
title: { en: Polarity }
namespace: https://ontology.example/polar/
concepts:
  - id: polar:health
    prefLabel: { en: Health }
    parts:
      - { concept: polar:satisfaction, weight: 0.5 }
      - { concept: polar:charges, weight: 0.5 }
  - id: polar:satisfaction
    prefLabel: { en: Satisfaction }
  - id: polar:charges
    prefLabel: { en: Monthly charges }
mappings:
${packMapping("survey", "csat", "polar:satisfaction", "    dataType: NUMBER\n    unit: score_1_5\n    transform: { kind: linear }\n    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 1, max: 5 }\n    aggregation: { kind: latest, window: P90D }")}
${packMapping("billing", "monthly_charges", "polar:charges", "    dataType: NUMBER\n    unit: USD\n    transform: { kind: linear }\n    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 20, max: 120 }\n    aggregation: { kind: latest, window: P90D }")}
`;

/** 240 labelled accounts: churn log-odds 5 × (0.5 − satisfaction) + 5 × (charges − 0.5); 12 thin ones, csat only. */
function accounts(): FixtureAccount[] {
  const random = seededRandom(19);
  const labelled = Array.from({ length: 240 }, (_, i): FixtureAccount => {
    const satisfaction = random();
    const charges = random();
    const churned = random() < 1 / (1 + Math.exp(-(5 * (0.5 - satisfaction) + 5 * (charges - 0.5))));
    return {
      externalId: `P-${i}`,
      signals: [
        { system: "survey", field: "csat", number: 1 + 4 * satisfaction, unit: "score_1_5", daysAgo: 5 },
        { system: "billing", field: "monthly_charges", number: 20 + 100 * charges, unit: "USD", daysAgo: 5 },
      ],
      outcome: churned ? "CHURNED" : "RENEWED",
    };
  });
  const thin = Array.from({ length: 12 }, (_, i): FixtureAccount => ({
    externalId: `THIN-${i}`,
    signals: [{ system: "survey", field: "csat", number: 1 + i / 12, unit: "score_1_5", daysAgo: 5 }],
  }));
  return [...labelled, ...thin];
}

interface Report {
  model: { version: number; reversedConcepts: string[]; source: string } | null;
  dryRun: boolean;
  fromVersion: number;
  scoreCvAuc: number;
  scoreCvAucKeepingPolarity: number;
  scoreCvAucFollowingData: number;
  folds: number;
  seed: number;
  l2: number;
  polarity: string;
  foldAucs: number[];
  polarityConflicts: Array<{ concept: string; coefficient: number; weightIfReversed: number; aucCost: number }>;
  reversedConcepts: string[];
  importance: Array<{ concept: string; weight: number; reversed: boolean }>;
  backtest: { oldAuc: number; newAuc: number; accounts: number };
  notes: string[];
}

const CALIBRATE = `mutation($fit: CalibrationFitInput, $dryRun: Boolean!, $horizonDays: Int!) {
  calibrateHealthModel(modelId: "polar", outcome: { badLabels: ["CHURNED"], horizonDays: $horizonDays }, fit: $fit, dryRun: $dryRun) {
    model { version reversedConcepts source } dryRun fromVersion scoreCvAuc scoreCvAucKeepingPolarity scoreCvAucFollowingData
    folds seed l2 polarity foldAucs
    polarityConflicts { concept coefficient weightIfReversed aucCost }
    reversedConcepts importance { concept weight reversed } backtest { oldAuc newAuc accounts } notes } }`;

const calibrate = (variables: { fit?: Record<string, unknown>; dryRun: boolean; horizonDays?: number }) =>
  client
    .ok<{ calibrateHealthModel: Report }>(CALIBRATE, { horizonDays: 0, ...variables })
    .then((d) => d.calibrateHealthModel);

const activeVersion = () =>
  client
    .ok<{ healthModel: { version: number } }>(`{ healthModel(id: "polar") { version } }`)
    .then((d) => d.healthModel.version);

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(NOW) });
  client = new TenantClient(api, api.token(tenant, "admin"));
  await client.importPack(PACK);
  for (const [id, weights] of [
    ["polar", null],
    ["thin", { "polar:satisfaction": 0.2, "polar:charges": 0.8 }],
  ] as const) {
    await client.ok(
      `mutation($weights: JSONObject) { defineHealthModel(input: { id: "${id}", name: "${id}", rootConcept: "polar:health", weights: $weights, includeContacts: false, includeAssets: false }) { version } }`,
      { weights },
    );
  }
  await client.load(accounts(), NOW);
}, 180_000);

afterAll(async () => {
  await api.stop();
});

describe("calibrateHealthModel with a concept of opposite effect", () => {
  let keep: Report;

  it("names the concept in a dry run, with what clamping it to weight 0 costs, and creates no version", async () => {
    const before = await activeVersion();
    keep = await calibrate({ dryRun: true });
    expect(keep).toMatchObject({ model: null, dryRun: true, fromVersion: before, polarity: "KEEP", folds: 5, seed: 1 });
    expect(keep.l2).toBe(0.001);
    expect(keep.polarityConflicts.map((c) => c.concept)).toEqual(["polar:charges"]);
    const [conflict] = keep.polarityConflicts;
    expect(conflict!.coefficient).toBeGreaterThan(0);
    expect(conflict!.weightIfReversed).toBeGreaterThan(0.2);
    expect(conflict!.aucCost).toBeGreaterThan(0.05);
    expect(keep.importance.find((i) => i.concept === "polar:charges")).toMatchObject({ weight: 0, reversed: false });
    expect(keep.notes).toContainEqual(
      expect.stringContaining("polar:charges: higher values went with the bad outcome"),
    );
    expect(await activeVersion()).toBe(before);
  });

  it("with polarity FOLLOW_DATA creates a version that reads it reversed and separates churners better", async () => {
    const follow = await calibrate({ fit: { polarity: "FOLLOW_DATA" }, dryRun: false });
    expect(follow.model).toMatchObject({ source: "CALIBRATED", reversedConcepts: ["polar:charges"] });
    expect(follow.model!.version).toBe(keep.fromVersion + 1);
    expect(await activeVersion()).toBe(follow.model!.version);
    expect(follow.reversedConcepts).toEqual(["polar:charges"]);
    expect(follow.importance.find((i) => i.concept === "polar:charges")).toMatchObject({ reversed: true });
    // Cross-validated and on the labelled accounts (the backtest): higher than keeping the declared polarity.
    expect(follow.scoreCvAuc).toBe(follow.scoreCvAucFollowingData);
    expect(follow.scoreCvAuc).toBeGreaterThan(keep.scoreCvAuc + 0.05);
    expect(follow.backtest.newAuc).toBeGreaterThan(keep.backtest.newAuc + 0.05);
    expect(follow.backtest.accounts).toBe(240);
  });

  it("explains the reversal on the concept and its mapping, in fresh and in stored scores", async () => {
    const id = nodeId("Account", tenant, "crm", "P-0");
    const query = `query($id: ID!, $fresh: Boolean!) { account(id: $id) { health(modelId: "polar", fresh: $fresh) {
      score stored explanation { kind conceptId value contribution notes steps { step note } } } } }`;
    type Health = {
      score: number;
      stored: boolean;
      explanation: Array<{
        kind: string;
        conceptId: string;
        value: number;
        contribution: number;
        notes: string[];
        steps: Array<{ step: string; note: string }>;
      }>;
    };
    const fresh = (await client.ok<{ account: { health: Health } }>(query, { id, fresh: true })).account.health;
    const concept = fresh.explanation.find((n) => n.kind === "CONCEPT" && n.conceptId === "polar:charges")!;
    const version = await activeVersion();
    const reason = `model version ${version} reverses the declared polarity of polar:charges (learned from outcomes`;
    expect(concept.notes).toContainEqual(expect.stringContaining(reason));
    const leaf = fresh.explanation.find((n) => n.kind === "MAPPING" && n.conceptId === "polar:charges")!;
    expect(leaf.steps.at(-1)).toMatchObject({ step: "polarity", note: expect.stringContaining(`${reason}`) });
    expect(leaf.value).toBeCloseTo(concept.value, 12);
    const leaves = fresh.explanation.filter((n) => n.kind === "MAPPING");
    expect(leaves.reduce((sum, n) => sum + n.contribution, 0)).toBeCloseTo(fresh.score, 9);

    await client.ok(`mutation { recomputeHealth(modelId: "polar", accountIds: ["${id}"]) { scored } }`);
    const stored = (await client.ok<{ account: { health: Health } }>(query, { id, fresh: false })).account.health;
    expect(stored.stored).toBe(true);
    expect(stored.score).toBeCloseTo(fresh.score, 9);
    expect(stored.explanation.find((n) => n.conceptId === "polar:charges")!.notes).toContainEqual(
      expect.stringContaining(reason),
    );
  });
});

describe("calibrateHealthModel options", () => {
  it("uses the folds, seed and penalty given", async () => {
    const report = await calibrate({ fit: { folds: 3, seed: 9, l2: 0.1 }, dryRun: true });
    expect(report).toMatchObject({ folds: 3, seed: 9, l2: 0.1, model: null });
    expect(report.foldAucs).toHaveLength(3);
  });

  it("rejects options out of range, naming each and its range", async () => {
    const error = await client.error(CALIBRATE, {
      fit: { folds: 1, seed: -5, l2: -1 },
      dryRun: true,
      horizonDays: 5000,
    });
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain("horizonDays must be a whole number of days from 0 to 3650; received 5000");
    expect(error.message).toContain("folds must be a whole number from 2 to 20; received 1");
    expect(error.message).toContain("seed must be a whole number from 0 to 2147483647; received -5");
    expect(error.message).toContain("l2 must be a number from 0 to 1000");
  });

  it("says which cut-off has no signals before it, for how many accounts, and what to do", async () => {
    const error = await client.error(CALIBRATE, { dryRun: true, horizonDays: 30 });
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe(
      'None of the 240 labelled accounts has a signal of model "polar" in its mappings\' windows before its cut-off ' +
        "(the outcome date minus horizonDays 30: the cut-off 2026-10-16), so there is nothing to learn from. Either " +
        "calibrate with a smaller horizonDays (0 reads the signals up to each outcome date), or send signals " +
        "observed before the cut-offs.",
    );
  });
});

describe("atRiskAccounts and scores with too little data", () => {
  type Edge = { node: { account: { externalId: string }; health: { confidence: number; lowConfidence: boolean } } };
  const atRisk = (args: string) =>
    client
      .ok<{ atRiskAccounts: { edges: Edge[] } }>(
        `{ atRiskAccounts(modelId: "thin", first: 100${args}) { edges { node { account { externalId } health { confidence lowConfidence } } } } }`,
      )
      .then((d) => d.atRiskAccounts.edges.map((e) => e.node));

  beforeAll(async () => {
    await client.ok(`mutation { recomputeHealth(modelId: "thin") { processed } }`);
  }, 120_000);

  it("leaves out scores below the default minimum confidence of 0.3", async () => {
    const listed = await atRisk("");
    expect(listed).toHaveLength(100);
    expect(listed.every((n) => n.health.confidence >= 0.3 && !n.health.lowConfidence)).toBe(true);
    expect(listed.some((n) => n.account.externalId.startsWith("THIN-"))).toBe(false);
  });

  it("lists them with minConfidence 0, flagged lowConfidence", async () => {
    const listed = await atRisk(", minConfidence: 0");
    const thin = listed.filter((n) => n.account.externalId.startsWith("THIN-"));
    expect(thin.length).toBeGreaterThan(0);
    expect(thin.every((n) => n.health.confidence === 0.2 && n.health.lowConfidence)).toBe(true);
  });

  it("rejects a minimum confidence outside 0..1", async () => {
    const error = await client.error(`{ atRiskAccounts(modelId: "thin", minConfidence: 1.5) { edges { cursor } } }`);
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain("minConfidence must be a number from 0 to 1 (default 0.3); received 1.5");
  });
});
