import { IdentifiedKind, nodeId } from "../../domain/ids/node-id";
import {
  AccountByIdDocument,
  AccountInput,
  AssetInput,
  ContactInput,
  OpportunityInput,
  OrganizationInput,
  Customer360Document,
  Customer360Query,
  IngestSignalsDocument,
  SignalInput,
  SourceSystemsDocument,
  UpsertAccountsDocument,
  UpsertAssetsDocument,
  UpsertContactsDocument,
  UpsertOpportunitiesDocument,
  UpsertOrganizationsDocument,
  UpsertSourceSystemsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

const tenant = uniqueTenant("idempotency");
let api: TestApi;
let token: string;

const id = (kind: IdentifiedKind, externalId: string, source = "crm"): string =>
  nodeId(kind, tenant, source, externalId);
const statuses = (outcome: { records: Array<{ status: string }> }): string[] => outcome.records.map((r) => r.status);

/** The account's nested lists as the Customer 360 operation reads them. */
async function view(externalId: string): Promise<NonNullable<Customer360Query["account"]>> {
  const data = dataOf(await api.run(Customer360Document, { id: id("Account", externalId), signals: 50 }, { token }));
  expect(data.account).not.toBeNull();
  return data.account as NonNullable<Customer360Query["account"]>;
}

const ACCOUNTS: AccountInput[] = [
  { sourceSystem: "crm", externalId: "I-1", name: "Iris Clinics", industry: "HEALTHCARE", annualRevenue: 10_000_000 },
  { sourceSystem: "crm", externalId: "I-2", name: "Ivy Motors", industry: "AUTOMOTIVE" },
  { sourceSystem: "crm", externalId: "I-3", name: "Indigo Foods" },
];

beforeAll(async () => {
  api = await startTestApi();
  token = api.token(tenant, "integrator");
  const result = dataOf(await api.run(UpsertAccountsDocument, { input: ACCOUNTS }, { token })).upsertAccounts;
  expect(result.created).toBe(ACCOUNTS.length);
});

afterAll(async () => {
  await api.stop();
});

describe("upsertSourceSystems", () => {
  const SYSTEMS = [
    { key: "salesforce", name: "Salesforce", kind: "CRM" as const },
    { key: "genesys", name: "Genesys Cloud", kind: "CALL_CENTER" as const },
  ];

  it("reports created, then unchanged, then updated when a name or kind changes, keyed by the key", async () => {
    const first = dataOf(await api.run(UpsertSourceSystemsDocument, { input: SYSTEMS }, { token })).upsertSourceSystems;
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.records).toEqual([
      { index: 0, id: "salesforce", status: "CREATED" },
      { index: 1, id: "genesys", status: "CREATED" },
    ]);

    const again = dataOf(await api.run(UpsertSourceSystemsDocument, { input: SYSTEMS }, { token })).upsertSourceSystems;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.records.map((r) => r.id)).toEqual(["salesforce", "genesys"]);

    const renamed = [
      { ...SYSTEMS[0], name: "Salesforce Sales Cloud" },
      { ...SYSTEMS[1], kind: "SUPPORT" as const },
    ];
    const changed = dataOf(
      await api.run(UpsertSourceSystemsDocument, { input: renamed }, { token }),
    ).upsertSourceSystems;
    expect(statuses(changed)).toEqual(["UPDATED", "UPDATED"]);

    const listed = dataOf(await api.run(SourceSystemsDocument, {}, { token })).sourceSystems;
    expect(listed).toEqual(
      expect.arrayContaining([
        { key: "salesforce", name: "Salesforce Sales Cloud", kind: "CRM" },
        { key: "genesys", name: "Genesys Cloud", kind: "SUPPORT" },
      ]),
    );
  });

  it("describes a source system that records had only mentioned", async () => {
    const listed = dataOf(await api.run(SourceSystemsDocument, {}, { token })).sourceSystems;
    expect(listed).toContainEqual({ key: "crm", name: "crm", kind: "OTHER" });
    const described = dataOf(
      await api.run(UpsertSourceSystemsDocument, { input: [{ key: "crm", name: "HubSpot", kind: "CRM" }] }, { token }),
    ).upsertSourceSystems;
    expect(described.records).toEqual([{ index: 0, id: "crm", status: "UPDATED" }]);
  });
});

describe("upsertAccounts", () => {
  it("reports an identical rerun unchanged, with the same ids", async () => {
    const again = dataOf(await api.run(UpsertAccountsDocument, { input: ACCOUNTS }, { token })).upsertAccounts;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(again.records).toEqual(
      ACCOUNTS.map((a, index) => ({ index, id: id("Account", a.externalId), status: "UNCHANGED" })),
    );
  });

  it("reports created, updated and unchanged records of one batch each at its index", async () => {
    const batch = [
      { ...ACCOUNTS[0], annualRevenue: 11_000_000 },
      { sourceSystem: "crm", externalId: "I-4", name: "Ion Labs" },
      ACCOUNTS[2],
    ];
    const result = dataOf(await api.run(UpsertAccountsDocument, { input: batch }, { token })).upsertAccounts;
    expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect(result.records).toEqual([
      { index: 0, id: id("Account", "I-1"), status: "UPDATED" },
      { index: 1, id: id("Account", "I-4"), status: "CREATED" },
      { index: 2, id: id("Account", "I-3"), status: "UNCHANGED" },
    ]);
  });

  it("keeps firstSeenAt and lastUpdatedAt on an unchanged rerun, and moves only lastUpdatedAt on an update", async () => {
    const read = async () =>
      dataOf(await api.run(AccountByIdDocument, { id: id("Account", "I-2") }, { token })).account;
    const before = await read();
    await api.run(UpsertAccountsDocument, { input: [ACCOUNTS[1]] }, { token });
    expect(await read()).toEqual(before);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const update = dataOf(
      await api.run(UpsertAccountsDocument, { input: [{ ...ACCOUNTS[1], segment: "SMB" }] }, { token }),
    ).upsertAccounts;
    expect(statuses(update)).toEqual(["UPDATED"]);
    const after = await read();
    expect(after?.segment).toBe("SMB");
    expect(after?.firstSeenAt).toBe(before?.firstSeenAt);
    expect(Date.parse(after?.lastUpdatedAt ?? "")).toBeGreaterThan(Date.parse(before?.lastUpdatedAt ?? ""));
  });

  it("treats a property sent as null like one left out", async () => {
    const withNulls = {
      sourceSystem: "crm",
      externalId: "I-3",
      name: "Indigo Foods",
      industry: null,
      segment: null,
      region: null,
      annualRevenue: null,
    };
    const result = dataOf(await api.run(UpsertAccountsDocument, { input: [withNulls] }, { token })).upsertAccounts;
    expect(statuses(result)).toEqual(["UNCHANGED"]);
  });

  it("treats a name that differs only in surrounding spaces as unchanged", async () => {
    const padded = { ...ACCOUNTS[2], name: "  Indigo Foods " };
    const result = dataOf(await api.run(UpsertAccountsDocument, { input: [padded] }, { token })).upsertAccounts;
    expect(statuses(result)).toEqual(["UNCHANGED"]);
  });

  it("keeps a property that is no longer sent (issue 19), and clears it with mode REPLACE", async () => {
    const withoutIndustry = { sourceSystem: "crm", externalId: "I-2", name: "Ivy Motors", segment: "MID_MARKET" };
    const result = dataOf(
      await api.run(UpsertAccountsDocument, { input: [withoutIndustry] }, { token }),
    ).upsertAccounts;
    expect(statuses(result)).toEqual(["UPDATED"]);
    const kept = dataOf(await api.run(AccountByIdDocument, { id: id("Account", "I-2") }, { token })).account;
    expect(kept).toMatchObject({ industry: "AUTOMOTIVE", segment: "MID_MARKET" });

    const replaced = dataOf(
      await api.run(UpsertAccountsDocument, { input: [withoutIndustry], mode: "REPLACE" }, { token }),
    ).upsertAccounts;
    expect(statuses(replaced)).toEqual(["UPDATED"]);
    const account = dataOf(await api.run(AccountByIdDocument, { id: id("Account", "I-2") }, { token })).account;
    expect(account).toMatchObject({ industry: null, segment: "MID_MARKET" });
  });
});

describe("upsertContacts", () => {
  const CONTACTS: ContactInput[] = [
    {
      sourceSystem: "crm",
      externalId: "IC-1",
      account: { externalId: "I-1" },
      name: "Nina Roth",
      email: "nina@iris.example",
    },
    {
      sourceSystem: "crm",
      externalId: "IC-2",
      account: { externalId: "I-1" },
      name: "Omar Sy",
      buyingRole: "CHAMPION" as const,
    },
  ];

  it("reports created, then unchanged, with stable ids", async () => {
    const first = dataOf(await api.run(UpsertContactsDocument, { input: CONTACTS }, { token })).upsertContacts;
    expect(first).toMatchObject({ created: 2, rejected: 0 });
    const again = dataOf(await api.run(UpsertContactsDocument, { input: CONTACTS }, { token })).upsertContacts;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.records).toEqual(first.records.map((r) => ({ ...r, status: "UNCHANGED" })));
    expect(again.records.map((r) => r.id)).toEqual([id("Contact", "IC-1"), id("Contact", "IC-2")]);
  });

  it("reports a changed contact updated", async () => {
    const changed = [{ ...CONTACTS[0], title: "Head of Radiology" }];
    const result = dataOf(await api.run(UpsertContactsDocument, { input: changed }, { token })).upsertContacts;
    expect(result.records).toEqual([{ index: 0, id: id("Contact", "IC-1"), status: "UPDATED" }]);
  });

  it("moves a contact to another account: the old account no longer lists it", async () => {
    const moved = [{ ...CONTACTS[1], account: { externalId: "I-2" } }];
    const result = dataOf(await api.run(UpsertContactsDocument, { input: moved }, { token })).upsertContacts;
    expect(result.records).toEqual([{ index: 0, id: id("Contact", "IC-2"), status: "UPDATED" }]);

    expect((await view("I-1")).contacts.edges.map((e) => e.node.id)).toEqual([id("Contact", "IC-1")]);
    expect((await view("I-2")).contacts.edges.map((e) => e.node.id)).toEqual([id("Contact", "IC-2")]);
    const owner = await api.post<{ account: { contacts: { edges: Array<{ node: { account: { id: string } } }> } } }>(
      "query($id: ID!) { account(id: $id) { contacts { edges { node { account { id } } } } } }",
      { id: id("Account", "I-2") },
      { token },
    );
    expect(dataOf(owner).account.contacts.edges[0]?.node.account.id).toBe(id("Account", "I-2"));

    const again = dataOf(await api.run(UpsertContactsDocument, { input: moved }, { token })).upsertContacts;
    expect(statuses(again)).toEqual(["UNCHANGED"]);
  });

  it("keeps a contact where it was when the account it is moved to does not exist", async () => {
    const lost = [{ ...CONTACTS[0], title: "Head of Radiology", account: { externalId: "I-404" } }];
    const result = dataOf(await api.run(UpsertContactsDocument, { input: lost }, { token })).upsertContacts;
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 0, rejected: 1, records: [] });
    expect((await view("I-1")).contacts.edges.map((e) => e.node.id)).toEqual([id("Contact", "IC-1")]);
    const stay = [{ ...CONTACTS[0], title: "Head of Radiology" }];
    expect(statuses(dataOf(await api.run(UpsertContactsDocument, { input: stay }, { token })).upsertContacts)).toEqual([
      "UNCHANGED",
    ]);
  });

  it("moves a contact to an account named with an explicit source system", async () => {
    const explicit = [{ ...CONTACTS[1], account: { externalId: "I-2", sourceSystem: "crm" } }];
    const result = dataOf(await api.run(UpsertContactsDocument, { input: explicit }, { token })).upsertContacts;
    // The same account, named with its default source system spelled out: nothing changed.
    expect(statuses(result)).toEqual(["UNCHANGED"]);
  });
});

describe("upsertOpportunities", () => {
  const OPPORTUNITIES: OpportunityInput[] = [
    {
      sourceSystem: "crm",
      externalId: "IO-1",
      account: { externalId: "I-1" },
      name: "Imaging suite",
      stage: "PROPOSAL" as const,
      amount: 500_000,
      currency: "EUR",
      closeDate: "2026-12-01",
    },
  ];

  it("reports created, unchanged, then updated when the stage changes", async () => {
    const first = dataOf(
      await api.run(UpsertOpportunitiesDocument, { input: OPPORTUNITIES }, { token }),
    ).upsertOpportunities;
    expect(first.records).toEqual([{ index: 0, id: id("Opportunity", "IO-1"), status: "CREATED" }]);
    const again = dataOf(
      await api.run(UpsertOpportunitiesDocument, { input: OPPORTUNITIES }, { token }),
    ).upsertOpportunities;
    expect(again.records).toEqual([{ index: 0, id: id("Opportunity", "IO-1"), status: "UNCHANGED" }]);
    const won = [{ ...OPPORTUNITIES[0], stage: "CLOSED_WON" as const }];
    const updated = dataOf(await api.run(UpsertOpportunitiesDocument, { input: won }, { token })).upsertOpportunities;
    expect(updated.records).toEqual([{ index: 0, id: id("Opportunity", "IO-1"), status: "UPDATED" }]);
    expect((await view("I-1")).opportunities.edges.map((e) => e.node.stage)).toEqual(["CLOSED_WON"]);
  });

  it("moves an opportunity to another account", async () => {
    const moved = [{ ...OPPORTUNITIES[0], stage: "CLOSED_WON" as const, account: { externalId: "I-3" } }];
    const result = dataOf(await api.run(UpsertOpportunitiesDocument, { input: moved }, { token })).upsertOpportunities;
    expect(statuses(result)).toEqual(["UPDATED"]);
    expect((await view("I-1")).opportunities.totalCount).toBe(0);
    expect((await view("I-3")).opportunities.edges.map((e) => e.node.id)).toEqual([id("Opportunity", "IO-1")]);
  });
});

describe("upsertAssets", () => {
  const ASSETS: AssetInput[] = [
    {
      sourceSystem: "erp",
      externalId: "IA-1",
      account: { externalId: "I-1", sourceSystem: "crm" },
      name: "CT scanner",
      serialNumber: "CT-001",
      installedOn: "2024-05-01",
    },
  ];

  it("reports created, unchanged, updated, and moves the asset with its account reference", async () => {
    const first = dataOf(await api.run(UpsertAssetsDocument, { input: ASSETS }, { token })).upsertAssets;
    expect(first.records).toEqual([{ index: 0, id: id("Asset", "IA-1", "erp"), status: "CREATED" }]);
    expect(statuses(dataOf(await api.run(UpsertAssetsDocument, { input: ASSETS }, { token })).upsertAssets)).toEqual([
      "UNCHANGED",
    ]);
    const upgraded = [{ ...ASSETS[0], model: "CT-9000" }];
    expect(statuses(dataOf(await api.run(UpsertAssetsDocument, { input: upgraded }, { token })).upsertAssets)).toEqual([
      "UPDATED",
    ]);

    const moved = [{ ...ASSETS[0], model: "CT-9000", account: { externalId: "I-2", sourceSystem: "crm" } }];
    const result = dataOf(await api.run(UpsertAssetsDocument, { input: moved }, { token })).upsertAssets;
    expect(result.records).toEqual([{ index: 0, id: id("Asset", "IA-1", "erp"), status: "UPDATED" }]);
    expect((await view("I-1")).assets.totalCount).toBe(0);
    expect((await view("I-2")).assets.edges.map((e) => e.node)).toEqual([
      {
        id: id("Asset", "IA-1", "erp"),
        name: "CT scanner",
        model: "CT-9000",
        serialNumber: "CT-001",
        installedOn: "2024-05-01",
      },
    ]);
  });
});

describe("upsertOrganizations with links", () => {
  const ORGANIZATION: OrganizationInput = {
    sourceSystem: "crm",
    externalId: "IN-1",
    name: "Medi Partners",
    kind: "PARTNER" as const,
    links: [
      { account: { externalId: "I-1" }, relationship: "PARTNER_OF" as const },
      { account: { externalId: "I-2" }, relationship: "SERVICES" as const },
    ],
  };
  const networkOf = async (externalId: string): Promise<Array<[string, string]>> =>
    (await view(externalId)).network.edges.map((e) => [e.node.id, e.relationship]);

  it("reports created, then unchanged, and links the accounts", async () => {
    const first = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [ORGANIZATION] }, { token }),
    ).upsertOrganizations;
    expect(first.records).toEqual([{ index: 0, id: id("Organization", "IN-1"), status: "CREATED" }]);
    const again = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [ORGANIZATION] }, { token }),
    ).upsertOrganizations;
    expect(again.records).toEqual([{ index: 0, id: id("Organization", "IN-1"), status: "UNCHANGED" }]);
    expect(await networkOf("I-1")).toEqual([[id("Organization", "IN-1"), "PARTNER_OF"]]);
    expect(await networkOf("I-2")).toEqual([[id("Organization", "IN-1"), "SERVICES"]]);
  });

  it("reports updated when a link changes, and replaces the earlier links", async () => {
    const relinked = {
      ...ORGANIZATION,
      links: [
        { account: { externalId: "I-1" }, relationship: "RESELLS_TO" as const },
        { account: { externalId: "I-3" }, relationship: "SERVICES" as const },
      ],
    };
    const result = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [relinked] }, { token }),
    ).upsertOrganizations;
    expect(result.records).toEqual([{ index: 0, id: id("Organization", "IN-1"), status: "UPDATED" }]);
    expect(await networkOf("I-1")).toEqual([[id("Organization", "IN-1"), "RESELLS_TO"]]);
    expect(await networkOf("I-2")).toEqual([]);
    expect(await networkOf("I-3")).toEqual([[id("Organization", "IN-1"), "SERVICES"]]);
    const again = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [relinked] }, { token }),
    ).upsertOrganizations;
    expect(statuses(again)).toEqual(["UNCHANGED"]);
  });

  it("reports the same links sent in another order as unchanged", async () => {
    const links: OrganizationInput["links"] = [
      { account: { externalId: "I-1" }, relationship: "PARTNER_OF" },
      { account: { externalId: "I-2" }, relationship: "SUPPLIES" },
    ];
    const organization: OrganizationInput = { ...ORGANIZATION, externalId: "IN-2", name: "Order Test", links };
    dataOf(await api.run(UpsertOrganizationsDocument, { input: [organization] }, { token }));
    const reordered = { ...organization, links: [...links].reverse() };
    const result = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [reordered] }, { token }),
    ).upsertOrganizations;
    expect(statuses(result)).toEqual(["UNCHANGED"]);
  });

  it("removes every link when the organization is sent without links", async () => {
    const unlinked = { ...ORGANIZATION, links: [] };
    const result = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [unlinked] }, { token }),
    ).upsertOrganizations;
    expect(statuses(result)).toEqual(["UPDATED"]);
    const organizationId = id("Organization", "IN-1");
    expect((await networkOf("I-1")).filter(([orgId]) => orgId === organizationId)).toEqual([]);
    expect((await networkOf("I-3")).filter(([orgId]) => orgId === organizationId)).toEqual([]);
  });
});

describe("ingestSignals", () => {
  const SIGNALS: SignalInput[] = [
    {
      sourceSystem: "genesys",
      recordId: "IS-1",
      field: "csat_score",
      numberValue: 4,
      observedAt: "2026-10-01T10:00:00Z",
      subject: { kind: "ACCOUNT", externalId: "I-1", sourceSystem: "crm" },
    },
    {
      sourceSystem: "genesys",
      recordId: "IS-2",
      field: "sentiment",
      stringValue: "positive",
      observedAt: "2026-10-02T10:00:00Z",
      subject: { kind: "CONTACT", externalId: "IC-1", sourceSystem: "crm" },
    },
    {
      sourceSystem: "genesys",
      recordId: "IS-3",
      field: "online",
      booleanValue: true,
      observedAt: "2026-10-03T10:00:00Z",
      subject: { kind: "ASSET", externalId: "IA-1", sourceSystem: "erp" },
    },
  ];

  it("reports signals about accounts, contacts and assets created, then unchanged, with stable ids", async () => {
    const first = dataOf(await api.run(IngestSignalsDocument, { input: SIGNALS }, { token })).ingestSignals;
    expect(first).toMatchObject({ created: 3, rejected: 0 });
    const ids = ["IS-1", "IS-2", "IS-3"].map((recordId) => id("Signal", recordId, "genesys"));
    expect(first.records).toEqual(ids.map((signalId, index) => ({ index, id: signalId, status: "CREATED" })));

    const again = dataOf(await api.run(IngestSignalsDocument, { input: SIGNALS }, { token })).ingestSignals;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.records).toEqual(ids.map((signalId, index) => ({ index, id: signalId, status: "UNCHANGED" })));
  });

  it("reports the same instant written in another zone unchanged", async () => {
    const shifted: SignalInput[] = [{ ...SIGNALS[0], observedAt: "2026-10-01T12:00:00+02:00" }];
    expect(statuses(dataOf(await api.run(IngestSignalsDocument, { input: shifted }, { token })).ingestSignals)).toEqual(
      ["UNCHANGED"],
    );
  });

  it("reports a changed value updated and shows it", async () => {
    const changed: SignalInput[] = [
      { ...SIGNALS[0], numberValue: 2 },
      SIGNALS[1],
      { ...SIGNALS[2], booleanValue: false },
    ];
    const result = dataOf(await api.run(IngestSignalsDocument, { input: changed }, { token })).ingestSignals;
    expect(statuses(result)).toEqual(["UPDATED", "UNCHANGED", "UPDATED"]);
    const signals = (await view("I-1")).signals.edges.map((e) => e.node);
    expect(signals).toEqual([expect.objectContaining({ recordId: "IS-1", numberValue: 2, valueType: "NUMBER" })]);
  });

  it("moves a signal to another subject: the old account no longer lists it", async () => {
    const moved: SignalInput[] = [
      { ...SIGNALS[0], numberValue: 2, subject: { kind: "ACCOUNT", externalId: "I-3", sourceSystem: "crm" } },
    ];
    const result = dataOf(await api.run(IngestSignalsDocument, { input: moved }, { token })).ingestSignals;
    expect(result.records).toEqual([{ index: 0, id: id("Signal", "IS-1", "genesys"), status: "UPDATED" }]);
    expect((await view("I-1")).signals.totalCount).toBe(0);
    expect((await view("I-3")).signals.edges.map((e) => e.node.recordId)).toEqual(["IS-1"]);

    const toContact: SignalInput[] = [
      { ...moved[0], subject: { kind: "CONTACT", externalId: "IC-1", sourceSystem: "crm" } },
    ];
    expect(
      statuses(dataOf(await api.run(IngestSignalsDocument, { input: toContact }, { token })).ingestSignals),
    ).toEqual(["UPDATED"]);
    expect((await view("I-3")).signals.totalCount).toBe(0);
  });
});

describe("batches larger than one write chunk", () => {
  let chunked: TestApi;
  const chunkedTenant = uniqueTenant("idempotency-chunks");

  beforeAll(async () => {
    chunked = await startTestApi({ RELATA_WRITE_CHUNK_SIZE: "2" });
  });

  afterAll(async () => {
    await chunked?.stop();
  });

  it("stores every chunk and reports each record at its own index, then all unchanged", async () => {
    const chunkedToken = chunked.token(chunkedTenant, "integrator");
    const input: AccountInput[] = Array.from({ length: 5 }, (_, i) => ({
      sourceSystem: "crm",
      externalId: `K-${i}`,
      name: `Chunk ${i}`,
    }));
    input.splice(2, 0, { sourceSystem: "crm", externalId: "", name: "Invalid" });
    const expectedRecords = (status: string) =>
      [0, 1, 3, 4, 5].map((index) => ({
        index,
        id: nodeId("Account", chunkedTenant, "crm", input[index]?.externalId ?? ""),
        status,
      }));

    const first = dataOf(await chunked.run(UpsertAccountsDocument, { input }, { token: chunkedToken })).upsertAccounts;
    expect(first).toMatchObject({ created: 5, rejected: 1, rejections: [expect.objectContaining({ index: 2 })] });
    expect(first.records).toEqual(expectedRecords("CREATED"));

    const again = dataOf(await chunked.run(UpsertAccountsDocument, { input }, { token: chunkedToken })).upsertAccounts;
    expect(again.records).toEqual(expectedRecords("UNCHANGED"));
  });
});
