import { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { generateDemoData } from "../../demo/demo-data.generator";
import { nodeId } from "../../domain/ids/node-id";
import {
  AccountsPageDocument,
  Customer360Document,
  IngestOutcomeFragment,
  IngestSignalsDocument,
  UpsertAccountsDocument,
  UpsertAssetsDocument,
  UpsertContactsDocument,
  UpsertOpportunitiesDocument,
  UpsertOrganizationsDocument,
  UpsertSourceSystemsDocument,
} from "../../schema/generated/graphql";
import { clockStartingAt } from "../../domain/time/clock";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

const tenant = uniqueTenant("c360");
const data = generateDemoData({ accounts: 40, signalsPerAccount: 30, seed: 7 });
let api: TestApi;
let token: string;

/** Sends the whole generated data set through the typed ingest mutations, over HTTP. */
async function ingestAll(): Promise<IngestOutcomeFragment[]> {
  const run = async <TData, TInput>(
    document: TypedDocumentNode<TData, { input: TInput | TInput[] }>,
    input: TInput[],
    key: keyof TData,
  ): Promise<IngestOutcomeFragment> => {
    const response = await api.run(document, { input }, { token });
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.[key] as IngestOutcomeFragment;
  };
  return [
    await run(UpsertSourceSystemsDocument, data.sourceSystems, "upsertSourceSystems"),
    await run(UpsertAccountsDocument, [...data.accounts()], "upsertAccounts"),
    await run(UpsertContactsDocument, [...data.contacts()], "upsertContacts"),
    await run(UpsertOpportunitiesDocument, [...data.opportunities()], "upsertOpportunities"),
    await run(UpsertAssetsDocument, [...data.assets()], "upsertAssets"),
    await run(UpsertOrganizationsDocument, [...data.organizations()], "upsertOrganizations"),
    await run(IngestSignalsDocument, [...data.signals()], "ingestSignals"),
  ];
}

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(data.referenceDate) });
  token = api.token(tenant, "integrator");
});

afterAll(async () => {
  await api.stop();
});

describe("a generated data set loaded through the typed ingest operations", () => {
  it("stores every record on the first load", async () => {
    const outcomes = await ingestAll();
    expect(outcomes.map((o) => o.rejected)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const created = outcomes.reduce((sum, o) => sum + o.created, 0);
    const c = data.counts;
    expect(created).toBe(
      c.sourceSystems + c.accounts + c.contacts + c.opportunities + c.assets + c.organizations + c.signals,
    );
  });

  it("changes nothing and says so when the same data is loaded again", async () => {
    const outcomes = await ingestAll();
    expect(outcomes.map((o) => o.created + o.updated + o.rejected)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(outcomes.reduce((sum, o) => sum + o.unchanged, 0)).toBeGreaterThan(data.counts.signals);
  });

  it("answers a customer-360 query with everything linked to the account", async () => {
    const account = [...data.accounts()][0]!;
    const id = nodeId("Account", tenant, account.sourceSystem, account.externalId);
    // An analyst: contacts in clear (a viewer sees them masked, test/e2e/personal-data-access.test.ts).
    const response = await api.run(Customer360Document, { id, signals: 5 }, { token: api.token(tenant, "analyst") });
    expect(response.body.errors).toBeUndefined();
    const found = response.body.data?.account;
    expect(found?.name).toBe(account.name);
    const contacts = [...data.contacts()].filter((c) => c.account.externalId === account.externalId);
    expect(found?.contacts.totalCount).toBe(contacts.length);
    expect(found?.contacts.edges.map((e) => e.node.name).sort()).toEqual(contacts.map((c) => c.name).sort());
    const opportunities = [...data.opportunities()].filter((o) => o.account.externalId === account.externalId);
    expect(found?.opportunities.totalCount).toBe(opportunities.length);
    const assets = [...data.assets()].filter((a) => a.account.externalId === account.externalId);
    expect(found?.assets.totalCount).toBe(assets.length);
    const links = [...data.organizations()].flatMap((o) =>
      o.links.filter((l) => l.account.externalId === account.externalId).map((l) => `${o.name}|${l.relationship}`),
    );
    expect(found?.network.edges.map((e) => `${e.node.name}|${e.relationship}`).sort()).toEqual(links.sort());
    const own = [...data.signals()].filter(
      (s) => s.subject.kind === "ACCOUNT" && s.subject.externalId === account.externalId,
    );
    expect(found?.signals.totalCount).toBe(own.length);
    const newest = [...own].sort((a, b) => Date.parse(b.observedAt) - Date.parse(a.observedAt)).slice(0, 5);
    expect(found?.signals.edges.map((e) => e.node.recordId)).toEqual(newest.map((s) => s.recordId));
  });

  it("lists the tenant's accounts with their total", async () => {
    const response = await api.run(AccountsPageDocument, { first: 5 }, { token });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.accounts.totalCount).toBe(data.counts.accounts);
    expect(response.body.data?.accounts.edges).toHaveLength(5);
    expect(response.body.data?.accounts.pageInfo.hasNextPage).toBe(true);
  });
});
