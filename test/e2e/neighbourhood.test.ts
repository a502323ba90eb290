import {
  ExplorerNeighbourhoodDocument,
  ExplorerPathsDocument,
  UpsertOrganizationsDocument,
} from "../../schema/generated/graphql";
import { fixtureId, FIXTURE, loadFixture } from "./support/record-fixtures";
import { dataOf } from "./support/responses";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

/** neighbourhood(id, depth, types, first) and paths(from, to, maxLength, types) over HTTP (issue 13). */
const tenant = uniqueTenant("neighbourhood");
const other = uniqueTenant("neighbourhood-other");
let api: TestApi;
let viewer: string;

const acme = fixtureId("Account", tenant, "crm", "A-1");
const cobalt = fixtureId("Account", tenant, "crm", "A-3");
const partsCo = fixtureId("Organization", tenant, "crm", "N-2");
const bridge = fixtureId("Organization", tenant, "crm", "N-3");

beforeAll(async () => {
  api = await startTestApi();
  const admin = api.token(tenant, "admin");
  await loadFixture(api, admin);
  // A partner of Acme that resells to Cobalt: the path from Acme to Cobalt's supplier goes through it.
  dataOf(
    await api.run(
      UpsertOrganizationsDocument,
      {
        input: [
          {
            sourceSystem: "crm",
            externalId: "N-3",
            name: "Bridge Partners",
            kind: "PARTNER",
            links: [
              { account: { externalId: "A-1" }, relationship: "PARTNER_OF" },
              { account: { externalId: "A-3" }, relationship: "RESELLS_TO" },
            ],
          },
        ],
      },
      { token: admin },
    ),
  );
  await loadFixture(api, api.token(other, "admin"));
  viewer = api.token(tenant, "viewer");
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

const acmeRecords = () => {
  const f = FIXTURE;
  const of = (list: ReadonlyArray<{ externalId: string; account: { externalId: string } }>) =>
    list.filter((r) => r.account.externalId === "A-1").length;
  return of(f.contacts) + of(f.opportunities) + of(f.assets) + 2; // Fixit Services and Bridge Partners
};

describe("neighbourhood", () => {
  it("gives a viewer the records one link around an account, with the links among them", async () => {
    const data = dataOf(await api.run(ExplorerNeighbourhoodDocument, { id: acme }, { token: viewer }));
    const n = data.neighbourhood!;
    expect(n.center).toMatchObject({ id: acme, kind: "Account", label: "Acme Health", distance: 0 });
    expect(n.center.degree).toBe(acmeRecords());
    expect(n.nodes).toHaveLength(acmeRecords());
    expect(n.totalCount).toBe(acmeRecords());
    expect(new Set(n.nodes.map((x) => x.kind))).toEqual(new Set(["Contact", "Opportunity", "Asset", "Organization"]));
    expect(n.nodes.every((x) => x.distance === 1)).toBe(true);
    expect(n.edges).toHaveLength(acmeRecords());
    expect(n.edges.every((e) => e.target === acme)).toBe(true);
    expect(n.edges.find((e) => e.source === bridge)).toMatchObject({
      type: "PARTNER_OF",
      id: `${bridge}|PARTNER_OF|${acme}`,
    });
  });

  it("follows only the relationship types asked for", async () => {
    const data = dataOf(
      await api.run(ExplorerNeighbourhoodDocument, { id: acme, types: ["WORKS_AT"] }, { token: viewer }),
    );
    // A viewer sees contacts' names masked (issue 15, decision 0028); accounts' names are companies'.
    expect(data.neighbourhood!.nodes.map((x) => x.label).sort()).toEqual(["A*** L***", "B*** O***"]);
    expect(data.neighbourhood!.center.degree).toBe(2);
  });

  it("reaches further with depth, nearest first, and cuts the list at first with the total kept", async () => {
    const deep = dataOf(await api.run(ExplorerNeighbourhoodDocument, { id: acme, depth: 2 }, { token: viewer }));
    const cobaltNode = deep.neighbourhood!.nodes.find((x) => x.id === cobalt);
    expect(cobaltNode).toMatchObject({ label: "Cobalt Motors", distance: 2 });
    const distances = deep.neighbourhood!.nodes.map((x) => x.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const cut = dataOf(
      await api.run(ExplorerNeighbourhoodDocument, { id: acme, depth: 2, first: 3 }, { token: viewer }),
    );
    expect(cut.neighbourhood!.nodes).toHaveLength(3);
    expect(cut.neighbourhood!.totalCount).toBe(deep.neighbourhood!.totalCount);
    // Links only among what was returned.
    const shown = new Set([acme, ...cut.neighbourhood!.nodes.map((x) => x.id)]);
    expect(cut.neighbourhood!.edges.every((e) => shown.has(e.source) && shown.has(e.target))).toBe(true);
  });

  it("is null for another tenant's record and for an id no record has", async () => {
    const foreign = fixtureId("Account", other, "crm", "A-1");
    const missing = fixtureId("Account", tenant, "crm", "nope");
    for (const id of [foreign, missing]) {
      expect(dataOf(await api.run(ExplorerNeighbourhoodDocument, { id }, { token: viewer })).neighbourhood).toBeNull();
    }
  });
});

describe("paths", () => {
  it("finds the shortest path from an account to a partner's account's supplier", async () => {
    const data = dataOf(await api.run(ExplorerPathsDocument, { from: acme, to: partsCo }, { token: viewer }));
    expect(data.paths).toHaveLength(1);
    const [path] = data.paths;
    expect(path!.length).toBe(3);
    expect(path!.nodes.map((x) => x.label)).toEqual(["Acme Health", "Bridge Partners", "Cobalt Motors", "Parts Co"]);
    expect(path!.edges.map((e) => e.type)).toEqual(["PARTNER_OF", "RESELLS_TO", "SUPPLIES"]);
  });

  it("finds none longer than maxLength, none over types left out, and none to another tenant's record", async () => {
    const short = dataOf(
      await api.run(ExplorerPathsDocument, { from: acme, to: partsCo, maxLength: 2 }, { token: viewer }),
    );
    expect(short.paths).toEqual([]);
    const typed = dataOf(
      await api.run(
        ExplorerPathsDocument,
        { from: acme, to: partsCo, types: ["PARTNER_OF", "SUPPLIES"] },
        { token: viewer },
      ),
    );
    expect(typed.paths).toEqual([]);
    const foreign = fixtureId("Organization", other, "crm", "N-2");
    expect(dataOf(await api.run(ExplorerPathsDocument, { from: acme, to: foreign }, { token: viewer })).paths).toEqual(
      [],
    );
  });
});

describe("refusals", () => {
  const refused = async (
    document: typeof ExplorerNeighbourhoodDocument | typeof ExplorerPathsDocument,
    variables: object,
  ) => {
    const response = await api.run(document as typeof ExplorerNeighbourhoodDocument, variables as { id: string }, {
      token: viewer,
    });
    expect(response.body.errors).toBeDefined();
    return response.body.errors![0]!;
  };

  it("refuses a malformed id, naming the argument", async () => {
    const error = await refused(ExplorerNeighbourhoodDocument, { id: "MATCH (n) RETURN n" });
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_ID" });
  });

  it("refuses a concept id: graph views start from records", async () => {
    const error = await refused(ExplorerNeighbourhoodDocument, { id: "core:satisfaction" });
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_ARGUMENT" });
    expect(error.message).toMatch(/names a Concept/);
  });

  it("refuses depth, first and maxLength over their caps, empty types, and one record twice", async () => {
    for (const [document, variables, pattern] of [
      [ExplorerNeighbourhoodDocument, { id: acme, depth: 4 }, /depth must be an integer from 1 to 3; it is 4/],
      [ExplorerNeighbourhoodDocument, { id: acme, depth: 0 }, /depth must be an integer from 1 to 3/],
      [ExplorerNeighbourhoodDocument, { id: acme, first: 501 }, /first must be an integer from 1 to 500/],
      [ExplorerNeighbourhoodDocument, { id: acme, types: [] }, /types is empty/],
      [ExplorerPathsDocument, { from: acme, to: partsCo, maxLength: 7 }, /maxLength must be an integer from 1 to 6/],
      [ExplorerPathsDocument, { from: acme, to: partsCo, first: 11 }, /first must be an integer from 1 to 10/],
      [ExplorerPathsDocument, { from: acme, to: acme }, /the same record/],
    ] as const) {
      const error = await refused(document, variables);
      expect(error.extensions?.code).toBe("BAD_USER_INPUT");
      expect(error.message).toMatch(pattern);
    }
  });

  it("admits the largest neighbourhood, and refuses many of them in one request as too costly", async () => {
    const one = await api.post(
      `query { neighbourhood(id: "${acme}", depth: 3, first: 500) { totalCount nodes { id } edges { id } } }`,
      {},
      { token: viewer },
    );
    expect(one.body.errors).toBeUndefined();
    const many = Array.from(
      { length: 30 },
      (_, i) => `n${i}: neighbourhood(id: "${acme}", depth: 3, first: 500) { nodes { id label } edges { id } }`,
    ).join(" ");
    const response = await api.post(`query { ${many} }`, {}, { token: viewer });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "QUERY_TOO_COSTLY" });
  });
});
