import { auth, driver as createDriver, Driver } from "neo4j-driver";
import { nodeId } from "../../domain/ids/node-id";
import {
  AccountByIdDocument,
  AccountsPageDocument,
  IngestSignalsDocument,
  SourceSystemsDocument,
  UpsertAccountsDocument,
  UpsertAssetsDocument,
  UpsertContactsDocument,
  UpsertOpportunitiesDocument,
  UpsertOrganizationsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

const tenant = uniqueTenant("bad-input");
let api: TestApi;
let token: string;
let neo4j: Driver;
let database: string;

const ACCOUNTS = ["Able", "Baker", "Charlie"].map((name, i) => ({ sourceSystem: "crm", externalId: `B-${i}`, name }));
const HUB_ID = nodeId("Account", tenant, "crm", "B-0");

/** Counts this tenant's nodes with a label (and external id) straight from Neo4j, bypassing the API. */
async function countNodes(
  label: "Account" | "Contact" | "Organization" | "Signal" | "Asset",
  externalId?: string,
): Promise<number> {
  const result = await neo4j.executeQuery(
    `MATCH (n:${label} {tenant: $tenant}) WHERE $externalId IS NULL OR n.externalId = $externalId RETURN count(n) AS n`,
    { tenant, externalId: externalId ?? null },
    { database, routing: "READ" },
  );
  return (result.records[0]?.get("n") as { toNumber(): number }).toNumber();
}

beforeAll(async () => {
  api = await startTestApi();
  token = api.token(tenant, "admin");
  database = api.runtime.connection.database;
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI is not set; the integration global setup should have set it.");
  neo4j = createDriver(uri, auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""));
  dataOf(await api.run(UpsertAccountsDocument, { input: ACCOUNTS }, { token }));
  const contacts = ["Ann", "Bob", "Cid", "Dee"].map((name, i) => ({
    sourceSystem: "crm",
    externalId: `BC-${i}`,
    account: { externalId: i < 3 ? "B-0" : "B-1" },
    name,
  }));
  dataOf(await api.run(UpsertContactsDocument, { input: contacts }, { token }));
  dataOf(
    await api.run(
      UpsertAssetsDocument,
      { input: [{ sourceSystem: "crm", externalId: "BA-0", account: { externalId: "B-0" }, name: "Pump" }] },
      { token },
    ),
  );
});

afterAll(async () => {
  await neo4j?.close();
  await api?.stop();
});

describe("malformed ids", () => {
  it('rejects account(id: "garbage") with BAD_USER_INPUT / INVALID_ID and names the expected shape', async () => {
    const response = await api.run(AccountByIdDocument, { id: "garbage" }, { token });
    const error = onlyErrorOf(response, 200);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "INVALID_ID" });
    expect(error.message).toMatch(/"garbage" is not an? Account id/);
    expect(error.message).toContain('"acc_" followed by 22');
    expect(error.path).toEqual(["account"]);
    expect(response.body.data).toEqual({ account: null });
  });

  it("rejects the id of another kind of record", async () => {
    const contactId = nodeId("Contact", tenant, "crm", "BC-0");
    const error = onlyErrorOf(await api.run(AccountByIdDocument, { id: contactId }, { token }), 200);
    expect(error.extensions?.reason).toBe("INVALID_ID");
  });

  it("answers a well-formed id that does not exist with null, not an error", async () => {
    const response = await api.run(AccountByIdDocument, { id: nodeId("Account", tenant, "crm", "nope") }, { token });
    expect(dataOf(response).account).toBeNull();
  });
});

describe("malformed cursors", () => {
  const firstPageCursor = async (orderBy: "NAME_ASC" | "NAME_DESC" = "NAME_ASC"): Promise<string> => {
    const data = dataOf(await api.run(AccountsPageDocument, { first: 1, orderBy }, { token }));
    return data.accounts.pageInfo.endCursor as string;
  };

  it.each(["garbage", "", "a.b", "a.b.c", "eyJ0IjoieCJ9.AAAAAAAAAAAAAAAA"])(
    "rejects the cursor %p with BAD_USER_INPUT / INVALID_CURSOR",
    async (after) => {
      const response = await api.run(AccountsPageDocument, { first: 1, after }, { token });
      const error = onlyErrorOf(response, 200);
      expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "INVALID_CURSOR" });
      expect(error.message).toMatch(/^after: /);
      expect(error.message).toMatch(/pageInfo\.endCursor/);
    },
  );

  it("rejects a cursor whose position was edited", async () => {
    const cursor = await firstPageCursor();
    const [body, signature] = cursor.split(".") as [string, string];
    // The position is encrypted (no sort key readable): change one byte of it and keep the signature.
    const bytes = Buffer.from(body, "base64url");
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    const edited = `${bytes.toString("base64url")}.${signature}`;
    const error = onlyErrorOf(await api.run(AccountsPageDocument, { first: 1, after: edited }, { token }), 200);
    expect(error.extensions?.reason).toBe("INVALID_CURSOR");
    expect(error.message).toMatch(/altered/);
  });

  it("rejects a cursor whose signature was edited", async () => {
    const cursor = await firstPageCursor();
    const tampered = cursor.slice(0, -2) + (cursor.endsWith("AA") ? "BB" : "AA");
    const error = onlyErrorOf(await api.run(AccountsPageDocument, { first: 1, after: tampered }, { token }), 200);
    expect(error.extensions?.reason).toBe("INVALID_CURSOR");
  });

  it("rejects a NAME_ASC cursor in the NAME_DESC list and names both lists", async () => {
    const cursor = await firstPageCursor("NAME_ASC");
    const response = await api.run(AccountsPageDocument, { first: 1, orderBy: "NAME_DESC", after: cursor }, { token });
    const error = onlyErrorOf(response, 200);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "INVALID_CURSOR" });
    expect(error.message).toContain('"accounts:NAME_ASC", not "accounts:NAME_DESC"');
  });

  it("rejects an account-list cursor in a nested list, and a contacts cursor in the assets list", async () => {
    const accountsCursor = await firstPageCursor();
    const query = `query($id: ID!, $after: String) { account(id: $id) { contacts(first: 1, after: $after) { edges { cursor } } } }`;
    const nested = await api.post(query, { id: HUB_ID, after: accountsCursor }, { token });
    expect(onlyErrorOf(nested, 200).extensions?.reason).toBe("INVALID_CURSOR");

    const contacts = await api.post<{ account: { contacts: { edges: Array<{ cursor: string }> } } }>(
      query,
      { id: HUB_ID, after: null },
      { token },
    );
    const contactsCursor = dataOf(contacts).account.contacts.edges[0]?.cursor;
    const assets = await api.post(
      `query($id: ID!, $after: String) { account(id: $id) { assets(first: 1, after: $after) { edges { cursor } } } }`,
      { id: HUB_ID, after: contactsCursor },
      { token },
    );
    const error = onlyErrorOf(assets, 200);
    expect(error.extensions?.reason).toBe("INVALID_CURSOR");
    expect(error.message).toMatch(/belongs to the list "account\.contacts:acc_[^"]+", not "account\.assets:acc_/);
  });
});

describe("cursors of one account's nested list", () => {
  it("rejects a contacts cursor of one account in another account's contacts", async () => {
    const query = `query($id: ID!, $after: String) { account(id: $id) {
      contacts(first: 1, after: $after) { pageInfo { endCursor } edges { node { name } } } } }`;
    type Contacts = {
      account: { contacts: { pageInfo: { endCursor: string }; edges: Array<{ node: { name: string } }> } };
    };
    const ofHub = dataOf(await api.post<Contacts>(query, { id: HUB_ID }, { token }));
    const cursor = ofHub.account.contacts.pageInfo.endCursor;

    const otherId = nodeId("Account", tenant, "crm", "B-1");
    const response = await api.post<Contacts>(query, { id: otherId, after: cursor }, { token });
    const error = onlyErrorOf(response, 200);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "INVALID_CURSOR" });
  });
});

describe("page sizes", () => {
  it.each([501, -1, 100_000])("rejects first: %p with PAGE_SIZE_OUT_OF_RANGE naming the limit", async (first) => {
    const error = onlyErrorOf(await api.run(AccountsPageDocument, { first }, { token }), 200);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "PAGE_SIZE_OUT_OF_RANGE" });
    expect(error.message).toContain("between 0 and 500");
    expect(error.message).toContain(`received ${first}`);
  });

  it("accepts first: 500, the limit itself", async () => {
    const data = dataOf(await api.run(AccountsPageDocument, { first: 500 }, { token }));
    expect(data.accounts.edges.length).toBe(data.accounts.totalCount);
    expect(data.accounts.pageInfo.hasNextPage).toBe(false);
  });

  it("rejects an oversized page of a nested list", async () => {
    const response = await api.post(
      "query($id: ID!) { account(id: $id) { contacts(first: 501) { totalCount } } }",
      { id: HUB_ID },
      { token },
    );
    const error = onlyErrorOf(response, 200);
    expect(error.extensions?.reason).toBe("PAGE_SIZE_OUT_OF_RANGE");
    expect(error.path).toEqual(["account", "contacts"]);
  });
});

describe("requests GraphQL itself refuses", () => {
  it("rejects a string for first with GraphQL's own BAD_USER_INPUT and HTTP 400", async () => {
    const response = await api.post(
      "query($first: Int) { accounts(first: $first) { totalCount } }",
      { first: "two" },
      { token },
    );
    const error = onlyErrorOf(response, 400);
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/\$first/);
    expect(error.message).toMatch(/Int/);
  });

  it("rejects a query nested deeper than the limit with reason QUERY_TOO_DEEP, naming the limit", async () => {
    // accounts > edges > node > contacts > edges > node > account > contacts > edges > node > account > name: 12
    const twelve = `{ accounts(first: 1) { edges { node { contacts(first: 1) { edges { node { account {
      contacts(first: 1) { edges { node { account { name } } } } } } } } } } } }`;
    expect(dataOf(await api.post(twelve, {}, { token }))).toBeTruthy();

    const thirteen = `query TooDeep { accounts(first: 1) { edges { node { contacts(first: 1) { edges { node { account {
      contacts(first: 1) { edges { node { account { contacts { totalCount } } } } } } } } } } } } }`;
    const error = onlyErrorOf(await api.post(thirteen, {}, { token }), 400);
    expect(error.extensions?.reason).toBe("QUERY_TOO_DEEP");
    expect(error.message).toBe(
      'The operation "TooDeep" is nested 13 levels deep; at most 12 are allowed. Split it into several operations.',
    );
  });

  it("reports a query that is too deep with the public code BAD_USER_INPUT the depth rule sets", async () => {
    const deep = `{ accounts { edges { node { contacts { edges { node { account { contacts { edges { node {
      account { contacts { edges { node { name } } } } } } } } } } } } } } }`;
    const error = onlyErrorOf(await api.post(deep, {}, { token }), 400);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "QUERY_TOO_DEEP" });
  });

  it("answers a body that is not JSON with HTTP 400 BAD_REQUEST", async () => {
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: '{"query": "{ viewer { tenant } }"',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors).toEqual([
      { message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } },
    ]);
  });

  it("answers a request without a query with HTTP 400", async () => {
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ variables: {} }),
    });
    expect(response.status).toBe(400);
  });
});

describe("invalid records in a batch", () => {
  it("rejects each invalid account with its index and a plain reason, and stores the valid ones", async () => {
    const input = [
      { sourceSystem: "crm", externalId: "BV-0", name: "Valid One", annualRevenue: 10 },
      { sourceSystem: "crm", externalId: "BV-1", name: "   " },
      { sourceSystem: "Salesforce CRM", externalId: "BV-2", name: "Bad Source" },
      { sourceSystem: "crm", externalId: "BV-3", name: "Negative", annualRevenue: -100 },
      { sourceSystem: "crm", externalId: "BV-0", name: "Valid One Again" },
      { sourceSystem: "crm", externalId: "", name: "No Id" },
      { sourceSystem: "crm", externalId: "BV-6", name: "Valid Two" },
    ];
    const result = dataOf(await api.run(UpsertAccountsDocument, { input }, { token })).upsertAccounts;
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 5 });
    expect(result.records).toEqual([
      { index: 0, id: nodeId("Account", tenant, "crm", "BV-0"), status: "CREATED" },
      { index: 6, id: nodeId("Account", tenant, "crm", "BV-6"), status: "CREATED" },
    ]);
    expect(result.rejections).toEqual([
      { index: 1, externalId: "BV-1", reason: "name must not be empty" },
      {
        index: 2,
        externalId: "BV-2",
        reason: expect.stringMatching(
          /^sourceSystem must be a source system key of lower-case letters.*received "Salesforce CRM"$/,
        ),
      },
      { index: 3, externalId: "BV-3", reason: "annualRevenue must not be negative; received -100" },
      { index: 4, externalId: "BV-0", reason: expect.stringMatching(/^duplicate of record 0 in this batch/) },
      { index: 5, externalId: "", reason: "externalId must not be empty" },
    ]);
    const stored = dataOf(
      await api.run(AccountByIdDocument, { id: nodeId("Account", tenant, "crm", "BV-0") }, { token }),
    );
    expect(stored.account?.name).toBe("Valid One");
    expect(await countNodes("Account", "BV-3")).toBe(0);
  });

  it("rejects opportunities and assets with dates that are not dates", async () => {
    const opportunities = [
      {
        sourceSystem: "crm",
        externalId: "BO-0",
        account: { externalId: "B-0" },
        name: "Good",
        stage: "PROPOSAL" as const,
        closeDate: "2026-12-31",
      },
      {
        sourceSystem: "crm",
        externalId: "BO-1",
        account: { externalId: "B-0" },
        name: "Month 13",
        stage: "PROPOSAL" as const,
        closeDate: "2026-13-01",
      },
      {
        sourceSystem: "crm",
        externalId: "BO-2",
        account: { externalId: "B-0" },
        name: "Not ISO",
        stage: "PROPOSAL" as const,
        closeDate: "31.12.2026",
      },
    ];
    const opps = dataOf(
      await api.run(UpsertOpportunitiesDocument, { input: opportunities }, { token }),
    ).upsertOpportunities;
    expect(opps.records.map((r) => r.index)).toEqual([0]);
    expect(opps.rejections).toEqual([
      { index: 1, externalId: "BO-1", reason: 'closeDate must be a date written YYYY-MM-DD; received "2026-13-01"' },
      { index: 2, externalId: "BO-2", reason: 'closeDate must be a date written YYYY-MM-DD; received "31.12.2026"' },
    ]);

    const assets = [
      {
        sourceSystem: "crm",
        externalId: "BA-9",
        account: { externalId: "B-0" },
        name: "Pump",
        installedOn: "2026-1-5",
      },
    ];
    const result = dataOf(await api.run(UpsertAssetsDocument, { input: assets }, { token })).upsertAssets;
    expect(result.rejections).toEqual([
      { index: 0, externalId: "BA-9", reason: 'installedOn must be a date written YYYY-MM-DD; received "2026-1-5"' },
    ]);
  });

  it("rejects signals with an instant without a zone, or with two values", async () => {
    const subject = { kind: "ACCOUNT" as const, externalId: "B-0" };
    const signals = [
      {
        sourceSystem: "crm",
        recordId: "BS-0",
        field: "csat",
        numberValue: 3,
        observedAt: "2026-10-01T10:00:00",
        subject,
      },
      {
        sourceSystem: "crm",
        recordId: "BS-1",
        field: "csat",
        numberValue: 3,
        stringValue: "3",
        observedAt: "2026-10-01T10:00:00Z",
        subject,
      },
      {
        sourceSystem: "crm",
        recordId: "BS-2",
        field: "csat",
        numberValue: 3,
        observedAt: "2026-10-01T10:00:00Z",
        subject,
      },
    ];
    const result = dataOf(await api.run(IngestSignalsDocument, { input: signals }, { token })).ingestSignals;
    expect(result.records.map((r) => r.index)).toEqual([2]);
    expect(result.rejections.map((r) => [r.index, r.reason.split(";")[0]])).toEqual([
      [0, 'observedAt must be an ISO-8601 date and time with a zone, e.g. "2026-03-01T09:30:00Z"'],
      [1, "exactly one of numberValue, stringValue and booleanValue must be set"],
    ]);
  });

  it("rejects a contact naming an unknown account, and writes no Contact node for it", async () => {
    const contacts = [
      { sourceSystem: "crm", externalId: "BX-0", account: { externalId: "NO-SUCH-ACCOUNT" }, name: "Ghost" },
      { sourceSystem: "crm", externalId: "BX-1", account: { externalId: "B-1" }, name: "Real" },
    ];
    const result = dataOf(await api.run(UpsertContactsDocument, { input: contacts }, { token })).upsertContacts;
    expect(result).toMatchObject({ created: 1, rejected: 1 });
    expect(result.rejections).toEqual([
      {
        index: 0,
        externalId: "BX-0",
        reason:
          'account "NO-SUCH-ACCOUNT" from source system "crm" does not exist in this tenant; upsert the account first, ' +
          "or correct account.externalId / account.sourceSystem",
      },
    ]);
    expect(await countNodes("Contact", "BX-0")).toBe(0);
    expect(await countNodes("Contact", "BX-1")).toBe(1);
  });

  it("rejects a contact whose account is in another source system than it defaults to", async () => {
    const contacts = [
      { sourceSystem: "support", externalId: "BX-2", account: { externalId: "B-1" }, name: "Wrong Source" },
    ];
    const result = dataOf(await api.run(UpsertContactsDocument, { input: contacts }, { token })).upsertContacts;
    expect(result.rejections[0]?.reason).toMatch(/^account "B-1" from source system "support" does not exist/);
    expect(await countNodes("Contact", "BX-2")).toBe(0);
  });

  it("rejects an organization with one unknown account among its links, writing neither it nor any link", async () => {
    const organization = {
      sourceSystem: "crm",
      externalId: "BN-0",
      name: "Half Linked",
      kind: "PARTNER" as const,
      links: [
        { account: { externalId: "B-2" }, relationship: "PARTNER_OF" as const },
        { account: { externalId: "NO-SUCH-ACCOUNT" }, relationship: "SUPPLIES" as const },
      ],
    };
    const result = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [organization] }, { token }),
    ).upsertOrganizations;
    expect(result).toMatchObject({ created: 0, rejected: 1 });
    // Issue 19: the reason names the missing account only, never B-2, which exists.
    expect(result.rejections[0]?.reason).toMatch(
      /^links\[1\]: account "NO-SUCH-ACCOUNT" from source system "crm" does not/,
    );
    expect(result.rejections[0]?.reason).not.toContain("B-2");
    expect(await countNodes("Organization", "BN-0")).toBe(0);
    const network = await api.post<{ account: { network: { totalCount: number } } }>(
      "query($id: ID!) { account(id: $id) { network { totalCount } } }",
      { id: nodeId("Account", tenant, "crm", "B-2") },
      { token },
    );
    expect(dataOf(network).account.network.totalCount).toBe(0);
  });

  it("rejects a signal about an unknown contact, writing no Signal node", async () => {
    const signal = {
      sourceSystem: "crm",
      recordId: "BS-9",
      field: "nps",
      numberValue: 9,
      observedAt: "2026-10-01T10:00:00Z",
      subject: { kind: "CONTACT" as const, externalId: "NO-SUCH-CONTACT" },
    };
    const result = dataOf(await api.run(IngestSignalsDocument, { input: [signal] }, { token })).ingestSignals;
    expect(result.rejections[0]?.reason).toMatch(
      /^subject contact "NO-SUCH-CONTACT" from source system "crm" does not exist/,
    );
    expect(await countNodes("Signal", "BS-9")).toBe(0);
  });

  it("registers no source system for records that were all rejected", async () => {
    const contacts = [
      { sourceSystem: "phantom-src", externalId: "BX-9", account: { externalId: "NOPE" }, name: "Nobody" },
    ];
    const result = dataOf(await api.run(UpsertContactsDocument, { input: contacts }, { token })).upsertContacts;
    expect(result.rejected).toBe(1);
    const keys = dataOf(await api.run(SourceSystemsDocument, {}, { token })).sourceSystems.map((s) => s.key);
    expect(keys).not.toContain("phantom-src");
  });
});

describe("batches larger than the maximum", () => {
  let small: TestApi;
  const smallTenant = uniqueTenant("bad-input-batch");

  beforeAll(async () => {
    small = await startTestApi({ RELATA_MAX_BATCH_SIZE: "5" });
  });

  afterAll(async () => {
    await small?.stop();
  });

  const batch = (size: number) =>
    Array.from({ length: size }, (_, i) => ({ sourceSystem: "crm", externalId: `BB-${i}`, name: `Batch ${i}` }));

  it("refuses the whole batch with BATCH_TOO_LARGE, naming its size and the limit, and stores nothing", async () => {
    const smallToken = small.token(smallTenant, "integrator");
    const response = await small.run(UpsertAccountsDocument, { input: batch(6) }, { token: smallToken });
    const error = onlyErrorOf(response, 200);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "BATCH_TOO_LARGE" });
    expect(error.message).toMatch(/^input has 6 records; at most 5 are accepted per call\./);
    expect(response.body.data ?? null).toBeNull();

    const count = dataOf(await small.run(AccountsPageDocument, { first: 0 }, { token: smallToken }));
    expect(count.accounts.totalCount).toBe(0);
    const sources = dataOf(await small.run(SourceSystemsDocument, {}, { token: smallToken }));
    expect(sources.sourceSystems).toEqual([]);
  });

  it("refuses oversized batches of every record kind", async () => {
    const smallToken = small.token(smallTenant, "integrator");
    const six = Array.from({ length: 6 }, (_, i) => i);
    const responses = await Promise.all([
      small.run(
        UpsertContactsDocument,
        {
          input: six.map((i) => ({
            sourceSystem: "crm",
            externalId: `C${i}`,
            account: { externalId: "A" },
            name: "x",
          })),
        },
        { token: smallToken },
      ),
      small.run(
        IngestSignalsDocument,
        {
          input: six.map((i) => ({
            sourceSystem: "crm",
            recordId: `S${i}`,
            field: "f",
            numberValue: 1,
            observedAt: "2026-01-01T00:00:00Z",
            subject: { kind: "ACCOUNT" as const, externalId: "A" },
          })),
        },
        { token: smallToken },
      ),
      small.run(
        UpsertOrganizationsDocument,
        {
          input: six.map((i) => ({
            sourceSystem: "crm",
            externalId: `O${i}`,
            name: "x",
            kind: "PARTNER" as const,
            links: [],
          })),
        },
        { token: smallToken },
      ),
    ]);
    for (const response of responses) expect(onlyErrorOf(response, 200).extensions?.reason).toBe("BATCH_TOO_LARGE");
  });

  it("accepts a batch of exactly the maximum", async () => {
    const smallToken = small.token(smallTenant, "integrator");
    const result = dataOf(await small.run(UpsertAccountsDocument, { input: batch(5) }, { token: smallToken }));
    expect(result.upsertAccounts).toMatchObject({ created: 5, rejected: 0 });
  });
});
