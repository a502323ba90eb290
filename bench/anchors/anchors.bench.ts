/**
 * Value anchor benchmark (issue 17): how long an anchor takes to define (baseline and a 26-week backfill),
 * to recompute, and to attribute its miss, over a generated support data set.
 *
 * The real server runs in this process (bootstrap, HTTP on a free port) against its own throw-away managed
 * Neo4j (RELATA_NEO4J_HOME in a temp folder) or NEO4J_URI. Accounts (a fifth of them key accounts) and
 * tickets spread over 26 weeks are seeded through upsertTickets; most key-account tickets wait on one team.
 *
 *   npm run bench:anchors                                  1,000 accounts, 10,000 tickets (small, default)
 *   npm run bench:anchors -- --accounts 100000 --tickets 1000000 --rounds 3     the full run (later)
 */
import "reflect-metadata";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { signToken } from "../../app/auth/token";
import { bootstrap } from "../../app/bootstrap";
import { loadConfig } from "../../app/config";
import { RESULTS_DIR } from "../bench-paths";
import { cpuModel } from "../report/environment";

const log = (message: string) => process.stderr.write(`[bench:anchors] ${message}\n`);
const SECRET = "relata-bench-secret-0123456789abcdef0123456789abcdef";
const TENANT = "bench-anchors";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BATCH = 5_000;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;

async function main(): Promise<void> {
  const accounts = argument("accounts", 1_000);
  const tickets = argument("tickets", 10_000);
  const rounds = argument("rounds", 3);
  const neo4jHome = process.env.NEO4J_URI ? null : mkdtempSync(join(tmpdir(), "relata-bench-anchors-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(neo4jHome ? { RELATA_NEO4J_HOME: neo4jHome } : {}),
    RELATA_JWT_SECRET: SECRET,
    RELATA_DEMO: "0",
    PORT: "0",
    LOG_LEVEL: "warn",
    RELATA_RATE_LIMITS: "0",
    RELATA_WEBHOOK_DISPATCH: "0",
    RELATA_AUTOMATION: "0",
    RELATA_MAX_BATCH_SIZE: String(BATCH),
  };
  const config = loadConfig(env);
  const runtime = await bootstrap(config, pino({ level: "warn" }), env);
  const url = await runtime.server.listen(0, "127.0.0.1");
  const token = signToken({ tenant: TENANT, role: "admin", subject: "bench-analyst" }, SECRET);
  const post = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data as T;
  };
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const result = await work();
    return [result, (performance.now() - started) / 1000];
  };
  try {
    const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);
    log(`seeding ${accounts} accounts and ${tickets} tickets over 26 weeks`);
    const seedStarted = performance.now();
    for (let start = 0; start < accounts; start += BATCH) {
      await post(`mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`, {
        input: range(Math.min(BATCH, accounts - start), start).map((i) => ({
          sourceSystem: "crm",
          externalId: `A-${i}`,
          name: `Account ${i}`,
          segment: i % 5 === 0 ? "Key Account" : "Standard",
          region: `R-${i % 8}`,
        })),
      });
    }
    await post(`mutation($input: [TeamInput!]!) { upsertTeams(input: $input) { created } }`, {
      input: ["L1", "BILL", "TECH", "FIELD"].map((t) => ({ sourceSystem: "hr", externalId: t, name: t })),
    });
    const now = Date.now();
    for (let start = 0; start < tickets; start += BATCH) {
      const input = range(Math.min(BATCH, tickets - start), start).map((i) => {
        const account = (i * 7919) % accounts;
        const opened = now - 4 * DAY - ((i * 104729) % (26 * 7 * 24)) * HOUR;
        const key = account % 5 === 0;
        const route = i % 10;
        const holder = route < 2 ? null : route < 4 ? "BILL" : key ? "TECH" : "FIELD";
        const second = holder === null ? 0 : holder === "TECH" ? 50 + (i % 40) : 2 + (i % 10);
        return {
          sourceSystem: "zendesk",
          externalId: `Z-${i}`,
          account: { externalId: `A-${account}`, sourceSystem: "crm" },
          category: ["access", "billing", "technical", "hardware"][i % 4],
          priority: "MEDIUM",
          openedAt: new Date(opened).toISOString(),
          firstResponseAt: new Date(opened + HOUR).toISOString(),
          resolvedAt: new Date(opened + (1 + second) * HOUR).toISOString(),
          assignments: [
            { team: { externalId: "L1", sourceSystem: "hr" }, from: new Date(opened).toISOString() },
            ...(holder === null
              ? []
              : [{ team: { externalId: holder, sourceSystem: "hr" }, from: new Date(opened + HOUR).toISOString() }]),
          ],
        };
      });
      await post(`mutation($input: [TicketInput!]!) { upsertTickets(input: $input) { created rejected } }`, { input });
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`seeded in ${seedSeconds.toFixed(1)} s`);

    const deadline = new Date(now + 60 * DAY).toISOString().slice(0, 10);
    const defineTimes: number[] = [];
    const recomputeTimes: number[] = [];
    const attributionTimes: number[] = [];
    let top = "";
    for (let r = 0; r < rounds; r += 1) {
      const [defined, defineSeconds] = await timed(() =>
        post<{ defineValueAnchor: { id: string; baseline: { n: number } } }>(
          `mutation($input: ValueAnchorInput!) { defineValueAnchor(input: $input) { id baseline { n } } }`,
          {
            input: {
              name: `First resolution on key accounts ${r}`,
              metric: {
                population: "TICKETS",
                measure: "RESOLUTION_HOURS",
                aggregation: "MEDIAN",
                filter: { segments: ["Key Account"] },
              },
              target: 4,
              direction: "DECREASE",
              deadline,
            },
          },
        ),
      );
      defineTimes.push(defineSeconds);
      const id = defined.defineValueAnchor.id;
      const [, recomputeSeconds] = await timed(() =>
        post(`mutation($id: ID!) { recomputeValueAnchor(id: $id) { id } }`, { id }),
      );
      recomputeTimes.push(recomputeSeconds);
      const [attributed, attributionSeconds] = await timed(() =>
        post<{ valueAnchor: { attribution: { items: number; groups: Array<{ finding: string }> } } }>(
          `query($id: ID!) { valueAnchor(id: $id) { attribution(top: 5, weeks: 4) { items groups { finding } } } }`,
          { id },
        ),
      );
      attributionTimes.push(attributionSeconds);
      top = attributed.valueAnchor.attribution.groups[0]?.finding ?? "(no group)";
      log(
        `round ${r + 1}: define ${defineSeconds.toFixed(2)} s, recompute ${recomputeSeconds.toFixed(2)} s, ` +
          `attribution ${attributionSeconds.toFixed(2)} s over ${attributed.valueAnchor.attribution.items} tickets`,
      );
    }
    const report = [
      `## Value anchors (${accounts} accounts, ${tickets} tickets, median of ${rounds} rounds)`,
      "",
      `${cpuModel()}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
      "",
      "| step | seconds (median) | min–max |",
      "| ---- | ---------------: | ------: |",
      `| defineValueAnchor (baseline + 26-week backfill) | ${median(defineTimes).toFixed(2)} | ${Math.min(...defineTimes).toFixed(2)}–${Math.max(...defineTimes).toFixed(2)} |`,
      `| recomputeValueAnchor (26 weeks) | ${median(recomputeTimes).toFixed(2)} | ${Math.min(...recomputeTimes).toFixed(2)}–${Math.max(...recomputeTimes).toFixed(2)} |`,
      `| attribution(top: 5, weeks: 4) | ${median(attributionTimes).toFixed(2)} | ${Math.min(...attributionTimes).toFixed(2)}–${Math.max(...attributionTimes).toFixed(2)} |`,
      "",
      `Seeding through upsertTickets: ${seedSeconds.toFixed(1)} s. Top finding: ${top}`,
      "",
    ].join("\n");
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, "anchors-latest.md"), report);
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
