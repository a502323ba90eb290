import { signToken } from "../../app/auth/token";
import { armOf } from "../../domain/experiments/arm-assignment";
import { fisherExactTest } from "../../domain/experiments/fisher-exact-test";
import { MpuExperiment } from "../../domain/experiments/experiment";
import { ChangeOutbox } from "../../graph/events/change-outbox";
import { CypherExecutor } from "../../graph/executor";
import { MpuExperimentRepository } from "../../graph/experiments/mpu-experiment.repository";
import { Role } from "../../resolvers/context";
import {
  MpuExperimentDocument,
  MpuExperimentsDocument,
  StartMpuExperimentDocument,
  StartMpuExperimentInput,
  StopMpuExperimentDocument,
  UpsertAccountsDocument,
  UpsertOpportunitiesDocument,
} from "../../schema/generated/graphql";
import { createTestMpu } from "../support/mpu-fixture";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 16, A/B tests of micro-practice units: the education scenario's experiment on 400 generated
// opportunities with a planted 34% → 59% success rate, a small one judged by Fisher's exact test, the
// verdict before any data, tenant isolation and bad input. The clock is the test's: the horizon passes
// when the test moves it, not in real time.

const START = Date.parse("2027-01-04T09:00:00.000Z");
const DAY = 86_400_000;
let now = START;

let api: TestApi;
let db: CypherExecutor;

const token = (tenant: string, role: Role) => signToken({ tenant, role, subject: `${role}-1` }, TEST_JWT_SECRET);

/** mulberry32: a small seeded generator, so the planted outcomes are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded shuffle: the first `k` of it are the winners. */
function pick<T>(items: readonly T[], k: number, random: () => number): Set<T> {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return new Set(copy.slice(0, k));
}

interface Loaded {
  /** Opportunity id → external id. */
  externalIds: Map<string, string>;
}

/** 400 opportunities (and their 40 accounts) in one request each. */
async function loadOpportunities(tenant: string, industry: string, count: number, prefix: string): Promise<Loaded> {
  const writer = token(tenant, "integrator");
  const accounts = Array.from({ length: Math.ceil(count / 10) }, (_, i) => ({
    sourceSystem: "crm",
    externalId: `${prefix}-A-${i}`,
    name: `${industry} school ${i}`,
    industry,
    segment: "K12",
  }));
  const a = dataOf(await api.run(UpsertAccountsDocument, { input: accounts }, { token: writer }));
  expect(a.upsertAccounts.rejected).toBe(0);
  const opportunities = Array.from({ length: count }, (_, i) => ({
    sourceSystem: "crm",
    externalId: `${prefix}-O-${i}`,
    account: { externalId: `${prefix}-A-${Math.floor(i / 10)}` },
    name: `Visual data for the equipment office ${i}`,
    stage: "PROPOSAL" as const,
  }));
  const o = dataOf(await api.run(UpsertOpportunitiesDocument, { input: opportunities }, { token: writer }));
  expect(o.upsertOpportunities.rejected).toBe(0);
  const externalIds = new Map<string, string>();
  for (const record of o.upsertOpportunities.records)
    externalIds.set(record.id, opportunities[record.index]!.externalId);
  return { externalIds };
}

async function closeOpportunities(tenant: string, won: Map<string, boolean>, prefix: string): Promise<void> {
  const input = [...won].map(([externalId, isWon]) => ({
    sourceSystem: "crm",
    externalId,
    account: { externalId: `${prefix}-A-${Math.floor(Number(externalId.split("-").pop()) / 10)}` },
    name: `Visual data for the equipment office ${externalId.split("-").pop()}`,
    stage: isWon ? ("CLOSED_WON" as const) : ("CLOSED_LOST" as const),
  }));
  const r = dataOf(await api.run(UpsertOpportunitiesDocument, { input }, { token: token(tenant, "integrator") }));
  expect(r.upsertOpportunities.rejected).toBe(0);
}

function design(
  mpuId: string,
  industry: string,
  extra: Partial<StartMpuExperimentInput> = {},
): StartMpuExperimentInput {
  return {
    mpuId,
    population: { unit: "OPPORTUNITY" as never, industries: [industry] },
    split: 0.5,
    primaryOutcome: { kind: "OPPORTUNITY_WON" as never },
    horizon: new Date(now + 90 * DAY).toISOString(),
    ...extra,
  };
}

async function arms(tenant: string, experimentId: string): Promise<Map<string, string>> {
  const rows = await db.read(
    {
      name: "test.arms",
      text: "MATCH (:MpuExperiment {tenant: $tenant, id: $id})-[a:ASSIGNED]->(o:Opportunity) RETURN o.id AS id, a.arm AS arm",
    },
    { tenant, id: experimentId },
  );
  return new Map(rows.map((r) => [String(r.id), String(r.arm)]));
}

beforeAll(async () => {
  api = await startTestApi({}, { clock: () => new Date(now) });
  db = api.runtime.database.executor(30_000);
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("an experiment on 400 opportunities with a planted 34% → 59% success rate", () => {
  const tenant = uniqueTenant("mpx");
  const analyst = token(tenant, "analyst");
  let experiment: { id: string };
  let loaded: Loaded;

  beforeAll(async () => {
    now = START;
    loaded = await loadOpportunities(tenant, "Education", 400, "k12");
    await createTestMpu(db, tenant, { id: "mpu-visual-data" });
    const started = dataOf(
      await api.run(StartMpuExperimentDocument, { input: design("mpu-visual-data", "Education") }, { token: analyst }),
    );
    experiment = started.startMpuExperiment;
  }, 120_000);

  it("assigns every eligible opportunity to an arm by stable hashing of (experiment id, unit id)", async () => {
    const assigned = await arms(tenant, experiment.id);
    expect(assigned.size).toBe(400);
    for (const [id, arm] of assigned) expect(arm).toBe(armOf(experiment.id, id, 0.5));
    const treatment = [...assigned.values()].filter((a) => a === "TREATMENT").length;
    // 400 fair coin flips: 160..240 covers far beyond 6 standard deviations.
    expect(treatment).toBeGreaterThan(160);
    expect(treatment).toBeLessThan(240);
  });

  it("says 'not enough data yet' before the horizon of a fixed-horizon test", async () => {
    const report = dataOf(
      await api.run(MpuExperimentDocument, { id: experiment.id }, { token: analyst }),
    ).mpuExperiment;
    expect(report.verdict).toBe("NOT_ENOUGH_DATA");
    expect(report.horizonPassed).toBe(false);
    expect(report.summary).toMatch(/^Not enough data yet/);
    expect(report.control.successes + report.treatment.successes).toBe(0);
  });

  it("leaves out units a running experiment of the same unit holds", async () => {
    const second = dataOf(
      await api.run(StartMpuExperimentDocument, { input: design("mpu-visual-data", "Education") }, { token: analyst }),
    ).startMpuExperiment;
    expect(second).toMatchObject({ controlCount: 0, treatmentCount: 0, excludedCount: 400 });
    const stopped = dataOf(await api.run(StopMpuExperimentDocument, { id: second.id }, { token: analyst }));
    expect(stopped.stopMpuExperiment.status).toBe("STOPPED");
  });

  it("keeps every unit's arm when the assignment is written again", async () => {
    const repository = new MpuExperimentRepository(db, tenant, new ChangeOutbox(tenant, "job:test"));
    const stored = (await repository.get(experiment.id)) as MpuExperiment;
    const before = await arms(tenant, experiment.id);
    // The same rows with every arm flipped: MERGE finds each assignment and changes nothing.
    const flipped = [...before].map(([id, arm]) => ({
      id,
      arm: arm === "TREATMENT" ? ("CONTROL" as const) : ("TREATMENT" as const),
    }));
    expect(await repository.assign(stored, flipped, new Date(now).toISOString())).toBe(400);
    expect(await arms(tenant, experiment.id)).toEqual(before);
  });

  it("reports a significant lift by the z-test, its interval holding the planted 25 points and not 0", async () => {
    const assigned = await arms(tenant, experiment.id);
    const random = seeded(20_270_104);
    const control = [...assigned].filter(([, arm]) => arm === "CONTROL").map(([id]) => id);
    const treatment = [...assigned].filter(([, arm]) => arm === "TREATMENT").map(([id]) => id);
    // Exactly 34% and 59% of each arm win (a seeded shuffle picks them): the arms themselves depend on the
    // experiment's random id, so drawing each outcome independently would make the interval miss the
    // planted lift in about one run in twenty.
    const winners = new Set([
      ...pick(control, Math.round(control.length * 0.34), random),
      ...pick(treatment, Math.round(treatment.length * 0.59), random),
    ]);
    now = START + 10 * DAY;
    await closeOpportunities(
      tenant,
      new Map([...assigned.keys()].map((id) => [loaded.externalIds.get(id)!, winners.has(id)])),
      "k12",
    );
    now = START + 91 * DAY;
    const report = dataOf(
      await api.run(MpuExperimentDocument, { id: experiment.id }, { token: analyst }),
    ).mpuExperiment;
    expect(report.horizonPassed).toBe(true);
    expect(report.control.n + report.treatment.n).toBe(400);
    expect(report.control.successes).toBe(Math.round(control.length * 0.34));
    expect(report.treatment.successes).toBe(Math.round(treatment.length * 0.59));
    expect(report.test).toBe("Z_TEST");
    expect(report.pValue).toBeLessThan(0.001);
    expect(report.verdict).toBe("SIGNIFICANT_LIFT");
    expect(report.absoluteLiftInterval!.lower).toBeGreaterThan(0);
    expect(report.absoluteLiftInterval!.lower).toBeLessThan(0.25);
    expect(report.absoluteLiftInterval!.upper).toBeGreaterThan(0.25);
    expect(report.relativeLiftInterval!.lower).toBeGreaterThan(0);
    expect(report.summary).toMatch(/^Significant lift: treatment 5\d\.\d% \(\d+\/\d+\) vs control 3\d\.\d%/);
  });

  it("concludes the experiment when stopped after its horizon, once", async () => {
    const stopped = dataOf(await api.run(StopMpuExperimentDocument, { id: experiment.id }, { token: analyst }));
    expect(stopped.stopMpuExperiment).toMatchObject({ status: "CONCLUDED", stoppedBy: "user:analyst-1" });
    const again = await api.run(StopMpuExperimentDocument, { id: experiment.id }, { token: analyst });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "EXPERIMENT_NOT_RUNNING" });
    const listed = dataOf(
      await api.run(MpuExperimentsDocument, { mpuId: "mpu-visual-data" }, { token: token(tenant, "rep") }),
    );
    expect(listed.mpuExperiments.map((e) => e.id)).toContain(experiment.id);
  });

  it("records each state change as a change event and an audit record", async () => {
    const [events] = await db.read(
      {
        name: "test.events",
        text: `MATCH (s:ChangeSegment {tenant: $tenant}) UNWIND s.types AS type WITH type
WHERE type STARTS WITH 'MPU_EXPERIMENT' RETURN collect(type) AS types`,
      },
      { tenant },
    );
    expect((events!.types as string[]).sort()).toEqual(
      ["MPU_EXPERIMENT_CONCLUDED", "MPU_EXPERIMENT_STARTED", "MPU_EXPERIMENT_STARTED", "MPU_EXPERIMENT_STOPPED"].sort(),
    );
    const [audit] = await db.read(
      {
        name: "test.audit",
        text: `MATCH (a:AuditRecord {tenant: $tenant}) WHERE a.kind STARTS WITH 'MPU_EXPERIMENT' RETURN collect(a.kind) AS kinds`,
      },
      { tenant },
    );
    expect((audit!.kinds as string[]).sort()).toEqual(
      ["MPU_EXPERIMENT_CONCLUDED", "MPU_EXPERIMENT_STARTED", "MPU_EXPERIMENT_STARTED", "MPU_EXPERIMENT_STOPPED"].sort(),
    );
  });

  it("shows another tenant nothing", async () => {
    const other = token(uniqueTenant("mpx-other"), "admin");
    const report = await api.run(MpuExperimentDocument, { id: experiment.id }, { token: other });
    expect(report.body.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", reason: "EXPERIMENT_NOT_FOUND" });
    const listed = dataOf(await api.run(MpuExperimentsDocument, { mpuId: "mpu-visual-data" }, { token: other }));
    expect(listed.mpuExperiments).toEqual([]);
  });
});

describe("a small experiment", () => {
  it("is judged by Fisher's exact test when an expected cell count is below 5", async () => {
    const tenant = uniqueTenant("mpx-small");
    now = START;
    const loaded = await loadOpportunities(tenant, "Government", 20, "gov");
    await createTestMpu(db, tenant, { id: "mpu-policy-fit" });
    const analyst = token(tenant, "analyst");
    const experiment = dataOf(
      await api.run(
        StartMpuExperimentDocument,
        { input: design("mpu-policy-fit", "Government", { minimumPerArm: 3 }) },
        { token: analyst },
      ),
    ).startMpuExperiment;
    const assigned = await arms(tenant, experiment.id);
    const treatment = [...assigned].filter(([, arm]) => arm === "TREATMENT").map(([id]) => id);
    const control = [...assigned].filter(([, arm]) => arm === "CONTROL").map(([id]) => id);
    now = START + 5 * DAY;
    await closeOpportunities(
      tenant,
      new Map(
        [...assigned.keys()].map((id) => [
          loaded.externalIds.get(id)!,
          treatment.slice(0, 3).includes(id) || id === control[0],
        ]),
      ),
      "gov",
    );
    now = START + 100 * DAY;
    const report = dataOf(
      await api.run(MpuExperimentDocument, { id: experiment.id }, { token: analyst }),
    ).mpuExperiment;
    expect(report.control.n + report.treatment.n).toBe(20);
    expect(report.treatment.successes).toBe(Math.min(3, treatment.length));
    expect(report.test).toBe("FISHER_EXACT");
    expect(report.minExpectedCellCount).toBeLessThan(5);
    const arms2 = {
      control: { n: report.control.n, successes: report.control.successes },
      treatment: { n: report.treatment.n, successes: report.treatment.successes },
    };
    expect(report.pValue).toBeCloseTo(fisherExactTest(arms2).pValue, 12);
  });
});

describe("bad input", () => {
  const tenant = uniqueTenant("mpx-bad");
  const analyst = token(tenant, "analyst");
  const refusal = async (input: StartMpuExperimentInput, as = analyst) =>
    (await api.run(StartMpuExperimentDocument, { input }, { token: as })).body.errors?.[0]?.extensions;

  beforeAll(async () => {
    now = START;
    await createTestMpu(db, tenant, { id: "mpu-ok" });
    await createTestMpu(db, tenant, { id: "mpu-draft", status: "DRAFT" });
  });

  it.each([0, 1, 1.5, -0.2])("refuses split %p: it must lie strictly between 0 and 1", async (split) => {
    expect(await refusal(design("mpu-ok", "Education", { split }))).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "INVALID_EXPERIMENT",
    });
  });

  it("refuses an unknown unit", async () => {
    expect(await refusal(design("mpu-nope", "Education"))).toMatchObject({
      code: "NOT_FOUND",
      reason: "EXPERIMENT_MPU_NOT_FOUND",
    });
  });

  it("refuses a horizon in the past", async () => {
    expect(await refusal(design("mpu-ok", "Education", { horizon: new Date(now - DAY).toISOString() }))).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "INVALID_EXPERIMENT",
    });
  });

  it("refuses a DRAFT unit", async () => {
    expect(await refusal(design("mpu-draft", "Education"))).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "EXPERIMENT_MPU_NOT_PUBLISHED",
    });
  });

  it("refuses stages on an account population and a STAGE_REACHED without its stage", async () => {
    expect(
      await refusal(
        design("mpu-ok", "Education", { population: { unit: "ACCOUNT" as never, stages: ["PROPOSAL" as never] } }),
      ),
    ).toMatchObject({ reason: "INVALID_EXPERIMENT" });
    expect(
      await refusal(design("mpu-ok", "Education", { primaryOutcome: { kind: "STAGE_REACHED" as never } })),
    ).toMatchObject({ reason: "INVALID_EXPERIMENT" });
  });

  it("lets neither reps nor viewers start an experiment", async () => {
    for (const role of ["rep", "viewer"] as const) {
      expect(await refusal(design("mpu-ok", "Education"), token(tenant, role))).toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("refuses an unknown experiment id with NOT_FOUND", async () => {
    const response = await api.run(MpuExperimentDocument, { id: "mpx_missing" }, { token: token(tenant, "viewer") });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", reason: "EXPERIMENT_NOT_FOUND" });
  });
});
