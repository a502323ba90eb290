import { AuditEntryInput, checkAuditEntry } from "../../../domain/audit/audit-entry";
import { sealAuditRecords, StoredAuditRecord } from "../../../domain/audit/audit-record";
import { generateSigningKeyPem, signCheckpoint, signingKeyFromPem } from "../../../domain/audit/audit-signature";
import { TrailLine, TrailVerifier } from "../../../domain/audit/trail-export";
import { readTrustedKeys } from "../../../cli/audit";

/** The offline verifier of an exported audit trail (`npm run audit -- verify`), on chains made by the real sealing code. */
const key = signingKeyFromPem(generateSigningKeyPem());
const trusted = new Map([[key.keyId, key.publicKeyPem]]);
const tenant = "acme";

function entry(i: number): AuditEntryInput {
  return {
    kind: "ACTION",
    playbookId: "pb-1",
    playbookVersion: 2,
    firingId: `fir-${i}`,
    accountIds: [`acc_${i}`],
    userIds: [],
    actor: "agent:playbooks",
    payload: { i, action: "CREATE_TASK" },
  };
}

function chain(n: number): StoredAuditRecord[] {
  return sealAuditRecords(
    tenant,
    { seq: 0, hash: "0".repeat(64) },
    "2026-12-01T00:00:00.000Z",
    Array.from({ length: n }, (_, i) => checkAuditEntry(entry(i + 1))),
  );
}

function checkpointAt(record: StoredAuditRecord, signer = key): TrailLine {
  const c = signCheckpoint(signer, {
    tenant,
    seq: record.seq,
    headHash: record.hash,
    signedAt: "2026-12-01T01:00:00.000Z",
  });
  return {
    type: "checkpoint",
    tenant,
    seq: c.seq,
    hash: c.headHash,
    at: c.signedAt,
    keyId: c.keyId,
    signature: c.signature,
    publicKeyPem: signer.publicKeyPem,
  };
}

/** The file's lines: head, checkpoints, records newest first, end. */
function lines(records: StoredAuditRecord[], checkpoints: TrailLine[]): TrailLine[] {
  return [
    {
      type: "head",
      tenant,
      exportedAt: "2026-12-01T02:00:00.000Z",
      keys: [{ keyId: key.keyId, publicKeyPem: key.publicKeyPem }],
    },
    ...checkpoints,
    ...[...records].reverse().map((r) => ({ type: "record" as const, ...r })),
    { type: "end", records: records.length, checkpoints: checkpoints.length },
  ];
}

function verify(file: Array<TrailLine | string>, keys: Map<string, string> | null = trusted) {
  const verifier = new TrailVerifier(keys);
  for (const line of file) verifier.line(typeof line === "string" ? line : JSON.stringify(line));
  return verifier.finish();
}

describe("verifying an exported audit trail offline", () => {
  it("finds an intact chain intact, from the genesis hash, signed through its checkpoint", () => {
    const records = chain(6);
    const result = verify(lines(records, [checkpointAt(records[4]!)]));
    expect(result).toMatchObject({
      ok: true,
      tenant,
      records: 6,
      from: 1,
      to: 6,
      fromGenesis: true,
      checkpoints: 1,
      signedThrough: 5,
      problems: [],
    });
  });

  it("names a record whose content was changed", () => {
    const records = chain(4);
    records[1] = { ...records[1]!, payload: '{"action":"NOTHING","i":2}' };
    const result = verify(lines(records, []));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: "ALTERED", seq: 2 });
  });

  it("names a missing record and records out of order", () => {
    const records = chain(5);
    const gap = verify(lines([...records.slice(0, 2), ...records.slice(3)], []));
    expect(gap.problems.map((p) => p.kind)).toContain("GAP");
    expect(gap.problems.find((p) => p.kind === "GAP")!.message).toMatch(/records 3–3 are missing/);
    const swapped = lines(records, []);
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(verify(swapped).problems[0]!.kind).toBe("GAP");
  });

  it("catches a chain rewritten and rebuilt after a signed checkpoint", () => {
    const original = chain(6);
    const signed = checkpointAt(original[4]!);
    const rebuilt = sealAuditRecords(tenant, { seq: 1, hash: original[0]!.hash }, "2026-12-01T00:00:00.000Z", [
      checkAuditEntry({ ...entry(2), payload: { i: 2, action: "NOTHING" } }),
      ...[3, 4, 5, 6].map((i) => checkAuditEntry(entry(i))),
    ]);
    const result = verify(lines([original[0]!, ...rebuilt], [signed]));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ kind: "HEAD_MISMATCH", seq: 5 })]);
    expect(result.signedThrough).toBeNull();
  });

  it("refuses a checkpoint signed with a key that is not trusted, even when the file carries it", () => {
    const records = chain(3);
    const forger = signingKeyFromPem(generateSigningKeyPem());
    const result = verify(lines(records, [checkpointAt(records[2]!, forger)]));
    expect(result.problems[0]).toMatchObject({ kind: "BAD_SIGNATURE", seq: 3 });
    expect(result.problems[0]!.message).toMatch(/not one of the published audit keys/);
  });

  it("says when the file is cut short, malformed, or of another tenant", () => {
    const records = chain(3);
    const full = lines(records, []);
    expect(verify(full.slice(0, -1)).problems.map((p) => p.kind)).toEqual(["TRUNCATED"]);
    expect(verify(full.slice(0, -2)).problems.map((p) => p.kind)).toEqual(["TRUNCATED"]);
    const broken = verify([...full.slice(0, 2), "{not json", ...full.slice(2)]);
    expect(broken.problems[0]).toMatchObject({ kind: "MALFORMED", line: 3 });
    const foreign = lines(records, []).map((l) => (l.type === "record" && l.seq === 2 ? { ...l, tenant: "other" } : l));
    expect(verify(foreign).problems.map((p) => p.kind)).toEqual(expect.arrayContaining(["WRONG_TENANT", "ALTERED"]));
  });

  it("checks a partial export without claiming its start", () => {
    const records = chain(5).slice(2);
    const result = verify(lines(records, []));
    expect(result).toMatchObject({ ok: true, from: 3, to: 5, fromGenesis: false });
  });

  it("uses the file's own keys only when none are given, and says so", () => {
    const records = chain(2);
    const verifier = new TrailVerifier(null);
    for (const line of lines(records, [checkpointAt(records[1]!)])) verifier.line(JSON.stringify(line));
    expect(verifier.finish()).toMatchObject({ ok: true, signedThrough: 2 });
    expect(verifier.trustsFileKeys).toBe(true);
  });
});

describe("the --keys file", () => {
  it("reads the public-key endpoint's JSON and PEM files, and refuses what is neither", () => {
    const json = JSON.stringify({ keys: [{ keyId: key.keyId, publicKeyPem: key.publicKeyPem, algorithm: "Ed25519" }] });
    expect([...readTrustedKeys(json, "keys.json").keys()]).toEqual([key.keyId]);
    expect([...readTrustedKeys(`note\n${key.publicKeyPem}`, "keys.pem").keys()]).toEqual([key.keyId]);
    expect(() => readTrustedKeys("{", "keys.json")).toThrow(/keys.json is not valid JSON/);
    expect(() => readTrustedKeys("hello", "keys.txt")).toThrow(/keys.txt holds no public key/);
    expect(() => readTrustedKeys(JSON.stringify({ keys: [{}] }), "k.json")).toThrow(/key 0 has no publicKeyPem/);
  });
});
