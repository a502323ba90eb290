/**
 * Playbook engine benchmark (issue 11): how fast the runner evaluates the change feed with 50 active
 * playbooks, and how long a signal takes to become a task (trigger-to-task latency).
 *
 * The real server runs in this process (bootstrap, HTTP on a free port) against its own throw-away
 * managed Neo4j (RELATA_NEO4J_HOME in a temp folder; the distribution from ~/.relata's cache) or NEO4J_URI.
 *
 * 1. Throughput: a tenant with accounts, contacts, vehicles in regions, and 50 active playbooks of every
 *    trigger kind (20 page-view counts, 10 battery trends per region, 10 account-update events with a
 *    failing health condition, 10 grade changes). `--events` change events are written with the runner
 *    idle, then the runner is polled until it has caught up: events evaluated per second, firings made.
 * 2. Latency: the runner polls every `--poll` ms (as RELATA_AUTOMATION_POLL_MS would); an AUTO playbook
 *    creates a task for each account that gets a `lat_view` signal. For `--samples` signals, one at a
 *    time: from the ingest call's start until the Task node exists (read every 5 ms).
 *
 *   npm run bench:automation                                 10,000 events, 100 samples, poll 100 ms
 *   npm run bench:automation -- --events 2000 --samples 30 --poll 250
 */
import "reflect-metadata";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pino from "pino";
import { signToken } from "../../app/auth/token";
import { bootstrap } from "../../app/bootstrap";
import { loadConfig } from "../../app/config";
import { PlaybookDefinition } from "../../domain/automation/playbook";
import { RESULTS_DIR } from "../bench-paths";
import { cpuModel } from "../report/environment";

const log = (message: string) => process.stderr.write(`[bench:automation] ${message}\n`);
const SECRET = "relata-bench-secret-0123456789abcdef0123456789abcdef";
const TENANT = "bench-automation";
const DAY = 86_400_000;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const base = {
  intent: "benchmark",
  ownerUserId: "bench-owner",
  feedback: { kind: "TASK_COMPLETED", withinDays: 14 },
  limits: { maxFiringsPerSubject: 1000, periodDays: 1, pauseAfterFailures: 100 },
} as const;

function playbooks(regions: number): PlaybookDefinition[] {
  const task = {
    kind: "CREATE_TASK",
    template: "follow-up",
    title: "Follow up",
    assignee: { kind: "USER", userId: "bench-owner" },
    dueInDays: 5,
  } as const;
  const out: PlaybookDefinition[] = [];
  for (let i = 0; i < 20; i += 1) {
    out.push({
      ...base,
      name: `views ${i}`,
      mode: "SUGGEST",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { field: "page_view", valueEquals: `/page-${i}`, subjectKinds: ["CONTACT"] },
        count: 3,
        withinDays: 7,
        scope: "ACCOUNT",
      },
      conditions: [{ kind: "ACCOUNT_FIELD", field: "industry", op: "IN", values: ["Hospital"] }],
      actions: [task],
    });
  }
  for (let i = 0; i < 10; i += 1) {
    out.push({
      ...base,
      name: `fade ${i}`,
      mode: "SUGGEST",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "automotive:battery-state-of-health",
        direction: "FALLING",
        ratePerDay: 0.05 * (i + 1),
        withinDays: 30,
        scope: "REGION",
        minSubjects: 2,
      },
      conditions: [{ kind: "HAS_ORGANIZATION", servingRegion: true }],
      actions: [{ kind: "FLAG_RECORDS", target: "BATCH", flag: `rnd-${i}` }],
    });
  }
  for (let i = 0; i < 10; i += 1) {
    out.push({
      ...base,
      name: `updates ${i}`,
      mode: "SUGGEST",
      trigger: { kind: "EVENT", eventTypes: ["ACCOUNT_UPDATED"] },
      conditions: [{ kind: "HEALTH_GRADE", grades: ["RED"] }],
      actions: [task],
    });
    out.push({
      ...base,
      name: `grades ${i}`,
      mode: "SUGGEST",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [],
      actions: [task],
    });
  }
  void regions;
  return out;
}

async function main(): Promise<void> {
  const events = argument("events", 10_000);
  const samples = argument("samples", 100);
  const pollMs = argument("poll", 100);
  const accounts = 500;
  const regions = 10;
  const neo4jHome = process.env.NEO4J_URI ? null : mkdtempSync(join(tmpdir(), "relata-bench-automation-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(neo4jHome ? { RELATA_NEO4J_HOME: neo4jHome } : {}),
    RELATA_JWT_SECRET: SECRET,
    RELATA_DEMO: "0",
    PORT: "0",
    LOG_LEVEL: "warn",
    RELATA_RATE_LIMITS: "0",
    RELATA_WEBHOOK_DISPATCH: "0",
    RELATA_AUTOMATION: "1",
    // The benchmark polls the runner itself.
    RELATA_AUTOMATION_POLL_MS: "3600000",
    RELATA_AUTOMATION_TENANT_RATE_PER_HOUR: "1000000",
  };
  const config = loadConfig(env);
  const runtime = await bootstrap(config, pino({ level: "warn" }), env);
  const runner = runtime.automation.runner!;
  const url = await runtime.server.listen(0, "127.0.0.1");
  const executor = runtime.database.executor(120_000);
  const token = signToken({ tenant: TENANT, role: "admin", subject: "bench-owner" }, SECRET);
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, { id?: string }>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data!;
  };
  try {
    log(`seeding ${accounts} accounts, contacts, vehicles in ${regions} regions`);
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    await post(`mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`, {
      input: range(accounts).map((i) => ({
        sourceSystem: "crm",
        externalId: `A-${i}`,
        name: `Account ${i}`,
        industry: i % 2 === 0 ? "Hospital" : "Logistics",
      })),
    });
    await post(`mutation($input: [ContactInput!]!) { upsertContacts(input: $input) { created } }`, {
      input: range(accounts * 2).map((i) => ({
        sourceSystem: "crm",
        externalId: `C-${i}`,
        name: `Contact ${i}`,
        account: { externalId: `A-${i % accounts}` },
      })),
    });
    await post(`mutation($input: [AssetInput!]!) { upsertAssets(input: $input) { created } }`, {
      input: range(accounts).map((i) => ({
        sourceSystem: "iot",
        externalId: `V-${i}`,
        name: `Vehicle ${i}`,
        account: { externalId: `A-${i}`, sourceSystem: "crm" },
        region: `R-${i % regions}`,
        batch: `CB-${i % 7}`,
      })),
    });
    await post(`mutation($input: [OrganizationInput!]!) { upsertOrganizations(input: $input) { created } }`, {
      input: range(regions).map((r) => ({
        sourceSystem: "crm",
        externalId: `SP-${r}`,
        name: `Service ${r}`,
        kind: "SERVICE_PROVIDER",
        links: [],
        servesRegions: [`R-${r}`],
      })),
    });
    // Users are not ingested yet (upsertUsers): the owner is written directly.
    await executor.write(
      {
        name: "bench.owner",
        text: "MERGE (u:User {tenant: $tenant, externalId: 'bench-owner'}) SET u.id = 'usr-bench-owner', u.roles = ['admin']",
      },
      { tenant: TENANT },
    );
    for (const definition of playbooks(regions)) {
      const saved = await post(`mutation($d: PlaybookInput!) { savePlaybook(definition: $d) { id } }`, {
        d: definition,
      });
      await post(`mutation($id: ID!) { activatePlaybook(id: $id) { id } }`, { id: saved.savePlaybook!.id });
    }

    log(`writing ${events} change events with the runner idle`);
    const now = Date.now();
    const batch = 500;
    let written = 0;
    for (let start = 0; start < events; start += batch) {
      const size = Math.min(batch, events - start);
      const input = range(size).map((k) => {
        const n = start + k;
        if (n % 5 === 4) {
          // Battery readings: each vehicle fades a little more with every reading.
          const vehicle = n % accounts;
          return {
            sourceSystem: "iot",
            recordId: `SOH-${n}`,
            field: "battery_soh_pct",
            numberValue: 95 - (n / events) * 3 * (vehicle % 3),
            unit: "percent",
            observedAt: new Date(now - ((events - n) / events) * 20 * DAY).toISOString(),
            subject: { kind: "ASSET", externalId: `V-${vehicle}` },
          };
        }
        return {
          sourceSystem: "web",
          recordId: `PV-${n}`,
          field: "page_view",
          stringValue: `/page-${n % 40}`,
          observedAt: new Date(now - ((events - n) / events) * 6 * DAY).toISOString(),
          subject: { kind: "CONTACT", externalId: `C-${(n * 7) % (accounts * 2)}`, sourceSystem: "crm" },
        };
      });
      await post(`mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created } }`, { input });
      written += size;
    }

    log("evaluating");
    const firingsBefore = await countFirings();
    const firingMsBefore = runner.totals.firingMs;
    const started = performance.now();
    let evaluated = 0;
    for (;;) {
      const n = await runner.poll();
      evaluated += n;
      if (n === 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const fired = (await countFirings()) - firingsBefore;
    const eventsPerSecond = evaluated / seconds;
    // Carrying firings out (record, actions side, outcome: three transactions each) apart from deciding.
    const firingSeconds = (runner.totals.firingMs - firingMsBefore) / 1000;
    const decidingPerSecond = evaluated / Math.max(0.001, seconds - firingSeconds);
    log(
      `${evaluated} events in ${seconds.toFixed(1)} s: ${eventsPerSecond.toFixed(0)} events/s, ${fired} firings ` +
        `(${firingSeconds.toFixed(1)} s carrying them out; deciding alone ${decidingPerSecond.toFixed(0)} events/s)`,
    );

    log(`latency: ${samples} signals, runner polling every ${pollMs} ms`);
    const latency = await post(`mutation($d: PlaybookInput!) { savePlaybook(definition: $d) { id } }`, {
      d: {
        ...base,
        name: "latency",
        mode: "AUTO",
        trigger: {
          kind: "SIGNAL_COUNT",
          signals: { field: "lat_view" },
          count: 1,
          withinDays: 1,
          scope: "ACCOUNT",
        },
        conditions: [],
        actions: [
          {
            kind: "CREATE_TASK",
            template: "latency",
            title: "Latency",
            assignee: { kind: "USER", userId: "bench-owner" },
            dueInDays: 1,
          },
        ],
      },
    });
    const latencyId = latency.savePlaybook!.id!;
    await post(`mutation($id: ID!) { activatePlaybook(id: $id) { id } }`, { id: latencyId });
    let polling = true;
    const loop = (async () => {
      while (polling) {
        await runner.poll().catch(() => 0);
        await sleep(pollMs);
      }
    })();
    const times: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const sent = performance.now();
      await post(`mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created } }`, {
        input: [
          {
            sourceSystem: "web",
            recordId: `LAT-${i}`,
            field: "lat_view",
            stringValue: "x",
            observedAt: new Date().toISOString(),
            subject: { kind: "ACCOUNT", externalId: `A-${i % accounts}`, sourceSystem: "crm" },
          },
        ],
      });
      for (;;) {
        const [row] = await executor.read(
          { name: "bench.tasks", text: "MATCH (t:Task {tenant: $tenant, playbookId: $id}) RETURN count(t) AS n" },
          { tenant: TENANT, id: latencyId },
        );
        if (Number(row?.n ?? 0) > i) break;
        if (performance.now() - sent > 60_000) throw new Error(`no task for latency sample ${i} within 60 s`);
        await sleep(5);
      }
      times.push(performance.now() - sent);
    }
    polling = false;
    await loop;
    const sorted = [...times].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p99 = percentile(sorted, 99);
    log(`trigger-to-task: p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`);

    const report = [
      "# Playbook engine benchmark (issue 11)",
      "",
      `Machine: ${cpus().length} × ${cpuModel()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}.`,
      `Run: ${new Date().toISOString()}; ${written} events written, 50 active playbooks, ${accounts} accounts.`,
      "",
      "| Measure | Value |",
      "| --- | --- |",
      `| Events evaluated | ${evaluated} in ${seconds.toFixed(1)} s |`,
      `| Events per second (50 active playbooks) | ${eventsPerSecond.toFixed(0)} |`,
      `| Firings made while evaluating | ${fired}, carried out in ${firingSeconds.toFixed(1)} s |`,
      `| Events per second, deciding alone (time carrying firings out taken off) | ${decidingPerSecond.toFixed(0)} |`,
      `| Trigger-to-task p50 (poll ${pollMs} ms, ${samples} samples) | ${p50.toFixed(0)} ms |`,
      `| Trigger-to-task p99 | ${p99.toFixed(0)} ms |`,
      "",
    ].join("\n");
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, "automation-latest.md"), report);
    process.stdout.write(report);
  } finally {
    await runtime.stop();
    if (neo4jHome) rmSync(neo4jHome, { recursive: true, force: true });
  }

  async function countFirings(): Promise<number> {
    const [row] = await executor.read(
      { name: "bench.firings", text: "MATCH (f:PlaybookFiring {tenant: $tenant}) RETURN count(f) AS n" },
      { tenant: TENANT },
    );
    return Number(row?.n ?? 0);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
