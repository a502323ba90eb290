import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BrowserContext, chromium, Page } from "playwright-core";
import { generateDemoData } from "../../../demo/demo-data.generator";
import { loadDemoData } from "../../../services/demo/load-demo-data";
import { TestApi } from "../../support/test-api";

// Plain JavaScript (it runs before anything is compiled), so it is required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildExplorerIfStale } = require("../../../cli/build-explorer.js") as {
  buildExplorerIfStale: (root: string, options?: { log?: (message: string) => void }) => string;
};

/** Debian's Chromium; .ci/run installs it (`apt-get install -y chromium`). Playwright downloads no browser. */
export const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--window-size=1366,900",
];
/** Where the explorer's browser tests save screenshots (gitignored; CI keeps test-results/). */
export const SCREENSHOTS = join(__dirname, "..", "..", "..", "test-results", "explorer");

/** Builds the explorer when stale (a fresh clone builds it here) and fails when it cannot be built. */
export function ensureExplorerBuilt(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's Chromium with \`apt-get install -y chromium\` (.ci/run does).`,
    );
  }
  const outcome = buildExplorerIfStale(join(__dirname, "..", "..", ".."), { log: () => undefined });
  if (outcome === "unavailable") throw new Error("The explorer could not be built: Vite is missing (npm ci).");
  mkdirSync(SCREENSHOTS, { recursive: true });
}

export interface ExplorerBrowser {
  context: BrowserContext;
  page: Page;
  /** Requests to other origins (refused), and errors the page logged. */
  foreign: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh profile; requests to any other origin are refused and recorded. */
export async function openBrowser(origin: string): Promise<ExplorerBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "relata-explorer-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1366, height: 900 },
  });
  const foreign: string[] = [];
  const consoleErrors: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin && !url.startsWith("data:") && !url.startsWith("blob:")) {
      foreign.push(url);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  return {
    context,
    page,
    foreign,
    consoleErrors,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Loads a small demo data set into a tenant as `npm start` does for the demo tenant: records, outcomes
 * and a first recompute of every score.
 */
export async function seedDemo(api: TestApi, tenant: string, accounts: number) {
  const context = api.runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "test" });
  const data = generateDemoData({
    accounts,
    signalsPerAccount: 40,
    seed: 7,
    referenceDate: new Date().toISOString().slice(0, 10),
  });
  await loadDemoData(context.ingest, data, { advance: () => undefined });
  const outcomes = [...data.outcomes()].map((o) => ({ account: o.account, label: o.outcome, occurredOn: o.decidedOn }));
  await context.health.setOutcomes(tenant, outcomes, outcomes.length);
  await context.health.recompute("default", null, false);
  return data;
}

/** Serious or critical axe-core violations on the page (axe is evaluated through DevTools, not a script tag). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
