import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

const tenant = uniqueTenant("ingest");
let api: TestApi;
let token: string;

const ACCOUNTS = [
  {
    sourceSystem: "crm",
    externalId: "A-1",
    name: "Acme Healthcare",
    industry: "HEALTHCARE",
    segment: "ENTERPRISE",
    region: "EMEA",
    annualRevenue: 120000000,
  },
  {
    sourceSystem: "crm",
    externalId: "A-2",
    name: "Borealis Motors",
    industry: "AUTOMOTIVE",
    segment: "MID_MARKET",
    region: "APAC-CN",
    annualRevenue: 40000000,
  },
  {
    sourceSystem: "crm",
    externalId: "A-3",
    name: "Cobalt Learning",
    industry: "EDUCATION",
    segment: "SMB",
    region: "NA",
    annualRevenue: 2000000,
  },
];

const UPSERT_ACCOUNTS = `mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) {
  created updated unchanged rejected rejections { index externalId reason } records { index id status } } }`;
const UPSERT_CONTACTS = `mutation($input: [ContactInput!]!) { upsertContacts(input: $input) {
  created updated unchanged rejected rejections { index externalId reason } } }`;
const INGEST_SIGNALS = `mutation($input: [SignalInput!]!) { ingestSignals(input: $input) {
  created updated unchanged rejected rejections { index externalId reason } } }`;

beforeAll(async () => {
  api = await startTestApi();
  token = api.token(tenant, "integrator");
});

afterAll(async () => {
  await api.stop();
});

describe("bulk upserts", () => {
  it("creates accounts, then reports the same batch unchanged", async () => {
    const first = await api.post(UPSERT_ACCOUNTS, { input: ACCOUNTS }, { token });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.upsertAccounts).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    const again = await api.post(UPSERT_ACCOUNTS, { input: ACCOUNTS }, { token });
    expect(again.body.data?.upsertAccounts).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
  });

  it("reports a changed record as updated", async () => {
    const changed = [{ ...ACCOUNTS[2], region: "EMEA" }];
    const result = await api.post(UPSERT_ACCOUNTS, { input: changed }, { token });
    expect(result.body.data?.upsertAccounts).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
  });

  it("rejects invalid contacts with their index and reason while storing the valid ones", async () => {
    const result = await api.post(
      UPSERT_CONTACTS,
      {
        input: [
          {
            sourceSystem: "crm",
            externalId: "C-1",
            account: { externalId: "A-1" },
            name: "Dr. Lena Vogt",
            email: "lena@acme.example",
            buyingRole: "DECISION_MAKER",
          },
          { sourceSystem: "crm", externalId: "C-2", account: { externalId: "NOPE" }, name: "Ghost" },
          {
            sourceSystem: "crm",
            externalId: "C-3",
            account: { externalId: "A-1" },
            name: "Bad Mail",
            email: "not-an-email",
          },
          {
            sourceSystem: "crm",
            externalId: "C-4",
            account: { externalId: "A-1" },
            name: "Jon Park",
            title: "Head of Equipment",
          },
        ],
      },
      { token },
    );
    expect(result.body.errors).toBeUndefined();
    const outcome = result.body.data?.upsertContacts as {
      created: number;
      rejected: number;
      rejections: Array<{ index: number; reason: string }>;
    };
    expect(outcome.created).toBe(2);
    expect(outcome.rejected).toBe(2);
    expect(outcome.rejections.map((r) => r.index)).toEqual([1, 2]);
    expect(outcome.rejections[0]?.reason).toMatch(/account "NOPE" from source system "crm" does not exist/);
    expect(outcome.rejections[1]?.reason).toMatch(/email is not an e-mail address/);
  });

  it("ingests signals about accounts and reads them back newest first", async () => {
    const signals = [
      {
        sourceSystem: "callcenter",
        recordId: "T-1",
        field: "csat_score",
        numberValue: 4,
        unit: "score_1_5",
        observedAt: "2026-10-01T10:00:00Z",
        subject: { kind: "ACCOUNT", externalId: "A-1", sourceSystem: "crm" },
      },
      {
        sourceSystem: "callcenter",
        recordId: "T-2",
        field: "csat_score",
        numberValue: 2,
        unit: "score_1_5",
        observedAt: "2026-10-05T10:00:00Z",
        subject: { kind: "ACCOUNT", externalId: "A-1", sourceSystem: "crm" },
      },
      {
        sourceSystem: "iot",
        recordId: "R-1",
        field: "error_code",
        stringValue: "E42",
        observedAt: "2026-10-03T10:00:00Z",
        subject: { kind: "ACCOUNT", externalId: "A-1", sourceSystem: "crm" },
      },
      {
        sourceSystem: "iot",
        recordId: "R-2",
        field: "error_code",
        numberValue: 1,
        booleanValue: true,
        observedAt: "2026-10-03T10:00:00Z",
        subject: { kind: "ACCOUNT", externalId: "A-1", sourceSystem: "crm" },
      },
    ];
    const result = await api.post(INGEST_SIGNALS, { input: signals }, { token });
    expect(result.body.errors).toBeUndefined();
    expect((result.body.data?.ingestSignals as { rejections: unknown[] }).rejections).toEqual([
      expect.objectContaining({
        index: 3,
        reason: expect.stringMatching(/exactly one of numberValue, stringValue and booleanValue/),
      }),
    ]);
    expect(result.body.data?.ingestSignals).toMatchObject({ created: 3, rejected: 1 });
    const again = await api.post(INGEST_SIGNALS, { input: signals }, { token });
    expect(again.body.data?.ingestSignals).toMatchObject({ created: 0, unchanged: 3, rejected: 1 });

    const accounts = await api.post<{ accounts: { edges: Array<{ node: { id: string; name: string } }> } }>(
      `{ accounts(filter: { search: "acme" }) { edges { node { id name } } } }`,
      {},
      { token },
    );
    const id = accounts.body.data?.accounts.edges[0]?.node.id;
    expect(accounts.body.data?.accounts.edges.map((e) => e.node.name)).toEqual(["Acme Healthcare"]);
    const read = await api.post<{
      account: {
        name: string;
        contacts: { totalCount: number; edges: Array<{ node: { name: string; account: { id: string } } }> };
        signals: {
          totalCount: number;
          edges: Array<{ node: { recordId: string; valueType: string; observedAt: string } }>;
        };
      };
    }>(
      `query($id: ID!) { account(id: $id) { name
        contacts { totalCount edges { node { name account { id } } } }
        signals(first: 2) { totalCount edges { node { recordId valueType observedAt } } } } }`,
      { id },
      { token },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.account.contacts.totalCount).toBe(2);
    expect(read.body.data?.account.contacts.edges.map((e) => e.node.name)).toEqual(["Dr. Lena Vogt", "Jon Park"]);
    expect(read.body.data?.account.contacts.edges[0]?.node.account.id).toBe(id);
    expect(read.body.data?.account.signals.totalCount).toBe(3);
    expect(read.body.data?.account.signals.edges.map((e) => e.node.recordId)).toEqual(["T-2", "R-1"]);
    expect(read.body.data?.account.signals.edges[0]?.node.observedAt).toBe("2026-10-05T10:00:00.000Z");
  });
});
