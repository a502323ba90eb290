import { GENESIS_HASH } from "../../../domain/audit/audit-chain";
import { StoredAuditCheckpoint } from "../../../domain/audit/audit-checkpoint";
import { checkAuditEntry } from "../../../domain/audit/audit-entry";
import { sealAuditRecords, StoredAuditRecord } from "../../../domain/audit/audit-record";
import { generateSigningKeyPem, signCheckpoint, signingKeyFromPem } from "../../../domain/audit/audit-signature";
import { AuditChainVerifier } from "../../../domain/audit/audit-verification";

// Issue 11: verification page by page, the first problem by record number, checkpoints against published keys.

const key = signingKeyFromPem(generateSigningKeyPem());
const published = new Map([[key.keyId, key.publicKeyPem]]);

function chain(n: number): StoredAuditRecord[] {
  const entries = Array.from({ length: n }, (_, i) =>
    checkAuditEntry({ kind: "ACTION", accountIds: [`acc_${i}`], userIds: [], actor: "job:test", payload: { i } }),
  );
  return sealAuditRecords("t", { seq: 0, hash: GENESIS_HASH }, "2026-12-02T00:00:00.000Z", entries);
}

function checkpointAt(record: StoredAuditRecord, signer = key): StoredAuditCheckpoint {
  const at = "2026-12-02T01:00:00.000Z";
  const signed = signCheckpoint(signer, { tenant: "t", seq: record.seq, headHash: record.hash, signedAt: at });
  return {
    tenant: "t",
    seq: record.seq,
    hash: record.hash,
    at,
    keyId: signer.keyId,
    signature: signed.signature,
    publicKeyPem: signer.publicKeyPem,
  };
}

describe("verifying a chain page by page", () => {
  it("accepts an intact chain split into pages and counts what it checked", () => {
    const records = chain(10);
    const verifier = new AuditChainVerifier(null, published);
    verifier.addPage(records.slice(0, 4), [checkpointAt(records[3]!)]);
    verifier.addPage(records.slice(4), [checkpointAt(records[8]!)]);
    verifier.missingAfterLast(10);
    expect(verifier.result()).toEqual({
      ok: true,
      checkedRecords: 10,
      checkedCheckpoints: 2,
      signedThrough: 9,
      firstProblem: null,
    });
  });

  it("reports a gap across a page boundary at the missing number", () => {
    const records = chain(8);
    const verifier = new AuditChainVerifier(null, published);
    verifier.addPage(records.slice(0, 4), []);
    verifier.addPage(records.slice(5), []);
    expect(verifier.result().firstProblem).toMatchObject({ kind: "GAP", seq: 5 });
    expect(verifier.result().checkedRecords).toBe(4);
  });

  it("prefers the lower of a chain problem and a checkpoint problem", () => {
    const records = chain(6);
    const forged = checkpointAt(records[1]!, signingKeyFromPem(generateSigningKeyPem()));
    const altered = [...records];
    altered[4] = { ...records[4]!, payload: '{"i":99}' };
    const verifier = new AuditChainVerifier(null, published);
    verifier.addPage(altered, [forged]);
    expect(verifier.result().firstProblem).toMatchObject({ kind: "BAD_SIGNATURE", seq: 2 });
  });

  it("reports a validly signed checkpoint whose record now has another hash (a rebuilt chain)", () => {
    const original = chain(4);
    const checkpoint = checkpointAt(original[2]!);
    const rebuilt = sealAuditRecords(
      "t",
      { seq: 0, hash: GENESIS_HASH },
      "2026-12-02T00:00:00.000Z",
      [0, 1, 2, 3].map((i) =>
        checkAuditEntry({ kind: "ACTION", accountIds: [], userIds: [], actor: "job:forger", payload: { i } }),
      ),
    );
    const verifier = new AuditChainVerifier(null, published);
    verifier.addPage(rebuilt, [checkpoint]);
    expect(verifier.result().firstProblem).toMatchObject({ kind: "HEAD_MISMATCH", seq: 3 });
  });

  it("reports records missing from the end of the range", () => {
    const records = chain(3);
    const verifier = new AuditChainVerifier(null, published);
    verifier.addPage(records, []);
    verifier.missingAfterLast(5);
    expect(verifier.result().firstProblem).toMatchObject({ kind: "GAP", seq: 4 });
  });
});
