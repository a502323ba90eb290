/**
 * Webhook latency benchmark (issue 10): end-to-end time from a committed write to the webhook carrying its
 * event arriving at a local receiver, at a sustained write rate (default 1,000 events/s).
 *
 * The API runs as its own process (`dist/app/main.js`, as `npm start` runs it) against a throw-away managed
 * Neo4j (or NEO4J_URI); this process writes accounts over GraphQL at a fixed rate (open loop: a call starts
 * on schedule whether or not the previous one answered) and runs the receiver (node:http). Every time is
 * read from this process's clock. Each event's latency is measured twice: from the moment the write that
 * made it was acknowledged (the commit is before the answer, so this slightly understates; a negative
 * value — the webhook came first — counts as 0), and from the moment the write was sent (an upper bound:
 * it includes the write itself). One run per poll interval (RELATA_CHANGE_POLL_MS).
 *
 *   npm run bench:webhooks                                 1,000 events/s for 20 s, polls 1000 and 100 ms
 *   npm run bench:webhooks -- --rate 500 --seconds 10 --poll 250,1000 --per-call 25
 */
import "reflect-metadata";
import { execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { signToken } from "../../app/auth/token";
import { verifyWebhook } from "../../domain/webhooks/verify-webhook";
import { startManagedNeo4j } from "../../graph/local-server/managed-neo4j";
import { DIST_ROOT, RESULTS_DIR } from "../bench-paths";
import { BENCH_JWT_SECRET, BenchConnection, relataEnv } from "../neo4j/bench-connection";
import { cpuModel } from "../report/environment";
import { killStartedServers, startRelataProcess } from "../variants/server-process";

const log = (message: string) => process.stderr.write(`[bench:webhooks] ${message}\n`);

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

interface Write {
  sentAt: number;
  ackAt: number | null;
}

interface RunResult {
  pollMs: number;
  events: number;
  received: number;
  seconds: number;
  eventsPerSecond: number;
  deliveries: number;
  duplicates: number;
  fromAck: { p50: number; p99: number; max: number };
  fromSend: { p50: number; p99: number; max: number };
  writeP99Ms: number;
}

/** A receiver that verifies every delivery and notes when each event first arrived. */
async function startReceiver(secret: () => string) {
  const arrivals = new Map<string, number>();
  let deliveries = 0;
  let duplicates = 0;
  let badSignatures = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString("utf8");
      try {
        verifyWebhook({ secret: secret(), headers: req.headers, body });
      } catch {
        badSignatures += 1;
        res.writeHead(401).end();
        return;
      }
      res.writeHead(204).end();
      deliveries += 1;
      const events = (JSON.parse(body) as { data: { events: Array<{ externalId: string }> } }).data.events;
      for (const event of events) {
        if (arrivals.has(event.externalId)) duplicates += 1;
        else arrivals.set(event.externalId, at);
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    stats: () => ({ deliveries, duplicates, badSignatures }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The mean database time of the dispatcher's statements and of the upserts, from the API's /metrics. */
async function logStatementTimes(baseUrl: string): Promise<void> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const sums = new Map<string, { sum: number; count: number }>();
  for (const match of text.matchAll(
    /^relata_cypher_statement_duration_seconds_(sum|count)\{statement="([^"]+)"\} ([\d.e+-]+)$/gm,
  )) {
    const [, kind, name, value] = match as unknown as [string, "sum" | "count", string, string];
    const entry = sums.get(name) ?? { sum: 0, count: 0 };
    entry[kind] = Number(value);
    sums.set(name, entry);
  }
  const lines = [...sums.entries()]
    .filter(([name]) => name.startsWith("webhooks.") || name.startsWith("changes.") || name.startsWith("upsert"))
    .map(([name, { sum, count }]) => `${name} ${count}× mean ${((sum / Math.max(count, 1)) * 1000).toFixed(1)} ms`);
  log(`statements: ${lines.join("; ")}`);
}

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data as Record<string, unknown>;
}

const REGISTER = `mutation($url: String!) {
  registerWebhook(url: $url, eventTypes: [ACCOUNT_CREATED], description: "latency bench") { secret endpoint { id } }
}`;
const UPSERT = `mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`;

async function runOnce(
  connection: BenchConnection,
  runDir: string,
  pollMs: number,
  options: { rate: number; seconds: number; perCall: number },
): Promise<RunResult> {
  const api = await startRelataProcess(
    { id: "relata", kind: "relata", label: `Relata (poll ${pollMs} ms)` },
    join(DIST_ROOT, "app", "main.js"),
    relataEnv(connection, runDir, {
      RELATA_CHANGE_POLL_MS: String(pollMs),
      RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
      // Open-loop writes overlap when one is slow; the per-tenant bulk cap (2) would refuse them.
      RELATA_HEAVY_CONCURRENCY: "32",
      RELATA_HEAVY_WAIT_MS: "60000",
    }),
    join(runDir, `relata-poll-${pollMs}.log`),
  );
  let secret = "";
  const receiver = await startReceiver(() => secret);
  try {
    const graphqlUrl = `${api.baseUrl}/graphql`;
    const tenant = `bench-webhooks-${pollMs}-${Date.now()}`;
    const token = signToken({ tenant, role: "integrator" }, BENCH_JWT_SECRET, 3600);
    const registered = (await graphql(graphqlUrl, token, REGISTER, { url: receiver.url })) as {
      registerWebhook: { secret: string };
    };
    secret = registered.registerWebhook.secret;
    // A first write registers the source system (and warms up the path); not measured.
    await graphql(graphqlUrl, token, UPSERT, {
      input: [{ sourceSystem: "crm", externalId: "warm-up", name: "Warm-up" }],
    });
    await sleep(2 * pollMs + 500);

    const writes = new Map<string, Write>();
    const calls = Math.round((options.rate * options.seconds) / options.perCall);
    const intervalMs = (1000 * options.perCall) / options.rate;
    const writeTimes: number[] = [];
    const pending = new Set<Promise<void>>();
    const start = performance.now();
    for (let call = 0; call < calls; call += 1) {
      const due = start + call * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const input = Array.from({ length: options.perCall }, (_, i) => ({
        sourceSystem: "crm",
        externalId: `A-${call}-${i}`,
        name: `Account ${call}.${i}`,
      }));
      const sentAt = performance.now();
      const entries = input.map((account) => {
        const write: Write = { sentAt, ackAt: null };
        writes.set(account.externalId, write);
        return write;
      });
      const request = graphql(graphqlUrl, token, UPSERT, { input })
        .then(() => {
          const ackAt = performance.now();
          writeTimes.push(ackAt - sentAt);
          for (const entry of entries) entry.ackAt = ackAt;
        })
        .finally(() => pending.delete(request));
      pending.add(request);
    }
    await Promise.all(pending);
    const writeSeconds = (performance.now() - start) / 1000;
    const deadline = performance.now() + 120_000;
    while (receiver.arrivals.size < writes.size + 1 && performance.now() < deadline) await sleep(100);

    const fromAck: number[] = [];
    const fromSend: number[] = [];
    for (const [externalId, write] of writes) {
      const arrived = receiver.arrivals.get(externalId);
      if (arrived === undefined || write.ackAt === null) continue;
      fromAck.push(Math.max(0, arrived - write.ackAt));
      fromSend.push(arrived - write.sentAt);
    }
    fromAck.sort((a, b) => a - b);
    fromSend.sort((a, b) => a - b);
    writeTimes.sort((a, b) => a - b);
    await logStatementTimes(api.baseUrl);
    const stats = receiver.stats();
    if (stats.badSignatures > 0) throw new Error(`${stats.badSignatures} deliveries did not verify`);
    return {
      pollMs,
      events: writes.size,
      received: fromAck.length,
      seconds: writeSeconds,
      eventsPerSecond: writes.size / writeSeconds,
      deliveries: stats.deliveries,
      duplicates: stats.duplicates,
      fromAck: { p50: percentile(fromAck, 50), p99: percentile(fromAck, 99), max: fromAck.at(-1) ?? Number.NaN },
      fromSend: { p50: percentile(fromSend, 50), p99: percentile(fromSend, 99), max: fromSend.at(-1) ?? Number.NaN },
      writeP99Ms: percentile(writeTimes, 99),
    };
  } finally {
    await receiver.close();
    await api.stop();
  }
}

async function main(): Promise<void> {
  const rate = Number(argument("rate") ?? 1_000);
  const seconds = Number(argument("seconds") ?? 20);
  const perCall = Number(argument("per-call") ?? 50);
  const polls = (argument("poll") ?? "1000,100").split(",").map(Number);
  const runDir = mkdtempSync(join(tmpdir(), "relata-bench-webhooks-"));
  let connection: BenchConnection;
  let stopNeo4j = async () => undefined as void;
  if (process.env.NEO4J_URI) {
    connection = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
      database: process.env.NEO4J_DATABASE ?? "neo4j",
    };
  } else {
    const heap = argument("heap") ?? "1g";
    const pageCache = argument("pagecache") ?? "512m";
    const server = await startManagedNeo4j({ home: join(runDir, "neo4j"), heap, pageCache, log });
    connection = { uri: server.uri, user: server.user, password: server.password, database: "neo4j" };
    stopNeo4j = () => server.stop();
  }
  const load = loadavg().map((l) => l.toFixed(2));
  const results: RunResult[] = [];
  try {
    // An untimed warm-up at the shortest interval: a freshly started Neo4j plans and JIT-compiles for its
    // first seconds, which would otherwise all land on the first variant measured.
    log(`warm-up: ${rate} events/s for 5 s (not reported)`);
    await runOnce(connection, runDir, Math.min(...polls), { rate, seconds: 5, perCall });
    for (const pollMs of polls) {
      log(`poll ${pollMs} ms: ${rate} events/s for ${seconds} s, ${perCall} accounts per upsert`);
      const result = await runOnce(connection, runDir, pollMs, { rate, seconds, perCall });
      log(
        `poll ${pollMs} ms: ${result.received}/${result.events} events, p50 ${result.fromAck.p50.toFixed(0)} ms, ` +
          `p99 ${result.fromAck.p99.toFixed(0)} ms`,
      );
      results.push(result);
    }
  } finally {
    killStartedServers();
    await stopNeo4j();
  }
  const commit = (() => {
    try {
      return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString("en")}` : "–");
  const markdown = [
    `Webhook latency, committed write → webhook received, ${rate.toLocaleString("en")} events/s offered for ` +
      `${seconds} s (${perCall} accounts per upsert, one endpoint, batches of up to 100 events). ${cpuModel()}, ` +
      `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, load ${load.join(" ")} at start, ` +
      `Node ${process.version}, commit ${commit}. Milliseconds.`,
    "",
    "| poll interval | events received | achieved events/s | deliveries | p50 from commit | p99 from commit | max | p50 from send | p99 from send | write p99 | duplicates |",
    "| ------------: | --------------: | ----------------: | ---------: | --------------: | --------------: | --: | ------------: | ------------: | --------: | ---------: |",
    ...results.map(
      (r) =>
        `| ${r.pollMs} ms | ${r.received.toLocaleString("en")} / ${r.events.toLocaleString("en")} | ` +
        `${Math.round(r.eventsPerSecond).toLocaleString("en")} | ${r.deliveries} | ${ms(r.fromAck.p50)} | ` +
        `${ms(r.fromAck.p99)} | ${ms(r.fromAck.max)} | ${ms(r.fromSend.p50)} | ${ms(r.fromSend.p99)} | ` +
        `${ms(r.writeP99Ms)} | ${r.duplicates} |`,
    ),
    "",
  ].join("\n");
  process.stdout.write(`\n${markdown}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, "webhook-latency-latest.md"), markdown);
  rmSync(runDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  killStartedServers();
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
