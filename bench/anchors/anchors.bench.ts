/**
 * Value anchor benchmark (issue 17): how long an anchor takes to define (baseline and a 26-week backfill),
 * to recompute, and to attribute its miss, over a generated support data set.
 *
 * The real server runs in this process (bootstrap, HTTP on a free port) against its own throw-away managed
 * Neo4j (RELATA_NEO4J_HOME in a temp folder) or NEO4J_URI. Accounts (a fifth of them key accounts) and
 * tickets spread over 26 weeks are seeded through upsertTickets; most key-account tickets wait on one team.
 *
 * With `--load direct` (the default above 20,000 tickets) accounts and tickets are written straight into the
 * graph in `UNWIND` batches of 10,000 in the shape the ingest stores (ticket, FOR_ACCOUNT, holds HELD_BY their
 * team, durations, the assignment history as JSON), which loads 1M tickets in minutes instead of hours;
 * `--load api` sends them through upsertAccounts / upsertTickets (slower, exercises the ingest).
 * Each round also times lineage of the anchor's latest point (p50 over `--lineage` calls, default 20).
 *
 *   npm run bench:anchors                                  1,000 accounts, 10,000 tickets (small, default)
 *   npm run bench:anchors -- --accounts 100000 --tickets 1000000 --rounds 3     the full run
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
import { nodeId } from "../../domain/ids/node-id";
import { assignmentsText, hoursBetween, ticketHolds } from "../../domain/tickets/ticket-holds";

const log = (message: string) => process.stderr.write(`[bench:anchors] ${message}\n`);
const SECRET = "relata-bench-secret-0123456789abcdef0123456789abcdef";
const TENANT = "bench-anchors";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BATCH = 5_000;
/** Rows per statement when loading straight into the graph. */
const DIRECT_BATCH = 10_000;

/** Accounts as the ingest stores them (the properties anchors and lists read). */
const LOAD_ACCOUNTS = {
  name: "bench.anchors.loadAccounts",
  text: `
UNWIND $rows AS row
CREATE (a:Account {tenant: $tenant, id: row.id, sourceSystem: 'crm', externalId: row.externalId, name: row.name,
  segment: row.segment, region: row.region, contentHash: 'bench', firstSeenAt: datetime($now),
  lastUpdatedAt: datetime($now)})`,
};

/** Tickets as upsertTickets stores them: the ticket, its account link, its holds linked to their teams. */
const LOAD_TICKETS = {
  name: "bench.anchors.loadTickets",
  text: `
UNWIND $rows AS row
MATCH (a:Account {tenant: $tenant, id: row.accountId})
CREATE (t:Ticket {tenant: $tenant, id: row.id, sourceSystem: 'zendesk', externalId: row.externalId,
  category: row.category, priority: row.priority, openedAt: row.openedAt, firstResponseAt: row.firstResponseAt,
  resolvedAt: row.resolvedAt, resolutionHours: row.resolutionHours, firstResponseHours: row.firstResponseHours,
  assignments: row.assignments, contentHash: 'bench', firstSeenAt: datetime($now), lastUpdatedAt: datetime($now)})
CREATE (t)-[:FOR_ACCOUNT]->(a)
WITH t, row
UNWIND row.holds AS hold
MATCH (team:Team {tenant: $tenant, id: hold.holderKey})
CREATE (h:TicketHold {tenant: $tenant, ticketId: t.id, seq: hold.seq, holderKind: hold.holderKind,
  holderKey: hold.holderKey, from: hold.from, until: hold.until, hours: hold.hours})
CREATE (t)-[:HELD]->(h)
CREATE (h)-[:HELD_BY]->(team)`,
};

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;

async function main(): Promise<void> {
  const accounts = argument("accounts", 1_000);
  const tickets = argument("tickets", 10_000);
  const rounds = argument("rounds", 3);
  const lineageCalls = argument("lineage", 20);
  const loadAt = process.argv.indexOf("--load");
  const load = loadAt >= 0 ? process.argv[loadAt + 1] : tickets > 20_000 ? "direct" : "api";
  if (load !== "api" && load !== "direct") throw new Error(`--load must be api or direct; received ${load}`);
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
    log(`seeding ${accounts} accounts and ${tickets} tickets over 26 weeks (${load})`);
    const seedStarted = performance.now();
    const executor = runtime.database.executor(600_000);
    const account = (i: number) => ({
      sourceSystem: "crm",
      externalId: `A-${i}`,
      name: `Account ${i}`,
      segment: i % 5 === 0 ? "Key Account" : "Standard",
      region: `R-${i % 8}`,
    });
    for (let start = 0; start < accounts; start += load === "direct" ? DIRECT_BATCH : BATCH) {
      const size = Math.min(load === "direct" ? DIRECT_BATCH : BATCH, accounts - start);
      if (load === "direct") {
        const rows = range(size, start).map((i) => ({ ...account(i), id: nodeId("Account", TENANT, "crm", `A-${i}`) }));
        await executor.write(LOAD_ACCOUNTS, { tenant: TENANT, rows, now: new Date().toISOString() });
      } else {
        await post(`mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`, {
          input: range(size, start).map(account),
        });
      }
    }
    await post(`mutation($input: [TeamInput!]!) { upsertTeams(input: $input) { created } }`, {
      input: ["L1", "BILL", "TECH", "FIELD"].map((t) => ({ sourceSystem: "hr", externalId: t, name: t })),
    });
    const now = Date.now();
    const ticket = (i: number) => {
      const accountIndex = (i * 7919) % accounts;
      const opened = now - 4 * DAY - ((i * 104729) % (26 * 7 * 24)) * HOUR;
      const key = accountIndex % 5 === 0;
      const route = i % 10;
      const holder = route < 2 ? null : route < 4 ? "BILL" : key ? "TECH" : "FIELD";
      const second = holder === null ? 0 : holder === "TECH" ? 50 + (i % 40) : 2 + (i % 10);
      return {
        sourceSystem: "zendesk",
        externalId: `Z-${i}`,
        account: { externalId: `A-${accountIndex}`, sourceSystem: "crm" },
        category: ["access", "billing", "technical", "hardware"][i % 4] as string,
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
    };
    const batch = load === "direct" ? DIRECT_BATCH : BATCH;
    for (let start = 0; start < tickets; start += batch) {
      const input = range(Math.min(batch, tickets - start), start).map(ticket);
      if (load === "direct") {
        const rows = input.map((t) => {
          const holds = ticketHolds(t.assignments, t.resolvedAt, (team) =>
            nodeId("Team", TENANT, "hr", team.externalId),
          );
          return {
            id: nodeId("Ticket", TENANT, "zendesk", t.externalId),
            accountId: nodeId("Account", TENANT, "crm", t.account.externalId),
            externalId: t.externalId,
            category: t.category,
            priority: t.priority,
            openedAt: t.openedAt,
            firstResponseAt: t.firstResponseAt,
            resolvedAt: t.resolvedAt,
            resolutionHours: hoursBetween(t.openedAt, t.resolvedAt),
            firstResponseHours: hoursBetween(t.openedAt, t.firstResponseAt),
            assignments: assignmentsText(holds),
            holds,
          };
        });
        await executor.write(LOAD_TICKETS, { tenant: TENANT, rows, now: new Date().toISOString() });
        if ((start / batch) % 10 === 9) log(`  ${start + rows.length} tickets`);
      } else {
        await post(`mutation($input: [TicketInput!]!) { upsertTickets(input: $input) { created rejected } }`, {
          input,
        });
      }
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`seeded in ${seedSeconds.toFixed(1)} s`);

    const deadline = new Date(now + 60 * DAY).toISOString().slice(0, 10);
    const defineTimes: number[] = [];
    const recomputeTimes: number[] = [];
    const attributionTimes: number[] = [];
    const lineageTimes: number[] = [];
    let lineageRecords = 0;
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
      for (let c = 0; c < lineageCalls; c += 1) {
        const [traced, lineageSeconds] = await timed(() =>
          post<{ lineage: { recordCount: number; nodes: unknown[] } }>(
            `query($of: LineageTarget!) { lineage(of: $of) { recordCount nodes { id kind } } }`,
            { of: { id } },
          ),
        );
        lineageTimes.push(lineageSeconds * 1000);
        lineageRecords = traced.lineage.recordCount;
      }
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
      lineageTimes.length === 0
        ? "Lineage not timed (--lineage 0)."
        : `Lineage of the anchor's latest point (${lineageRecords} tickets, first 200 listed): p50 ` +
          `${median(lineageTimes).toFixed(0)} ms over ${lineageTimes.length} calls ` +
          `(min ${Math.min(...lineageTimes).toFixed(0)}, max ${Math.max(...lineageTimes).toFixed(0)}).`,
      "",
      `Seeding (${load === "direct" ? "UNWIND batches straight into the graph" : "through upsertAccounts and upsertTickets"}): ${seedSeconds.toFixed(1)} s. Top finding: ${top}`,
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
