import "reflect-metadata";
import { generateDemoData } from "../demo/demo-data.generator";
import { isLocalNeo4jError } from "../graph/local-server/local-server.errors";
import { loadDemoData, totalRecords } from "../services/demo/load-demo-data";
import { seedDemoPeople, seedDemoPlaybooks, withDemoAutomation } from "../services/demo/demo-automation";
import { signToken } from "./auth/token";
import { bootstrap, RelataRuntime } from "./bootstrap";
import { loadConfig } from "./config";
import { createLogger } from "./logger";
import { createProgressReporter } from "./progress";

async function seedDemoTenant(runtime: RelataRuntime, log: ReturnType<typeof createLogger>): Promise<void> {
  const { demo } = runtime.config;
  const context = runtime.server.contexts.forPrincipal({ tenant: demo.tenant, role: "admin", subject: "demo-loader" });
  const existing = await context.repositories.accounts.count({});
  if (existing > 0) {
    log.info({ tenant: demo.tenant, accounts: existing }, "demo tenant already has data; not loading it again");
    return;
  }
  // Anchored to today (or RELATA_DEMO_DATE), not a fixed date: the year of signals ends now, so scores
  // computed now see the same windows whatever day the demo is first started.
  const referenceDate = demo.referenceDate ?? new Date().toISOString().slice(0, 10);
  const data = generateDemoData({ accounts: demo.accounts, seed: demo.seed, referenceDate });
  const progress = createProgressReporter("Loading demo data", totalRecords(data), (m) => log.info(m));
  const started = Date.now();
  // The people first: accounts name their owners, playbooks their owner (issue 11).
  await seedDemoPeople(context.ingest);
  const totals = await loadDemoData(context.ingest, withDemoAutomation(data), progress);
  progress.finish();
  // Outcomes (renewed or churned) let analysts calibrate the health model on the demo tenant, and a first
  // recompute makes at-risk lists and distributions answer out of the box.
  const outcomes = [...data.outcomes()].map((o) => ({ account: o.account, label: o.outcome, occurredOn: o.decidedOn }));
  await context.health.setOutcomes(demo.tenant, outcomes, outcomes.length);
  const run = await context.health.recompute("default", null, false);
  log.info({ accounts: run.processed, scored: run.scored }, "demo health scores computed");
  // Active from now on: they act on signals that arrive after the load (docs/automation.md).
  const playbooks = await seedDemoPlaybooks(context.playbooks);
  log.info({ playbooks: playbooks.length }, "demo playbooks saved and activated");
  log.info(
    { tenant: demo.tenant, ...totals, seconds: Math.round((Date.now() - started) / 100) / 10 },
    "demo data loaded",
  );
}

/**
 * The banner's token lines. A token is printed only to an interactive terminal: stdout that is a pipe or
 * a file is a log, and a 12-hour admin token must never land in one.
 */
function demoTokenLines(tenant: string, secret: string, maxHours: number): string {
  if (process.stdout.isTTY) {
    // Within the server's own lifetime cap (RELATA_MAX_TOKEN_LIFETIME_HOURS), or it would refuse it.
    const hours = Math.min(12, maxHours);
    const token = signToken({ tenant, role: "admin" }, secret, hours * 3600);
    return `Demo admin token (tenant "${tenant}", valid ${hours} h):\n${token}\n\n`;
  }
  return (
    "No token is printed: stdout is not a terminal (tokens are kept out of logs). Get one with\n" +
    `  TOKEN=$(npm run --silent token -- --tenant ${tenant} --role admin)\n\n`
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  let runtime: RelataRuntime;
  try {
    runtime = await bootstrap(config, log);
  } catch (error) {
    if (isLocalNeo4jError(error)) {
      process.stderr.write(`\nRelata could not start its Neo4j.\n\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const shutdown = (signal: string) => {
    // A second signal is not caught (process.once): it ends the process at once, without waiting.
    log.info({ signal, graceMs: config.shutdownGraceMs }, "shutting down: draining requests, closing Neo4j");
    runtime
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));

  if (config.demo.enabled) await seedDemoTenant(runtime, log);
  const url = await runtime.server.listen();
  log.info({ url, neo4j: runtime.connection.uri }, "Relata is ready");
  process.stdout.write(
    `\nRelata GraphQL API: ${url}\n` +
      `Health: ${url.replace("/graphql", "/healthz")}  Ready: ${url.replace("/graphql", "/readyz")}\n` +
      `IDE: open ${url} in a browser (GraphiQL, works offline)  Metrics: ${url.replace("/graphql", "/metrics")}\n` +
      `Neo4j: ${runtime.connection.uri} (npm run db -- status shows the login)\n\n` +
      demoTokenLines(config.demo.tenant, config.jwtSecret, config.auth.maxTokenLifetimeHours) +
      `Try: curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\\n` +
      `  -d '{"query":"{ accounts(first: 3) { totalCount edges { node { name industry } } } }"}'\n\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Relata failed to start: ${(error as Error).message}\n${(error as Error).stack ?? ""}\n`);
  process.exit(1);
});
