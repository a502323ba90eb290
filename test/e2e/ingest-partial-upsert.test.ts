import { IdentifiedKind, nodeId } from "../../domain/ids/node-id";
import {
  AccountByIdDocument,
  Customer360Document,
  Customer360Query,
  IngestSignalsDocument,
  UpsertAccountsDocument,
  UpsertAssetsDocument,
  UpsertContactsDocument,
  UpsertOpportunitiesDocument,
  UpsertOrganizationsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 19: an upsert that leaves a field out keeps its stored value; an explicit null clears it; REPLACE
// is the full replacement. Resends that change nothing stay UNCHANGED, however much of the record they repeat.

const tenant = uniqueTenant("partial");
let api: TestApi;
let token: string;

const id = (kind: IdentifiedKind, externalId: string): string => nodeId(kind, tenant, "crm", externalId);
const statuses = (outcome: { records: Array<{ status: string }> }): string[] => outcome.records.map((r) => r.status);

const FULL = {
  sourceSystem: "crm",
  externalId: "P-1",
  name: "Pike Logistics",
  industry: "LOGISTICS",
  segment: "ENTERPRISE",
  region: "EMEA-DE",
  annualRevenue: 42_000_000,
};

async function account(externalId: string) {
  const data = dataOf(await api.run(AccountByIdDocument, { id: id("Account", externalId) }, { token }));
  expect(data.account).not.toBeNull();
  return data.account as NonNullable<typeof data.account>;
}

async function view(externalId: string): Promise<NonNullable<Customer360Query["account"]>> {
  const data = dataOf(await api.run(Customer360Document, { id: id("Account", externalId), signals: 10 }, { token }));
  expect(data.account).not.toBeNull();
  return data.account as NonNullable<Customer360Query["account"]>;
}

beforeAll(async () => {
  api = await startTestApi();
  token = api.token(tenant, "integrator");
});

afterAll(async () => {
  await api.stop();
});

describe("accounts", () => {
  beforeAll(async () => {
    const created = dataOf(await api.run(UpsertAccountsDocument, { input: [FULL] }, { token })).upsertAccounts;
    expect(statuses(created)).toEqual(["CREATED"]);
  });

  it("keeps every omitted field when only the name is resent, and reports the record unchanged", async () => {
    const onlyName = { sourceSystem: "crm", externalId: "P-1", name: "Pike Logistics" };
    const result = dataOf(await api.run(UpsertAccountsDocument, { input: [onlyName] }, { token })).upsertAccounts;
    expect(statuses(result)).toEqual(["UNCHANGED"]);
    expect(await account("P-1")).toMatchObject({
      industry: "LOGISTICS",
      segment: "ENTERPRISE",
      region: "EMEA-DE",
      annualRevenue: 42_000_000,
    });
  });

  it("changes only the fields sent, and a full resend of the merged record is then unchanged", async () => {
    const move = { sourceSystem: "crm", externalId: "P-1", name: "Pike Logistics", region: "EMEA-FR" };
    const moved = dataOf(await api.run(UpsertAccountsDocument, { input: [move] }, { token })).upsertAccounts;
    expect(statuses(moved)).toEqual(["UPDATED"]);
    expect(await account("P-1")).toMatchObject({ industry: "LOGISTICS", segment: "ENTERPRISE", region: "EMEA-FR" });

    const full = { ...FULL, region: "EMEA-FR" };
    const again = dataOf(await api.run(UpsertAccountsDocument, { input: [full] }, { token })).upsertAccounts;
    expect(statuses(again)).toEqual(["UNCHANGED"]);
  });

  it("clears a field sent as an explicit null and keeps the others", async () => {
    const clear = { sourceSystem: "crm", externalId: "P-1", name: "Pike Logistics", segment: null };
    const result = dataOf(await api.run(UpsertAccountsDocument, { input: [clear] }, { token })).upsertAccounts;
    expect(statuses(result)).toEqual(["UPDATED"]);
    const stored = await account("P-1");
    expect(stored.segment).toBeNull();
    expect(stored).toMatchObject({ industry: "LOGISTICS", region: "EMEA-FR", annualRevenue: 42_000_000 });
  });

  it("with mode REPLACE clears every field the record leaves out", async () => {
    const onlyName = { sourceSystem: "crm", externalId: "P-1", name: "Pike Logistics" };
    const replaced = dataOf(
      await api.run(UpsertAccountsDocument, { input: [onlyName], mode: "REPLACE" }, { token }),
    ).upsertAccounts;
    expect(statuses(replaced)).toEqual(["UPDATED"]);
    expect(await account("P-1")).toMatchObject({ industry: null, segment: null, region: null, annualRevenue: null });

    const resent = dataOf(
      await api.run(UpsertAccountsDocument, { input: [onlyName], mode: "REPLACE" }, { token }),
    ).upsertAccounts;
    expect(statuses(resent)).toEqual(["UNCHANGED"]);
  });

  it("creates a new record from a partial one, its omitted fields empty", async () => {
    const fresh = { sourceSystem: "crm", externalId: "P-2", name: "Quill Press", industry: "MEDIA" };
    const created = dataOf(await api.run(UpsertAccountsDocument, { input: [fresh] }, { token })).upsertAccounts;
    expect(statuses(created)).toEqual(["CREATED"]);
    expect(await account("P-2")).toMatchObject({ industry: "MEDIA", segment: null, region: null, annualRevenue: null });
  });

  it("merges each record of a batch with its own stored values", async () => {
    const batch = [
      { sourceSystem: "crm", externalId: "P-1", name: "Pike Logistics", industry: "SHIPPING" },
      { sourceSystem: "crm", externalId: "P-2", name: "Quill Press", region: "NA-US" },
      { sourceSystem: "crm", externalId: "P-3", name: "Rook Games" },
    ];
    const result = dataOf(await api.run(UpsertAccountsDocument, { input: batch }, { token })).upsertAccounts;
    expect(statuses(result)).toEqual(["UPDATED", "UPDATED", "CREATED"]);
    expect(await account("P-1")).toMatchObject({ industry: "SHIPPING", region: null });
    expect(await account("P-2")).toMatchObject({ industry: "MEDIA", region: "NA-US" });
  });
});

describe("records that belong to an account", () => {
  beforeAll(async () => {
    const accounts = [{ sourceSystem: "crm", externalId: "Q-1", name: "Quartz Labs" }];
    dataOf(await api.run(UpsertAccountsDocument, { input: accounts }, { token }));
    const contact = {
      sourceSystem: "crm",
      externalId: "QC-1",
      account: { externalId: "Q-1" },
      name: "Ada Moss",
      title: "CTO",
      email: "ada@quartz.example",
      buyingRole: "DECISION_MAKER" as const,
    };
    const opportunity = {
      sourceSystem: "crm",
      externalId: "QO-1",
      account: { externalId: "Q-1" },
      name: "Renewal",
      stage: "PROPOSAL" as const,
      amount: 120_000,
      currency: "EUR",
      closeDate: "2026-12-15",
    };
    const asset = {
      sourceSystem: "crm",
      externalId: "QA-1",
      account: { externalId: "Q-1" },
      name: "Press",
      serialNumber: "SN-1",
      model: "X2",
      installedOn: "2024-03-01",
    };
    expect(dataOf(await api.run(UpsertContactsDocument, { input: [contact] }, { token })).upsertContacts.created).toBe(
      1,
    );
    expect(
      dataOf(await api.run(UpsertOpportunitiesDocument, { input: [opportunity] }, { token })).upsertOpportunities
        .created,
    ).toBe(1);
    expect(dataOf(await api.run(UpsertAssetsDocument, { input: [asset] }, { token })).upsertAssets.created).toBe(1);
    const signal = {
      sourceSystem: "crm",
      recordId: "QS-1",
      field: "csat",
      numberValue: 4,
      unit: "points",
      observedAt: "2026-10-01T10:00:00Z",
      subject: { kind: "ACCOUNT" as const, externalId: "Q-1" },
    };
    expect(dataOf(await api.run(IngestSignalsDocument, { input: [signal] }, { token })).ingestSignals.created).toBe(1);
    const organization = {
      sourceSystem: "crm",
      externalId: "QN-1",
      name: "Quay Partners",
      kind: "PARTNER" as const,
      region: "EMEA",
      links: [{ account: { externalId: "Q-1" }, relationship: "PARTNER_OF" as const }],
    };
    expect(
      dataOf(await api.run(UpsertOrganizationsDocument, { input: [organization] }, { token })).upsertOrganizations
        .created,
    ).toBe(1);
  });

  it("keeps a contact's, an opportunity's and an asset's omitted fields, unchanged when nothing new is sent", async () => {
    const ref = { account: { externalId: "Q-1" } };
    const contact = dataOf(
      await api.run(
        UpsertContactsDocument,
        { input: [{ sourceSystem: "crm", externalId: "QC-1", ...ref, name: "Ada Moss" }] },
        { token },
      ),
    ).upsertContacts;
    const opportunity = dataOf(
      await api.run(
        UpsertOpportunitiesDocument,
        { input: [{ sourceSystem: "crm", externalId: "QO-1", ...ref, name: "Renewal", stage: "PROPOSAL" }] },
        { token },
      ),
    ).upsertOpportunities;
    const asset = dataOf(
      await api.run(
        UpsertAssetsDocument,
        { input: [{ sourceSystem: "crm", externalId: "QA-1", ...ref, name: "Press", model: "X3" }] },
        { token },
      ),
    ).upsertAssets;
    expect([statuses(contact), statuses(opportunity), statuses(asset)]).toEqual([
      ["UNCHANGED"],
      ["UNCHANGED"],
      ["UPDATED"],
    ]);
    const stored = await view("Q-1");
    expect(stored.contacts.edges[0]?.node).toMatchObject({
      title: "CTO",
      email: "ada@quartz.example",
      buyingRole: "DECISION_MAKER",
    });
    expect(stored.opportunities.edges[0]?.node).toMatchObject({
      amount: 120_000,
      currency: "EUR",
      closeDate: "2026-12-15",
    });
    expect(stored.assets.edges[0]?.node).toMatchObject({
      model: "X3",
      serialNumber: "SN-1",
      installedOn: "2024-03-01",
    });
  });

  it("keeps a signal's unit when omitted, and a value of another type replaces the old value", async () => {
    const base = {
      sourceSystem: "crm",
      recordId: "QS-1",
      field: "csat",
      observedAt: "2026-10-01T10:00:00Z",
      subject: { kind: "ACCOUNT" as const, externalId: "Q-1" },
    };
    const same = dataOf(await api.run(IngestSignalsDocument, { input: [{ ...base, numberValue: 4 }] }, { token }));
    expect(statuses(same.ingestSignals)).toEqual(["UNCHANGED"]);
    const text = dataOf(await api.run(IngestSignalsDocument, { input: [{ ...base, stringValue: "good" }] }, { token }));
    expect(statuses(text.ingestSignals)).toEqual(["UPDATED"]);
    const signal = (await view("Q-1")).signals.edges[0]?.node;
    expect(signal).toMatchObject({ valueType: "STRING", stringValue: "good", numberValue: null, unit: "points" });
  });

  it("keeps an organization's region when omitted; its links are replaced as sent", async () => {
    const organization = {
      sourceSystem: "crm",
      externalId: "QN-1",
      name: "Quay Partners",
      kind: "PARTNER" as const,
      links: [{ account: { externalId: "Q-1" }, relationship: "PARTNER_OF" as const }],
    };
    const same = dataOf(await api.run(UpsertOrganizationsDocument, { input: [organization] }, { token }));
    expect(statuses(same.upsertOrganizations)).toEqual(["UNCHANGED"]);
    expect((await view("Q-1")).network.edges[0]?.node).toMatchObject({ name: "Quay Partners", region: "EMEA" });

    const replaced = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [organization], mode: "REPLACE" }, { token }),
    );
    expect(statuses(replaced.upsertOrganizations)).toEqual(["UPDATED"]);
    expect((await view("Q-1")).network.edges[0]?.node.region).toBeNull();
  });
});
