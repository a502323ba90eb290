import { signToken } from "../../app/auth/token";
import { CypherExecutor } from "../../graph/executor";
import {
  IngestSignalsDocument,
  MpuExperimentDocument,
  StartMpuExperimentDocument,
  StartMpuExperimentInput,
  UpsertAccountsDocument,
  UpsertOpportunitiesDocument,
} from "../../schema/generated/graphql";
import { createTestMpu } from "../support/mpu-fixture";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, statementNames } from "./support/responses";

// Issue 16: every kind of primary outcome, on account and opportunity units, counted only between the
// experiment's start and its horizon; and a report is two statements whatever the number of units.

const START = Date.parse("2027-03-01T09:00:00.000Z");
const DAY = 86_400_000;
let now = START;
let api: TestApi;
let db: CypherExecutor;
const tenant = uniqueTenant("mpx-outcomes");
const at = (days: number) => new Date(START + days * DAY).toISOString();
const analyst = () => signToken({ tenant, role: "analyst", subject: "ana" }, TEST_JWT_SECRET);
const experiments: Record<string, string> = {};

const opportunity = (i: number, stage: "PROSPECTING" | "NEGOTIATION" | "CLOSED_WON" | "CLOSED_LOST") => ({
  sourceSystem: "crm",
  externalId: `O-${i}`,
  account: { externalId: `A-${i}` },
  name: `Deal ${i}`,
  stage,
});

async function start(mpuId: string, input: Partial<StartMpuExperimentInput>): Promise<string> {
  return dataOf(
    await api.run(
      StartMpuExperimentDocument,
      {
        input: {
          mpuId,
          population: { unit: "ACCOUNT", industries: ["Health"] },
          split: 0.5,
          primaryOutcome: { kind: "OPPORTUNITY_WON" },
          horizon: at(30),
          minimumPerArm: 1,
          ...input,
        },
      },
      { token: analyst() },
    ),
  ).startMpuExperiment.id;
}

async function totalSuccesses(id: string): Promise<{ n: number; successes: number }> {
  const r = dataOf(await api.run(MpuExperimentDocument, { id }, { token: analyst() })).mpuExperiment;
  return { n: r.control.n + r.treatment.n, successes: r.control.successes + r.treatment.successes };
}

beforeAll(async () => {
  api = await startTestApi({}, { clock: () => new Date(now) });
  db = api.runtime.database.executor(30_000);
  const writer = { token: api.token(tenant, "integrator") };
  const accounts = Array.from({ length: 12 }, (_, i) => ({
    sourceSystem: "crm",
    externalId: `A-${i}`,
    name: `Clinic ${i}`,
    industry: "Health",
  }));
  dataOf(await api.run(UpsertAccountsDocument, { input: accounts }, writer));
  const opportunities = Array.from({ length: 12 }, (_, i) => opportunity(i, "PROSPECTING"));
  dataOf(await api.run(UpsertOpportunitiesDocument, { input: opportunities }, writer));
  for (const id of ["mpu-won", "mpu-signal", "mpu-stage", "mpu-use"]) await createTestMpu(db, tenant, { id });

  experiments.won = await start("mpu-won", {});
  experiments.signal = await start("mpu-signal", { primaryOutcome: { kind: "SIGNAL_OBSERVED", field: "demo_booked" } });
  experiments.stage = await start("mpu-stage", {
    population: { unit: "OPPORTUNITY", industries: ["Health"] },
    primaryOutcome: { kind: "STAGE_REACHED", stage: "PROPOSAL" },
  });
  experiments.use = await start("mpu-use", { primaryOutcome: { kind: "MPU_USE_SUCCEEDED" } });

  now = START + 2 * DAY;
  // Deals 0-2 won, 3-5 at NEGOTIATION (past PROPOSAL), 6 lost, the rest untouched.
  const moved = [0, 1, 2, 3, 4, 5, 6].map((i) =>
    opportunity(i, i < 3 ? "CLOSED_WON" : i < 6 ? "NEGOTIATION" : "CLOSED_LOST"),
  );
  dataOf(await api.run(UpsertOpportunitiesDocument, { input: moved }, writer));
  const signal = (i: number, field: string, observedAt: string) => ({
    sourceSystem: "crm",
    recordId: `S-${i}-${field}`,
    field,
    booleanValue: true,
    observedAt,
    subject: { kind: "ACCOUNT" as const, externalId: `A-${i}` },
  });
  dataOf(
    await api.run(
      IngestSignalsDocument,
      {
        input: [
          signal(0, "demo_booked", at(1)),
          signal(1, "demo_booked", at(1)),
          signal(2, "demo_booked", at(40)), // after the horizon
          signal(3, "demo_booked", at(-5)), // before the start
          signal(4, "webinar_attended", at(1)),
        ],
      },
      writer,
    ),
  );
  // Uses of the unit as mpu-core writes them: one succeeded in the window, one failed, one before the start.
  const ids = await db.read(
    {
      name: "test.accountIds",
      text: "MATCH (a:Account {tenant: $tenant}) RETURN a.externalId AS externalId, a.id AS id",
    },
    { tenant },
  );
  const idOf = new Map(ids.map((r) => [String(r.externalId), String(r.id)]));
  await db.write(
    {
      name: "test.mpuUses",
      text: `UNWIND $uses AS use
MATCH (m:Mpu {tenant: $tenant, id: 'mpu-use'})
CREATE (u:MpuUse {tenant: $tenant, id: use.id, mpuId: 'mpu-use', accountId: use.accountId, opportunityId: null,
  appliedByUserId: 'rep-1', appliedAt: datetime(use.appliedAt), status: use.status})-[:USES]->(m)`,
    },
    {
      tenant,
      uses: [
        { id: "use-1", accountId: idOf.get("A-0"), appliedAt: at(1), status: "SUCCEEDED" },
        { id: "use-2", accountId: idOf.get("A-1"), appliedAt: at(1), status: "FAILED" },
        { id: "use-3", accountId: idOf.get("A-2"), appliedAt: at(-1), status: "SUCCEEDED" },
      ],
    },
  );
  now = START + 31 * DAY;
}, 300_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("primary outcomes", () => {
  it("counts an account whose opportunity was won within the horizon (OPPORTUNITY_WON on accounts)", async () => {
    expect(await totalSuccesses(experiments.won!)).toEqual({ n: 12, successes: 3 });
  });

  it("counts a signal of the field observed between start and horizon only (SIGNAL_OBSERVED)", async () => {
    expect(await totalSuccesses(experiments.signal!)).toEqual({ n: 12, successes: 2 });
  });

  it("counts the stage and every later one of the pipeline, not CLOSED_LOST (STAGE_REACHED on opportunities)", async () => {
    expect(await totalSuccesses(experiments.stage!)).toEqual({ n: 12, successes: 6 });
  });

  it("counts a succeeded use of the unit applied within the window (MPU_USE_SUCCEEDED)", async () => {
    expect(await totalSuccesses(experiments.use!)).toEqual({ n: 12, successes: 1 });
  });
});

describe("the cost of a report", () => {
  it("reads the experiment and both arms' outcomes in two statements", async () => {
    const response = await api.run(
      MpuExperimentDocument,
      { id: experiments.won! },
      { token: api.token(tenant, "admin"), headers: { "x-relata-debug": "1" } },
    );
    expect(response.body.errors).toBeUndefined();
    expect(statementNames(response).filter((name) => name.startsWith("mpuExperiments."))).toEqual([
      "mpuExperiments.get",
      "mpuExperiments.armCounts.OPPORTUNITY_WON.Account",
    ]);
  });
});
