import { AuditRecord, chainNext, GENESIS_HASH, verifyChain } from "../../../domain/audit/audit-chain";
import {
  generateSigningKeyPem,
  signCheckpoint,
  signingKeyFromPem,
  verifyCheckpoint,
} from "../../../domain/audit/audit-signature";
import { canonicalJson, CanonicalJsonError } from "../../../domain/audit/canonical-json";

// Issue 11 groundwork: the tamper-evident audit trail's hash chain and signed checkpoints.

function chain(n: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (let i = 0; i < n; i += 1) {
    records.push(
      chainNext(records.at(-1) ?? null, `2026-12-0${1 + (i % 9)}T00:00:00.000Z`, { firing: i, actions: ["task"] }),
    );
  }
  return records;
}

describe("canonical JSON", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: "x" }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":"x","z":null}]},"b":1}',
    );
  });

  it("is the same for equal values built in any order", () => {
    expect(canonicalJson({ x: 1, y: [2, 3] })).toBe(canonicalJson({ y: [2, 3], x: 1 }));
  });

  it("refuses values JSON cannot carry, saying where", () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow("$.a[1]");
    expect(() => canonicalJson({ f: () => 1 })).toThrow("only JSON values");
  });
});

describe("the audit hash chain", () => {
  it("starts at the genesis hash and verifies when intact", () => {
    const records = chain(5);
    expect(records[0]!.prevHash).toBe(GENESIS_HASH);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(verifyChain(records, null)).toBeNull();
    expect(verifyChain(records.slice(2), records[1]!)).toBeNull();
  });

  it("finds an altered payload at its position", () => {
    const records = chain(6);
    records[3] = { ...records[3]!, payload: { firing: 99, actions: ["task"] } };
    expect(verifyChain(records, null)).toMatchObject({ kind: "ALTERED", seq: 4 });
  });

  it("finds a removed record and a rebuilt tail", () => {
    const records = chain(6);
    expect(verifyChain([...records.slice(0, 2), ...records.slice(3)], null)).toMatchObject({ kind: "GAP", seq: 4 });
    // Someone rewrites record 3 and rehashes it: record 4 no longer points at it.
    const rebuilt = chainNext(records[1]!, records[2]!.at, { firing: 42 });
    expect(verifyChain([records[0]!, records[1]!, rebuilt, ...records.slice(3)], null)).toMatchObject({
      kind: "BROKEN_LINK",
      seq: 4,
    });
  });
});

describe("signed checkpoints", () => {
  const key = signingKeyFromPem(generateSigningKeyPem());
  const head = { tenant: "t", seq: 6, headHash: chain(6)[5]!.hash, signedAt: "2026-12-02T00:00:00.000Z" };

  it("verify with the published public key", () => {
    const checkpoint = signCheckpoint(key, head);
    expect(checkpoint.keyId).toMatch(/^ed25519:/);
    expect(verifyCheckpoint(checkpoint, key.publicKeyPem)).toBe(true);
  });

  it("fail for a rebuilt head, another tenant, or another key", () => {
    const checkpoint = signCheckpoint(key, head);
    expect(verifyCheckpoint({ ...checkpoint, headHash: "f".repeat(64) }, key.publicKeyPem)).toBe(false);
    expect(verifyCheckpoint({ ...checkpoint, tenant: "u" }, key.publicKeyPem)).toBe(false);
    const other = signingKeyFromPem(generateSigningKeyPem());
    expect(verifyCheckpoint(checkpoint, other.publicKeyPem)).toBe(false);
  });
});
