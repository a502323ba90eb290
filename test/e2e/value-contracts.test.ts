import { createPublicKey, verify } from "node:crypto";
import { CypherExecutor } from "../../graph/executor";
import {
  AuditTrailDocument,
  ChangesDocument,
  ContractProcessingAllowedDocument,
  ContractStatementDocument,
  DefineValueContractDocument,
  RecordContractUsageDocument,
  RevokeValueContractDocument,
  UpsertAccountsDocument,
  ValueContractDocument,
  ValueContractInput,
  ValueContractLedgerDocument,
  ValueContractsDocument,
  VerifyAuditTrailDocument,
  VerifyContractLedgerDocument,
} from "../../schema/generated/graphql";
import { Role } from "../../resolvers/context";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

/**
 * Issue 15, bidirectional value contracts: a customer account grants data, the tenant records what it used
 * and issues a signed statement of the benefit; the ledger is hash-chained, a tampered entry is detected,
 * a revocation stops further use, and another tenant can do none of this.
 */
let api: TestApi;
let executor: CypherExecutor;
let tenant: string;
let accountId: string;

/** This month and the one before, in UTC: usage is recorded for months that have begun. */
const now = new Date();
const month = (offset: number) => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return { period: d.toISOString().slice(0, 7), start: d.toISOString() };
};
const THIS_MONTH = month(0).period;
const LAST_MONTH = month(-1);

const as = (role: Role, t = tenant) => ({ token: api.token(t, role) });

function terms(overrides: Partial<ValueContractInput> = {}): ValueContractInput {
  return {
    accountId,
    title: "Telemetry for a discount",
    grant: {
      categories: ["TELEMETRY", "USAGE"],
      purposes: ["ANALYTICS", "BENCHMARKING"],
      anonymisedOnly: true,
      startsAt: LAST_MONTH.start,
      endsAt: null,
    },
    benefit: { kind: "DISCOUNT_PERCENT", formula: { kind: "LINEAR", base: 2, rate: 0.001, cap: 10 } },
    ...overrides,
  } as ValueContractInput;
}

async function define(overrides: Partial<ValueContractInput> = {}) {
  return dataOf(await api.run(DefineValueContractDocument, { input: terms(overrides) }, as("admin")))
    .defineValueContract;
}

function use(contractId: string, units: number, extra: Record<string, unknown> = {}) {
  return api.run(
    RecordContractUsageDocument,
    {
      contractId,
      period: THIS_MONTH,
      category: "TELEMETRY",
      purpose: "ANALYTICS",
      anonymised: true,
      units,
      ...extra,
    } as never,
    as("integrator"),
  );
}

async function verifyLedger(id: string) {
  return dataOf(await api.run(VerifyContractLedgerDocument, { id }, as("analyst"))).verifyContractLedger;
}

async function ledgerSeqOf(id: string): Promise<number> {
  const entries = dataOf(
    await api.run(ValueContractLedgerDocument, { id, first: 100 }, as("analyst")),
  ).valueContractLedger;
  return entries.length;
}

async function contractCount(): Promise<number> {
  return dataOf(await api.run(ValueContractsDocument, { first: 100 }, as("analyst"))).valueContracts.totalCount!;
}

async function tamper(text: string, params: Record<string, unknown>): Promise<void> {
  await executor.write({ name: "test.contracts.tamper", text }, params);
}

beforeAll(async () => {
  api = await startTestApi();
  executor = api.runtime.database.executor(60_000);
  tenant = uniqueTenant("contracts");
  const records = dataOf(
    await api.run(
      UpsertAccountsDocument,
      { input: [{ sourceSystem: "crm", externalId: "H-1", name: "City Hospital", region: "north" }] },
      as("integrator"),
    ),
  ).upsertAccounts.records;
  accountId = records[0]!.id;
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

describe("define, use, state and verify", () => {
  it("records usage within the grant and issues a statement the customer verifies with the published key", async () => {
    const contract = await define();
    expect(contract).toMatchObject({
      accountId,
      status: "ACTIVE",
      ledgerSeq: 1,
      grant: { categories: ["TELEMETRY", "USAGE"], purposes: ["ANALYTICS", "BENCHMARKING"], anonymisedOnly: true },
      benefit: { kind: "DISCOUNT_PERCENT", formula: { kind: "LINEAR", base: 2, rate: 0.001, cap: 10 } },
    });
    expect(contract.id).toMatch(/^vct_/);

    const first = dataOf(await use(contract.id, 1200)).recordContractUsage;
    expect(first.entry).toMatchObject({
      seq: 2,
      kind: "USE_SUMMARY",
      period: THIS_MONTH,
      prevHash: contract.ledgerHash,
    });
    expect(first.entry.payload).toEqual({ category: "TELEMETRY", purpose: "ANALYTICS", anonymised: true, units: 1200 });
    dataOf(await use(contract.id, 800, { category: "USAGE", purpose: "BENCHMARKING" }));

    const statement = dataOf(
      await api.run(ContractStatementDocument, { id: contract.id, period: THIS_MONTH }, as("analyst")),
    ).contractStatement;
    expect(statement).toMatchObject({
      contractId: contract.id,
      period: THIS_MONTH,
      final: false,
      totalUnits: 2000,
      benefitKind: "DISCOUNT_PERCENT",
      benefitValue: 4,
      algorithm: "Ed25519",
      entry: { seq: 4, kind: "BENEFIT" },
    });

    // The customer's procedure (docs/value-contracts.md): fetch the published key, pick it by keyId, verify
    // the signature over the canonical payload's UTF-8 bytes, then read the payload.
    const published = (await (await fetch(new URL("/v1/contracts/public-key", api.url))).json()) as {
      keys: Array<{ keyId: string; publicKeyPem: string; algorithm: string }>;
    };
    const key = published.keys.find((k) => k.keyId === statement.keyId);
    expect(key).toBeDefined();
    const valid = verify(
      null,
      Buffer.from(statement.canonicalPayload, "utf8"),
      createPublicKey(key!.publicKeyPem),
      Buffer.from(statement.signature, "base64"),
    );
    expect(valid).toBe(true);
    const signed = JSON.parse(statement.canonicalPayload) as Record<string, unknown>;
    expect(signed).toMatchObject({
      type: "relata.value-contract-statement",
      tenant,
      contractId: contract.id,
      accountId,
      definitionHash: contract.definitionHash,
      benefit: { kind: "DISCOUNT_PERCENT", value: 4 },
      ledger: { seq: 4, hash: statement.entry.hash },
      keyId: key!.keyId,
    });
    // One changed byte and the signature no longer holds.
    const forged = statement.canonicalPayload.replace('"value":4', '"value":40');
    expect(
      verify(null, Buffer.from(forged), createPublicKey(key!.publicKeyPem), Buffer.from(statement.signature, "base64")),
    ).toBe(false);

    expect(await verifyLedger(contract.id)).toEqual({ ok: true, checkedEntries: 4, headSeq: 4, firstProblem: null });
  });

  it("records every write on the audit trail and in the change feed", async () => {
    const contract = await define({ title: "Audited" });
    dataOf(await use(contract.id, 10));
    const trail = dataOf(
      await api.run(AuditTrailDocument, { filter: { accountId, kind: "CONTRACT_USAGE_RECORDED" } }, as("analyst")),
    ).auditTrail.edges.map((e) => e.node);
    const mine = trail.find((r) => (r.payload as { contractId?: string }).contractId === contract.id);
    expect(mine).toMatchObject({ kind: "CONTRACT_USAGE_RECORDED", accountIds: [accountId], actor: expect.any(String) });
    expect(mine!.payload).toMatchObject({ ledgerSeq: 2, units: 10, period: THIS_MONTH });
    expect(dataOf(await api.run(VerifyAuditTrailDocument, {}, as("analyst"))).verifyAuditTrail.ok).toBe(true);

    const changes = dataOf(
      await api.run(
        ChangesDocument,
        { types: ["CONTRACT_DEFINED", "CONTRACT_USAGE_RECORDED"], first: 100 },
        as("admin"),
      ),
    ).changes.events.filter((e) => e.recordId === contract.id);
    expect(changes.map((e) => [e.type, e.recordType])).toEqual([
      ["CONTRACT_DEFINED", "CONTRACT"],
      ["CONTRACT_USAGE_RECORDED", "CONTRACT"],
    ]);
  });

  it("gives a final statement for last month, with the base when nothing was used", async () => {
    const contract = await define({
      benefit: {
        kind: "API_QUOTA",
        formula: { kind: "TIERED", base: 1000, tiers: [{ fromUnits: 0, rate: 1 }], cap: null },
      },
    });
    const statement = dataOf(
      await api.run(ContractStatementDocument, { id: contract.id, period: LAST_MONTH.period }, as("admin")),
    ).contractStatement;
    expect(statement).toMatchObject({ final: true, totalUnits: 0, benefitKind: "API_QUOTA", benefitValue: 1000 });
  });
});

describe("refusals", () => {
  it("refuses usage outside the grant and stores nothing", async () => {
    const contract = await define();
    const refused = async (extra: Record<string, unknown>) => onlyErrorOf(await use(contract.id, 5, extra), 200);
    expect((await refused({ category: "SUPPORT" })).extensions).toMatchObject({
      code: "FORBIDDEN",
      reason: "PROCESSING_NOT_GRANTED",
    });
    expect((await refused({ purpose: "AUTOMATION" })).message).toMatch(/purpose AUTOMATION is not granted/);
    expect((await refused({ anonymised: false })).message).toMatch(/anonymised data only/);
    expect((await refused({ period: "2020-01" })).extensions).toMatchObject({ reason: "INVALID_CONTRACT_REQUEST" });
    const asked = dataOf(
      await api.run(
        ContractProcessingAllowedDocument,
        { contractId: contract.id, category: "SUPPORT", purpose: "ANALYTICS", anonymised: true },
        as("integrator"),
      ),
    ).contractProcessingAllowed;
    expect(asked).toMatchObject({ allowed: false, refusal: "CATEGORY_NOT_GRANTED" });
    expect(await ledgerSeqOf(contract.id)).toBe(1);
    expect(await verifyLedger(contract.id)).toMatchObject({ ok: true, headSeq: 1 });
  });

  it("stops further usage from the moment of a revocation, and keeps the ledger verifiable", async () => {
    const contract = await define();
    dataOf(await use(contract.id, 100));
    const check = async () =>
      dataOf(
        await api.run(
          ContractProcessingAllowedDocument,
          { contractId: contract.id, category: "TELEMETRY", purpose: "ANALYTICS", anonymised: true },
          as("integrator"),
        ),
      ).contractProcessingAllowed;
    expect(await check()).toEqual({ allowed: true, refusal: null, message: null });
    const revoked = dataOf(
      await api.run(RevokeValueContractDocument, { id: contract.id, reason: "customer withdrew" }, as("admin")),
    ).revokeValueContract;
    expect(revoked).toMatchObject({ status: "REVOKED", revokedReason: "customer withdrew", ledgerSeq: 3 });
    expect(onlyErrorOf(await use(contract.id, 5), 200).extensions).toMatchObject({
      code: "CONFLICT",
      reason: "CONTRACT_REVOKED",
    });
    expect(await check()).toMatchObject({ allowed: false, refusal: "CONTRACT_REVOKED" });
    const again = await api.run(RevokeValueContractDocument, { id: contract.id, reason: "twice" }, as("admin"));
    expect(onlyErrorOf(again, 200).extensions).toMatchObject({ reason: "CONTRACT_REVOKED" });
    // What was used before the revocation is still owed.
    const statement = dataOf(
      await api.run(ContractStatementDocument, { id: contract.id, period: THIS_MONTH }, as("admin")),
    ).contractStatement;
    expect(statement).toMatchObject({ totalUnits: 100, benefitValue: 2.1 });
    expect(await verifyLedger(contract.id)).toEqual({ ok: true, checkedEntries: 4, headSeq: 4, firstProblem: null });
  });
});

describe("tampering", () => {
  it("detects a ledger entry changed directly in Neo4j, at its number", async () => {
    const contract = await define();
    dataOf(await use(contract.id, 1200));
    dataOf(await use(contract.id, 300));
    await tamper(
      "MATCH (e:ContractLedgerEntry {tenant: $tenant, contractId: $id, seq: 2}) " +
        "SET e.payload = replace(e.payload, '\"units\":1200', '\"units\":12000')",
      { tenant, id: contract.id },
    );
    const entries = dataOf(
      await api.run(ValueContractLedgerDocument, { id: contract.id }, as("analyst")),
    ).valueContractLedger;
    expect(entries[1]!.payload).toMatchObject({ units: 12000 });
    expect(await verifyLedger(contract.id)).toMatchObject({
      ok: false,
      checkedEntries: 1,
      firstProblem: { seq: 2, kind: "ALTERED" },
    });
  });

  it("detects a removed entry, reordered entries, and terms widened after the grant", async () => {
    const removed = await define();
    for (const units of [1, 2, 3]) dataOf(await use(removed.id, units));
    await tamper("MATCH (e:ContractLedgerEntry {tenant: $tenant, contractId: $id, seq: 3}) DELETE e", {
      tenant,
      id: removed.id,
    });
    expect((await verifyLedger(removed.id)).firstProblem).toMatchObject({ seq: 3, kind: "GAP" });

    const reordered = await define();
    for (const units of [1, 2]) dataOf(await use(reordered.id, units));
    await tamper(
      "MATCH (a:ContractLedgerEntry {tenant: $tenant, contractId: $id, seq: 2}), " +
        "(b:ContractLedgerEntry {tenant: $tenant, contractId: $id, seq: 3}) " +
        "SET a.seq = -1 WITH a, b SET b.seq = 2 WITH a SET a.seq = 3",
      { tenant, id: reordered.id },
    );
    expect((await verifyLedger(reordered.id)).firstProblem).toMatchObject({ seq: 2, kind: "BROKEN_LINK" });

    const widened = await define();
    await tamper(
      "MATCH (c:ValueContract {tenant: $tenant, id: $id}) " +
        'SET c.definition = replace(c.definition, \'"TELEMETRY",\', \'"SUPPORT","TELEMETRY",\')',
      { tenant, id: widened.id },
    );
    expect((await verifyLedger(widened.id)).firstProblem).toMatchObject({ seq: 1, kind: "TERMS_MISMATCH" });
  });
});

describe("tenants and roles", () => {
  it("lets another tenant neither read, use, state, revoke nor verify this tenant's contract", async () => {
    const contract = await define();
    const other = uniqueTenant("contracts-other");
    const notFound = (response: Parameters<typeof onlyErrorOf>[0]) =>
      expect(onlyErrorOf(response, 200).extensions).toMatchObject({ code: "NOT_FOUND", reason: "CONTRACT_NOT_FOUND" });
    notFound(await api.run(ValueContractDocument, { id: contract.id }, as("admin", other)));
    notFound(await api.run(VerifyContractLedgerDocument, { id: contract.id }, as("admin", other)));
    notFound(await api.run(ValueContractLedgerDocument, { id: contract.id }, as("admin", other)));
    notFound(await api.run(RevokeValueContractDocument, { id: contract.id, reason: "hostile" }, as("admin", other)));
    notFound(await api.run(ContractStatementDocument, { id: contract.id, period: THIS_MONTH }, as("admin", other)));
    notFound(
      await api.run(
        RecordContractUsageDocument,
        {
          contractId: contract.id,
          period: THIS_MONTH,
          category: "TELEMETRY",
          purpose: "ANALYTICS",
          anonymised: true,
          units: 1,
        },
        as("admin", other),
      ),
    );
    notFound(
      await api.run(
        ContractProcessingAllowedDocument,
        { contractId: contract.id, category: "TELEMETRY", purpose: "ANALYTICS", anonymised: true },
        as("admin", other),
      ),
    );
    expect(dataOf(await api.run(ValueContractsDocument, {}, as("admin", other))).valueContracts.edges).toEqual([]);
    // And nothing changed here.
    expect(await verifyLedger(contract.id)).toMatchObject({ ok: true, headSeq: 1 });
    expect(dataOf(await api.run(ValueContractDocument, { id: contract.id }, as("analyst"))).valueContract.status).toBe(
      "ACTIVE",
    );
  });

  it("lets admins write, analysts read and issue statements, integrators record usage, and viewers nothing", async () => {
    const contract = await define();
    const forbidden = (response: Parameters<typeof onlyErrorOf>[0]) =>
      expect(onlyErrorOf(response, 200).extensions?.code).toBe("FORBIDDEN");
    forbidden(await api.run(DefineValueContractDocument, { input: terms() }, as("analyst")));
    forbidden(await api.run(RevokeValueContractDocument, { id: contract.id, reason: "x" }, as("analyst")));
    forbidden(await api.run(ValueContractDocument, { id: contract.id }, as("viewer")));
    forbidden(await api.run(ValueContractsDocument, {}, as("integrator")));
    forbidden(await api.run(ContractStatementDocument, { id: contract.id, period: THIS_MONTH }, as("viewer")));
    forbidden(
      await api.run(
        RecordContractUsageDocument,
        {
          contractId: contract.id,
          period: THIS_MONTH,
          category: "TELEMETRY",
          purpose: "ANALYTICS",
          anonymised: true,
          units: 1,
        },
        as("analyst"),
      ),
    );
    expect(await ledgerSeqOf(contract.id)).toBe(1);
  });
});

describe("bad input", () => {
  it("refuses malformed formulas and terms with every problem named, and stores nothing", async () => {
    const before = await contractCount();
    const response = await api.run(
      DefineValueContractDocument,
      {
        input: terms({
          grant: {
            categories: ["TELEMETRY"],
            purposes: ["ANALYTICS"],
            anonymisedOnly: true,
            startsAt: LAST_MONTH.start,
            endsAt: LAST_MONTH.start,
          },
          benefit: {
            kind: "DISCOUNT_PERCENT",
            formula: { kind: "TIERED", base: 150, tiers: [{ fromUnits: 5, rate: 1 }] },
          },
        }),
      },
      as("admin"),
    );
    const error = onlyErrorOf(response, 200);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_CONTRACT" });
    const problems = (error.extensions as { problems: Array<{ path: string }> }).problems.map((p) => p.path);
    expect(problems).toEqual(["grant.endsAt", "benefit.formula.base", "benefit.formula.tiers[0].fromUnits"]);
    const linear = await api.run(
      DefineValueContractDocument,
      { input: terms({ benefit: { kind: "API_QUOTA", formula: { kind: "LINEAR", base: 1 } } }) },
      as("admin"),
    );
    expect(onlyErrorOf(linear, 200).message).toMatch(/benefit\.formula\.rate is required/);
    expect(await contractCount()).toBe(before);
  });

  it("refuses an unknown category, an unknown account, negative, zero and huge units, and a bad month", async () => {
    const before = await contractCount();
    const unknownCategory = await api.post(
      "mutation($input: ValueContractInput!) { defineValueContract(input: $input) { id } }",
      { input: { ...terms(), grant: { ...terms().grant, categories: ["GENOME"] } } },
      as("admin"),
    );
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.body.errors?.[0]?.message).toMatch(/GENOME.*DataCategory/);
    const noAccount = await api.run(
      DefineValueContractDocument,
      { input: terms({ accountId: "acc_nope" }) },
      as("admin"),
    );
    expect(onlyErrorOf(noAccount, 200).extensions).toMatchObject({
      code: "NOT_FOUND",
      reason: "CONTRACT_ACCOUNT_NOT_FOUND",
    });
    const longTitle = await api.run(
      DefineValueContractDocument,
      { input: terms({ title: "x".repeat(300) }) },
      as("admin"),
    );
    expect(onlyErrorOf(longTitle, 200).message).toMatch(/title must be a text of 1 to 200 characters/);
    expect(await contractCount()).toBe(before);

    const contract = await define();
    for (const units of [-5, 0]) {
      const error = onlyErrorOf(await use(contract.id, units), 200);
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_CONTRACT_REQUEST" });
      expect(error.message).toMatch(`units must be a whole number from 1 to 1000000000; it is ${units}`);
    }
    const huge = await use(contract.id, 2 ** 40);
    expect(huge.status).toBe(400);
    expect(huge.body.errors?.[0]?.message).toMatch(/Int cannot represent/);
    const badMonth = await use(contract.id, 5, { period: "2026-13" });
    expect(onlyErrorOf(badMonth, 200).message).toMatch(/period "2026-13" is not a month; give it as YYYY-MM/);
    const future = await use(contract.id, 5, { period: month(2).period });
    expect(onlyErrorOf(future, 200).message).toMatch(/has not begun yet/);
    const longReason = await api.run(
      RevokeValueContractDocument,
      { id: contract.id, reason: "r".repeat(600) },
      as("admin"),
    );
    expect(onlyErrorOf(longReason, 200).extensions).toMatchObject({ reason: "INVALID_CONTRACT_REQUEST" });
    const email = await api.run(
      RevokeValueContractDocument,
      { id: contract.id, reason: "ann@example.com" },
      as("admin"),
    );
    expect(onlyErrorOf(email, 200).extensions).toMatchObject({ reason: "INVALID_AUDIT_ENTRY" });
    expect(await ledgerSeqOf(contract.id)).toBe(1);
  });
});
