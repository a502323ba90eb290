import { canonicalJson } from "../../../domain/audit/canonical-json";
import { ContractLedgerEntry, sealLedgerEntry, sha256Hex } from "../../../domain/contracts/contract-ledger";
import { ContractDefinition, StoredValueContract } from "../../../domain/contracts/contract-terms";

export const NOW = "2026-12-02T10:00:00.000Z";

export function definition(overrides: Partial<ContractDefinition> = {}): ContractDefinition {
  return {
    accountId: "acc_1",
    title: "Telemetry for discounts",
    grant: {
      categories: ["TELEMETRY", "USAGE"],
      purposes: ["ANALYTICS", "BENCHMARKING"],
      anonymisedOnly: true,
      startsAt: "2026-11-01T00:00:00.000Z",
      endsAt: "2027-11-01T00:00:00.000Z",
    },
    benefit: { kind: "DISCOUNT_PERCENT", formula: { kind: "LINEAR", base: 2, rate: 0.001, cap: 10 } },
    period: "MONTH",
    ...overrides,
  };
}

/** A stored contract with a ledger of GRANT, two uses, a benefit (and a REVOKE when `revoked`). */
export function contractWithLedger(revoked = false): { contract: StoredValueContract; entries: ContractLedgerEntry[] } {
  const terms = definition();
  const definitionText = canonicalJson(terms);
  const definitionHash = sha256Hex(definitionText);
  const seal = (
    head: ContractLedgerEntry | null,
    at: string,
    kind: ContractLedgerEntry["kind"],
    period: string | null,
    payload: object,
  ) =>
    sealLedgerEntry("t1", "vct_1", head === null ? null : { seq: head.seq, hash: head.hash }, at, {
      kind,
      actor: "user:alice",
      period,
      payload,
    });
  const entries: ContractLedgerEntry[] = [];
  entries.push(seal(null, "2026-11-01T00:00:00.000Z", "GRANT", null, { definition: terms, definitionHash }));
  const use = { category: "TELEMETRY", purpose: "ANALYTICS", anonymised: true, units: 1000 };
  entries.push(seal(entries[0]!, "2026-11-02T00:00:00.000Z", "USE_SUMMARY", "2026-11", use));
  entries.push(seal(entries[1]!, "2026-11-03T00:00:00.000Z", "USE_SUMMARY", "2026-11", { ...use, units: 500 }));
  entries.push(seal(entries[2]!, "2026-12-01T00:00:00.000Z", "BENEFIT", "2026-11", { totalUnits: 1500 }));
  if (revoked) {
    entries.push(seal(entries[3]!, "2026-12-01T01:00:00.000Z", "REVOKE", null, { reason: "customer asked" }));
  }
  const last = entries[entries.length - 1]!;
  return {
    contract: {
      tenant: "t1",
      id: "vct_1",
      definition: terms,
      definitionText,
      definitionHash,
      status: revoked ? "REVOKED" : "ACTIVE",
      createdAt: "2026-11-01T00:00:00.000Z",
      createdBy: "user:alice",
      revokedAt: revoked ? last.at : null,
      revokedReason: revoked ? "customer asked" : null,
      ledgerSeq: last.seq,
      ledgerHash: last.hash,
    },
    entries,
  };
}
