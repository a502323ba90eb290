import { randomBytes } from "node:crypto";
import { signToken } from "../../app/auth/token";
import { fullWeeksBefore } from "../../domain/usage/usage-week";
import { CypherExecutor } from "../../graph/executor";
import { UsageCalibrationDocument } from "../../schema/generated/graphql";
import { TenantClient } from "../support/health-fixtures";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

// Issue 17, usage calibration: Relata counts operations per tenant, principal, operation and week, never a
// request's variables or text; usageCalibration answers the brief's three checks with no data and with some.

const used = uniqueTenant("usage");
const empty = uniqueTenant("usage-empty");
const MARKER = `zz-private-${randomBytes(6).toString("hex")}`;
const OPERATION_NAME = `Marker_${randomBytes(4).toString("hex")}`;
let api: TestApi;
let executor: CypherExecutor;

const userToken = (user: string, agent?: string) =>
  signToken({ tenant: used, role: "analyst", user, ...(agent === undefined ? {} : { agent }) }, TEST_JWT_SECRET);

beforeAll(async () => {
  api = await startTestApi();
  executor = api.runtime.database.executor(30_000);
  await new TenantClient(api, api.token(used, "admin")).ok(
    `mutation($input: [UserInput!]!) { upsertUsers(input: $input) { created } }`,
    {
      input: ["u-ana", "u-ben"].map((id) => ({ sourceSystem: "hr", externalId: id, name: id, roles: ["analyst"] })),
    },
  );
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function usageCells(tenant: string): Promise<Array<Record<string, unknown>>> {
  await api.runtime.server.usage.flush();
  const rows = await executor.read(
    { name: "test.usage.cells", text: "MATCH (u:UsageCount {tenant: $tenant}) RETURN properties(u) AS cell" },
    { tenant },
  );
  return rows.map((row) => row.cell as Record<string, unknown>);
}

describe("usage recording", () => {
  it("counts operations per user and agent without storing any variable, operation name or subject", async () => {
    const query = `query ${OPERATION_NAME}($q: String) { accounts(filter: { search: $q }, first: 1) { edges { node { id } } } }`;
    for (let i = 0; i < 2; i += 1) {
      dataOf(await api.post(query, { q: MARKER }, { token: userToken("u-ana") }));
    }
    dataOf(
      await api.post(
        `query($x: String) { viewer { tenant } accounts(filter: { search: $x }, first: 1) { edges { node { id } } } }`,
        { x: MARKER },
        { token: userToken("u-ben", "helper-bot") },
      ),
    );
    const cells = await usageCells(used);
    const text = JSON.stringify(cells);
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain(OPERATION_NAME);
    expect(text).not.toContain("u-ana");
    const accounts = cells.find((c) => c.operation === "accounts" && c.principalKind === "USER")!;
    expect(accounts).toMatchObject({ count: 2, principalKind: "USER", categories: [] });
    expect(String(accounts.principal)).toMatch(/^usr_/);
    expect(
      cells
        .filter((c) => c.principalKind === "AGENT")
        .map((c) => c.operation)
        .sort(),
    ).toEqual(["accounts", "viewer"]);
    expect(cells.find((c) => c.operation === "viewer")).toMatchObject({
      principal: "agent:helper-bot",
      principalKind: "AGENT",
      categories: ["AI"],
      count: 1,
    });
  });
});

describe("usageCalibration", () => {
  it("answers with no data: every figure null, each sentence saying why", async () => {
    const report = dataOf(
      await api.run(UsageCalibrationDocument, {}, { token: api.token(empty, "analyst") }),
    ).usageCalibration;
    expect(report.weeks).toHaveLength(4);
    expect(report.people).toBeNull();
    expect(report.checks.map((c) => [c.name, c.value, c.healthy])).toEqual([
      ["AUTOMATION_AI_GROWTH", null, null],
      ["MPUS_CREATED_PER_PERSON_MONTH", null, null],
      ["MPU_ADOPTION", null, null],
      ["ANCHOR_QUERIES_PER_PERSON_WEEK", null, null],
    ]);
    expect(report.checks[1]!.sentence).toMatch(/No data: this tenant has no micro-practice units/);
  });

  it("answers with some: growth of automation and AI use, MPUs per person and adoption, anchor queries per person", async () => {
    const weeks = fullWeeksBefore(new Date(), 4);
    const [, , before, last] = weeks as [string, string, string, string];
    const at = (week: string, days: number) =>
      new Date(Date.parse(`${week}T12:00:00Z`) + days * 86_400_000).toISOString();
    await executor.write(
      {
        name: "test.usage.seed",
        text: `
UNWIND $cells AS c
CREATE (:UsageCount {tenant: $tenant, week: c.week, principal: c.principal, principalKind: 'USER', operation: c.operation,
  categories: c.categories, count: c.count})
WITH count(*) AS done
CREATE (:PlaybookFiring {tenant: $tenant, id: 'f-1', firedAt: datetime($firedAt)})
CREATE (:Mpu {tenant: $tenant, id: 'm-1', status: 'PUBLISHED', authorUserId: 'usr_a', createdAt: datetime($created1), publishedAt: datetime($created1)})
CREATE (:Mpu {tenant: $tenant, id: 'm-2', status: 'DRAFT', authorUserId: 'usr_b', createdAt: $created2})
CREATE (:MpuUse {tenant: $tenant, mpuId: 'm-1', appliedByUserId: 'usr_b', appliedAt: datetime($applied), status: 'PENDING'})
CREATE (:MpuUse {tenant: $tenant, mpuId: 'm-1', appliedByUserId: 'usr_a', appliedAt: datetime($applied), status: 'PENDING'})`,
      },
      {
        tenant: used,
        cells: [
          { week: before, principal: "usr_a", operation: "savePlaybook", categories: ["AUTOMATION"], count: 8 },
          { week: last, principal: "usr_a", operation: "savePlaybook", categories: ["AUTOMATION"], count: 10 },
          { week: last, principal: "usr_b", operation: "draftPlaybookFromText", categories: ["AI"], count: 2 },
          { week: last, principal: "usr_b", operation: "valueAnchors", categories: ["ANCHOR"], count: 30 },
        ],
        firedAt: at(last, 1),
        created1: at(before, 0),
        created2: at(last, 2),
        applied: at(last, 3),
      },
    );
    const report = dataOf(await api.run(UsageCalibrationDocument, {}, { token: userToken("u-ana") })).usageCalibration;
    expect(report.people).toBe(2);
    const check = (name: string) => report.checks.find((c) => c.name === name)!;
    // 8 calls the week before; 10 automation calls, 1 firing and 2 AI calls in the last week.
    expect(check("AUTOMATION_AI_GROWTH")).toMatchObject({ healthy: true, threshold: 0.25, comparison: "AT_LEAST" });
    expect(check("AUTOMATION_AI_GROWTH").value).toBeCloseTo(13 / 8 - 1, 9);
    expect(check("AUTOMATION_AI_GROWTH").series.map((p) => p.value)).toEqual([0, 0, 8, 13]);
    expect(check("MPUS_CREATED_PER_PERSON_MONTH").value).toBeCloseTo(2 / 2 / (28 / 30.4375), 9);
    expect(check("MPU_ADOPTION")).toMatchObject({ value: 1, healthy: true });
    expect(check("ANCHOR_QUERIES_PER_PERSON_WEEK")).toMatchObject({ value: 30 / 2 / 4, healthy: false });
    expect(check("ANCHOR_QUERIES_PER_PERSON_WEEK").sentence).toMatch(
      /3\.75 anchor-related queries per person per week/,
    );
  });

  it("is for admins and analysts, and refuses a period it cannot read", async () => {
    const viewer = onlyErrorOf(await api.run(UsageCalibrationDocument, {}, { token: api.token(used, "viewer") }), 200);
    expect(viewer.extensions?.code).toBe("FORBIDDEN");
    const bad = onlyErrorOf(
      await api.run(
        UsageCalibrationDocument,
        { period: { weeks: 1, to: "soon" } },
        { token: api.token(used, "admin") },
      ),
      200,
    );
    expect(bad.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_USAGE_PERIOD" });
  });
});
