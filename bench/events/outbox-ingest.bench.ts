/**
 * Change events: what the transactional outbox costs bulk ingest (issue 10). The same generated data set
 * (accounts, contacts, signals, …) goes through Relata's real ingest path (`IngestService`, the service
 * behind the bulk upsert mutations, default MERGE mode, calls of 5,000 records) into a fresh tenant per
 * variant and round: the outbox on, and off (`RELATA_CHANGE_EVENTS=off`, i.e. `ChangeOutbox.enabled`
 * false), against one managed Neo4j. The variants are interleaved call by call (each call goes to every
 * variant's tenant in turn), so a busy machine slows them alike. Rows per second, medians, the on/off
 * ratios, and the Cypher statements and statement times of one 5,000-record call are printed as Markdown
 * and written to bench/results/outbox-<full|quick>-latest.md.
 *
 *   npm run bench:outbox -- --quick        300 accounts × 20 signals, 3 rounds (a few minutes)
 *   npm run bench:outbox                   1,000 accounts × 20 signals (20,000 signals), 5 rounds
 *   options: --rounds N, --accounts N, --diagnose (adds events without their field changes),
 *            --profile-only (only the statement count and times of one call)
 */
import "reflect-metadata";
import { execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { generateDemoData } from "../../demo/demo-data.generator";
import { GraphDatabase } from "../../graph/graph-database";
import { CypherExecutor, CypherQuery, PlainRow, QueryStats } from "../../graph/executor";
import { ChangeOutbox } from "../../graph/events/change-outbox";
import { RecordChange } from "../../domain/events/change-event";
import { ensureNeo4jDistribution } from "../../graph/local-server/neo4j-distribution";
import { startManagedNeo4j } from "../../graph/local-server/managed-neo4j";
import { runMigrations } from "../../graph/migrations/run-migrations";
import { createRepositories } from "../../graph/repositories";
import { IngestService } from "../../services/ingest/ingest.service";
import { IngestResult } from "../../domain/ingest/ingest-result";

const SEED = 10;
const CALL_SIZE = 5_000;
const TIMEOUT_MS = 3_600_000;

/**
 * "outbox on, no values" (with `--diagnose`) is not a product setting: every event is written with an
 * empty list of changes, to tell what the events' size costs from what their number costs.
 */
type Variant = "outbox on" | "outbox off" | "outbox on, no values";

/** The outbox, writing every event without its field changes (the `--diagnose` variant only). */
class ValuelessOutbox extends ChangeOutbox {
  override append(run: Parameters<ChangeOutbox["append"]>[0], now: string, changes: readonly RecordChange[]) {
    return super.append(
      run,
      now,
      changes.map((change) => ({ ...change, changes: [], personId: null })),
    );
  }
}

interface Pass {
  variant: Variant;
  round: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  created: number;
  events: number;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function* calls<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Time per statement (by name) and per transaction, for the profile of one call. */
interface StatementTimes {
  statements: Map<string, number>;
  transactions: Map<string, number>;
}

/**
 * An executor that times every statement of its write transactions (the process's QueryStats time whole
 * transactions): what each statement costs, and what is left for the commit.
 */
class TimedExecutor extends CypherExecutor {
  constructor(
    private readonly inner: CypherExecutor,
    private readonly times: StatementTimes,
  ) {
    super(null as never, { database: "", timeoutMs: TIMEOUT_MS });
  }

  override read(query: CypherQuery, params: Record<string, unknown>): Promise<PlainRow[]> {
    return this.inner.read(query, params);
  }

  override write(query: CypherQuery, params: Record<string, unknown>): Promise<PlainRow[]> {
    return this.inner.write(query, params);
  }

  override async writeSteps<T>(
    name: string,
    work: (run: (query: CypherQuery, params: Record<string, unknown>) => Promise<PlainRow[]>) => Promise<T>,
  ): Promise<T> {
    const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
    const started = performance.now();
    const result = await this.inner.writeSteps(name, (run) =>
      work(async (query, params) => {
        const t = performance.now();
        const rows = await run(query, params);
        add(this.times.statements, query.name, performance.now() - t);
        return rows;
      }),
    );
    add(this.times.transactions, name, performance.now() - started);
    return result;
  }
}

/** The services of one tenant, with the outbox on or off, as the context factory builds them. */
function ingestFor(
  database: GraphDatabase,
  tenant: string,
  enabled: boolean,
  stats = new QueryStats(),
  times: StatementTimes | null = null,
  valueless = false,
) {
  const plain = database.executor(TIMEOUT_MS).forRequest("bench:outbox", stats);
  const executor = times === null ? plain : new TimedExecutor(plain, times);
  const outbox = valueless
    ? new ValuelessOutbox(tenant, "job:bench-outbox", enabled)
    : new ChangeOutbox(tenant, "job:bench-outbox", enabled);
  const repositories = createRepositories(executor, tenant, true, outbox);
  const quiet = pino({ level: "silent" });
  return {
    ingest: new IngestService(repositories.ingest, tenant, { maxBatchSize: CALL_SIZE, chunkSize: CALL_SIZE }, quiet),
    changes: repositories.changes,
  };
}

type Data = ReturnType<typeof generateDemoData>;

/**
 * Every kind of the data set, in dependency order, into each tenant: call by call, each call of up to
 * 5,000 records sent to every tenant in turn (the order alternating from call to call), so that a busy
 * machine slows every variant alike. Returns the seconds each tenant's calls took, and its rows.
 */
async function ingestInterleaved(
  ingests: readonly IngestService[],
  data: Data,
): Promise<Array<{ rows: number; created: number; seconds: number }>> {
  const totals = ingests.map(() => ({ rows: 0, created: 0, seconds: 0 }));
  let turn = 0;
  const send = async (count: number, write: (ingest: IngestService) => Promise<IngestResult>) => {
    const order = ingests.map((_, i) => i);
    if (turn++ % 2 === 1) order.reverse();
    for (const i of order) {
      const started = performance.now();
      const result = await write(ingests[i]!);
      totals[i]!.seconds += (performance.now() - started) / 1000;
      if (result.rejected > 0) {
        throw new Error(`the ingest rejected ${result.rejected} records: ${JSON.stringify(result.rejections[0])}`);
      }
      totals[i]!.rows += count;
      totals[i]!.created += result.created;
    }
  };
  await send(data.sourceSystems.length, (ingest) => ingest.upsertSourceSystems(data.sourceSystems));
  const steps: Array<[() => Iterable<unknown>, (ingest: IngestService, batch: never[]) => Promise<IngestResult>]> = [
    [() => data.accounts(), (ingest, b) => ingest.upsertAccounts(b)],
    [() => data.contacts(), (ingest, b) => ingest.upsertContacts(b)],
    [() => data.opportunities(), (ingest, b) => ingest.upsertOpportunities(b)],
    [() => data.assets(), (ingest, b) => ingest.upsertAssets(b)],
    [() => data.organizations(), (ingest, b) => ingest.upsertOrganizations(b)],
    [() => data.signals(), (ingest, b) => ingest.ingestSignals(b)],
  ];
  for (const [records, write] of steps) {
    for (const batch of calls(records(), CALL_SIZE)) {
      await send(batch.length, (ingest) => write(ingest, batch as never[]));
    }
  }
  return totals;
}

async function countEvents(database: GraphDatabase, tenant: string): Promise<number> {
  const rows = await database.executor(TIMEOUT_MS).read(
    {
      name: "bench.countEvents",
      text: "MATCH (g:ChangeSegment {tenant: $tenant}) RETURN coalesce(sum(g.count), 0) AS n",
    },
    { tenant },
  );
  return Number(rows[0]?.n ?? 0);
}

/** The statements (and transactions) of one call of 5,000 new signals, on a tenant that has their accounts. */
async function statementsOfOneCall(database: GraphDatabase, data: Data, enabled: boolean, runId: string) {
  const tenant = `outbox-count-${enabled ? "on" : "off"}-${runId}`;
  const setup = ingestFor(database, tenant, enabled);
  await setup.ingest.upsertSourceSystems(data.sourceSystems);
  for (const batch of calls(data.accounts(), CALL_SIZE)) await setup.ingest.upsertAccounts(batch);
  for (const batch of calls(data.contacts(), CALL_SIZE)) await setup.ingest.upsertContacts(batch);
  for (const batch of calls(data.assets(), CALL_SIZE)) await setup.ingest.upsertAssets(batch);
  const signals = [...calls(data.signals(), CALL_SIZE)][0]!;
  const stats = new QueryStats();
  const times: StatementTimes = { statements: new Map(), transactions: new Map() };
  const { ingest } = ingestFor(database, tenant, enabled, stats, times);
  const before = database.statementsRun;
  const started = performance.now();
  const result = await ingest.ingestSignals(signals as never[]);
  const ms = performance.now() - started;
  const statements = database.statementsRun - before;
  return {
    records: signals.length,
    created: result.created,
    statements,
    transactions: stats.log.map((entry) => entry.name),
    ms,
    times,
  };
}

function markdown(
  passes: Pass[],
  counts: Array<Awaited<ReturnType<typeof statementsOfOneCall>> & { variant: Variant }>,
  header: string,
): string {
  const lines = [
    header,
    "",
    "| Variant | Rounds | Rows per pass | Rows/s median | Rows/s min–max | Events per pass |",
    "|---|---|---|---|---|---|",
  ];
  const medians: Record<string, number> = {};
  for (const variant of ["outbox off", "outbox on", "outbox on, no values"] as const) {
    const own = passes.filter((p) => p.variant === variant);
    if (own.length === 0 && variant === "outbox on, no values") continue;
    const rates = own.map((p) => p.rowsPerSecond);
    medians[variant] = median(rates);
    lines.push(
      `| ${variant} | ${own.length} | ${own[0]?.rows ?? 0} | ${Math.round(median(rates))} | ` +
        `${Math.round(Math.min(...rates))}–${Math.round(Math.max(...rates))} | ${own[0]?.events ?? 0} |`,
    );
  }
  const ratio = medians["outbox on"]! / medians["outbox off"]!;
  // The same round's passes ran back to back, so their ratio is less exposed to a busy machine.
  const pairedWith = (variant: Variant) =>
    [...new Set(passes.map((p) => p.round))].flatMap((round) => {
      const on = passes.find((p) => p.round === round && p.variant === variant);
      const off = passes.find((p) => p.round === round && p.variant === "outbox off");
      return on && off ? [on.rowsPerSecond / off.rowsPerSecond] : [];
    });
  const paired = pairedWith("outbox on");
  const pairedRatio = median(paired);
  const valueless = pairedWith("outbox on, no values");
  lines.push(
    "",
    `Outbox on / off, median rows/s: **${ratio.toFixed(3)}** (the outbox costs ${((1 - ratio) * 100).toFixed(1)} % ` +
      `of rows/s; target ≤ 15 %). Median of the per-round ratios: ${pairedRatio.toFixed(3)} ` +
      `(${((1 - pairedRatio) * 100).toFixed(1)} %; rounds: ${paired.map((r) => r.toFixed(2)).join(", ")}).`,
    ...(valueless.length === 0
      ? []
      : [
          "",
          `Diagnostic, events without their field changes / off, median of the per-round ratios: ` +
            `${median(valueless).toFixed(3)} (rounds: ${valueless.map((r) => r.toFixed(2)).join(", ")}).`,
        ]),
    "",
    "| Variant | Records in the call | Cypher statements | Transactions |",
    "|---|---|---|---|",
    ...counts.map(
      (c) =>
        `| ${c.variant} | ${c.records} signals (${c.created} created) | ${c.statements} | ${c.transactions.join(", ")} |`,
    ),
    "",
    "Where the time of that call goes (ms; a statement's time runs from sending it to its last row; a " +
      "transaction's includes its statements, the work between them in Node, and the commit):",
    "",
    "| Variant | Part of the call | ms |",
    "|---|---|---|",
    ...counts.flatMap((c) => [
      `| ${c.variant} | whole call | ${Math.round(c.ms)} |`,
      ...[...c.times.transactions].map(([name, ms]) => `| ${c.variant} | transaction ${name} | ${Math.round(ms)} |`),
      ...[...c.times.statements].map(([name, ms]) => `| ${c.variant} | statement ${name} | ${Math.round(ms)} |`),
    ]),
    "",
    "Per round, each variant ingests the whole data set into a fresh tenant of its own, call by call: every call " +
      "of up to 5,000 records goes to each variant's tenant in turn (the order alternating from call to call), and " +
      "a pass's seconds are the sum of its own calls. Passes by round:",
    "",
    "| Round | Variant | Seconds | Rows/s |",
    "|---|---|---|---|",
    ...passes.map((p) => `| ${p.round} | ${p.variant} | ${p.seconds.toFixed(1)} | ${Math.round(p.rowsPerSecond)} |`),
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const accounts = Number(argument("accounts") ?? (quick ? 300 : 1_000));
  const signalsPerAccount = Number(argument("signals-per-account") ?? 20);
  const rounds = process.argv.includes("--profile-only") ? 0 : Number(argument("rounds") ?? (quick ? 3 : 5));
  const heap = argument("heap") ?? "1g";
  const pageCache = argument("pagecache") ?? "1g";
  const log = (message: string) => process.stderr.write(`[bench:outbox] ${message}\n`);
  const diagnose = process.argv.includes("--diagnose");

  const home = mkdtempSync(join(tmpdir(), "relata-bench-outbox-"));
  const distribution = await ensureNeo4jDistribution({ log });
  const server = await startManagedNeo4j({ home, heap, pageCache, log, distribution });
  const database = await GraphDatabase.open({
    uri: server.uri,
    user: server.user,
    password: server.password,
    database: "neo4j",
  });
  try {
    await runMigrations(database.executor(TIMEOUT_MS), log);
    const data = generateDemoData({ accounts, signalsPerAccount, seed: SEED });
    const c = data.counts;
    log(
      `data set: ${data.sourceSystems.length} source systems, ${c.accounts} accounts, ${c.contacts} contacts, ` +
        `${c.opportunities} opportunities, ${c.assets} assets, ${c.organizations} organizations, ${c.signals} signals`,
    );
    const runId = Date.now().toString(36);

    const variants: Variant[] = ["outbox on", "outbox off", ...(diagnose ? ["outbox on, no values" as const] : [])];
    const services = (label: string) =>
      variants.map(
        (variant) =>
          ingestFor(
            database,
            `outbox-${variant.replace(/[^a-z]+/g, "-")}-${label}-${runId}`,
            variant !== "outbox off",
            new QueryStats(),
            null,
            variant === "outbox on, no values",
          ).ingest,
      );
    // Untimed warm-up of every variant (JIT, page cache, query plans).
    await ingestInterleaved(services("warm"), data);

    const passes: Pass[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const totals = await ingestInterleaved(services(`r${round}`), data);
      for (const [i, variant] of variants.entries()) {
        const { rows, created, seconds } = totals[i]!;
        const tenant = `outbox-${variant.replace(/[^a-z]+/g, "-")}-r${round}-${runId}`;
        const events = await countEvents(database, tenant);
        passes.push({ variant, round, rows, seconds, rowsPerSecond: rows / seconds, created, events });
        log(
          `round ${round} ${variant}: ${rows} rows in ${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s, ${events} events`,
        );
      }
    }
    const counts = [];
    for (const enabled of [true, false]) {
      counts.push({
        variant: (enabled ? "outbox on" : "outbox off") as Variant,
        ...(await statementsOfOneCall(database, data, enabled, runId)),
      });
    }
    if (process.argv.includes("--profile-only")) {
      process.stdout.write(`${markdown([], counts, "profile")}\n`);
      return;
    }
    let commit = "unknown";
    try {
      commit = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    } catch {
      // not a git checkout
    }
    const cpu = cpus()[0]?.model ?? "unknown CPU";
    const header =
      `### Outbox cost: ${c.accounts + c.contacts + c.opportunities + c.assets + c.organizations + c.signals + data.sourceSystems.length} records ` +
      `(${c.signals} signals, ${c.accounts} accounts, ${c.contacts} contacts, …), calls of ${CALL_SIZE}, ${rounds} interleaved rounds ` +
      `(${cpu}, ${cpus().length} cores, Node ${process.version}, Neo4j heap ${heap}, page cache ${pageCache}, commit ${commit}, ` +
      `${new Date().toISOString().slice(0, 16)}Z)`;
    const report = markdown(passes, counts, header);
    process.stdout.write(`${report}\n`);
    const dir = join(__dirname, "..", "..", "..", "bench", "results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `outbox-${quick ? "quick" : "full"}-latest.md`), `${report}\n`);
  } finally {
    await database.close();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
