import { generateSigningKeyPem, signCheckpoint, signingKeyFromPem } from "../../domain/audit/audit-signature";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { sealAuditRecords } from "../../domain/audit/audit-record";
import { GENESIS_HASH } from "../../domain/audit/audit-chain";
import { checkAuditEntry } from "../../domain/audit/audit-entry";
import { AuditTrail, auditRecordRows } from "../../graph/audit/audit-trail";
import { CypherExecutor } from "../../graph/executor";
import {
  AuditCheckpointsDocument,
  AuditSigningKeysDocument,
  AuditTrailDocument,
  VerifyAuditTrailDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

/**
 * Issue 11, audit trail: the chain head is signed with a key kept outside Neo4j, verifyAuditTrail finds
 * the first broken link or bad signature, and analysts read the trail by account, playbook, user, kind
 * and time, in their tenant only.
 */
let api: TestApi;
let executor: CypherExecutor;

beforeAll(async () => {
  // No timer: the test signs heads when it wants to, for its own tenants.
  api = await startTestApi({ RELATA_AUDIT_CHECKPOINT_SECONDS: "0" });
  executor = api.runtime.database.executor(60_000);
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

function entry(i: number, extra: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    kind: "ACTION",
    playbookId: i % 2 === 0 ? "pb-even" : "pb-odd",
    playbookVersion: 1,
    firingId: `fir-${i}`,
    accountIds: [`acc_${i % 3}`],
    userIds: ["usr_owner"],
    actor: "agent:playbooks",
    payload: { i, action: "CREATE_TASK", result: { taskId: `tsk_${i}` } },
    ...extra,
  };
}

async function append(tenant: string, at: string, entries: AuditEntryInput[]): Promise<void> {
  await executor.writeSteps("test.audit.append", (run) => new AuditTrail(tenant).append(run, at, entries));
}

/** A tenant with records 1..n appended in a few transactions and a checkpoint at `checkpointAt` (and at n). */
async function chainOf(n: number, checkpointAt: number[] = []): Promise<string> {
  const tenant = uniqueTenant("audit");
  for (let seq = 1; seq <= n; seq += 1) {
    await append(tenant, `2026-12-01T00:00:${String(seq).padStart(2, "0")}.000Z`, [entry(seq)]);
    if (checkpointAt.includes(seq)) await api.runtime.auditCheckpoints.runOnce({ force: true, tenant });
  }
  return tenant;
}

async function verify(tenant: string, from?: number, to?: number) {
  return dataOf(await api.run(VerifyAuditTrailDocument, { from, to }, { token: api.token(tenant, "analyst") }))
    .verifyAuditTrail;
}

async function cypher(text: string, params: Record<string, unknown>): Promise<void> {
  await executor.write({ name: "test.audit.tamper", text }, params);
}

describe("signed checkpoints and verification", () => {
  it("verifies an intact chain and its checkpoints, and says how far the signatures reach", async () => {
    const tenant = await chainOf(8, [3, 6]);
    expect(await verify(tenant)).toEqual({
      ok: true,
      checkedRecords: 8,
      checkedCheckpoints: 2,
      signedThrough: 6,
      firstProblem: null,
    });
    expect(await verify(tenant, 4, 7)).toMatchObject({ ok: true, checkedRecords: 4, checkedCheckpoints: 1 });
    // The checkpoints, for verifiers outside Relata: a page at a time, continued from the last number.
    const token = api.token(tenant, "analyst");
    const page = dataOf(await api.run(AuditCheckpointsDocument, { first: 1 }, { token })).auditCheckpoints;
    expect(page.map((c) => c.seq)).toEqual([3]);
    const rest = dataOf(await api.run(AuditCheckpointsDocument, { from: 4 }, { token })).auditCheckpoints;
    expect(rest.map((c) => c.seq)).toEqual([6]);
    expect(rest[0]).toMatchObject({ keyId: expect.stringMatching(/^ed25519:/), signature: expect.any(String) });
  });

  it("signs a head once, and again only after it moved", async () => {
    const tenant = await chainOf(2);
    expect(await api.runtime.auditCheckpoints.runOnce({ force: true, tenant })).toHaveLength(1);
    expect(await api.runtime.auditCheckpoints.runOnce({ force: true, tenant })).toHaveLength(0);
    await append(tenant, "2026-12-01T01:00:00.000Z", [entry(3)]);
    const [checkpoint] = await api.runtime.auditCheckpoints.runOnce({ force: true, tenant });
    expect(checkpoint).toMatchObject({ tenant, seq: 3 });
    expect(checkpoint!.keyId).toBe(
      api.runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "t" }).audit.signingKeys()[0]!.keyId,
    );
  });

  it("finds a tampered payload at its record", async () => {
    const tenant = await chainOf(6, [6]);
    await cypher("MATCH (a:AuditRecord {tenant: $tenant, seq: 4}) SET a.payload = '{\"i\":40}'", { tenant });
    expect(await verify(tenant)).toMatchObject({
      ok: false,
      checkedRecords: 3,
      firstProblem: { seq: 4, kind: "ALTERED" },
    });
  });

  it("finds a deleted record as a gap at its number, and records deleted from the end", async () => {
    const tenant = await chainOf(6);
    await cypher("MATCH (a:AuditRecord {tenant: $tenant, seq: 3}) DETACH DELETE a", { tenant });
    expect((await verify(tenant)).firstProblem).toMatchObject({ seq: 3, kind: "GAP" });
    const tail = await chainOf(5);
    await cypher("MATCH (a:AuditRecord {tenant: $tenant}) WHERE a.seq >= 4 DETACH DELETE a", { tenant: tail });
    expect((await verify(tail)).firstProblem).toMatchObject({ seq: 4, kind: "GAP" });
  });

  it("catches a rewritten and rebuilt chain by the signed checkpoint", async () => {
    const tenant = await chainOf(6, [5]);
    // Someone with write access rewrites record 2 and rebuilds every hash after it: the chain itself is
    // consistent again, but the checkpoint signed record 5's original hash.
    const rebuilt = sealAuditRecords(
      tenant,
      { seq: 1, hash: await hashAt(tenant, 1) },
      "2026-12-01T00:00:02.000Z",
      [2, 3, 4, 5, 6].map((i) => checkAuditEntry(entry(i, i === 2 ? { payload: { i, action: "NOTHING" } } : {}))),
    );
    await cypher("MATCH (a:AuditRecord {tenant: $tenant}) WHERE a.seq >= 2 DETACH DELETE a", { tenant });
    await cypher(
      `UNWIND $records AS r
       CREATE (:AuditRecord {tenant: $tenant, id: r.id, seq: r.seq, at: datetime($at), kind: r.kind,
         playbookId: r.playbookId, playbookVersion: r.playbookVersion, firingId: r.firingId,
         accountIds: r.accountIds, userIds: r.userIds, actor: r.actor, payload: r.payload,
         prevHash: r.prevHash, hash: r.hash})`,
      { tenant, at: "2026-12-01T00:00:02.000Z", records: auditRecordRows(rebuilt) },
    );
    await cypher("MATCH (h:AuditHead {tenant: $tenant}) SET h.hash = $hash", { tenant, hash: rebuilt.at(-1)!.hash });
    expect((await verify(tenant)).firstProblem).toMatchObject({ seq: 5, kind: "HEAD_MISMATCH" });
    // ... and re-signing the rebuilt head needs the key: with any other key the signature is refused.
    const forger = signingKeyFromPem(generateSigningKeyPem());
    const forged = signCheckpoint(forger, {
      tenant,
      seq: 5,
      headHash: rebuilt[3]!.hash,
      signedAt: "2026-12-01T02:00:00.000Z",
    });
    await cypher(
      `MATCH (c:AuditCheckpoint {tenant: $tenant, seq: 5}) DETACH DELETE c
       WITH count(*) AS gone
       CREATE (:AuditCheckpoint {tenant: $tenant, seq: 5, hash: $hash, at: datetime($at), keyId: $keyId,
         signature: $signature, publicKeyPem: $pem})`,
      {
        tenant,
        hash: forged.headHash,
        at: forged.signedAt,
        keyId: forged.keyId,
        signature: forged.signature,
        pem: forger.publicKeyPem,
      },
    );
    const result = await verify(tenant);
    expect(result.firstProblem).toMatchObject({ seq: 5, kind: "BAD_SIGNATURE" });
    expect(result.firstProblem!.message).toMatch(/not one of the published audit keys/);
  });

  it("refuses a checkpoint whose signature was altered", async () => {
    const tenant = await chainOf(3, [3]);
    await cypher("MATCH (c:AuditCheckpoint {tenant: $tenant}) SET c.at = datetime('2030-01-01T00:00:00Z')", { tenant });
    expect((await verify(tenant)).firstProblem).toMatchObject({ seq: 3, kind: "BAD_SIGNATURE" });
  });

  it("publishes the public key over GraphQL and without a token over HTTP", async () => {
    const tenant = uniqueTenant("audit-keys");
    const { auditSigningKeys } = dataOf(
      await api.run(AuditSigningKeysDocument, {}, { token: api.token(tenant, "viewer") }),
    );
    expect(auditSigningKeys).toHaveLength(1);
    expect(auditSigningKeys[0]).toMatchObject({ algorithm: "Ed25519", keyId: expect.stringMatching(/^ed25519:/) });
    const response = await fetch(new URL("/v1/audit/public-key", api.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ keys: auditSigningKeys });
  });
});

async function hashAt(tenant: string, seq: number): Promise<string> {
  const rows = await executor.read(
    { name: "test.audit.hashAt", text: "MATCH (a:AuditRecord {tenant: $tenant, seq: $seq}) RETURN a.hash AS hash" },
    { tenant, seq },
  );
  return String(rows[0]?.hash ?? GENESIS_HASH);
}

describe("reading the trail", () => {
  let tenant: string;

  beforeAll(async () => {
    tenant = uniqueTenant("audit-read");
    await append(tenant, "2026-12-01T00:00:00.000Z", [entry(1), entry(2), entry(3)]);
    await append(tenant, "2026-12-02T00:00:00.000Z", [
      entry(4, { kind: "CONFIRMATION", userIds: ["usr_owner", "usr_lead"] }),
      entry(5),
      entry(6),
    ]);
  });

  async function trail(variables: Record<string, unknown>, role: "analyst" | "admin" = "analyst") {
    return dataOf(await api.run(AuditTrailDocument, variables as never, { token: api.token(tenant, role) })).auditTrail;
  }

  it("lists newest first, page by page with signed cursors", async () => {
    const first = await trail({ first: 4 });
    expect(first.edges.map((e) => e.node.seq)).toEqual([6, 5, 4, 3]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await trail({ first: 4, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.seq)).toEqual([2, 1]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const node = first.edges[3]!.node;
    expect(node).toMatchObject({
      kind: "ACTION",
      playbookId: "pb-odd",
      accountIds: ["acc_0"],
      actor: "agent:playbooks",
      payload: { i: 3, action: "CREATE_TASK", result: { taskId: "tsk_3" } },
      payloadText: '{"action":"CREATE_TASK","i":3,"result":{"taskId":"tsk_3"}}',
      at: "2026-12-01T00:00:00.000Z",
    });
    expect(first.edges[2]!.node.prevHash).toBe(node.hash);
  });

  it("filters by account, playbook, user, kind and time", async () => {
    const seqs = async (filter: Record<string, unknown>) => (await trail({ filter })).edges.map((e) => e.node.seq);
    expect(await seqs({ accountId: "acc_1" })).toEqual([4, 1]);
    expect(await seqs({ playbookId: "pb-even" })).toEqual([6, 4, 2]);
    expect(await seqs({ userId: "usr_lead" })).toEqual([4]);
    expect(await seqs({ kind: "CONFIRMATION" })).toEqual([4]);
    expect(await seqs({ from: "2026-12-01T12:00:00.000Z" })).toEqual([6, 5, 4]);
    expect(await seqs({ to: "2026-12-01T12:00:00.000Z", accountId: "acc_0" })).toEqual([3]);
    expect(await seqs({ accountId: "acc_0", playbookId: "pb-even" })).toEqual([6]);
  });

  it("refuses an unknown kind and a backwards range, saying what to send", async () => {
    const bad = onlyErrorOf(
      await api.run(AuditTrailDocument, { filter: { kind: "NOPE" } }, { token: api.token(tenant, "analyst") }),
      200,
    );
    expect(bad.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.extensions?.reason).toBe("INVALID_AUDIT_QUERY");
    expect(bad.message).toMatch(/not one of FIRING/);
    const backwards = onlyErrorOf(
      await api.run(VerifyAuditTrailDocument, { from: 5, to: 2 }, { token: api.token(tenant, "analyst") }),
      200,
    );
    expect(backwards.extensions?.reason).toBe("INVALID_AUDIT_QUERY");
    expect(backwards.message).toMatch(/to \(2\) is below from \(5\)/);
  });
});

describe("who may read and verify, and tenant isolation", () => {
  it("lets admins and analysts read and verify, and refuses the other roles", async () => {
    const tenant = await chainOf(1);
    for (const role of ["admin", "analyst"] as const) {
      dataOf(await api.run(AuditTrailDocument, {}, { token: api.token(tenant, role) }));
      dataOf(await api.run(VerifyAuditTrailDocument, {}, { token: api.token(tenant, role) }));
    }
    for (const role of ["viewer", "integrator"] as const) {
      for (const document of [AuditTrailDocument, VerifyAuditTrailDocument, AuditCheckpointsDocument] as const) {
        const error = onlyErrorOf(await api.run(document as never, {}, { token: api.token(tenant, role) }), 200);
        expect(error.extensions?.code).toBe("FORBIDDEN");
      }
    }
  });

  it("shows a tenant only its own trail, and refuses another tenant's cursor", async () => {
    const mine = await chainOf(2);
    const theirs = await chainOf(3);
    const page = dataOf(await api.run(AuditTrailDocument, { first: 1 }, { token: api.token(mine, "analyst") }));
    expect(page.auditTrail.edges.map((e) => e.node.seq)).toEqual([2]);
    expect(page.auditTrail.edges.every((e) => e.node.id.startsWith("aud_"))).toBe(true);
    const other = dataOf(await api.run(AuditTrailDocument, {}, { token: api.token(theirs, "analyst") }));
    const theirIds = new Set(other.auditTrail.edges.map((e) => e.node.id));
    expect(page.auditTrail.edges.some((e) => theirIds.has(e.node.id))).toBe(false);
    const stolen = onlyErrorOf(
      await api.run(
        AuditTrailDocument,
        { after: page.auditTrail.pageInfo.endCursor },
        { token: api.token(theirs, "analyst") },
      ),
      200,
    );
    expect(stolen.extensions?.reason).toBe("INVALID_CURSOR");
    expect(await verify(theirs)).toMatchObject({ ok: true, checkedRecords: 3 });
  });
});
