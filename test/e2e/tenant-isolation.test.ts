import { nodeId } from "../../domain/ids/node-id";
import {
  AccountByIdDocument,
  AccountsPageDocument,
  IngestSignalsDocument,
  SourceSystemsDocument,
  UpsertAccountsDocument,
  UpsertContactsDocument,
  UpsertOrganizationsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

const tenantA = uniqueTenant("iso-a");
const tenantB = uniqueTenant("iso-b");
let api: TestApi;
let tokenA: string;
let tokenB: string;

/** Both tenants use the same source system and external ids; only A has "ISO-ONLY-A" and source "a-only". */
const ACCOUNTS_A = [
  { sourceSystem: "crm", externalId: "ISO-1", name: "Zephyr Isolation A", industry: "HEALTHCARE" },
  { sourceSystem: "crm", externalId: "ISO-ONLY-A", name: "Zephyr Secret A" },
  { sourceSystem: "a-only", externalId: "ISO-2", name: "Zephyr Other Source A" },
];
const ACCOUNTS_B = [{ sourceSystem: "crm", externalId: "ISO-1", name: "Zephyr Isolation B", industry: "RETAIL" }];

const CONTACTS_OF = `query($id: ID!, $after: String) { account(id: $id) {
  contacts(first: 1, after: $after) { totalCount pageInfo { endCursor } edges { node { name } } } } }`;

interface ContactsOf {
  account: {
    contacts: { totalCount: number; pageInfo: { endCursor: string | null }; edges: Array<{ node: { name: string } }> };
  } | null;
}

beforeAll(async () => {
  api = await startTestApi();
  tokenA = api.token(tenantA, "integrator");
  tokenB = api.token(tenantB, "integrator");
  dataOf(await api.run(UpsertAccountsDocument, { input: ACCOUNTS_A }, { token: tokenA }));
  dataOf(await api.run(UpsertAccountsDocument, { input: ACCOUNTS_B }, { token: tokenB }));
  const contacts = ["Ada", "Bo"].map((name, i) => ({
    sourceSystem: "crm",
    externalId: `ISO-C-${i}`,
    account: { externalId: "ISO-1" },
    name: `${name} of A`,
  }));
  dataOf(await api.run(UpsertContactsDocument, { input: contacts }, { token: tokenA }));
  dataOf(
    await api.run(
      UpsertContactsDocument,
      { input: [{ sourceSystem: "crm", externalId: "ISO-C-0", account: { externalId: "ISO-1" }, name: "Cy of B" }] },
      { token: tokenB },
    ),
  );
});

afterAll(async () => {
  await api.stop();
});

const idInA = (externalId: string, source = "crm"): string => nodeId("Account", tenantA, source, externalId);
const idInB = (externalId: string, source = "crm"): string => nodeId("Account", tenantB, source, externalId);

describe("reads stay inside the caller's tenant", () => {
  it("returns null when tenant B asks for one of tenant A's account ids", async () => {
    const response = await api.run(AccountByIdDocument, { id: idInA("ISO-ONLY-A") }, { token: tokenB });
    expect(dataOf(response).account).toBeNull();
  });

  it("still returns the account to its own tenant", async () => {
    const response = await api.run(AccountByIdDocument, { id: idInA("ISO-ONLY-A") }, { token: tokenA });
    expect(dataOf(response).account?.name).toBe("Zephyr Secret A");
  });

  it("lists only tenant B's accounts to tenant B, with a matching totalCount", async () => {
    const data = dataOf(await api.run(AccountsPageDocument, { first: 500 }, { token: tokenB }));
    expect(data.accounts.edges.map((e) => e.node.name)).toEqual(["Zephyr Isolation B"]);
    expect(data.accounts.totalCount).toBe(1);
  });

  it("does not find tenant A's accounts through tenant B's full-text search", async () => {
    const data = dataOf(await api.run(AccountsPageDocument, { filter: { search: "zephyr" } }, { token: tokenB }));
    expect(data.accounts.edges.map((e) => e.node.name)).toEqual(["Zephyr Isolation B"]);
    expect(data.accounts.totalCount).toBe(1);
  });

  it("does not show tenant A's contacts under tenant B's account with the same external id", async () => {
    const response = await api.post<ContactsOf>(CONTACTS_OF, { id: idInB("ISO-1") }, { token: tokenB });
    const contacts = dataOf(response).account?.contacts;
    expect(contacts?.totalCount).toBe(1);
    expect(contacts?.edges.map((e) => e.node.name)).toEqual(["Cy of B"]);
  });

  it("lists only the source systems tenant B's records mention", async () => {
    const keysB = dataOf(await api.run(SourceSystemsDocument, {}, { token: tokenB })).sourceSystems.map((s) => s.key);
    expect(keysB).toEqual(["crm"]);
    const keysA = dataOf(await api.run(SourceSystemsDocument, {}, { token: tokenA })).sourceSystems.map((s) => s.key);
    expect(keysA).toEqual(["a-only", "crm"]);
  });
});

describe("the same external ids in two tenants", () => {
  it("get different ids, each derived from its own tenant", async () => {
    const again = { input: [ACCOUNTS_A[0] as (typeof ACCOUNTS_A)[0]] };
    const a = dataOf(await api.run(UpsertAccountsDocument, again, { token: tokenA })).upsertAccounts.records;
    const b = dataOf(await api.run(UpsertAccountsDocument, { input: ACCOUNTS_B }, { token: tokenB })).upsertAccounts
      .records;
    expect(a).toEqual([{ index: 0, id: idInA("ISO-1"), status: "UNCHANGED" }]);
    expect(b).toEqual([{ index: 0, id: idInB("ISO-1"), status: "UNCHANGED" }]);
    expect(idInA("ISO-1")).not.toBe(idInB("ISO-1"));
  });

  it("do not overwrite each other", async () => {
    const a = dataOf(await api.run(AccountByIdDocument, { id: idInA("ISO-1") }, { token: tokenA })).account;
    const b = dataOf(await api.run(AccountByIdDocument, { id: idInB("ISO-1") }, { token: tokenB })).account;
    expect(a).toMatchObject({ name: "Zephyr Isolation A", industry: "HEALTHCARE" });
    expect(b).toMatchObject({ name: "Zephyr Isolation B", industry: "RETAIL" });
  });
});

describe("writes cannot reach into another tenant", () => {
  it("rejects tenant B's contact that names an account only tenant A has", async () => {
    const contact = {
      sourceSystem: "crm",
      externalId: "ISO-X-1",
      account: { externalId: "ISO-ONLY-A" },
      name: "Intruder",
    };
    const result = dataOf(
      await api.run(UpsertContactsDocument, { input: [contact] }, { token: tokenB }),
    ).upsertContacts;
    expect(result).toMatchObject({ created: 0, rejected: 1, records: [] });
    expect(result.rejections[0]?.reason).toMatch(
      /account "ISO-ONLY-A" from source system "crm" does not exist in this tenant/,
    );

    const ofA = await api.post<ContactsOf>(CONTACTS_OF, { id: idInA("ISO-ONLY-A") }, { token: tokenA });
    expect(dataOf(ofA).account?.contacts.totalCount).toBe(0);
  });

  it("rejects tenant B's organization linked to an account only tenant A has", async () => {
    const organization = {
      sourceSystem: "crm",
      externalId: "ISO-ORG-1",
      name: "Intruder Partners",
      kind: "PARTNER" as const,
      links: [{ account: { externalId: "ISO-ONLY-A" }, relationship: "PARTNER_OF" as const }],
    };
    const result = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [organization] }, { token: tokenB }),
    ).upsertOrganizations;
    expect(result).toMatchObject({ created: 0, rejected: 1 });
    const network = await api.post<{ account: { network: { totalCount: number } } }>(
      "query($id: ID!) { account(id: $id) { network { totalCount } } }",
      { id: idInA("ISO-ONLY-A") },
      { token: tokenA },
    );
    expect(dataOf(network).account.network.totalCount).toBe(0);
  });

  it("rejects tenant B's signal about an account only tenant A has", async () => {
    const signal = {
      sourceSystem: "crm",
      recordId: "ISO-S-1",
      field: "temperature",
      numberValue: 21,
      observedAt: "2026-10-01T10:00:00Z",
      subject: { kind: "ACCOUNT" as const, externalId: "ISO-ONLY-A", sourceSystem: "crm" },
    };
    const result = dataOf(await api.run(IngestSignalsDocument, { input: [signal] }, { token: tokenB })).ingestSignals;
    expect(result).toMatchObject({ created: 0, rejected: 1 });
    expect(result.rejections[0]?.reason).toMatch(/subject account "ISO-ONLY-A" .* does not exist in this tenant/);
  });
});

describe("cursors are bound to their tenant", () => {
  it("rejects tenant A's accounts cursor for tenant B with BAD_USER_INPUT / INVALID_CURSOR", async () => {
    const pageA = dataOf(await api.run(AccountsPageDocument, { first: 1 }, { token: tokenA }));
    const cursor = pageA.accounts.pageInfo.endCursor;
    expect(cursor).toEqual(expect.any(String));

    const response = await api.run(AccountsPageDocument, { first: 1, after: cursor }, { token: tokenB });
    const error = onlyErrorOf(response, 200);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "INVALID_CURSOR" });
    expect(error.message).toMatch(/another tenant/);
    expect(error.message).not.toContain(tenantA);
    expect(response.body.data ?? null).toBeNull();
  });

  it("still accepts the cursor from tenant A", async () => {
    const pageA = dataOf(await api.run(AccountsPageDocument, { first: 1 }, { token: tokenA }));
    const next = await api.run(
      AccountsPageDocument,
      { first: 1, after: pageA.accounts.pageInfo.endCursor },
      { token: tokenA },
    );
    expect(dataOf(next).accounts.edges).toHaveLength(1);
  });

  it("rejects a nested contacts cursor from tenant A for tenant B", async () => {
    const pageA = dataOf(await api.post<ContactsOf>(CONTACTS_OF, { id: idInA("ISO-1") }, { token: tokenA }));
    const cursor = pageA.account?.contacts.pageInfo.endCursor;
    expect(cursor).toEqual(expect.any(String));

    const response = await api.post<ContactsOf>(CONTACTS_OF, { id: idInB("ISO-1"), after: cursor }, { token: tokenB });
    const error = onlyErrorOf(response, 200);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "INVALID_CURSOR" });
    expect(error.path).toEqual(["account", "contacts"]);
  });
});
