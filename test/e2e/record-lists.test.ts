import { nodeId } from "../../domain/ids/node-id";
import {
  AssetsPageDocument,
  ContactsPageDocument,
  OpportunitiesPageDocument,
  OrganizationFilter,
  OrganizationsPageDocument,
  SignalFilter,
  SignalsPageDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { loadFixture } from "./support/record-fixtures";
import { dataOf, onlyErrorOf, statementNames } from "./support/responses";

// Issue 19, "No lookups": top-level lists of contacts, opportunities, assets, organizations and signals with
// filters, mirroring accounts(filter, first, after).

const tenant = uniqueTenant("lists");
const other = uniqueTenant("lists-other");
let api: TestApi;
let token: string;
let otherToken: string;
const account = (externalId: string, sourceSystem = "crm") => nodeId("Account", tenant, sourceSystem, externalId);
const debug = { "x-relata-debug": "1" };

beforeAll(async () => {
  api = await startTestApi({}, { clock: () => new Date("2026-11-01T12:00:00.000Z") });
  // An analyst reads people in clear; a viewer sees them masked (issue 15, test/e2e/personal-data-access.test.ts).
  token = api.token(tenant, "analyst");
  otherToken = api.token(other, "admin");
  await loadFixture(api, api.token(tenant, "integrator"));
  await loadFixture(api, otherToken);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function contacts(filter: Record<string, unknown> | null) {
  const data = dataOf(await api.run(ContactsPageDocument, { filter, first: 50 }, { token }));
  expect(data.contacts.totalCount).toBe(data.contacts.edges.length);
  return data.contacts.edges.map((e) => e.node.name);
}

describe("contacts(filter, first, after)", () => {
  it("lists the tenant's contacts by name, with their accounts, and only its own", async () => {
    const data = dataOf(await api.run(ContactsPageDocument, { first: 50 }, { token }));
    expect(data.contacts.edges.map((e) => [e.node.name, e.node.account?.name])).toEqual([
      ["Ada Lin", "Acme Health"],
      ["Ben Okafor", "Acme Health"],
      ["Chen Wei", "Borealis Bank"],
      ["Dora Diaz", "Delta Clinics"],
    ]);
    expect(data.contacts.edges.every((e) => e.node.id.startsWith("con_"))).toBe(true);
    expect(data.contacts.totalCount).toBe(4);
  });

  it.each([
    [{ accountIds: [account("A-1")] }, ["Ada Lin", "Ben Okafor"]],
    [{ accountIds: [account("A-2"), account("E-1", "erp")] }, ["Chen Wei", "Dora Diaz"]],
    [{ buyingRoles: ["CHAMPION"] }, ["Ada Lin", "Chen Wei"]],
    [{ sourceSystems: ["erp"] }, ["Dora Diaz"]],
    [{ search: "OKAF" }, ["Ben Okafor"]],
    [{ search: "acme.example" }, ["Ada Lin"]],
    [{ search: "   " }, ["Ada Lin", "Ben Okafor", "Chen Wei", "Dora Diaz"]],
    [{ buyingRoles: ["CHAMPION"], accountIds: [account("A-2")] }, ["Chen Wei"]],
    [{ buyingRoles: [] }, []],
  ])("filters by %j", async (filter, names) => {
    expect(await contacts(filter)).toEqual(names);
  });

  it("refuses a malformed account id in the filter, naming it", async () => {
    const error = onlyErrorOf(
      await api.run(ContactsPageDocument, { filter: { accountIds: ["con_nope"] } }, { token }),
      200,
    );
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_ID" });
    expect(error.message).toMatch(/^filter\.accountIds\[0\]: "con_nope" is not an Account id/);
  });

  it("loads each contact's account in one statement beside the page and total, whatever the page size", async () => {
    for (const first of [1, 50]) {
      const response = await api.run(
        ContactsPageDocument,
        { first },
        { token: api.token(tenant, "admin"), headers: debug },
      );
      dataOf(response);
      expect(statementNames(response).sort()).toEqual(["account.byIds", "contact.list", "contact.list.count"]);
    }
  });
});

describe("opportunities(filter, first, after)", () => {
  const ids = async (filter: Record<string, unknown> | null) => {
    const data = dataOf(await api.run(OpportunitiesPageDocument, { filter, first: 50 }, { token }));
    expect(data.opportunities.totalCount).toBe(data.opportunities.edges.length);
    return data.opportunities.edges.map((e) => e.node.externalId);
  };

  it("lists latest close date first and opportunities without one last", async () => {
    expect(await ids(null)).toEqual(["O-2", "O-1", "O-3", "O-4"]);
  });

  it.each([
    [{ stages: ["NEGOTIATION"] }, ["O-1", "O-4"]],
    [{ minAmount: 40000 }, ["O-2", "O-1", "O-4"]],
    [{ minAmount: 20000, maxAmount: 200000 }, ["O-2", "O-1"]],
    [{ closeDateFrom: "2026-07-01" }, ["O-2", "O-1"]],
    [{ closeDateFrom: "2026-06-30", closeDateTo: "2026-12-15" }, ["O-1", "O-3"]],
    [{ accountIds: [account("A-1")], stages: ["PROPOSAL"] }, ["O-2"]],
    [{ sourceSystems: ["erp"] }, []],
  ])("filters by %j", async (filter, expected) => {
    expect(await ids(filter)).toEqual(expected);
  });

  it.each(["2026-13-01", "31.12.2026", "2026-02-30"])("refuses the close date %s with INVALID_FILTER", async (day) => {
    const error = onlyErrorOf(
      await api.run(OpportunitiesPageDocument, { filter: { closeDateTo: day } }, { token }),
      200,
    );
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_FILTER" });
    expect(error.message).toContain(`filter.closeDateTo must be a day written YYYY-MM-DD`);
  });
});

describe("assets, organizations and signals", () => {
  it.each([
    [null, ["S-2", "S-3", "S-1"]],
    [{ models: ["MX-200"] }, ["S-3", "S-1"]],
    [{ accountIds: [account("A-3")] }, ["S-2", "S-3"]],
    [{ models: ["MX-200"], accountIds: [account("A-1")] }, ["S-1"]],
  ])("lists assets by name, filtered by %j", async (filter, expected) => {
    const data = dataOf(await api.run(AssetsPageDocument, { filter, first: 50 }, { token }));
    expect(data.assets.edges.map((e) => e.node.externalId)).toEqual(expected);
    expect(data.assets.totalCount).toBe(expected.length);
  });

  it.each([
    [null, ["N-1", "N-2"]],
    [{ kinds: ["SUPPLIER"] }, ["N-2"]],
    [{ regions: ["APAC-CN"] }, ["N-1"]],
    [{ regions: ["APAC"] }, []],
    [{ sourceSystems: ["crm"], kinds: ["PARTNER"] }, []],
  ] as Array<[OrganizationFilter | null, string[]]>)(
    "lists organizations by name, filtered by %j",
    async (filter, expected) => {
      const data = dataOf(await api.run(OrganizationsPageDocument, { filter, first: 50 }, { token }));
      expect(data.organizations.edges.map((e) => e.node.externalId)).toEqual(expected);
      expect(data.organizations.totalCount).toBe(expected.length);
    },
  );

  it.each([
    [null, ["T-3", "R-2", "T-2", "R-1", "T-1"]],
    [{ fields: ["mtbf_hours"] }, ["R-2", "R-1"]],
    [{ sourceSystems: ["callcenter"] }, ["T-3", "T-2", "T-1"]],
    [{ subjectKinds: ["CONTACT", "ASSET"] }, ["T-3", "R-2", "R-1"]],
    [{ since: "2026-10-03T08:00:00Z", until: "2026-10-07T08:00:00Z" }, ["T-2", "R-1"]],
    [{ fields: ["csat_score"], since: "2026-10-02T00:00:00Z" }, ["T-2"]],
  ] as Array<[SignalFilter | null, string[]]>)(
    "lists signals newest first, filtered by %j",
    async (filter, expected) => {
      const data = dataOf(await api.run(SignalsPageDocument, { filter, first: 50 }, { token }));
      expect(data.signals.edges.map((e) => e.node.recordId)).toEqual(expected);
      expect(data.signals.totalCount).toBe(expected.length);
    },
  );

  it("says what each signal is about", async () => {
    const data = dataOf(await api.run(SignalsPageDocument, { filter: { fields: ["nps"] } }, { token }));
    expect(data.signals.edges[0]?.node).toMatchObject({
      subjectKind: "CONTACT",
      subjectId: nodeId("Contact", tenant, "crm", "C-1"),
    });
  });
});

describe("paging the lists", () => {
  it("walks every list one item at a time with cursors, seeing each item once", async () => {
    const walk = async (
      read: (after: string | null) => Promise<{ ids: string[]; hasNextPage: boolean; endCursor: string | null }>,
    ) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page = await read(after);
        seen.push(...page.ids);
        if (!page.hasNextPage) break;
        after = page.endCursor;
      }
      return seen;
    };
    const shape = <
      T extends {
        pageInfo: { hasNextPage: boolean; endCursor?: string | null };
        edges: Array<{ node: { id: string } }>;
      },
    >(
      c: T,
    ) => ({
      ids: c.edges.map((e) => e.node.id),
      hasNextPage: c.pageInfo.hasNextPage,
      endCursor: c.pageInfo.endCursor ?? null,
    });
    const all = {
      contacts: await walk(async (after) =>
        shape(dataOf(await api.run(ContactsPageDocument, { first: 1, after }, { token })).contacts),
      ),
      opportunities: await walk(async (after) =>
        shape(dataOf(await api.run(OpportunitiesPageDocument, { first: 1, after }, { token })).opportunities),
      ),
      assets: await walk(async (after) =>
        shape(dataOf(await api.run(AssetsPageDocument, { first: 1, after }, { token })).assets),
      ),
      organizations: await walk(async (after) =>
        shape(dataOf(await api.run(OrganizationsPageDocument, { first: 1, after }, { token })).organizations),
      ),
      signals: await walk(async (after) =>
        shape(dataOf(await api.run(SignalsPageDocument, { first: 1, after }, { token })).signals),
      ),
    };
    expect(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, [v.length, new Set(v).size]]))).toEqual({
      contacts: [4, 4],
      opportunities: [4, 4],
      assets: [3, 3],
      organizations: [2, 2],
      signals: [5, 5],
    });
  });

  it("refuses a cursor of another list and of another tenant", async () => {
    const contactsCursor = dataOf(await api.run(ContactsPageDocument, { first: 1 }, { token })).contacts.pageInfo
      .endCursor;
    const theirs = dataOf(await api.run(AssetsPageDocument, { first: 1 }, { token: otherToken })).assets.pageInfo
      .endCursor;
    const wrongList = onlyErrorOf(
      await api.run(AssetsPageDocument, { first: 1, after: contactsCursor }, { token }),
      200,
    );
    expect(wrongList.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_CURSOR" });
    expect(wrongList.message).toContain('the cursor belongs to the list "contacts", not "assets"');
    const wrongTenant = onlyErrorOf(await api.run(AssetsPageDocument, { first: 1, after: theirs }, { token }), 200);
    expect(wrongTenant.message).toContain("the cursor belongs to another tenant");
  });

  it("refuses a page larger than the maximum before reading", async () => {
    const error = onlyErrorOf(await api.run(SignalsPageDocument, { first: 100000 }, { token }), 200);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PAGE_SIZE_OUT_OF_RANGE" });
  });

  it("costs nested pages under a list, refusing what would be too large", async () => {
    const response = await api.post(
      "{ contacts(first: 500) { edges { node { account { contacts(first: 500) { edges { node { id } } } } } } } }",
      {},
      { token },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ reason: "QUERY_TOO_COSTLY" });
  });
});
