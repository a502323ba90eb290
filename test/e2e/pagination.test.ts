import { nodeId } from "../../domain/ids/node-id";
import {
  AccountFilter,
  AccountOrder,
  AccountsPageDocument,
  AccountsPageQuery,
  IngestSignalsDocument,
  UpsertAccountsDocument,
  UpsertAssetsDocument,
  UpsertContactsDocument,
  UpsertOpportunitiesDocument,
  UpsertOrganizationsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

const tenant = uniqueTenant("paging");
let api: TestApi;
let token: string;

interface SeedAccount {
  sourceSystem: string;
  externalId: string;
  name: string;
  industry?: string | null;
  segment?: string | null;
  region?: string | null;
  annualRevenue?: number | null;
}

/** Duplicate names, equal and missing revenues and a lower-case name, so every order needs its tie-breaker. */
const ACCOUNT_BATCHES: SeedAccount[][] = [
  [
    {
      sourceSystem: "crm",
      externalId: "P-01",
      name: "Alpha Medical",
      industry: "HEALTHCARE",
      segment: "ENTERPRISE",
      region: "EMEA",
      annualRevenue: 50_000_000,
    },
    {
      sourceSystem: "crm",
      externalId: "P-02",
      name: "Alpha Medical",
      industry: "HEALTHCARE",
      segment: "SMB",
      region: "NA",
      annualRevenue: 50_000_000,
    },
    {
      sourceSystem: "crm",
      externalId: "P-03",
      name: "Alpine Motors",
      industry: "AUTOMOTIVE",
      segment: "ENTERPRISE",
      region: "EMEA",
      annualRevenue: 90_000_000,
    },
    {
      sourceSystem: "crm",
      externalId: "P-04",
      name: "Bravo Schools",
      industry: "EDUCATION",
      segment: "SMB",
      region: "NA",
      annualRevenue: null,
    },
    {
      sourceSystem: "crm",
      externalId: "P-05",
      name: "Charlie Health",
      industry: "HEALTHCARE",
      segment: "MID_MARKET",
      region: "APAC",
      annualRevenue: 12_500_000.5,
    },
  ],
  [
    {
      sourceSystem: "crm",
      externalId: "P-06",
      name: "delta lowercase",
      industry: "RETAIL",
      segment: "SMB",
      region: "EMEA",
      annualRevenue: 0,
    },
    {
      sourceSystem: "erp",
      externalId: "P-01",
      name: "Echo Foods",
      industry: "RETAIL",
      segment: "ENTERPRISE",
      region: "EMEA",
      annualRevenue: 300_000_000,
    },
    {
      sourceSystem: "crm",
      externalId: "P-08",
      name: "Foxtrot Labs",
      industry: "HEALTHCARE",
      segment: "ENTERPRISE",
      region: "EMEA",
      annualRevenue: 75_000_000,
    },
    {
      sourceSystem: "crm",
      externalId: "P-09",
      name: "Golf Energy",
      industry: null,
      segment: null,
      region: null,
      annualRevenue: null,
    },
  ],
  [
    {
      sourceSystem: "crm",
      externalId: "P-10",
      name: "Hotel Retail",
      industry: "RETAIL",
      segment: "MID_MARKET",
      region: "NA",
      annualRevenue: 90_000_000,
    },
    {
      sourceSystem: "crm",
      externalId: "P-11",
      name: "India Tech",
      industry: "AUTOMOTIVE",
      segment: "ENTERPRISE",
      region: "EMEA",
      annualRevenue: 40_000_000,
    },
    {
      sourceSystem: "crm",
      externalId: "P-12",
      name: "Juliet-Kilo Freight",
      industry: "AUTOMOTIVE",
      segment: "SMB",
      region: "APAC",
      annualRevenue: 5_000_000,
    },
    {
      sourceSystem: "crm",
      externalId: "P-13",
      name: "Alpha Medical Devices",
      industry: "HEALTHCARE",
      segment: "ENTERPRISE",
      region: "EMEA",
      annualRevenue: 120_000_000,
    },
  ],
];
const ACCOUNTS = ACCOUNT_BATCHES.flat().map((a) => ({
  ...a,
  id: nodeId("Account", tenant, a.sourceSystem, a.externalId),
}));
type Account = (typeof ACCOUNTS)[number];

const HUB = ACCOUNTS[0] as Account;
const HUB_REF = { externalId: HUB.externalId };

const CONTACTS = ["Mia Hart", "Ben Ortiz", "Ada Lund", "Ben Ortiz", "Zoe Quist"].map((name, i) => ({
  sourceSystem: "crm",
  externalId: `PC-${i}`,
  account: HUB_REF,
  name,
}));
const OPPORTUNITIES = [
  { externalId: "PO-0", stage: "PROPOSAL", closeDate: "2026-06-30" },
  { externalId: "PO-1", stage: "NEGOTIATION", closeDate: "2026-09-15" },
  { externalId: "PO-2", stage: "CLOSED_WON", closeDate: "2025-12-01" },
  { externalId: "PO-3", stage: "PROPOSAL", closeDate: null },
  { externalId: "PO-4", stage: "PROSPECTING", closeDate: "2026-09-15" },
  { externalId: "PO-5", stage: "NEGOTIATION", closeDate: "2026-09-15" },
  { externalId: "PO-6", stage: "PROPOSAL", closeDate: "2027-01-31" },
] as const;
const ASSETS = ["Scanner", "Infusion pump", "Scanner", "Analyzer"].map((name, i) => ({
  sourceSystem: "erp",
  externalId: `PA-${i}`,
  account: { externalId: HUB.externalId, sourceSystem: "crm" },
  name,
}));
const ORGANIZATIONS = [
  { externalId: "PN-0", name: "Omega Partners", kind: "PARTNER", links: ["PARTNER_OF", "RESELLS_TO"] },
  { externalId: "PN-1", name: "Beta Supply", kind: "SUPPLIER", links: ["SUPPLIES"] },
  { externalId: "PN-2", name: "Kappa Service", kind: "SERVICE_PROVIDER", links: ["SERVICES"] },
  { externalId: "PN-3", name: "Beta Supply", kind: "SUPPLIER", links: ["SUPPLIES"] },
] as const;
const SIGNALS = [
  { recordId: "PS-0", field: "csat_score", observedAt: "2026-10-01T10:00:00Z" },
  { recordId: "PS-1", field: "csat_score", observedAt: "2026-10-02T10:00:00Z" },
  { recordId: "PS-2", field: "error_code", observedAt: "2026-10-02T10:00:00Z" },
  { recordId: "PS-3", field: "csat_score", observedAt: "2026-10-03T10:00:00Z" },
  { recordId: "PS-4", field: "uptime", observedAt: "2026-10-04T10:00:00Z" },
  { recordId: "PS-5", field: "csat_score", observedAt: "2026-10-05T10:00:00Z" },
  { recordId: "PS-6", field: "error_code", observedAt: "2026-09-30T23:59:59Z" },
] as const;

const byKeys =
  <T>(direction: "ASC" | "DESC", ...keys: Array<(item: T) => string | number>) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return (x < y ? -1 : 1) * (direction === "ASC" ? 1 : -1);
    }
    return 0;
  };

const revenue = (a: Account): number => a.annualRevenue ?? -1;
const lastUpdated = new Map<string, number>();

function expectedOrder(order: AccountOrder, accounts: readonly Account[] = ACCOUNTS): string[] {
  const sorted = [...accounts];
  switch (order) {
    case "NAME_ASC":
      sorted.sort(
        byKeys(
          "ASC",
          (a) => a.name,
          (a) => a.id,
        ),
      );
      break;
    case "NAME_DESC":
      sorted.sort(
        byKeys(
          "DESC",
          (a) => a.name,
          (a) => a.id,
        ),
      );
      break;
    case "ANNUAL_REVENUE_ASC":
      sorted.sort(byKeys("ASC", revenue, (a) => a.id));
      break;
    case "ANNUAL_REVENUE_DESC":
      sorted.sort(byKeys("DESC", revenue, (a) => a.id));
      break;
    case "LAST_UPDATED_DESC":
      sorted.sort(
        byKeys(
          "DESC",
          (a) => lastUpdated.get(a.id) ?? 0,
          (a) => a.id,
        ),
      );
      break;
  }
  return sorted.map((a) => a.id);
}

interface Walk {
  ids: string[];
  pageSizes: number[];
  totalCounts: number[];
  lastHasNextPage: boolean;
}

/** Follows endCursor from the first page to the last, `first` items at a time. */
async function walkAccounts(orderBy: AccountOrder, filter: AccountFilter | null = null, first = 2): Promise<Walk> {
  const walk: Walk = { ids: [], pageSizes: [], totalCounts: [], lastHasNextPage: true };
  let after: string | null = null;
  for (let page = 0; page < 50 && walk.lastHasNextPage; page += 1) {
    const data: AccountsPageQuery = dataOf(
      await api.run(AccountsPageDocument, { orderBy, filter, first, after }, { token }),
    );
    const { edges, pageInfo, totalCount } = data.accounts;
    walk.ids.push(...edges.map((e) => e.node.id));
    walk.pageSizes.push(edges.length);
    walk.totalCounts.push(totalCount);
    walk.lastHasNextPage = pageInfo.hasNextPage;
    after = pageInfo.endCursor;
  }
  return walk;
}

interface ConnectionPage<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: N } & Record<string, unknown>>;
}

/**
 * Walks one nested list of the hub account with `first: 2`. `field` is the connection with its extra
 * arguments, e.g. `opportunities(stages: $stages` (closed here), `selection` the edge's selection.
 */
async function walkNested<N>(
  field: string,
  extraArgs: string,
  extraVariables: string,
  selection: string,
  variables: Record<string, unknown> = {},
): Promise<{ edges: ConnectionPage<N>["edges"]; pages: Array<ConnectionPage<N>> }> {
  const query = `query($id: ID!, $first: Int, $after: String${extraVariables}) { account(id: $id) {
    list: ${field}(first: $first, after: $after${extraArgs}) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor ${selection} } } } }`;
  const pages: Array<ConnectionPage<N>> = [];
  let after: string | null = null;
  do {
    const response = await api.post<{ account: { list: ConnectionPage<N> } }>(
      query,
      { id: HUB.id, first: 2, after, ...variables },
      { token },
    );
    const page: ConnectionPage<N> = dataOf(response).account.list;
    pages.push(page);
    after = page.pageInfo.endCursor;
    if (pages.length > 20) throw new Error(`${field} never reached its last page`);
  } while (pages[pages.length - 1]?.pageInfo.hasNextPage);
  return { edges: pages.flatMap((p) => p.edges), pages };
}

beforeAll(async () => {
  api = await startTestApi();
  token = api.token(tenant, "admin");
  for (const batch of ACCOUNT_BATCHES) {
    dataOf(await api.run(UpsertAccountsDocument, { input: batch }, { token }));
    // Separate batches get separate lastUpdatedAt instants.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  dataOf(await api.run(UpsertContactsDocument, { input: CONTACTS }, { token }));
  dataOf(
    await api.run(
      UpsertOpportunitiesDocument,
      {
        input: OPPORTUNITIES.map((o) => ({
          ...o,
          sourceSystem: "crm",
          account: HUB_REF,
          name: `Deal ${o.externalId}`,
        })),
      },
      { token },
    ),
  );
  dataOf(await api.run(UpsertAssetsDocument, { input: ASSETS }, { token }));
  dataOf(
    await api.run(
      UpsertOrganizationsDocument,
      {
        input: ORGANIZATIONS.map((o) => ({
          sourceSystem: "crm",
          externalId: o.externalId,
          name: o.name,
          kind: o.kind,
          links: o.links.map((relationship) => ({ account: HUB_REF, relationship })),
        })),
      },
      { token },
    ),
  );
  const signals = SIGNALS.map((s, i) => ({
    ...s,
    sourceSystem: "iot",
    numberValue: i,
    subject: { kind: "ACCOUNT" as const, externalId: HUB.externalId, sourceSystem: "crm" },
  }));
  const ingested = dataOf(await api.run(IngestSignalsDocument, { input: signals }, { token })).ingestSignals;
  expect(ingested.created).toBe(SIGNALS.length);

  const all = dataOf(await api.run(AccountsPageDocument, { first: 500 }, { token }));
  for (const edge of all.accounts.edges) lastUpdated.set(edge.node.id, Date.parse(edge.node.lastUpdatedAt));
});

afterAll(async () => {
  await api.stop();
});

describe("the account list", () => {
  const ORDERS: AccountOrder[] = [
    "NAME_ASC",
    "NAME_DESC",
    "ANNUAL_REVENUE_ASC",
    "ANNUAL_REVENUE_DESC",
    "LAST_UPDATED_DESC",
  ];

  it.each(ORDERS)("walks every account exactly once, in %s order, two at a time", async (orderBy) => {
    const walk = await walkAccounts(orderBy);
    expect(walk.ids).toEqual(expectedOrder(orderBy));
    expect(new Set(walk.ids).size).toBe(ACCOUNTS.length);
    expect(walk.lastHasNextPage).toBe(false);
    expect(walk.pageSizes).toEqual([2, 2, 2, 2, 2, 2, 1]);
    expect(new Set(walk.totalCounts)).toEqual(new Set([ACCOUNTS.length]));
  });

  it("orders by name by default", async () => {
    const data = dataOf(await api.run(AccountsPageDocument, { first: 500 }, { token }));
    expect(data.accounts.edges.map((e) => e.node.id)).toEqual(expectedOrder("NAME_ASC"));
  });

  it("orders by name when orderBy is sent as null", async () => {
    const data = dataOf(await api.run(AccountsPageDocument, { first: 500, orderBy: null }, { token }));
    expect(data.accounts.edges.map((e) => e.node.id)).toEqual(expectedOrder("NAME_ASC"));
  });

  it("ends with hasNextPage false when the last page is exactly full", async () => {
    const walk = await walkAccounts("NAME_ASC", null, ACCOUNTS.length);
    expect(walk.pageSizes).toEqual([ACCOUNTS.length]);
    expect(walk.lastHasNextPage).toBe(false);
  });

  it("continues after any edge's cursor, not only after endCursor", async () => {
    const first = dataOf(await api.run(AccountsPageDocument, { first: 3, orderBy: "ANNUAL_REVENUE_DESC" }, { token }));
    const secondCursor = first.accounts.edges[1]?.cursor ?? null;
    const next = dataOf(
      await api.run(AccountsPageDocument, { first: 2, orderBy: "ANNUAL_REVENUE_DESC", after: secondCursor }, { token }),
    );
    expect(next.accounts.edges.map((e) => e.node.id)).toEqual(expectedOrder("ANNUAL_REVENUE_DESC").slice(2, 4));
  });

  it("reports an empty page with no cursors when asked for none", async () => {
    const data = dataOf(await api.run(AccountsPageDocument, { first: 0 }, { token }));
    expect(data.accounts.edges).toEqual([]);
    expect(data.accounts.pageInfo.endCursor).toBeNull();
    expect(data.accounts.totalCount).toBe(ACCOUNTS.length);
  });
});

describe("account filters", () => {
  const matches = (predicate: (a: Account) => boolean): Account[] => ACCOUNTS.filter(predicate);

  it.each<[string, AccountFilter, (a: Account) => boolean]>([
    ["industry", { industry: ["AUTOMOTIVE"] }, (a) => a.industry === "AUTOMOTIVE"],
    [
      "industry (any of)",
      { industry: ["AUTOMOTIVE", "EDUCATION"] },
      (a) => ["AUTOMOTIVE", "EDUCATION"].includes(a.industry ?? ""),
    ],
    ["segment", { segment: ["SMB"] }, (a) => a.segment === "SMB"],
    ["region", { region: ["APAC", "NA"] }, (a) => ["APAC", "NA"].includes(a.region ?? "")],
    ["minAnnualRevenue (inclusive)", { minAnnualRevenue: 50_000_000 }, (a) => (a.annualRevenue ?? -1) >= 50_000_000],
    ["minAnnualRevenue 0", { minAnnualRevenue: 0 }, (a) => a.annualRevenue !== null && a.annualRevenue !== undefined],
  ])("filters by %s and pages through exactly the matches", async (_name, filter, predicate) => {
    const expected = expectedOrder("NAME_ASC", matches(predicate));
    expect(expected.length).toBeGreaterThan(0);
    const walk = await walkAccounts("NAME_ASC", filter);
    expect(walk.ids).toEqual(expected);
    expect(walk.totalCounts[0]).toBe(expected.length);
    expect(walk.lastHasNextPage).toBe(false);
  });

  it("combines industry, segment, region and minimum revenue with AND", async () => {
    const filter: AccountFilter = {
      industry: ["HEALTHCARE", "AUTOMOTIVE"],
      segment: ["ENTERPRISE"],
      region: ["EMEA"],
      minAnnualRevenue: 60_000_000,
    };
    const expected = expectedOrder(
      "ANNUAL_REVENUE_DESC",
      matches(
        (a) =>
          ["HEALTHCARE", "AUTOMOTIVE"].includes(a.industry ?? "") &&
          a.segment === "ENTERPRISE" &&
          a.region === "EMEA" &&
          (a.annualRevenue ?? -1) >= 60_000_000,
      ),
    );
    expect(expected.map((id) => ACCOUNTS.find((a) => a.id === id)?.externalId)).toEqual(["P-13", "P-03", "P-08"]);
    const walk = await walkAccounts("ANNUAL_REVENUE_DESC", filter);
    expect(walk.ids).toEqual(expected);
    expect(walk.totalCounts[0]).toBe(3);
  });

  it("returns an empty list, not an error, when nothing matches", async () => {
    const data = dataOf(await api.run(AccountsPageDocument, { filter: { industry: ["MINING"] } }, { token }));
    expect(data.accounts).toMatchObject({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });
});

describe("account search through the full-text index", () => {
  const namesFor = async (filter: AccountFilter, orderBy: AccountOrder = "NAME_ASC"): Promise<string[]> => {
    const data = dataOf(await api.run(AccountsPageDocument, { filter, orderBy, first: 500 }, { token }));
    expect(data.accounts.totalCount).toBe(data.accounts.edges.length);
    return data.accounts.edges.map((e) => e.node.name);
  };

  it("matches every word as a prefix, case-insensitively", async () => {
    expect(await namesFor({ search: "alp" })).toEqual([
      "Alpha Medical",
      "Alpha Medical",
      "Alpha Medical Devices",
      "Alpine Motors",
    ]);
    expect(await namesFor({ search: "ALPHA med" })).toEqual([
      "Alpha Medical",
      "Alpha Medical",
      "Alpha Medical Devices",
    ]);
    expect(await namesFor({ search: "alpha dev" })).toEqual(["Alpha Medical Devices"]);
  });

  it("combines search with the other filters and the chosen order", async () => {
    const names = await namesFor({ search: "alpha", segment: ["ENTERPRISE"] }, "ANNUAL_REVENUE_DESC");
    expect(names).toEqual(["Alpha Medical Devices", "Alpha Medical"]);
  });

  it("pages through search results with cursors", async () => {
    const walk = await walkAccounts("NAME_DESC", { search: "alp" });
    const expected = expectedOrder(
      "NAME_DESC",
      ACCOUNTS.filter((a) => a.name.startsWith("Alp")),
    );
    expect(walk.ids).toEqual(expected);
    expect(walk.totalCounts[0]).toBe(4);
  });

  it.each([
    "acme AND (",
    "alpha)",
    "name:alpha",
    '"alpha',
    "alp*",
    "a~",
    "\\",
    "[a TO z]",
    "+alpha -medical",
    "&& ||",
    "/alpha/",
  ])("treats the Lucene syntax in %p as plain text, without an error", async (search) => {
    const data = dataOf(await api.run(AccountsPageDocument, { filter: { search }, first: 500 }, { token }));
    expect(data.accounts.totalCount).toBe(data.accounts.edges.length);
  });

  it("does not let Lucene syntax widen the search", async () => {
    // Unescaped, "name:*" or "*" would match every account.
    expect(await namesFor({ search: "*" })).toEqual([]);
    expect(await namesFor({ search: "golf OR alpha" })).toEqual([]);
  });

  it("finds a hyphenated name by its hyphenated spelling", async () => {
    expect(await namesFor({ search: "juliet" })).toEqual(["Juliet-Kilo Freight"]);
    expect(await namesFor({ search: "kilo" })).toEqual(["Juliet-Kilo Freight"]);
    expect(await namesFor({ search: "juliet-kilo" })).toEqual(["Juliet-Kilo Freight"]);
  });

  it("lists every account when the search has nothing searchable in it", async () => {
    expect((await namesFor({ search: "   " })).length).toBe(ACCOUNTS.length);
  });
});

describe("nested connections of an account", () => {
  it("pages contacts by name, each exactly once", async () => {
    const { edges, pages } = await walkNested<{ id: string; name: string }>("contacts", "", "", "node { id name }");
    const expected = CONTACTS.map((c) => ({ id: nodeId("Contact", tenant, "crm", c.externalId), name: c.name })).sort(
      byKeys(
        "ASC",
        (c) => c.name,
        (c) => c.id,
      ),
    );
    expect(edges.map((e) => e.node)).toEqual(expected);
    expect(pages.map((p) => p.edges.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.totalCount)).toEqual([5, 5, 5]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    for (const page of pages) {
      expect(page.pageInfo.hasPreviousPage).toBe(false);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor);
    }
  });

  it("pages opportunities latest close date first, undated last", async () => {
    const { edges } = await walkNested<{ externalId: string }>("opportunities", "", "", "node { externalId }");
    const expected = OPPORTUNITIES.map((o) => ({ ...o, id: nodeId("Opportunity", tenant, "crm", o.externalId) }))
      .sort(
        byKeys(
          "DESC",
          (o) => o.closeDate ?? "0000-00-00",
          (o) => o.id,
        ),
      )
      .map((o) => o.externalId);
    expect(expected[expected.length - 1]).toBe("PO-3");
    expect(edges.map((e) => e.node.externalId)).toEqual(expected);
  });

  it("pages opportunities of the given stages only", async () => {
    const { edges, pages } = await walkNested<{ externalId: string; stage: string }>(
      "opportunities",
      ", stages: $stages",
      ", $stages: [OpportunityStage!]",
      "node { externalId stage }",
      { stages: ["NEGOTIATION", "PROPOSAL"] },
    );
    const expected = OPPORTUNITIES.filter((o) => o.stage === "NEGOTIATION" || o.stage === "PROPOSAL")
      .map((o) => ({ ...o, id: nodeId("Opportunity", tenant, "crm", o.externalId) }))
      .sort(
        byKeys(
          "DESC",
          (o) => o.closeDate ?? "0000-00-00",
          (o) => o.id,
        ),
      )
      .map((o) => o.externalId);
    expect(edges.map((e) => e.node.externalId)).toEqual(expected);
    expect(pages[0]?.totalCount).toBe(5);
  });

  it("pages assets by name", async () => {
    const { edges, pages } = await walkNested<{ id: string; name: string }>("assets", "", "", "node { id name }");
    const expected = ASSETS.map((a) => ({ id: nodeId("Asset", tenant, "erp", a.externalId), name: a.name })).sort(
      byKeys(
        "ASC",
        (a) => a.name,
        (a) => a.id,
      ),
    );
    expect(edges.map((e) => e.node)).toEqual(expected);
    expect(pages.map((p) => p.totalCount)).toEqual([4, 4]);
  });

  it("pages the network, listing an organization once per relationship", async () => {
    const { edges, pages } = await walkNested<{ externalId: string }>(
      "network",
      "",
      "",
      "relationship node { externalId }",
    );
    const links = ORGANIZATIONS.flatMap((o) =>
      o.links.map((relationship) => ({
        externalId: o.externalId,
        relationship,
        name: o.name,
        id: nodeId("Organization", tenant, "crm", o.externalId),
      })),
    ).sort(
      byKeys(
        "ASC",
        (l) => l.name,
        (l) => `${l.id}|${l.relationship}`,
      ),
    );
    expect(edges.map((e) => [e.node.externalId, e.relationship])).toEqual(
      links.map((l) => [l.externalId, l.relationship]),
    );
    expect(pages[0]?.totalCount).toBe(5);
  });

  it("pages the network of the given relationship types only", async () => {
    const { edges, pages } = await walkNested<{ externalId: string }>(
      "network",
      ", relationships: $types",
      ", $types: [NetworkRelationship!]",
      "relationship node { externalId }",
      { types: ["SUPPLIES", "RESELLS_TO"] },
    );
    expect(edges.map((e) => e.relationship).sort()).toEqual(["RESELLS_TO", "SUPPLIES", "SUPPLIES"]);
    expect(pages[0]?.totalCount).toBe(3);
  });

  describe("signals", () => {
    const signalOrder = (predicate: (s: (typeof SIGNALS)[number]) => boolean): string[] =>
      SIGNALS.filter(predicate)
        .map((s) => ({ ...s, id: nodeId("Signal", tenant, "iot", s.recordId) }))
        .sort(
          byKeys(
            "DESC",
            (s) => Date.parse(s.observedAt),
            (s) => s.id,
          ),
        )
        .map((s) => s.recordId);

    it("pages every signal newest first", async () => {
      const { edges, pages } = await walkNested<{ recordId: string }>("signals", "", "", "node { recordId }");
      expect(edges.map((e) => e.node.recordId)).toEqual(signalOrder(() => true));
      expect(pages.map((p) => p.edges.length)).toEqual([2, 2, 2, 1]);
    });

    it("pages the signals of one field", async () => {
      const { edges, pages } = await walkNested<{ recordId: string }>(
        "signals",
        ", field: $field",
        ", $field: String",
        "node { recordId }",
        { field: "csat_score" },
      );
      expect(edges.map((e) => e.node.recordId)).toEqual(signalOrder((s) => s.field === "csat_score"));
      expect(pages[0]?.totalCount).toBe(4);
    });

    it("includes since and excludes until", async () => {
      const { edges, pages } = await walkNested<{ recordId: string }>(
        "signals",
        ", since: $since, until: $until",
        ", $since: DateTimeISO, $until: DateTimeISO",
        "node { recordId }",
        { since: "2026-10-02T10:00:00Z", until: "2026-10-05T10:00:00Z" },
      );
      const expected = signalOrder(
        (s) =>
          Date.parse(s.observedAt) >= Date.parse("2026-10-02T10:00:00Z") &&
          Date.parse(s.observedAt) < Date.parse("2026-10-05T10:00:00Z"),
      );
      expect(expected).toHaveLength(4);
      expect(edges.map((e) => e.node.recordId)).toEqual(expected);
      expect(pages[0]?.totalCount).toBe(4);
    });

    it("combines fields with a time window", async () => {
      const { edges } = await walkNested<{ recordId: string }>(
        "signals",
        ", fields: $fields, since: $since",
        ", $fields: [String!], $since: DateTimeISO",
        "node { recordId }",
        { fields: ["error_code", "uptime"], since: "2026-10-01T00:00:00Z" },
      );
      expect(edges.map((e) => e.node.recordId)).toEqual(["PS-4", "PS-2"]);
    });
  });

  it("pages each account's children separately when many accounts load them together", async () => {
    const response = await api.post<{
      accounts: {
        edges: Array<{ node: { id: string; contacts: { edges: Array<{ node: { account: { id: string } } }> } } }>;
      };
    }>(
      "{ accounts(first: 500) { edges { node { id contacts(first: 2) { edges { node { account { id } } } } } } } }",
      {},
      { token },
    );
    const accounts = dataOf(response).accounts.edges.map((e) => e.node);
    for (const account of accounts) {
      for (const contact of account.contacts.edges) expect(contact.node.account.id).toBe(account.id);
    }
    const withContacts = accounts.filter((a) => a.contacts.edges.length > 0).map((a) => a.id);
    expect(withContacts).toEqual([HUB.id]);
  });

  it("answers the same list asked twice with different sizes", async () => {
    const response = await api.post<{
      account: { few: { edges: unknown[] }; many: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } };
    }>(
      "query($id: ID!) { account(id: $id) { few: contacts(first: 1) { edges { cursor } } many: contacts(first: 10) { edges { cursor } pageInfo { hasNextPage } } } }",
      { id: HUB.id },
      { token },
    );
    const account = dataOf(response).account;
    expect(account.few.edges).toHaveLength(1);
    expect(account.many.edges).toHaveLength(5);
    expect(account.many.pageInfo.hasNextPage).toBe(false);
  });
});
