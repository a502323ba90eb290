import {
  IngestSignalsDocument,
  UpsertAccountsDocument,
  UpsertAssetsDocument,
  UpsertContactsDocument,
  UpsertOpportunitiesDocument,
  UpsertOrganizationsDocument,
} from "../../schema/generated/graphql";
import { GraphQLResponse, startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

/**
 * The N+1 alarm: a page of accounts with all their nested lists must cost the same, small number of
 * Cypher queries whatever the page size, because each nested list is loaded for the whole page at once.
 */
const tenant = uniqueTenant("query-count");
let api: TestApi;
let adminToken: string;

const ACCOUNT_COUNT = 110;
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const accountKey = (i: number): string => `Q-${String(i).padStart(3, "0")}`;

/** Each account's nested lists (contacts, opportunities, assets, network, signals). */
const CHILD_LISTS = [
  "account.contacts",
  "account.opportunities",
  "account.assets",
  "account.network",
  "account.signals",
];
/** The list itself and its totalCount, plus ONE query for all the nested lists (a UNION ALL of them). */
const QUERY_BOUND = 3;

const PAGE_WITH_CHILDREN = `query PageWithChildren($first: Int!) { accounts(first: $first) { totalCount edges { node {
  id name
  contacts(first: 10) { totalCount edges { node { id name } } }
  opportunities { totalCount edges { node { id stage } } }
  assets { edges { node { id name } } }
  network { edges { relationship node { id name } } }
  signals(first: 5) { totalCount edges { node { id field observedAt } } }
} } } }`;

interface PageWithChildren {
  accounts: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        contacts: { totalCount: number; edges: unknown[] };
        opportunities: { totalCount: number; edges: unknown[] };
        assets: { edges: unknown[] };
        network: { edges: unknown[] };
        signals: { totalCount: number; edges: unknown[] };
      };
    }>;
  };
}

interface RelataStats {
  cypherQueries: number;
  dbTimeMs: number;
  queries: Array<{ name: string; ms: number; rows: number }>;
}

function statsOf(response: GraphQLResponse<unknown>): RelataStats {
  const relata = response.body.extensions?.relata as RelataStats | undefined;
  expect(relata).toBeDefined();
  return relata as RelataStats;
}

const debug = { "x-relata-debug": "1" };

beforeAll(async () => {
  api = await startTestApi();
  adminToken = api.token(tenant, "admin");
  const token = api.token(tenant, "integrator");
  const ref = (i: number) => ({ externalId: accountKey(i) });

  const accounts = range(ACCOUNT_COUNT).map((i) => ({
    sourceSystem: "crm",
    externalId: accountKey(i),
    name: `Query Count ${accountKey(i)}`,
  }));
  const contacts = range(ACCOUNT_COUNT * 3).map((n) => ({
    sourceSystem: "crm",
    externalId: `QC-${n}`,
    account: ref(n % ACCOUNT_COUNT),
    name: `Contact ${n}`,
  }));
  const opportunities = range(ACCOUNT_COUNT * 2).map((n) => ({
    sourceSystem: "crm",
    externalId: `QO-${n}`,
    account: ref(n % ACCOUNT_COUNT),
    name: `Deal ${n}`,
    stage: n % 2 === 0 ? ("PROPOSAL" as const) : ("CLOSED_WON" as const),
    closeDate: `2026-0${1 + (n % 9)}-15`,
  }));
  const assets = range(ACCOUNT_COUNT).map((n) => ({
    sourceSystem: "crm",
    externalId: `QA-${n}`,
    account: ref(n),
    name: `Asset ${n}`,
  }));
  const organizations = range(10).map((o) => ({
    sourceSystem: "crm",
    externalId: `QN-${o}`,
    name: `Partner ${o}`,
    kind: "PARTNER" as const,
    links: range(ACCOUNT_COUNT / 10).map((k) => ({
      account: ref(o * (ACCOUNT_COUNT / 10) + k),
      relationship: "PARTNER_OF" as const,
    })),
  }));
  const signals = range(ACCOUNT_COUNT * 6).map((n) => ({
    sourceSystem: "iot",
    recordId: `QS-${n}`,
    // Each account gets three of each field.
    field: Math.floor(n / ACCOUNT_COUNT) % 2 === 0 ? "uptime" : "errors",
    numberValue: n,
    observedAt: new Date(Date.UTC(2026, 9, 1) + n * 60_000).toISOString(),
    subject: { kind: "ACCOUNT" as const, externalId: accountKey(n % ACCOUNT_COUNT), sourceSystem: "crm" },
  }));

  expect(dataOf(await api.run(UpsertAccountsDocument, { input: accounts }, { token })).upsertAccounts.created).toBe(
    ACCOUNT_COUNT,
  );
  // One after another: concurrent writes to the same accounts would only test Neo4j's deadlock retries.
  const c = await api.run(UpsertContactsDocument, { input: contacts }, { token });
  const o = await api.run(UpsertOpportunitiesDocument, { input: opportunities }, { token });
  const a = await api.run(UpsertAssetsDocument, { input: assets }, { token });
  const n = await api.run(UpsertOrganizationsDocument, { input: organizations }, { token });
  const s = await api.run(IngestSignalsDocument, { input: signals }, { token });
  expect(dataOf(c).upsertContacts.created).toBe(contacts.length);
  expect(dataOf(o).upsertOpportunities.created).toBe(opportunities.length);
  expect(dataOf(a).upsertAssets.created).toBe(assets.length);
  expect(dataOf(n).upsertOrganizations.created).toBe(organizations.length);
  expect(dataOf(s).ingestSignals.created).toBe(signals.length);
});

afterAll(async () => {
  await api.stop();
});

describe("query counts reported to admins", () => {
  it("reports the Cypher queries of a request in extensions.relata with x-relata-debug: 1", async () => {
    const response = await api.post(
      "{ accounts(first: 1) { edges { node { id } } } }",
      {},
      { token: adminToken, headers: debug },
    );
    dataOf(response);
    const stats = statsOf(response);
    expect(stats.cypherQueries).toBe(1);
    expect(stats.queries.map((q) => q.name)).toEqual(["account.list.NAME_ASC"]);
    expect(stats.queries[0]?.rows).toBe(2);
    expect(stats.dbTimeMs).toBeGreaterThanOrEqual(0);
  });

  it("loads a page of 100 accounts with all nested lists in the same few queries as a page of 10", async () => {
    const small = await api.post<PageWithChildren>(
      PAGE_WITH_CHILDREN,
      { first: 10 },
      { token: adminToken, headers: debug },
    );
    const large = await api.post<PageWithChildren>(
      PAGE_WITH_CHILDREN,
      { first: 100 },
      { token: adminToken, headers: debug },
    );

    const largeData = dataOf(large);
    expect(dataOf(small).accounts.edges).toHaveLength(10);
    expect(largeData.accounts.edges).toHaveLength(100);
    // The nested lists really were loaded, for every account.
    for (const { node } of largeData.accounts.edges) {
      expect(node.contacts.totalCount).toBe(3);
      expect(node.contacts.edges).toHaveLength(3);
      expect(node.opportunities.totalCount).toBe(2);
      expect(node.assets.edges).toHaveLength(1);
      expect(node.network.edges).toHaveLength(1);
      expect(node.signals.totalCount).toBe(6);
      expect(node.signals.edges).toHaveLength(5);
    }

    const smallStats = statsOf(small);
    const largeStats = statsOf(large);
    expect(largeStats.cypherQueries).toBeLessThanOrEqual(QUERY_BOUND);
    expect(largeStats.cypherQueries).toBe(smallStats.cypherQueries);
    expect(largeStats.queries.map((q) => q.name).sort()).toEqual(
      ["account.count", "account.list.NAME_ASC", [...CHILD_LISTS].sort().join("+")].sort(),
    );
  });

  it("adds one query, not one per contact, for each contact's account", async () => {
    const query = `query($first: Int!) { accounts(first: $first) { edges { node {
      contacts(first: 10) { edges { node { name account { id name } } } } } } } }`;
    const small = statsOf(await api.post(query, { first: 5 }, { token: adminToken, headers: debug }));
    const large = statsOf(await api.post(query, { first: 100 }, { token: adminToken, headers: debug }));
    expect(large.cypherQueries).toBe(3);
    expect(small.cypherQueries).toBe(large.cypherQueries);
    expect(large.queries.map((q) => q.name)).toEqual(["account.list.NAME_ASC", "account.contacts", "account.byIds"]);
  });

  it("loads several accounts asked for by id in one query", async () => {
    const ids = await api.post<{ accounts: { edges: Array<{ node: { id: string } }> } }>(
      "{ accounts(first: 3) { edges { node { id } } } }",
      {},
      { token: adminToken },
    );
    const [a, b, c] = dataOf(ids).accounts.edges.map((e) => e.node.id);
    const response = await api.post<Record<string, { id: string } | null>>(
      "query($a: ID!, $b: ID!, $c: ID!) { a: account(id: $a) { id } b: account(id: $b) { id } c: account(id: $c) { id } }",
      { a, b, c },
      { token: adminToken, headers: debug },
    );
    expect(dataOf(response)).toEqual({ a: { id: a }, b: { id: b }, c: { id: c } });
    expect(statsOf(response).queries.map((q) => q.name)).toEqual(["account.byIds"]);
  });

  it("loads one nested list asked for with different arguments in one query", async () => {
    const query = `{ accounts(first: 50) { edges { node {
      few: signals(first: 1) { edges { node { id } } }
      uptime: signals(first: 10, field: "uptime") { edges { node { field } } }
      errors: signals(first: 10, fields: ["errors"], since: "2026-10-01T00:00:00Z") { edges { node { field } } }
    } } } }`;
    const response = await api.post<{
      accounts: {
        edges: Array<{ node: Record<"few" | "uptime" | "errors", { edges: Array<{ node: { field?: string } }> }> }>;
      };
    }>(query, {}, { token: adminToken, headers: debug });
    const nodes = dataOf(response).accounts.edges.map((e) => e.node);
    for (const node of nodes) {
      expect(node.few.edges).toHaveLength(1);
      expect(node.uptime.edges.map((e) => e.node.field)).toEqual(["uptime", "uptime", "uptime"]);
      expect(node.errors.edges.map((e) => e.node.field)).toEqual(["errors", "errors", "errors"]);
    }
    expect(statsOf(response).queries.map((q) => q.name)).toEqual(["account.list.NAME_ASC", "account.signals"]);
  });

  it("does not count totals nobody asked for", async () => {
    const query = "{ accounts(first: 100) { edges { node { contacts(first: 1) { edges { node { id } } } } } } }";
    const stats = statsOf(await api.post(query, {}, { token: adminToken, headers: debug }));
    expect(stats.queries.map((q) => q.name)).toEqual(["account.list.NAME_ASC", "account.contacts"]);
  });
});

describe("nested lists read together", () => {
  it("reads one list asked twice with different arguments in the same single query as the others", async () => {
    const query = `query { accounts(first: 20) { edges { node {
      few: contacts(first: 1) { edges { node { id } } }
      all: contacts(first: 10) { totalCount edges { node { id } } }
      signals(first: 2) { edges { node { id } } } } } } }`;
    const response = await api.post<{
      accounts: {
        edges: Array<{ node: { few: { edges: unknown[] }; all: { totalCount: number; edges: unknown[] } } }>;
      };
    }>(query, {}, { token: adminToken, headers: debug });
    for (const { node } of dataOf(response).accounts.edges) {
      expect(node.few.edges).toHaveLength(1);
      expect(node.all.edges).toHaveLength(3);
      expect(node.all.totalCount).toBe(3);
    }
    expect(statsOf(response).queries.map((q) => q.name)).toEqual([
      "account.list.NAME_ASC",
      "account.contacts+account.signals",
    ]);
  });

  it("gives the same answer with batching off, one query per list and account", async () => {
    const unbatched = await startTestApi({ RELATA_DATALOADER_BATCHING: "0" });
    try {
      const token = unbatched.token(tenant, "admin");
      const together = await api.post<PageWithChildren>(PAGE_WITH_CHILDREN, { first: 10 }, { token, headers: debug });
      const apart = await unbatched.post<PageWithChildren>(
        PAGE_WITH_CHILDREN,
        { first: 10 },
        { token, headers: debug },
      );
      expect(dataOf(apart)).toEqual(dataOf(together));
      expect(statsOf(together).cypherQueries).toBe(3);
      expect(statsOf(apart).cypherQueries).toBe(2 + 10 * CHILD_LISTS.length);
    } finally {
      await unbatched.stop();
    }
  });
});

describe("query counts hidden from everyone else", () => {
  it.each(["viewer", "analyst", "integrator"] as const)(
    "gives a %s token no extensions.relata, even with the header",
    async (role) => {
      const response = await api.post(
        "{ accounts(first: 1) { edges { node { id } } } }",
        {},
        { token: api.token(tenant, role), headers: debug },
      );
      dataOf(response);
      expect(response.body.extensions?.relata).toBeUndefined();
    },
  );

  it("gives an admin no extensions.relata without the header", async () => {
    const response = await api.post("{ accounts(first: 1) { edges { node { id } } } }", {}, { token: adminToken });
    dataOf(response);
    expect(response.body.extensions?.relata).toBeUndefined();
  });

  it("gives an admin no extensions.relata for x-relata-debug: 0", async () => {
    const response = await api.post(
      "{ viewer { role } }",
      {},
      { token: adminToken, headers: { "x-relata-debug": "0" } },
    );
    dataOf(response);
    expect(response.body.extensions?.relata).toBeUndefined();
  });
});
