import { canonicalJson } from "../../../domain/audit/canonical-json";
import {
  ContractLedgerEntry,
  ContractLedgerVerifier,
  ledgerEntryHash,
  LedgerVerificationResult,
  sealLedgerEntry,
} from "../../../domain/contracts/contract-ledger";
import { StoredValueContract } from "../../../domain/contracts/contract-terms";
import { contractWithLedger } from "./fixtures";

function verify(
  contract: StoredValueContract,
  entries: ContractLedgerEntry[],
  pageSize = 100,
): LedgerVerificationResult {
  const verifier = new ContractLedgerVerifier(contract);
  for (let i = 0; i < entries.length && !verifier.done; i += pageSize) verifier.addPage(entries.slice(i, i + pageSize));
  return verifier.result();
}

describe("the contract ledger", () => {
  it("chains entries: numbered from 1, each naming its predecessor's hash, each hash its content's", () => {
    const { entries } = contractWithLedger();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(entries[0]!.prevHash).toBe("0".repeat(64));
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    for (const entry of entries) expect(ledgerEntryHash(entry)).toBe(entry.hash);
    expect(entries[1]!.payload).toBe(canonicalJson(JSON.parse(entries[1]!.payload)));
  });

  it("is deterministic: the same head and content give the same entry (a retried transaction writes the same)", () => {
    const head = { seq: 3, hash: "a".repeat(64) };
    const content = { kind: "USE_SUMMARY" as const, actor: "user:a", period: "2026-11", payload: { units: 1, b: 2 } };
    expect(sealLedgerEntry("t", "c", head, "2026-12-01T00:00:00.000Z", content)).toEqual(
      sealLedgerEntry("t", "c", head, "2026-12-01T00:00:00.000Z", { ...content, payload: { b: 2, units: 1 } }),
    );
  });

  it("verifies an intact ledger, in one page or many", () => {
    const { contract, entries } = contractWithLedger(true);
    const ok = { ok: true, checkedEntries: 5, headSeq: 5, firstProblem: null };
    expect(verify(contract, entries)).toEqual(ok);
    expect(verify(contract, entries, 2)).toEqual(ok);
  });

  it("finds a tampered entry at its number", () => {
    const { contract, entries } = contractWithLedger();
    entries[1] = { ...entries[1]!, payload: entries[1]!.payload.replace('"units":1000', '"units":9000') };
    expect(verify(contract, entries)).toMatchObject({
      ok: false,
      checkedEntries: 1,
      firstProblem: { seq: 2, kind: "ALTERED" },
    });
  });

  it("finds a changed period or kind: they are hashed too", () => {
    const { contract, entries } = contractWithLedger();
    entries[2] = { ...entries[2]!, period: "2026-10" };
    expect(verify(contract, entries).firstProblem).toMatchObject({ seq: 3, kind: "ALTERED" });
  });

  it("finds a removed entry as a gap at its number", () => {
    const { contract, entries } = contractWithLedger();
    entries.splice(1, 1);
    expect(verify(contract, entries).firstProblem).toMatchObject({ seq: 2, kind: "GAP" });
  });

  it("finds reordered entries (numbers swapped) as a broken link", () => {
    const { contract, entries } = contractWithLedger();
    const [second, third] = [entries[1]!, entries[2]!];
    entries[1] = { ...third, seq: 2 };
    entries[2] = { ...second, seq: 3 };
    expect(verify(contract, entries).firstProblem).toMatchObject({ seq: 2, kind: "BROKEN_LINK" });
  });

  it("finds entries removed from the end, against the contract's head", () => {
    const { contract, entries } = contractWithLedger();
    expect(verify(contract, entries.slice(0, 2)).firstProblem).toMatchObject({ seq: 3, kind: "GAP" });
    const moved = { ...contract, ledgerHash: "b".repeat(64) };
    expect(verify(moved, entries).firstProblem).toMatchObject({ seq: 4, kind: "HEAD_MISMATCH" });
  });

  it("finds terms changed after the grant", () => {
    const { contract, entries } = contractWithLedger();
    const wider = {
      ...contract,
      definitionText: contract.definitionText.replace('"TELEMETRY",', '"SUPPORT","TELEMETRY",'),
    };
    expect(verify(wider, entries).firstProblem).toMatchObject({ seq: 1, kind: "TERMS_MISMATCH" });
  });

  it("finds a revocation removed from the contract while its ledger holds the REVOKE", () => {
    const { contract, entries } = contractWithLedger(true);
    const unrevoked = { ...contract, status: "ACTIVE" as const, revokedAt: null };
    expect(verify(unrevoked, entries).firstProblem).toMatchObject({ seq: 5, kind: "STATE_MISMATCH" });
  });
});
