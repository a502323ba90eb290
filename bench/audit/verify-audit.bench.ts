/**
 * The audit trail (issue 11): how fast `verifyAuditTrail` checks a long chain, and how fast decisions are
 * appended. A chain of N records (default 1,000,000) is loaded into one tenant through a fast path: the
 * records are numbered, hashed and chained in TypeScript with the product's own functions
 * (`sealAuditRecords`), and written in UNWIND batches with their account and user references, plus a
 * signed checkpoint every 10,000 records (what the checkpoint job would have left). Then the real
 * `AuditService.verify` (5,000 records per read) runs over the whole chain, timed 3 times: records/s,
 * median, and the process's memory while it runs. Last, the real append path (`AuditTrail.append` inside
 * `writeSteps`, head lock included): one entry per transaction, sequential and 8 concurrent, and 100 entries
 * per transaction. Printed as Markdown and written to bench/results/audit-<full|quick>-latest.md.
 *
 *   npm run bench:audit -- --quick          100,000 records
 *   npm run bench:audit                     1,000,000 records
 *   options: --records N, --rounds N (verify runs, default 3), --heap 1g, --pagecache 1g
 */
import "reflect-metadata";
import { execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { GENESIS_HASH } from "../../domain/audit/audit-chain";
import { AuditEntryInput, checkAuditEntry } from "../../domain/audit/audit-entry";
import { AuditChainHead, sealAuditRecords } from "../../domain/audit/audit-record";
import { generateSigningKeyPem, signCheckpoint, signingKeyFromPem } from "../../domain/audit/audit-signature";
import { AuditTrail, auditRecordRows } from "../../graph/audit/audit-trail";
import { AuditTrailRepository } from "../../graph/audit/audit-trail.repository";
import { GraphDatabase } from "../../graph/graph-database";
import { CypherExecutor, CypherQuery } from "../../graph/executor";
import { ensureNeo4jDistribution } from "../../graph/local-server/neo4j-distribution";
import { startManagedNeo4j } from "../../graph/local-server/managed-neo4j";
import { runMigrations } from "../../graph/migrations/run-migrations";
import { AuditService, VERIFY_PAGE_SIZE } from "../../services/audit/audit.service";

const TIMEOUT_MS = 3_600_000;
const LOAD_BATCH = 10_000;
const CHECKPOINT_EVERY = 10_000;

const LOAD: CypherQuery = {
  name: "bench.audit.load",
  text: `
UNWIND $records AS r
CREATE (a:AuditRecord {
  tenant: $tenant, id: r.id, seq: r.seq, at: datetime($at), kind: r.kind,
  playbookId: r.playbookId, playbookVersion: r.playbookVersion, firingId: r.firingId,
  accountIds: r.accountIds, userIds: r.userIds, actor: r.actor, payload: r.payload,
  prevHash: r.prevHash, hash: r.hash
})
FOREACH (ref IN r.refs | CREATE (:AuditRef {tenant: $tenant, key: ref, seq: r.seq}))`,
};

const CHECKPOINT: CypherQuery = {
  name: "bench.audit.checkpoint",
  text: `
CREATE (:AuditCheckpoint {tenant: $tenant, seq: $seq, hash: $hash, at: datetime($at), keyId: $keyId,
  signature: $signature, publicKeyPem: $pem})`,
};

const HEAD: CypherQuery = {
  name: "bench.audit.head",
  text: "MERGE (h:AuditHead {tenant: $tenant}) SET h.seq = $seq, h.hash = $hash",
};

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const KINDS = ["FIRING", "ACTION", "ACTION", "CONFIRMATION", "RECEIPT_ACKNOWLEDGED"] as const;

/** A firing-like entry of a few hundred bytes: ids, condition facts, action parameters and results. */
function entry(i: number): AuditEntryInput {
  return {
    kind: KINDS[i % KINDS.length]!,
    playbookId: `pb_${i % 50}`,
    playbookVersion: 1 + (i % 4),
    firingId: `fir_${Math.floor(i / 5)}`,
    accountIds: [`acc_${i % 20_000}`],
    userIds: [`usr_${i % 300}`],
    actor: i % 5 === 3 ? `user:usr_${i % 300}` : "agent:playbooks",
    payload: {
      trigger: { eventType: "SIGNAL_INGESTED", recordIds: [`sig_${i}`, `sig_${i + 1}`, `sig_${i + 2}`] },
      conditions: [
        { concept: "core:page-views", window: "P7D", value: 3 + (i % 4), threshold: 3, passed: true },
        { concept: "core:health-grade", value: "B", previous: "A", passed: i % 2 === 0 },
      ],
      action: { type: "CREATE_TASK", templateId: "demo-plan", dueInDays: 5, result: { taskId: `tsk_${i}` } },
    },
  };
}

interface Memory {
  rssMb: number;
  heapMb: number;
}

/** Samples the process's memory while `work` runs: the peaks above what was in use when it started. */
async function withMemory<T>(work: () => Promise<T>): Promise<{ value: T; peak: Memory; base: Memory }> {
  global.gc?.();
  const start = process.memoryUsage();
  const base = { rssMb: start.rss / 2 ** 20, heapMb: start.heapUsed / 2 ** 20 };
  const peak = { ...base };
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak.rssMb = Math.max(peak.rssMb, m.rss / 2 ** 20);
    peak.heapMb = Math.max(peak.heapMb, m.heapUsed / 2 ** 20);
  }, 50);
  try {
    return { value: await work(), peak, base };
  } finally {
    clearInterval(timer);
  }
}

async function load(executor: CypherExecutor, tenant: string, records: number, log: (m: string) => void) {
  const key = signingKeyFromPem(generateSigningKeyPem());
  let head: AuditChainHead = { seq: 0, hash: GENESIS_HASH };
  const started = performance.now();
  for (let first = 1; first <= records; first += LOAD_BATCH) {
    const count = Math.min(LOAD_BATCH, records - first + 1);
    const at = new Date(Date.UTC(2026, 0, 1) + first * 1000).toISOString();
    const entries = Array.from({ length: count }, (_, i) => checkAuditEntry(entry(first + i)));
    const sealed = sealAuditRecords(tenant, head, at, entries);
    const last = sealed[sealed.length - 1]!;
    await executor.writeSteps(LOAD.name, async (run) => {
      await run(LOAD, { tenant, at, records: auditRecordRows(sealed) });
      if (last.seq % CHECKPOINT_EVERY === 0) {
        const signed = signCheckpoint(key, { tenant, seq: last.seq, headHash: last.hash, signedAt: at });
        await run(CHECKPOINT, {
          tenant,
          seq: neo4j.int(last.seq),
          hash: last.hash,
          at,
          keyId: key.keyId,
          signature: signed.signature,
          pem: key.publicKeyPem,
        });
      }
      await run(HEAD, { tenant, seq: neo4j.int(last.seq), hash: last.hash });
    });
    head = { seq: last.seq, hash: last.hash };
    if (last.seq % 100_000 === 0 || last.seq === records) {
      const seconds = (performance.now() - started) / 1000;
      log(`loaded ${last.seq} records in ${seconds.toFixed(0)} s (${Math.round(last.seq / seconds)}/s)`);
    }
  }
  return { key, seconds: (performance.now() - started) / 1000 };
}

async function appendThroughput(executor: CypherExecutor, runId: string) {
  const results: Array<{ name: string; records: number; transactions: number; seconds: number }> = [];
  const now = () => new Date().toISOString();
  {
    const trail = new AuditTrail(`bench-audit-append-seq-${runId}`);
    const n = 1_000;
    const started = performance.now();
    for (let i = 0; i < n; i += 1)
      await executor.writeSteps("bench.append", (run) => trail.append(run, now(), [entry(i)]));
    results.push({
      name: "1 entry per transaction, sequential",
      records: n,
      transactions: n,
      seconds: (performance.now() - started) / 1000,
    });
  }
  {
    const trail = new AuditTrail(`bench-audit-append-par-${runId}`);
    const n = 1_000;
    const workers = 8;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < n) {
          const i = next++;
          await executor.writeSteps("bench.append", (run) => trail.append(run, now(), [entry(i)]));
        }
      }),
    );
    results.push({
      name: "1 entry per transaction, 8 concurrent (one tenant)",
      records: n,
      transactions: n,
      seconds: (performance.now() - started) / 1000,
    });
  }
  {
    const trail = new AuditTrail(`bench-audit-append-batch-${runId}`);
    const transactions = 100;
    const started = performance.now();
    for (let t = 0; t < transactions; t += 1) {
      const entries = Array.from({ length: 100 }, (_, i) => entry(t * 100 + i));
      await executor.writeSteps("bench.append", (run) => trail.append(run, now(), entries));
    }
    results.push({
      name: "100 entries per transaction, sequential",
      records: transactions * 100,
      transactions,
      seconds: (performance.now() - started) / 1000,
    });
  }
  return results;
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const records = Number(argument("records") ?? (quick ? 100_000 : 1_000_000));
  const rounds = Number(argument("rounds") ?? 3);
  const heap = argument("heap") ?? "1g";
  const pageCache = argument("pagecache") ?? "1g";
  const log = (message: string) => process.stderr.write(`[bench:audit] ${message}\n`);

  const home = mkdtempSync(join(tmpdir(), "relata-bench-audit-"));
  const distribution = await ensureNeo4jDistribution({ log });
  const server = await startManagedNeo4j({ home, heap, pageCache, log, distribution });
  const database = await GraphDatabase.open({
    uri: server.uri,
    user: server.user,
    password: server.password,
    database: "neo4j",
  });
  try {
    const executor = database.executor(TIMEOUT_MS);
    await runMigrations(executor, log);
    const runId = Date.now().toString(36);
    const tenant = `bench-audit-${runId}`;
    const loaded = await load(executor, tenant, records, log);
    const service = new AuditService(new AuditTrailRepository(executor, tenant), [
      { keyId: loaded.key.keyId, publicKeyPem: loaded.key.publicKeyPem, algorithm: "Ed25519" },
    ]);
    const verifies: Array<{ seconds: number; peak: Memory; base: Memory }> = [];
    for (let round = 1; round <= rounds; round += 1) {
      const started = performance.now();
      const { value, peak, base } = await withMemory(() => service.verify());
      const seconds = (performance.now() - started) / 1000;
      if (!value.ok || value.checkedRecords !== records) {
        throw new Error(`verification of the loaded chain failed: ${JSON.stringify(value)}`);
      }
      verifies.push({ seconds, peak, base });
      log(
        `verify ${round}: ${records} records, ${value.checkedCheckpoints} checkpoints in ${seconds.toFixed(1)} s ` +
          `(${Math.round(records / seconds)}/s), peak RSS ${peak.rssMb.toFixed(0)} MB, heap ${peak.heapMb.toFixed(0)} MB`,
      );
    }
    const appends = await appendThroughput(executor, runId);
    for (const a of appends) log(`append, ${a.name}: ${Math.round(a.records / a.seconds)} records/s`);

    let commit = "unknown";
    try {
      commit = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    } catch {
      // not a git checkout
    }
    const cpu = cpus()[0]?.model ?? "unknown CPU";
    const medianSeconds = median(verifies.map((v) => v.seconds));
    const lines = [
      `### Audit trail: ${records.toLocaleString("en")} records, ${rounds} verify runs ` +
        `(${cpu}, ${cpus().length} cores, Node ${process.version}, Neo4j heap ${heap}, page cache ${pageCache}, ` +
        `commit ${commit}, ${new Date().toISOString().slice(0, 16)}Z)`,
      "",
      `Load (fast path, batches of ${LOAD_BATCH.toLocaleString("en")}, with references and a checkpoint every ` +
        `${CHECKPOINT_EVERY.toLocaleString("en")}): ${loaded.seconds.toFixed(0)} s, ` +
        `${Math.round(records / loaded.seconds).toLocaleString("en")} records/s.`,
      "",
      "| verifyAuditTrail (whole chain) | seconds | records/s | peak RSS (MB) | peak JS heap (MB) |",
      "| --- | ---: | ---: | ---: | ---: |",
      ...verifies.map(
        (v, i) =>
          `| run ${i + 1} | ${v.seconds.toFixed(1)} | ${Math.round(records / v.seconds).toLocaleString("en")} | ` +
          `${v.peak.rssMb.toFixed(0)} | ${v.peak.heapMb.toFixed(0)} |`,
      ),
      `| **median** | **${medianSeconds.toFixed(1)}** | **${Math.round(records / medianSeconds).toLocaleString("en")}** | | |`,
      "",
      `Memory before the runs: RSS ${verifies[0]!.base.rssMb.toFixed(0)} MB, JS heap ${verifies[0]!.base.heapMb.toFixed(0)} MB ` +
        `(pages of ${VERIFY_PAGE_SIZE.toLocaleString("en")} records).`,
      "",
      "| append (AuditTrail.append in writeSteps) | records | transactions | seconds | records/s | transactions/s |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      ...appends.map(
        (a) =>
          `| ${a.name} | ${a.records} | ${a.transactions} | ${a.seconds.toFixed(1)} | ` +
          `${Math.round(a.records / a.seconds).toLocaleString("en")} | ${Math.round(a.transactions / a.seconds).toLocaleString("en")} |`,
      ),
    ];
    const report = lines.join("\n");
    process.stdout.write(`${report}\n`);
    const dir = join(__dirname, "..", "..", "..", "bench", "results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `audit-${quick ? "quick" : "full"}-latest.md`), `${report}\n`);
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
