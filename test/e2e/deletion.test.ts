import { generateDemoData } from "../../demo/demo-data.generator";
import { IdentifiedKind, nodeId } from "../../domain/ids/node-id";
import { clockStartingAt } from "../../domain/time/clock";
import {
  AccountByIdDocument,
  AccountsPageDocument,
  Customer360Document,
  Customer360Query,
  DeleteAccountsDocument,
  DeleteContactsDocument,
  DeleteOrganizationsDocument,
  DeleteSignalsDocument,
  IngestSignalsDocument,
  RestoreAccountsDocument,
  RestoreContactsDocument,
  RestoreSignalsDocument,
  UpsertAccountsDocument,
  UpsertContactsDocument,
} from "../../schema/generated/graphql";
import { loadDemoData } from "../../services/demo/load-demo-data";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 19: deletes with defined cascades, restores within the retention period, the purge after it.

const DAY_MS = 86_400_000;
const tenant = uniqueTenant("deletion");
const otherTenant = uniqueTenant("deletion-other");
const data = generateDemoData({ accounts: 8, signalsPerAccount: 12, seed: 5 });
const accounts = [...data.accounts()];
const contacts = [...data.contacts()];

/** "Now" for the server: the demo's reference date, moved on by `skipDays` when the test says so. */
let skipDays = 0;
const baseClock = clockStartingAt(data.referenceDate);
const clock = () => new Date(baseClock().getTime() + skipDays * DAY_MS);

let api: TestApi;
let token: string;
let otherToken: string;

const id = (kind: IdentifiedKind, externalId: string, source = "crm"): string =>
  nodeId(kind, tenant, source, externalId);
const accountRef = (i: number) => ({ sourceSystem: accounts[i]!.sourceSystem, externalId: accounts[i]!.externalId });
const accountId = (i: number) => id("Account", accounts[i]!.externalId, accounts[i]!.sourceSystem);

async function view(accountIdValue: string): Promise<Customer360Query["account"]> {
  return dataOf(await api.run(Customer360Document, { id: accountIdValue, signals: 100 }, { token })).account;
}

async function accountCount(): Promise<number> {
  const page = dataOf(await api.run(AccountsPageDocument, { first: 1 }, { token })).accounts as { totalCount?: number };
  return page.totalCount ?? -1;
}

const AT_RISK = `query($first: Int, $after: String) { atRiskAccounts(first: $first, after: $after, minConfidence: 0) {
  totalCount edges { node { account { id } health { score } } } pageInfo { hasNextPage endCursor } } }`;
type AtRisk = {
  atRiskAccounts: {
    totalCount: number;
    edges: Array<{ node: { account: { id: string } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

async function atRisk(first: number): Promise<AtRisk["atRiskAccounts"]> {
  return dataOf(await api.post<AtRisk>(AT_RISK, { first }, { token })).atRiskAccounts;
}

async function search(name: string): Promise<string[]> {
  const page = dataOf(await api.run(AccountsPageDocument, { filter: { search: name }, first: 50 }, { token }));
  return page.accounts.edges.map((e) => e.node.id);
}

beforeAll(async () => {
  api = await startTestApi(
    { RELATA_DELETED_RETENTION_DAYS: "7", RELATA_PURGE_INTERVAL_MINUTES: "0", RELATA_WRITE_CHUNK_SIZE: "3" },
    { clock },
  );
  token = api.token(tenant, "integrator");
  otherToken = api.token(otherTenant, "integrator");
  const context = api.runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "test" });
  await loadDemoData(context.ingest, data, { advance: () => {} });
  const run = await api.post(`mutation { recomputeHealth { scored } }`, {}, { token: api.token(tenant, "admin") });
  expect(run.body.errors).toBeUndefined();
});

afterAll(async () => {
  await api.stop();
});

describe("deleting an account", () => {
  let before: NonNullable<Customer360Query["account"]>;
  let riskBefore: AtRisk["atRiskAccounts"];
  let countBefore: number;
  let target: string;

  beforeAll(async () => {
    riskBefore = await atRisk(50);
    countBefore = await accountCount();
    // The account at the top of the at-risk list: its deletion must leave the first page full.
    target = riskBefore.edges[0]!.node.account.id;
    before = (await view(target))!;
    expect(before.contacts.totalCount).toBeGreaterThan(0);
    expect(before.signals.totalCount).toBeGreaterThan(0);
  });

  it("deletes it by id with its contacts, opportunities, assets, signals and health records", async () => {
    const result = dataOf(await api.run(DeleteAccountsDocument, { input: [{ id: target }] }, { token })).deleteAccounts;
    expect(result).toMatchObject({ changed: 1, unchanged: 0, rejected: 0 });
    const [record] = result.records;
    expect(record).toMatchObject({ index: 0, id: target, status: "DELETED" });
    expect(record!.cascaded).toMatchObject({
      contacts: before.contacts.totalCount,
      opportunities: before.opportunities.totalCount,
      assets: before.assets.totalCount,
    });
    expect(record!.cascaded.signals).toBeGreaterThanOrEqual(before.signals.totalCount);
    expect(record!.cascaded.healthRecords).toBeGreaterThan(0);
    expect(Date.parse(record!.restorableUntil!) - Date.parse(record!.deletedAt!)).toBe(7 * DAY_MS);
  });

  it("leaves it out of lookups, lists, counts, search and Customer 360", async () => {
    expect(await view(target)).toBeNull();
    expect(dataOf(await api.run(AccountByIdDocument, { id: target }, { token })).account).toBeNull();
    expect(await accountCount()).toBe(countBefore - 1);
    expect(await search(before.name)).not.toContain(target);
  });

  it("leaves its scores out of the at-risk list and its count, and the first page stays full", async () => {
    const after = await atRisk(3);
    expect(after.totalCount).toBe(riskBefore.totalCount - 1);
    expect(after.edges).toHaveLength(3);
    expect(after.edges.map((e) => e.node.account.id)).toEqual(
      riskBefore.edges.slice(1, 4).map((e) => e.node.account.id),
    );
    const groups = dataOf(
      await api.post<{ healthDistribution: Array<{ scored: number }> }>(
        `{ healthDistribution(groupBy: SEGMENT) { scored } }`,
        {},
        { token },
      ),
    ).healthDistribution;
    expect(groups.reduce((sum, g) => sum + g.scored, 0)).toBe(riskBefore.totalCount - 1);
  });

  it("answers a second delete ALREADY_DELETED and changes nothing", async () => {
    const again = dataOf(await api.run(DeleteAccountsDocument, { input: [{ id: target }] }, { token })).deleteAccounts;
    expect(again).toMatchObject({ changed: 0, unchanged: 1, rejected: 0 });
    expect(again.records[0]).toMatchObject({ status: "ALREADY_DELETED", cascaded: { contacts: 0, signals: 0 } });
  });

  it("refuses an upsert of the deleted account, and of a contact under it, saying why", async () => {
    const account = accounts.find((a) => id("Account", a.externalId, a.sourceSystem) === target)!;
    const upsert = dataOf(
      await api.run(
        UpsertAccountsDocument,
        { input: [{ sourceSystem: account.sourceSystem, externalId: account.externalId, name: "Back again" }] },
        { token },
      ),
    ).upsertAccounts;
    expect(upsert.rejected).toBe(1);
    expect(upsert.rejections[0]!.reason).toMatch(/^DELETED: this account was deleted at .*Restore it/);
    const contact = dataOf(
      await api.run(
        UpsertContactsDocument,
        {
          input: [
            {
              sourceSystem: account.sourceSystem,
              externalId: "NEW-UNDER-DELETED",
              account: { externalId: account.externalId },
              name: "Nobody",
            },
          ],
        },
        { token },
      ),
    ).upsertContacts;
    expect(contact.rejected).toBe(1);
  });

  it("refuses to restore one of its contacts alone: the account must come back first", async () => {
    const contactId = before.contacts.edges[0]!.node.id;
    const result = dataOf(
      await api.run(RestoreContactsDocument, { input: [{ id: contactId }] }, { token }),
    ).restoreContacts;
    expect(result.rejections).toEqual([
      { index: 0, ref: contactId, code: "PARENT_DELETED", reason: expect.stringContaining(target) },
    ]);
  });

  it("restores it by external id with everything its deletion took along, and its scores", async () => {
    const account = accounts.find((a) => id("Account", a.externalId, a.sourceSystem) === target)!;
    const result = dataOf(
      await api.run(
        RestoreAccountsDocument,
        { input: [{ sourceSystem: account.sourceSystem, externalId: account.externalId }] },
        { token },
      ),
    ).restoreAccounts;
    expect(result.records[0]).toMatchObject({ status: "RESTORED", deletedAt: null, restorableUntil: null });
    const restored = (await view(target))!;
    expect(restored.contacts.totalCount).toBe(before.contacts.totalCount);
    expect(restored.opportunities.totalCount).toBe(before.opportunities.totalCount);
    expect(restored.assets.totalCount).toBe(before.assets.totalCount);
    expect(restored.signals.totalCount).toBe(before.signals.totalCount);
    expect(restored.network.totalCount).toBe(before.network.totalCount);
    expect(await accountCount()).toBe(countBefore);
    const risk = await atRisk(50);
    expect(risk.totalCount).toBe(riskBefore.totalCount);
    expect(risk.edges[0]!.node.account.id).toBe(target);

    const again = dataOf(
      await api.run(RestoreAccountsDocument, { input: [{ id: target }] }, { token }),
    ).restoreAccounts;
    expect(again.records[0]).toMatchObject({ status: "NOT_DELETED" });
  });
});

describe("deleting contacts, organizations and signals", () => {
  it("deletes a contact by external id with its signals; restoring it brings them back", async () => {
    const contact = contacts[0]!;
    const owner = id("Account", contact.account.externalId, contact.account.sourceSystem ?? contact.sourceSystem);
    const before = (await view(owner))!;
    const result = dataOf(
      await api.run(
        DeleteContactsDocument,
        { input: [{ sourceSystem: contact.sourceSystem, externalId: contact.externalId }] },
        { token },
      ),
    ).deleteContacts;
    expect(result.records[0]).toMatchObject({ status: "DELETED", cascaded: { contacts: 0, opportunities: 0 } });
    const after = (await view(owner))!;
    expect(after.contacts.totalCount).toBe(before.contacts.totalCount - 1);
    expect(after.contacts.edges.map((e) => e.node.id)).not.toContain(id("Contact", contact.externalId));
    expect(after.signals.totalCount).toBe(before.signals.totalCount);

    const restored = dataOf(
      await api.run(RestoreContactsDocument, { input: [{ id: result.records[0]!.id }] }, { token }),
    ).restoreContacts;
    expect(restored.records[0]).toMatchObject({ status: "RESTORED" });
    expect((await view(owner))!.contacts.totalCount).toBe(before.contacts.totalCount);
  });

  it("hides a deleted organization from its accounts' networks", async () => {
    const withNetwork = accounts.map((_, i) => accountId(i));
    let owner: string | null = null;
    let network: NonNullable<Customer360Query["account"]>["network"] | null = null;
    for (const candidate of withNetwork) {
      const account = (await view(candidate))!;
      if (account.network.totalCount > 0) {
        owner = candidate;
        network = account.network;
        break;
      }
    }
    expect(owner).not.toBeNull();
    const organization = network!.edges[0]!.node.id;
    const result = dataOf(
      await api.run(DeleteOrganizationsDocument, { input: [{ id: organization }] }, { token }),
    ).deleteOrganizations;
    expect(result.records[0]).toMatchObject({ status: "DELETED" });
    const after = (await view(owner!))!;
    expect(after.network.edges.map((e) => e.node.id)).not.toContain(organization);
  });

  it("deletes a signal by (sourceSystem, recordId) and restores it", async () => {
    const signal = { sourceSystem: "crm", recordId: "DEL-SIG-1" };
    const ingested = dataOf(
      await api.run(
        IngestSignalsDocument,
        {
          input: [
            {
              ...signal,
              field: "csat",
              numberValue: 3,
              observedAt: "2026-10-01T10:00:00Z",
              subject: { kind: "ACCOUNT", ...accountRef(1) },
            },
          ],
        },
        { token },
      ),
    ).ingestSignals;
    expect(ingested.created).toBe(1);
    const owner = accountId(1);
    const count = (await view(owner))!.signals.totalCount;
    const deleted = dataOf(
      await api.run(
        DeleteSignalsDocument,
        { input: [{ sourceSystem: "crm", externalId: signal.recordId }] },
        { token },
      ),
    ).deleteSignals;
    expect(deleted.records[0]).toMatchObject({ status: "DELETED", id: ingested.records[0]!.id });
    expect((await view(owner))!.signals.totalCount).toBe(count - 1);
    const restored = dataOf(
      await api.run(RestoreSignalsDocument, { input: [{ id: ingested.records[0]!.id }] }, { token }),
    ).restoreSignals;
    expect(restored.records[0]).toMatchObject({ status: "RESTORED" });
    expect((await view(owner))!.signals.totalCount).toBe(count);
  });
});

describe("bad references in a batch", () => {
  it("processes the valid records and rejects malformed, unknown, duplicate and other tenants' ones", async () => {
    const victim = accountId(2);
    const victimName = (await view(victim))!.name;
    const otherTenantsAccount = nodeId("Account", otherTenant, "crm", "X-1");
    dataOf(
      await api.run(
        UpsertAccountsDocument,
        { input: [{ sourceSystem: "crm", externalId: "X-1", name: "Elsewhere" }] },
        { token: otherToken },
      ),
    );
    const result = dataOf(
      await api.run(
        DeleteAccountsDocument,
        {
          input: [
            { id: "not-an-id" },
            { id: victim },
            { id: otherTenantsAccount },
            { sourceSystem: "crm", externalId: "NO-SUCH-ACCOUNT" },
            { id: victim },
            {},
            { id: victim, sourceSystem: "crm", externalId: "A" },
            { id: nodeId("Contact", tenant, "crm", "C-1") },
          ],
        },
        { token },
      ),
    ).deleteAccounts;
    expect(result).toMatchObject({ changed: 1, rejected: 7 });
    expect(result.records.map((r) => [r.index, r.status])).toEqual([[1, "DELETED"]]);
    expect(result.rejections.map((r) => [r.index, r.code])).toEqual([
      [0, "INVALID_REF"],
      [2, "NOT_FOUND"],
      [3, "NOT_FOUND"],
      [4, "INVALID_REF"],
      [5, "INVALID_REF"],
      [6, "INVALID_REF"],
      [7, "INVALID_REF"],
    ]);
    expect(result.rejections[0]!.reason).toMatch(/"not-an-id" is not an Account id/);
    expect(result.rejections[1]!.reason).toMatch(/no account with id .* in this tenant/);

    // The other tenant's account is untouched, and the victim is restorable.
    const theirs = dataOf(await api.run(AccountByIdDocument, { id: otherTenantsAccount }, { token: otherToken }));
    expect(theirs.account?.name).toBe("Elsewhere");
    const restored = dataOf(await api.run(RestoreAccountsDocument, { input: [{ id: victim }] }, { token }));
    expect(restored.restoreAccounts.records[0]).toMatchObject({ status: "RESTORED" });
    expect((await view(victim))!.name).toBe(victimName);
  });

  it("refuses the other tenant's delete of this tenant's account as unknown", async () => {
    const mine = accountId(3);
    const result = dataOf(
      await api.run(DeleteAccountsDocument, { input: [{ id: mine }] }, { token: otherToken }),
    ).deleteAccounts;
    expect(result.rejections.map((r) => r.code)).toEqual(["NOT_FOUND"]);
    expect(await view(mine)).not.toBeNull();
  });

  it("refuses a huge id and an oversized batch before running anything", async () => {
    const huge = await api.run(DeleteAccountsDocument, { input: [{ id: "x".repeat(300) }] }, { token });
    expect(huge.status).toBe(400);
    expect(huge.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const many = Array.from({ length: 20_001 }, (_, i) => ({ sourceSystem: "crm", externalId: `N-${i}` }));
    const tooMany = await api.run(DeleteAccountsDocument, { input: many }, { token });
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooMany.body.errors?.[0]?.message).toMatch(/at most 20000 are accepted per call/);
    expect(await accountCount()).toBe(accounts.length);
  });

  it("refuses a viewer", async () => {
    const response = await api.run(
      DeleteAccountsDocument,
      { input: [{ id: accountId(3) }] },
      {
        token: api.token(tenant, "viewer"),
      },
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await view(accountId(3))).not.toBeNull();
  });
});

describe("the purge after the retention period", () => {
  it("purges a record deleted longer ago than the retention; a restore then says PURGED, and an upsert recreates it", async () => {
    const doomed = accountId(4);
    const account = accounts[4]!;
    const kept = accountId(5);
    dataOf(await api.run(DeleteAccountsDocument, { input: [{ id: doomed }] }, { token }));
    skipDays = 5;
    dataOf(await api.run(DeleteAccountsDocument, { input: [{ id: kept }] }, { token }));

    // Day 8: past the first deletion's 7 days, within the second's.
    skipDays = 8;
    const purged = await api.runtime.purge.runOnce();
    expect(purged.Account).toBeGreaterThanOrEqual(1);
    expect(purged.Contact).toBeGreaterThanOrEqual(1);

    const late = dataOf(await api.run(RestoreAccountsDocument, { input: [{ id: doomed }] }, { token })).restoreAccounts;
    expect(late.rejections).toEqual([
      { index: 0, ref: doomed, code: "PURGED", reason: expect.stringMatching(/purged for good .* cannot be restored/) },
    ]);
    const inTime = dataOf(await api.run(RestoreAccountsDocument, { input: [{ id: kept }] }, { token })).restoreAccounts;
    expect(inTime.records[0]).toMatchObject({ status: "RESTORED" });

    const recreated = dataOf(
      await api.run(
        UpsertAccountsDocument,
        { input: [{ sourceSystem: account.sourceSystem, externalId: account.externalId, name: "Anew" }] },
        { token },
      ),
    ).upsertAccounts;
    expect(recreated.records[0]).toMatchObject({ id: doomed, status: "CREATED" });
    const fresh = (await view(doomed))!;
    expect(fresh).toMatchObject({ name: "Anew", industry: null });
    expect(fresh.contacts.totalCount).toBe(0);
    expect(fresh.signals.totalCount).toBe(0);
    skipDays = 0;
  });
});
