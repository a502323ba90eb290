import { join } from "node:path";
import jwt from "jsonwebtoken";
import { Page } from "playwright-core";
import { CypherExecutor } from "../../graph/executor";
import {
  StartMpuExperimentDocument,
  UpsertAccountsDocument,
  UpsertOpportunitiesDocument,
} from "../../schema/generated/graphql";
import { createTestMpu } from "../support/mpu-fixture";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import {
  ensureExplorerBuilt,
  ExplorerBrowser,
  openBrowser,
  SCREENSHOTS,
  seriousViolations,
} from "./support/explorer-browser";
import { dataOf } from "./support/responses";

// The explorer's MPU experiment results page (issue 16) in Chromium: a unit's experiments, one report with
// its verdict, arms, lift and interval, in English and Chinese. The server's clock is the test's, so the
// horizon passes when the test says.

const tenant = uniqueTenant("explorer-mpx");
const START = Date.parse("2027-02-01T09:00:00.000Z");
const DAY = 86_400_000;
let now = START;
let api: TestApi;
let db: CypherExecutor;
let origin: string;
let browser: ExplorerBrowser;
let page: Page;
let experimentId: string;

const signed = (role: string) =>
  jwt.sign({ tenant, role }, TEST_JWT_SECRET, {
    algorithm: "HS256",
    issuer: "relata",
    subject: `${role}-1`,
    expiresIn: 3600,
  });

beforeAll(async () => {
  ensureExplorerBuilt();
  api = await startTestApi({}, { clock: () => new Date(now) });
  db = api.runtime.database.executor(30_000);
  origin = new URL(api.url).origin;
  const writer = { token: api.token(tenant, "integrator") };
  const accounts = Array.from({ length: 10 }, (_, i) => ({
    sourceSystem: "crm",
    externalId: `A-${i}`,
    name: `School ${i}`,
    industry: "Education",
  }));
  dataOf(await api.run(UpsertAccountsDocument, { input: accounts }, writer));
  const opportunity = (i: number, stage: "PROPOSAL" | "CLOSED_WON" | "CLOSED_LOST") => ({
    sourceSystem: "crm",
    externalId: `O-${i}`,
    account: { externalId: `A-${i % 10}` },
    name: `Deal ${i}`,
    stage,
  });
  const loaded = dataOf(
    await api.run(
      UpsertOpportunitiesDocument,
      { input: Array.from({ length: 120 }, (_, i) => opportunity(i, "PROPOSAL")) },
      writer,
    ),
  );
  await createTestMpu(db, tenant, { id: "mpu-visual-data" });
  experimentId = dataOf(
    await api.run(
      StartMpuExperimentDocument,
      {
        input: {
          mpuId: "mpu-visual-data",
          population: { unit: "OPPORTUNITY", industries: ["Education"] },
          split: 0.5,
          primaryOutcome: { kind: "OPPORTUNITY_WON" },
          horizon: new Date(START + 60 * DAY).toISOString(),
        },
      },
      { token: api.token(tenant, "analyst") },
    ),
  ).startMpuExperiment.id;
  const arms = await db.read(
    {
      name: "test.arms",
      text: "MATCH (:MpuExperiment {tenant: $tenant, id: $id})-[a:ASSIGNED]->(o) RETURN o.id AS id, a.arm AS arm ORDER BY o.id",
    },
    { tenant, id: experimentId },
  );
  const index = new Map(loaded.upsertOpportunities.records.map((r) => [r.id, r.index]));
  // Every fourth control deal and three in four treatment deals are won: a lift no test can miss.
  let c = 0;
  let t = 0;
  const closed = arms.map((row) => {
    const i = index.get(String(row.id))!;
    const won = row.arm === "TREATMENT" ? t++ % 4 !== 0 : c++ % 4 === 0;
    return opportunity(i, won ? "CLOSED_WON" : "CLOSED_LOST");
  });
  now = START + 5 * DAY;
  dataOf(await api.run(UpsertOpportunitiesDocument, { input: closed }, writer));
  now = START + 61 * DAY;
  browser = await openBrowser(origin);
  page = browser.page;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe("the MPU experiment results page in Chromium", () => {
  it("lists a unit's experiments and opens one's report: verdict, arms, lift with its interval", async () => {
    await page.goto(`${origin}/explorer/experiments?mpu=mpu-visual-data#token=${signed("rep")}`, { waitUntil: "load" });
    const list = page.getByTestId("experiments");
    await list.getByRole("link", { name: experimentId }).waitFor({ timeout: 90_000 });
    expect(await list.innerText()).toMatch(/RUNNING[\s\S]*OPPORTUNITY_WON/);
    await list.getByRole("link", { name: experimentId }).click();
    await page.waitForURL(new RegExp(`/explorer/experiments/${experimentId}`));
    await page.getByTestId("verdict").waitFor({ timeout: 90_000 });
    expect(await page.getByTestId("verdict").innerText()).toBe("Significant lift");
    expect(await page.getByTestId("summary").innerText()).toMatch(/^Significant lift: treatment \d+\.\d% /);
    const arms = await page.getByTestId("arms").locator("tbody tr").allInnerTexts();
    expect(arms).toHaveLength(2);
    const [treatmentN, controlN] = arms.map((row) => Number(row.split("\t")[1]));
    expect(treatmentN! + controlN!).toBe(120);
    const effect = await page.getByTestId("effect").innerText();
    expect(effect).toMatch(/Absolute lift\s+\+\d+\.\d pp \(95% CI \+\d+\.\d pp … \+\d+\.\d pp\)/);
    expect(effect).toMatch(/Two-proportion z-test/);
    expect(effect).toMatch(/passed/);
    expect(await page.getByTestId("lift-chart").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "mpu-experiment.png"), fullPage: true });
  }, 180_000);

  it("says the verdict in Chinese after the language switch", async () => {
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
    await page.getByTestId("verdict").getByText("显著提升").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("arms").innerText()).toContain("对照组");
    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  }, 60_000);

  it("shows the server's NOT_FOUND for an unknown experiment", async () => {
    await page.goto(`${origin}/explorer/experiments/mpx_missing`, { waitUntil: "load" });
    await page.getByText(/no MPU experiment "mpx_missing"/).waitFor({ timeout: 90_000 });
    expect(await page.getByTestId("verdict").count()).toBe(0);
  }, 120_000);
});
