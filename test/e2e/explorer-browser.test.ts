import { join } from "node:path";
import jwt from "jsonwebtoken";
import { Page } from "playwright-core";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { ensureExplorerBuilt, ExplorerBrowser, openBrowser, SCREENSHOTS, seedDemo } from "./support/explorer-browser";

/** The explorer against the real server and Neo4j, with a small demo tenant, in Debian's Chromium (issue 13). */
const tenant = uniqueTenant("explorer");
let api: TestApi;
let origin: string;
let browser: ExplorerBrowser;
let page: Page;
let accountName: string;

/** What the functions run in the page use of its globals (the tests compile without the DOM library). */
interface PageGlobals {
  sessionStorage: { getItem(key: string): string | null };
  document: { documentElement: { lang: string } };
}
const storedToken = () =>
  page.evaluate(() => (globalThis as unknown as PageGlobals).sessionStorage.getItem("relata.explorer.token"));

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  ensureExplorerBuilt();
  api = await startTestApi({ RELATA_DEMO: "1", RELATA_DEMO_TENANT: tenant });
  origin = new URL(api.url).origin;
  const data = await seedDemo(api, tenant, 8);
  accountName = [...data.accounts()][0]!.name;
  browser = await openBrowser(origin);
  page = browser.page;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe("the explorer in Chromium", () => {
  it("shows the sign-in page without a token, with the local demo button", async () => {
    await page.goto(`${origin}/explorer/`, { waitUntil: "load", timeout: 90_000 });
    await page.getByRole("heading", { name: "Sign in" }).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: `Use the demo tenant (${tenant})` }).waitFor();
    await shot("sign-in");
  }, 120_000);

  it("signs in with the one-click demo token as a viewer of the demo tenant", async () => {
    await page.getByRole("button", { name: `Use the demo tenant (${tenant})` }).click();
    await page.getByText(`Tenant ${tenant} · viewer`).waitFor({ timeout: 60_000 });
    const stored = await storedToken();
    expect(stored).toMatch(/^ey/);
  }, 120_000);

  it("finds accounts by a Chinese concept label (满意度)", async () => {
    await page.getByLabel(/Search accounts, contacts/).fill("满意度");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const group = page.getByTestId("concept-accounts").first();
    await group.waitFor({ timeout: 60_000 });
    expect(await group.getByRole("heading").innerText()).toMatch(/satisfaction/i);
    expect(await group.getByRole("link").count()).toBeGreaterThan(0);
    expect(page.url()).toContain(`/explorer/search?q=${encodeURIComponent("满意度")}`);
    await shot("search-concept-zh");
  }, 120_000);

  it("finds an account by name, and filters with the facets", async () => {
    await page.getByLabel(/Search accounts, contacts/).fill(accountName);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const accounts = page.getByTestId("account-results");
    await accounts.getByRole("link", { name: accountName }).waitFor({ timeout: 60_000 });
    const industries = await page.getByLabel("Industry").locator("option").count();
    expect(industries).toBeGreaterThan(1);
    await shot("search-name");
  }, 120_000);

  it("opens the customer 360 with health, its explanation down to source records, and charts", async () => {
    await page.getByTestId("account-results").getByRole("link", { name: accountName }).click();
    await page.getByRole("heading", { name: accountName, level: 1 }).waitFor({ timeout: 60_000 });
    expect(page.url()).toMatch(/\/explorer\/accounts\/[^/]+$/);
    const score = page.getByTestId("health-score");
    await score.waitFor({ timeout: 90_000 });
    expect(await score.innerText()).toMatch(/^\d+(\.\d)?$/);
    expect((await page.getByTestId("health-grade").innerText()).length).toBeGreaterThan(0);
    const explanation = page.getByTestId("explanation");
    await explanation.waitFor();
    expect(await explanation.innerText()).toMatch(/CONCEPT core:satisfaction/);
    // Concepts with data are open down to their source fields; a source field opens onto its signals.
    expect(await explanation.innerText()).toMatch(/MAPPING/);
    await explanation.locator("summary:visible", { hasText: "MAPPING" }).first().click();
    await explanation.locator(".records code").first().waitFor();
    expect(await explanation.locator(".records code").first().innerText()).toMatch(/^[\w-]+:.+=/);
    await page.getByTestId("health-history").locator("canvas").waitFor();
    await page.getByTestId("signals-timeline").locator("canvas").waitFor();
    expect(await page.getByRole("heading", { name: /^Contacts \(\d+\)$/ }).count()).toBe(1);
    await shot("customer-360");
  }, 180_000);

  it("opens a deep link on reload and switches the language to Chinese", async () => {
    await page.reload({ waitUntil: "load" });
    await page.getByRole("heading", { name: accountName, level: 1 }).waitFor({ timeout: 60_000 });
    await page.getByLabel("Language").selectOption("zh");
    await page.getByRole("heading", { name: "当前健康度" }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang)).toBe(
      "zh-CN",
    );
    await shot("customer-360-zh");
    await page.getByLabel("语言").selectOption("en");
  }, 120_000);

  it("says the server cannot be reached when the API is down", async () => {
    await page.route("**/graphql", (route) => route.abort("connectionrefused"));
    await page.getByRole("link", { name: "Search", exact: true }).click();
    await page.getByText(/The Relata server cannot be reached/).waitFor({ timeout: 60_000 });
    await shot("server-down");
    await page.unroute("**/graphql");
  }, 120_000);

  it("takes a token from the URL fragment, removes it from the address bar, and shows sign-in when it has expired", async () => {
    const expired = jwt.sign({ tenant, role: "viewer", exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET, {
      issuer: "relata",
      subject: "expired",
    });
    await page.goto(`${origin}/explorer/graph#token=${expired}`, { waitUntil: "load" });
    await page.getByText(/Your token was refused \(expired or invalid\)/).waitFor({ timeout: 60_000 });
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(page.url()).toBe(`${origin}/explorer/graph`);
    expect(await storedToken()).toBeNull();
    await shot("expired-token");
  }, 120_000);

  it("loaded nothing from another origin and broke no content security policy", () => {
    expect(browser.foreign).toEqual([]);
    expect(browser.consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
  });
});
