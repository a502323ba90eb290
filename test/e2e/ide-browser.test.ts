import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BrowserContext, chromium, Page } from "playwright-core";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

// Plain JavaScript (it runs before anything is compiled), so it is required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildIdeIfStale } = require("../../cli/build-ide.js") as {
  buildIdeIfStale: (root: string, options?: { log?: (message: string) => void }) => string;
};

/** Debian's Chromium; .ci/run installs it (`apt-get install -y chromium`). Playwright downloads no browser. */
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TOKEN_KEY = "relata.ide.token";

/** What the functions run in the page use of its globals (the tests compile without the DOM library). */
interface PageGlobals {
  localStorage: Storage;
  sessionStorage: Storage;
  document: { querySelector(selector: string): { textContent: string | null } | null };
}
interface Storage {
  getItem(key: string): string | null;
}
const QUERY = "{ viewer { tenant role } }";

const tenant = uniqueTenant("ide");
let api: TestApi;
let origin: string;
let userDataDir: string;
let context: BrowserContext;
let page: Page;
/** Every request the browser made, from the page and its workers, with the headers it sent. */
const requests: Array<{ url: string; method: string; headers: Record<string, string> }> = [];
const foreign: string[] = [];
const consoleErrors: string[] = [];

/** The visible text of a Monaco editor of GraphiQL's (Monaco shows spaces as no-break spaces). */
async function editorText(selector: string): Promise<string> {
  const text = await page.locator(`${selector} .view-lines`).first().innerText();
  return text.replace(/\u00a0/g, " ");
}

async function runQuery(query: string): Promise<string> {
  const editor = page.locator(".graphiql-query-editor .monaco-editor").first();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  // One input of the whole text, as a paste is: typed key by key, Monaco's bracket closing and overtyping
  // race the keys on a busy machine and can drop a character.
  await page.keyboard.insertText(query);
  expect((await editorText(".graphiql-query-editor")).trim()).toBe(query);
  await page.getByRole("button", { name: /execute query/i }).click();
  await page.waitForFunction(
    () =>
      /"data"|"errors"/.test(
        (globalThis as unknown as PageGlobals).document.querySelector(".graphiql-response .view-lines")?.textContent ??
          "",
      ),
    undefined,
    { timeout: 60_000 },
  );
  return editorText(".graphiql-response");
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's Chromium with \`apt-get install -y chromium\` (.ci/run does).`,
    );
  }
  // Fast when dist/ide/ is up to date; a fresh clone bundles it here (a few seconds).
  expect(buildIdeIfStale(join(__dirname, "..", ".."), { log: () => undefined })).not.toBe("unavailable");
  api = await startTestApi();
  origin = new URL(api.url).origin;
  userDataDir = mkdtempSync(join(tmpdir(), "relata-ide-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  // Any request to another origin is recorded and refused, so the page cannot silently depend on one.
  await context.route("**/*", async (route) => {
    const request = route.request();
    requests.push({ url: request.url(), method: request.method(), headers: await request.allHeaders() });
    if (new URL(request.url()).origin !== origin && !request.url().startsWith("data:")) {
      foreign.push(request.url());
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
}, 240_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await api?.stop();
});

describe("the GraphQL IDE in Chromium (issue 19: an IDE that works offline)", () => {
  it("serves GraphiQL at /graphql to a browser, with a policy that forbids other origins", async () => {
    const response = await page.goto(api.url, { waitUntil: "load", timeout: 90_000 });
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-type"]).toBe("text/html; charset=utf-8");
    expect(response?.headers()["content-security-policy"]).toMatch(/default-src 'none'; script-src 'self'/);
    await page.getByLabel("Bearer token").waitFor({ timeout: 90_000 });
    await page.locator(".graphiql-query-editor .monaco-editor").first().waitFor({ timeout: 90_000 });
    // API clients still get GraphQL answers at the same URL, and Apollo's CDN landing page is gone.
    const client = await fetch(api.url, { headers: { accept: "*/*" } });
    expect(client.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await client.text()).not.toMatch(/apollo-server-landing-page|embeddable-sandbox|cdn\./i);
  }, 120_000);

  it("runs a query with the token entered, sent as a bearer token and kept nowhere", async () => {
    const token = api.token(tenant, "viewer");
    await page.getByLabel("Bearer token").fill(token);
    await page.getByLabel("Bearer token").press("Enter");
    const answer = JSON.parse(await runQuery(QUERY)) as { data?: unknown; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ viewer: { tenant, role: "viewer" } });
    const posts = requests.filter((r) => r.method === "POST" && r.url === api.url);
    expect(posts.some((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
    // "Remember" is off: the token is in no storage of the page.
    const stored = await page.evaluate(() => {
      const { localStorage, sessionStorage } = globalThis as unknown as PageGlobals;
      return JSON.stringify({ ...localStorage, ...sessionStorage });
    });
    expect(stored.includes(token)).toBe(false);
  }, 120_000);

  it("keeps the token in local storage only while 'remember' is ticked", async () => {
    const token = api.token(tenant, "analyst");
    await page.getByLabel("Bearer token").fill(token);
    await page.getByLabel("Remember in this browser").check();
    await page.waitForFunction(
      (key) => (globalThis as unknown as PageGlobals).localStorage.getItem(key) !== null,
      TOKEN_KEY,
    );
    expect(
      await page.evaluate((key) => (globalThis as unknown as PageGlobals).localStorage.getItem(key), TOKEN_KEY),
    ).toBe(token);
    await page.reload({ waitUntil: "load" });
    await expect(page.getByLabel("Bearer token").inputValue()).resolves.toBe(token);
    expect((JSON.parse(await runQuery(QUERY)) as { data?: unknown }).data).toEqual({
      viewer: { tenant, role: "analyst" },
    });
    await page.getByLabel("Remember in this browser").uncheck();
    await page.waitForFunction(
      (key) => (globalThis as unknown as PageGlobals).localStorage.getItem(key) === null,
      TOKEN_KEY,
    );
  }, 120_000);

  it("made no request to any other origin, loaded its workers from the API, and broke no policy", () => {
    expect(foreign).toEqual([]);
    const paths = requests.map((r) => new URL(r.url).pathname);
    for (const file of [/^\/ide\/ide-\w+\.js$/, /^\/ide\/ide-\w+\.css$/, /^\/ide\/editor\.worker-\w+\.js$/]) {
      expect(paths.some((path) => file.test(path))).toBe(true);
    }
    expect(paths.some((path) => /^\/ide\/graphql\.worker-\w+\.js$/.test(path))).toBe(true);
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
  });
});
