import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { loadFixture } from "./support/record-fixtures";
import { dataOf, statementNames } from "./support/responses";

// Issue 19, "Filters with free text fail silently": region: ["APAC"] finds nothing when the values are
// APAC-CN and APAC-SEA. facets lists the values a filter can take, with counts.

const tenant = uniqueTenant("facets");
const other = uniqueTenant("facets-other");
let api: TestApi;
let token: string;
const debug = { "x-relata-debug": "1" };

type Facets = Record<
  "industry" | "segment" | "region" | "sourceSystem" | "stage",
  Array<{ value: string; count: number }>
>;
const FACETS =
  "facets(filter: $filter) { industry { value count } segment { value count } region { value count } sourceSystem { value count } stage { value count } }";

async function facets(filter: Record<string, unknown> | null): Promise<Facets> {
  const response = await api.post<{ facets: Facets }>(
    `query($filter: AccountFilter) { ${FACETS} }`,
    { filter },
    { token },
  );
  return dataOf(response).facets;
}

beforeAll(async () => {
  api = await startTestApi({}, { clock: () => new Date("2026-11-01T12:00:00.000Z") });
  token = api.token(tenant, "viewer");
  await loadFixture(api, api.token(tenant, "admin"));
  // Another tenant's values never show.
  await api.post(
    'mutation { upsertAccounts(input: [{sourceSystem: "x", externalId: "1", name: "Other", region: "LATAM", industry: "RETAIL"}]) { created } }',
    {},
    { token: api.token(other, "admin") },
  );
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe("facets", () => {
  it("counts every value of the tenant's accounts and opportunity stages, most common first", async () => {
    expect(await facets(null)).toEqual({
      industry: [
        { value: "HEALTHCARE", count: 2 },
        { value: "AUTOMOTIVE", count: 1 },
        { value: "FINANCE", count: 1 },
      ],
      segment: [
        { value: "ENTERPRISE", count: 2 },
        { value: "MID_MARKET", count: 1 },
        { value: "SMB", count: 1 },
      ],
      region: [
        { value: "EMEA", count: 2 },
        { value: "APAC-CN", count: 1 },
        { value: "APAC-SEA", count: 1 },
      ],
      sourceSystem: [
        { value: "crm", count: 3 },
        { value: "erp", count: 1 },
      ],
      stage: [
        { value: "NEGOTIATION", count: 2 },
        { value: "CLOSED_WON", count: 1 },
        { value: "PROPOSAL", count: 1 },
      ],
    });
  });

  it("shows the valid regions a free-text region filter should have used", async () => {
    const regions = (await facets(null)).region.map((r) => r.value);
    expect(regions).not.toContain("APAC");
    expect(regions.filter((r) => r.startsWith("APAC"))).toEqual(["APAC-CN", "APAC-SEA"]);
  });

  it("counts each dimension under the rest of the filter, keeping its own alternatives visible", async () => {
    const under = await facets({ region: ["EMEA"], industry: ["HEALTHCARE"] });
    // Industry ignores the industry condition: both EMEA accounts' industries.
    expect(under.industry).toEqual([
      { value: "AUTOMOTIVE", count: 1 },
      { value: "HEALTHCARE", count: 1 },
    ]);
    // Region ignores the region condition: the healthcare accounts' regions.
    expect(under.region).toEqual([
      { value: "APAC-CN", count: 1 },
      { value: "EMEA", count: 1 },
    ]);
    // Segment, source system and stage apply the whole filter: only Delta Clinics (no opportunities).
    expect(under.segment).toEqual([{ value: "SMB", count: 1 }]);
    expect(under.sourceSystem).toEqual([{ value: "erp", count: 1 }]);
    expect(under.stage).toEqual([]);
  });

  it("applies a name search and a revenue floor to every dimension", async () => {
    const searched = await facets({ search: "acme" });
    expect(searched.industry).toEqual([{ value: "HEALTHCARE", count: 1 }]);
    expect(searched.stage).toEqual([
      { value: "NEGOTIATION", count: 1 },
      { value: "PROPOSAL", count: 1 },
    ]);
    const rich = await facets({ minAnnualRevenue: 4e6 });
    expect(rich.region).toEqual([
      { value: "APAC-CN", count: 1 },
      { value: "EMEA", count: 1 },
    ]);
  });

  it("answers empty facets for a search with nothing searchable and for a value nobody has", async () => {
    const empty = { industry: [], segment: [], region: [], sourceSystem: [], stage: [] };
    expect(await facets({ search: "***" })).toEqual(empty);
    const none = await facets({ region: ["APAC"] });
    expect(none.industry).toEqual([]);
    expect(none.stage).toEqual([]);
    // The region facet itself still lists the valid regions.
    expect(none.region.map((r) => r.value)).toEqual(["EMEA", "APAC-CN", "APAC-SEA"]);
  });
});

describe("notices on filtered lists", () => {
  type Notice = { filter: string; value: string; closest: string[]; message: string };

  it("says when a region matches nothing and which regions are close", async () => {
    const data = dataOf(
      await api.post<{ accounts: { totalCount: number; notices: Notice[] } }>(
        `{ accounts(filter: { region: ["APAC", "EMEA"], industry: ["HEALTHCARE"] }) { totalCount notices { filter value closest message } } }`,
        {},
        { token },
      ),
    );
    expect(data.accounts.totalCount).toBe(1);
    expect(data.accounts.notices).toEqual([
      {
        filter: "filter.region",
        value: "APAC",
        closest: ["APAC-CN", "APAC-SEA"],
        message: 'filter.region: no record has "APAC"; did you mean "APAC-CN" or "APAC-SEA"? Values match exactly.',
      },
    ]);
  });

  it.each([
    ["signals", '{ fields: ["csat"] }', "filter.fields", "csat", ["csat_score"]],
    ["organizations", '{ regions: ["apac-cn"] }', "filter.regions", "apac-cn", ["APAC-CN"]],
    ["assets", '{ models: ["MX200"] }', "filter.models", "MX200", ["MX-200"]],
    ["contacts", '{ sourceSystems: ["CRM"] }', "filter.sourceSystems", "CRM", ["crm"]],
    ["opportunities", '{ sourceSystems: ["sap"] }', "filter.sourceSystems", "sap", []],
  ])("reports values %s has none of (%s)", async (list, filter, path, value, closest) => {
    const data = dataOf(
      await api.post<Record<string, { totalCount: number; notices: Notice[] }>>(
        `{ ${list}(filter: ${filter}) { totalCount notices { filter value closest } } }`,
        {},
        { token },
      ),
    );
    expect(data[list]).toEqual({ totalCount: 0, notices: [{ filter: path, value, closest }] });
  });

  it("reports nothing for values that exist, and nested lists report none", async () => {
    const data = dataOf(
      await api.post<{ accounts: { notices: Notice[]; edges: Array<{ node: { contacts: { notices: Notice[] } } }> } }>(
        `{ accounts(filter: { region: ["APAC-CN"] }) { notices { value } edges { node { contacts { notices { value } } } } } }`,
        {},
        { token },
      ),
    );
    expect(data.accounts.notices).toEqual([]);
    expect(data.accounts.edges.map((e) => e.node.contacts.notices)).toEqual([[]]);
  });

  it("reads the valid values only when notices are asked for, in one statement", async () => {
    const admin = api.token(tenant, "admin");
    const without = await api.post(
      `{ accounts(filter: { region: ["APAC"] }) { totalCount } }`,
      {},
      { token: admin, headers: debug },
    );
    expect(statementNames(without)).not.toContainEqual(expect.stringMatching(/^filter\.values/));
    const withNotices = await api.post(
      `{ signals(filter: { fields: ["x"], sourceSystems: ["y"] }) { notices { value } } }`,
      {},
      { token: admin, headers: debug },
    );
    expect(statementNames(withNotices).filter((n) => n.startsWith("filter.values"))).toEqual([
      "filter.values.signals:filter.fields+signals:filter.sourceSystems",
    ]);
  });
});
