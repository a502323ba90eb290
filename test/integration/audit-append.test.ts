import { randomUUID } from "node:crypto";
import { verifyChain } from "../../domain/audit/audit-chain";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { AuditError } from "../../domain/audit/audit.errors";
import { chainRecordOf, StoredAuditRecord } from "../../domain/audit/audit-record";
import { CypherExecutor } from "../../graph/executor";
import { GraphDatabase } from "../../graph/graph-database";
import { AuditTrail } from "../../graph/audit/audit-trail";
import { runMigrations } from "../../graph/migrations/run-migrations";
import { AuditCheckpointRepository } from "../../graph/audit/audit-checkpoint.repository";
import { AuditCheckpointJob } from "../../services/audit/audit-checkpoint.job";
import { generateSigningKeyPem, signingKeyFromPem, verifyCheckpoint } from "../../domain/audit/audit-signature";
import { chainCheckpointOf } from "../../domain/audit/audit-checkpoint";

/**
 * Issue 11, audit trail: `AuditTrail.append` writes inside the caller's transaction, so a rollback leaves
 * nothing, and the head lock numbers concurrent appends without gaps or forks.
 */
let database: GraphDatabase;
let executor: CypherExecutor;

const READ_CHAIN = {
  name: "test.audit.readChain",
  text: `
MATCH (a:AuditRecord {tenant: $tenant})
RETURN a {.*, at: toString(a.at)} AS record
ORDER BY a.seq`,
};

function tenantName(): string {
  return `audit-${randomUUID().slice(0, 8)}`;
}

function entry(i: number, extra: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    kind: "FIRING",
    playbookId: "pb-1",
    playbookVersion: 3,
    firingId: `fir-${i}`,
    accountIds: ["acc_1"],
    userIds: ["usr_owner"],
    actor: "agent:playbooks",
    payload: { i, conditions: [{ concept: "core:views", value: 3, threshold: 3 }] },
    ...extra,
  };
}

async function chainOf(tenant: string): Promise<StoredAuditRecord[]> {
  const rows = await executor.read(READ_CHAIN, { tenant });
  return rows.map((row) => {
    const r = row.record as Record<string, unknown>;
    const record: StoredAuditRecord = {
      tenant: String(r.tenant),
      id: String(r.id),
      seq: Number(r.seq),
      at: new Date(String(r.at)).toISOString(),
      kind: r.kind as StoredAuditRecord["kind"],
      accountIds: r.accountIds as string[],
      userIds: r.userIds as string[],
      actor: String(r.actor),
      payload: String(r.payload),
      prevHash: String(r.prevHash),
      hash: String(r.hash),
    };
    if (r.playbookId != null) record.playbookId = String(r.playbookId);
    if (r.playbookVersion != null) record.playbookVersion = Number(r.playbookVersion);
    if (r.firingId != null) record.firingId = String(r.firingId);
    return record;
  });
}

beforeAll(async () => {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI is not set; the integration global setup should have set it.");
  database = await GraphDatabase.open({
    uri,
    user: process.env.NEO4J_USER ?? "neo4j",
    password: process.env.NEO4J_PASSWORD ?? "",
    database: "neo4j",
  });
  executor = database.executor(60_000);
  await runMigrations(executor, () => undefined);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("appending to the audit trail", () => {
  it("numbers a tenant's records from 1, chained from the genesis hash, in two statements per call", async () => {
    const tenant = tenantName();
    const trail = new AuditTrail(tenant);
    const before = database.statementsRun;
    const first = await executor.writeSteps("test.audit", (run) =>
      trail.append(run, "2026-12-02T05:00:00Z", [entry(1), entry(2), entry(3)]),
    );
    expect(database.statementsRun - before).toBe(2);
    const second = await executor.writeSteps("test.audit", (run) =>
      trail.append(run, "2026-12-02T05:00:01.5Z", [entry(4, { playbookId: undefined, playbookVersion: undefined })]),
    );
    expect([...first, ...second].map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    const stored = await chainOf(tenant);
    expect(stored.map((r) => r.id)).toEqual([...first, ...second].map((r) => r.id));
    expect(stored[3]!.at).toBe("2026-12-02T05:00:01.500Z");
    expect(stored[3]!.playbookId).toBeUndefined();
    expect(stored[0]!.payload).toBe('{"conditions":[{"concept":"core:views","threshold":3,"value":3}],"i":1}');
    expect(verifyChain(stored.map(chainRecordOf), null)).toBeNull();
  });

  it("writes nothing when the transaction rolls back", async () => {
    const tenant = tenantName();
    const trail = new AuditTrail(tenant);
    await expect(
      executor.writeSteps("test.audit", async (run) => {
        await trail.append(run, "2026-12-02T05:00:00Z", [entry(1)]);
        throw new Error("the caller's own write failed");
      }),
    ).rejects.toMatchObject({ cause: { message: "the caller's own write failed" } });
    expect(await chainOf(tenant)).toEqual([]);
    const [record] = await executor.writeSteps("test.audit", (run) =>
      trail.append(run, "2026-12-02T05:00:00Z", [entry(2)]),
    );
    expect(record!.seq).toBe(1);
  });

  it("chains concurrent appends from several transactions without gaps or forks", async () => {
    const tenant = tenantName();
    const trail = new AuditTrail(tenant);
    const writers = Array.from({ length: 6 }, (_, w) =>
      executor.writeSteps("test.audit", (run) =>
        trail.append(run, `2026-12-02T05:00:0${w}Z`, [entry(w * 10), entry(w * 10 + 1)]),
      ),
    );
    const results = (await Promise.all(writers)).flat();
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const stored = await chainOf(tenant);
    expect(stored).toHaveLength(12);
    expect(verifyChain(stored.map(chainRecordOf), null)).toBeNull();
  });

  it("keeps each tenant's chain to itself", async () => {
    const [a, b] = [tenantName(), tenantName()];
    await executor.writeSteps("test.audit", (run) => new AuditTrail(a).append(run, "2026-12-02T05:00:00Z", [entry(1)]));
    const [inB] = await executor.writeSteps("test.audit", (run) =>
      new AuditTrail(b).append(run, "2026-12-02T05:00:00Z", [entry(1)]),
    );
    expect(inB!.seq).toBe(1);
    expect((await chainOf(a))[0]!.id).not.toBe(inB!.id);
  });
});

describe("the checkpoint job", () => {
  it("signs a head when it first moved, then after the interval or after N more records", async () => {
    const tenant = tenantName();
    const trail = new AuditTrail(tenant);
    const key = signingKeyFromPem(generateSigningKeyPem());
    let now = Date.parse("2026-12-02T05:00:00.000Z");
    const job = new AuditCheckpointJob(
      new AuditCheckpointRepository(executor),
      key,
      { intervalSeconds: 3600, records: 3 },
      { info: () => undefined, error: () => undefined },
      () => new Date(now),
    );
    const add = (n: number) =>
      executor.writeSteps("test.audit", (run) =>
        trail.append(
          run,
          new Date(now).toISOString(),
          Array.from({ length: n }, (_, i) => entry(i)),
        ),
      );
    const round = async () => (await job.runOnce({ tenant })).map((c) => c.seq);

    await add(2);
    const [first] = await job.runOnce({ tenant });
    expect(first).toMatchObject({ tenant, seq: 2, keyId: key.keyId, at: "2026-12-02T05:00:00.000Z" });
    expect(verifyCheckpoint(chainCheckpointOf(first!), key.publicKeyPem)).toBe(true);
    await add(1);
    expect(await round()).toEqual([]); // one record since, and an hour not passed
    await add(2);
    expect(await round()).toEqual([5]); // three records since
    await add(1);
    now += 3_600_000;
    expect(await round()).toEqual([6]); // an hour since
    expect(await round()).toEqual([]); // the head did not move
  });
});

describe("refusing entries", () => {
  it("refuses personal values before running any statement, saying where and what to do", async () => {
    const trail = new AuditTrail(tenantName());
    const entries = [entry(1), entry(2, { payload: { assignee: { email: "x@y.org" } } })];
    expect(() => trail.check(entries)).toThrow(AuditError);
    expect(() => trail.check(entries)).toThrow(
      /audit entry 1: payload\.assignee\.email is named like a personal field.*reference the person by record id/,
    );
    const before = database.statementsRun;
    // Inside a transaction the executor reports it as its own failure, with the audit error as the cause.
    const attempt = executor.writeSteps("test.audit", (run) => trail.append(run, "2026-12-02T05:00:00Z", entries));
    await expect(attempt).rejects.toMatchObject({ cause: { code: "INVALID_AUDIT_ENTRY" } });
    expect(database.statementsRun - before).toBe(0);
  });
});
