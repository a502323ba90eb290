/**
 * Lineage benchmark (issue 17): how long `lineage(of)` of one account's stored health score takes over HTTP
 * (p50, p95), beside a concept value's lineage and `impact` of a concept, on the demo data set.
 *
 * The real server runs in this process (bootstrap, the demo data set loaded and scored, HTTP on a free port)
 * against its own throw-away managed Neo4j, or NEO4J_URI. Requests run one at a time, over `--samples`
 * calls spread across the first 50 accounts of the at-risk list, after 5 warm-up calls.
 *
 *   npm run bench:lineage                              1,000 demo accounts, 200 samples
 *   npm run bench:lineage -- --accounts 300 --samples 50
 */
import "reflect-metadata";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { signToken } from "../../app/auth/token";
import { bootstrap } from "../../app/bootstrap";
import { loadConfig } from "../../app/config";
import { generateDemoData } from "../../demo/demo-data.generator";
import { seedDemoPeople, withDemoAutomation } from "../../services/demo/demo-automation";
import { loadDemoData, totalRecords } from "../../services/demo/load-demo-data";
import { createProgressReporter } from "../../app/progress";
import { RESULTS_DIR } from "../bench-paths";
import { cpuModel } from "../report/environment";

const log = (message: string) => process.stderr.write(`[bench:lineage] ${message}\n`);
const SECRET = "relata-bench-secret-0123456789abcdef0123456789abcdef";

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function main(): Promise<void> {
  const accounts = argument("accounts", 1_000);
  const samples = argument("samples", 200);
  const neo4jHome = process.env.NEO4J_URI ? null : mkdtempSync(join(tmpdir(), "relata-bench-lineage-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(neo4jHome ? { RELATA_NEO4J_HOME: neo4jHome } : {}),
    RELATA_JWT_SECRET: SECRET,
    // The demo data set is loaded below, as `npm start` does (app/main.ts), into its own tenant.
    RELATA_DEMO: "0",
    PORT: "0",
    LOG_LEVEL: "warn",
    RELATA_RATE_LIMITS: "0",
    RELATA_WEBHOOK_DISPATCH: "0",
    RELATA_AUTOMATION: "0",
  };
  const config = loadConfig(env);
  log(`starting with ${accounts} demo accounts`);
  const runtime = await bootstrap(config, pino({ level: "warn" }), env);
  try {
    const tenant = "bench-lineage";
    const context = runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "bench-loader" });
    const data = generateDemoData({ accounts, seed: 42, referenceDate: new Date().toISOString().slice(0, 10) });
    await seedDemoPeople(context.ingest);
    const progress = createProgressReporter("Loading demo data", totalRecords(data), log, false);
    await loadDemoData(context.ingest, withDemoAutomation(data), progress);
    progress.finish();
    const run = await context.health.recompute("default", null, false);
    log(`loaded and scored ${run.processed} accounts`);
    const url = await runtime.server.listen(0, "127.0.0.1");
    const token = signToken({ tenant, role: "analyst" }, SECRET);
    const post = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      if (body.errors) throw new Error(`request failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
      return body.data!;
    };
    const list = (await post(
      `{ atRiskAccounts(first: 50, minConfidence: 0) { edges { node { account { id } } } } }`,
    )) as { atRiskAccounts: { edges: Array<{ node: { account: { id: string } } }> } };
    const ids = list.atRiskAccounts.edges.map((e) => e.node.account.id);
    if (ids.length === 0) throw new Error("the demo tenant has no stored scores");
    const LINEAGE = `query($of: LineageTarget!) { lineage(of: $of) { rootId truncated recordCount nodes { id kind } edges { from to kind } } }`;
    const IMPACT = `query($of: ImpactTarget!) { impact(of: $of) { usages { kind id } } }`;
    const measure = async (label: string, call: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 5; i += 1) await call(i);
      const times: number[] = [];
      for (let i = 0; i < samples; i += 1) {
        const started = performance.now();
        await call(i);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const row = { label, p50: percentile(times, 50), p95: percentile(times, 95) };
      log(`${label}: p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms`);
      return row;
    };
    const sample = (await post(LINEAGE, { of: { id: ids[0] } })) as {
      lineage: { nodes: unknown[]; recordCount: number };
    };
    const rows = [
      await measure("lineage of a stored health score", (i) => post(LINEAGE, { of: { id: ids[i % ids.length] } })),
      await measure("lineage of a concept value (core:satisfaction)", (i) =>
        post(LINEAGE, { of: { id: ids[i % ids.length], field: "core:satisfaction" } }),
      ),
      await measure("impact of a concept (core:satisfaction)", () => post(IMPACT, { of: { id: "core:satisfaction" } })),
    ];
    const report = [
      "# Lineage benchmark (issue 17)",
      "",
      `Machine: ${cpus().length} × ${cpuModel()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}.`,
      `Run: ${new Date().toISOString()}; the demo data set of ${accounts} accounts, scored; ${samples} sequential calls per row ` +
        `over ${ids.length} accounts, after 5 warm-up calls. One answer: ${sample.lineage.nodes.length} nodes, ` +
        `${sample.lineage.recordCount} records counted.`,
      "",
      "| Operation | p50 (ms) | p95 (ms) |",
      "| --- | ---: | ---: |",
      ...rows.map((r) => `| ${r.label} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} |`),
      "",
    ].join("\n");
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, "lineage-latest.md"), report);
    process.stdout.write(report);
  } finally {
    await runtime.stop();
    if (neo4jHome) rmSync(neo4jHome, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
