import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { generateSigningKeyPem, signingKeyFromPem } from "../../../domain/audit/audit-signature";
import { canonicalJson } from "../../../domain/audit/canonical-json";
import { computeBenefit } from "../../../domain/contracts/benefit-formula";
import { parseContractMonth } from "../../../domain/contracts/contract-period";
import { buildStatement, signStatement, verifyStatement } from "../../../domain/contracts/contract-statement";
import { contractWithLedger } from "./fixtures";

const key = signingKeyFromPem(generateSigningKeyPem());

function statement(issuedAt = "2026-12-01T00:00:00.000Z") {
  const { contract, entries } = contractWithLedger();
  const benefit = computeBenefit(contract.definition, {
    period: "2026-11",
    lines: [{ category: "TELEMETRY", purpose: "ANALYTICS", anonymised: true, units: 1500 }],
  });
  const ledger = { seq: entries[3]!.seq, hash: entries[3]!.hash };
  return signStatement(
    key,
    buildStatement(contract, parseContractMonth("2026-11"), benefit, ledger, issuedAt, key.keyId),
  );
}

describe("signed contract statements", () => {
  it("says what the customer gets for the month, naming the contract, terms, ledger entry and key", () => {
    const s = statement();
    expect(s.payload).toMatchObject({
      type: "relata.value-contract-statement",
      version: 1,
      contractId: "vct_1",
      accountId: "acc_1",
      period: "2026-11",
      periodStart: "2026-11-01T00:00:00.000Z",
      periodEnd: "2026-12-01T00:00:00.000Z",
      final: true,
      totalUnits: 1500,
      benefit: { kind: "DISCOUNT_PERCENT", value: 3.5 },
      keyId: key.keyId,
    });
    expect(s.canonicalPayload).toBe(canonicalJson(s.payload));
    expect(statement("2026-11-20T00:00:00.000Z").payload.final).toBe(false);
  });

  it("verifies with node:crypto alone and the public key PEM, as a customer would", () => {
    const s = statement();
    const ok = verify(
      null,
      Buffer.from(s.canonicalPayload, "utf8"),
      createPublicKey(key.publicKeyPem),
      Buffer.from(s.signature, "base64"),
    );
    expect(ok).toBe(true);
    expect(verifyStatement(s, key.publicKeyPem, key.keyId)).toBe(true);
  });

  it("fails for an altered payload, another key, or a payload that is not canonical", () => {
    const s = statement();
    const altered = s.canonicalPayload.replace('"value":3.5', '"value":35');
    expect(altered).not.toBe(s.canonicalPayload);
    expect(verifyStatement({ ...s, canonicalPayload: altered }, key.publicKeyPem, key.keyId)).toBe(false);
    const other = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(verifyStatement(s, other, key.keyId)).toBe(false);
    expect(verifyStatement({ ...s, canonicalPayload: ` ${s.canonicalPayload}` }, key.publicKeyPem, key.keyId)).toBe(
      false,
    );
    expect(verifyStatement(s, key.publicKeyPem, "ed25519:someone-else")).toBe(false);
  });
});
