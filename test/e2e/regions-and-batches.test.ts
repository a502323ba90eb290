import { auth, driver as createDriver, Driver } from "neo4j-driver";
import {
  AssetRegionsAndBatchesDocument,
  ChangesDocument,
  OrganizationRegionsDocument,
  UpsertAccountsDocument,
  UpsertAssetsDocument,
  UpsertOrganizationsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 11 (people and data): assets carry a region and a production batch, organizations the regions
// they serve, all through ingest.

const tenant = uniqueTenant("regions");
const otherTenant = uniqueTenant("regions-other");
let api: TestApi;
let token: string;
let neo4j: Driver;
let database: string;

const ACCOUNT = { sourceSystem: "crm", externalId: "R-A1", name: "Volta Fleet", region: "CN-East" };
const asset = (externalId: string, extra: Record<string, unknown>) => ({
  sourceSystem: "crm",
  externalId,
  name: `Vehicle ${externalId}`,
  account: { externalId: ACCOUNT.externalId },
  ...extra,
});

async function batchesOf(forTenant: string): Promise<Array<{ code: string; assets: string[] }>> {
  const result = await neo4j.executeQuery(
    `MATCH (b:Batch {tenant: $tenant}) OPTIONAL MATCH (a:Asset)-[:OF_BATCH]->(b)
     WITH b, a ORDER BY a.externalId
     RETURN b.code AS code, collect(a.externalId) AS assets ORDER BY code`,
    { tenant: forTenant },
    { database, routing: "READ" },
  );
  return result.records.map((r) => ({ code: r.get("code") as string, assets: r.get("assets") as string[] }));
}

async function assetsById(forToken = token) {
  const page = dataOf(await api.run(AssetRegionsAndBatchesDocument, { first: 50 }, { token: forToken })).assets;
  return Object.fromEntries(page.edges.map(({ node }) => [node.externalId, node]));
}

async function lastEvents(types: string[]) {
  return dataOf(await api.run(ChangesDocument, { after: null, types: types as never, first: 500 }, { token })).changes
    .events;
}

beforeAll(async () => {
  api = await startTestApi();
  token = api.token(tenant, "integrator");
  database = api.runtime.connection.database;
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI is not set; the integration global setup should have set it.");
  neo4j = createDriver(uri, auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""));
  for (const t of [tenant, otherTenant]) {
    dataOf(await api.run(UpsertAccountsDocument, { input: [ACCOUNT] }, { token: api.token(t, "integrator") }));
  }
}, 180_000);

afterAll(async () => {
  await neo4j?.close();
  await api?.stop();
}, 60_000);

describe("asset regions and production batches", () => {
  it("stores region and batch, links assets of one batch code to one Batch node, and reads them back", async () => {
    const result = dataOf(
      await api.run(
        UpsertAssetsDocument,
        {
          input: [
            asset("V-1", { region: "CN-East", batch: "CELL-2026-07" }),
            asset("V-2", { region: "CN-East", batch: "CELL-2026-07" }),
            asset("V-3", { region: "CN-North", batch: " CELL-2026-09 " }),
            asset("V-4", {}),
          ],
        },
        { token },
      ),
    ).upsertAssets;
    expect(result).toMatchObject({ created: 4, rejected: 0 });
    const read = await assetsById();
    expect(read["V-1"]).toMatchObject({ region: "CN-East", batch: { code: "CELL-2026-07" } });
    expect(read["V-3"]).toMatchObject({ region: "CN-North", batch: { code: "CELL-2026-09" } });
    expect(read["V-4"]).toMatchObject({ region: null, batch: null });
    expect(await batchesOf(tenant)).toEqual([
      { code: "CELL-2026-07", assets: ["V-1", "V-2"] },
      { code: "CELL-2026-09", assets: ["V-3"] },
    ]);
  });

  it("reports a resend unchanged, keeps an omitted batch, and moves the link when the batch changes", async () => {
    const again = dataOf(
      await api.run(
        UpsertAssetsDocument,
        { input: [asset("V-1", { region: "CN-East", batch: "CELL-2026-07" })] },
        { token },
      ),
    ).upsertAssets;
    expect(again).toMatchObject({ unchanged: 1 });
    const omitted = dataOf(
      await api.run(UpsertAssetsDocument, { input: [asset("V-2", { region: "CN-East" })] }, { token }),
    ).upsertAssets;
    expect(omitted).toMatchObject({ unchanged: 1 });
    const moved = dataOf(
      await api.run(
        UpsertAssetsDocument,
        { input: [asset("V-2", { batch: "CELL-2026-09" }), asset("V-3", { batch: null })] },
        { token },
      ),
    ).upsertAssets;
    expect(moved).toMatchObject({ updated: 2 });
    expect(await batchesOf(tenant)).toEqual([
      { code: "CELL-2026-07", assets: ["V-1"] },
      { code: "CELL-2026-09", assets: ["V-2"] },
    ]);
    const read = await assetsById();
    expect(read["V-3"]).toMatchObject({ region: "CN-North", batch: null });
  });

  it("carries region and batch in the assets' change events", async () => {
    const events = await lastEvents(["ASSET_CREATED", "ASSET_UPDATED"]);
    const created = events.find((e) => e.type === "ASSET_CREATED" && e.externalId === "V-1");
    expect(created?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "region", old: null, new: "CN-East" }),
        expect.objectContaining({ field: "batch", old: null, new: "CELL-2026-07" }),
      ]),
    );
    const updated = events.filter((e) => e.type === "ASSET_UPDATED" && e.externalId === "V-2");
    expect(updated.map((e) => e.changes)).toEqual([
      [expect.objectContaining({ field: "batch", old: "CELL-2026-07", new: "CELL-2026-09" })],
    ]);
  });

  it("keeps batches per tenant: the same code in another tenant is another Batch", async () => {
    const other = api.token(otherTenant, "integrator");
    dataOf(await api.run(UpsertAssetsDocument, { input: [asset("V-1", { batch: "CELL-2026-07" })] }, { token: other }));
    expect(await batchesOf(otherTenant)).toEqual([{ code: "CELL-2026-07", assets: ["V-1"] }]);
    expect(await batchesOf(tenant)).toEqual([
      { code: "CELL-2026-07", assets: ["V-1"] },
      { code: "CELL-2026-09", assets: ["V-2"] },
    ]);
    expect(Object.keys(await assetsById(other))).toEqual(["V-1"]);
  });

  it("rejects a blank batch code and an over-long region, naming the field, and stores the rest", async () => {
    const result = dataOf(
      await api.run(
        UpsertAssetsDocument,
        {
          input: [
            asset("V-5", { batch: "   " }),
            asset("V-6", { region: "x".repeat(201) }),
            asset("V-7", { region: "CN-West", batch: "CELL-2026-10" }),
          ],
        },
        { token },
      ),
    ).upsertAssets;
    expect(result).toMatchObject({ created: 1, rejected: 2 });
    expect(result.rejections).toEqual([
      { index: 0, externalId: "V-5", reason: "batch must not be empty" },
      { index: 1, externalId: "V-6", reason: "region is 201 characters long; at most 200 are allowed" },
    ]);
  });
});

describe("regions an organization serves", () => {
  const partner = (servesRegions: string[] | null | undefined) => ({
    sourceSystem: "crm",
    externalId: "P-1",
    name: "East Service Partner",
    kind: "SERVICE_PROVIDER" as const,
    links: [{ account: { externalId: ACCOUNT.externalId }, relationship: "SERVICES" as const }],
    ...(servesRegions === undefined ? {} : { servesRegions }),
  });

  async function organizations() {
    const page = dataOf(await api.run(OrganizationRegionsDocument, { first: 10 }, { token })).organizations;
    return page.edges.map(({ node }) => node);
  }

  it("stores the regions as a sorted set and reports a reordered resend unchanged", async () => {
    const first = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [partner(["CN-North", "CN-East", "CN-East"])] }, { token }),
    ).upsertOrganizations;
    expect(first).toMatchObject({ created: 1 });
    expect(await organizations()).toEqual([
      expect.objectContaining({ externalId: "P-1", servesRegions: ["CN-East", "CN-North"] }),
    ]);
    const reordered = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [partner(["CN-North", "CN-East"])] }, { token }),
    ).upsertOrganizations;
    expect(reordered).toMatchObject({ unchanged: 1 });
    const omitted = dataOf(
      await api.run(UpsertOrganizationsDocument, { input: [partner(undefined)] }, { token }),
    ).upsertOrganizations;
    expect(omitted).toMatchObject({ unchanged: 1 });
  });

  it("records a change of regions in the organization's events", async () => {
    dataOf(await api.run(UpsertOrganizationsDocument, { input: [partner(["CN-East"])] }, { token }));
    const events = await lastEvents(["ORGANIZATION_CREATED", "ORGANIZATION_UPDATED"]);
    expect(events.find((e) => e.type === "ORGANIZATION_CREATED")?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "servesRegions", old: null, new: ["CN-East", "CN-North"] }),
      ]),
    );
    expect(events.filter((e) => e.type === "ORGANIZATION_UPDATED").map((e) => e.changes)).toEqual([
      [expect.objectContaining({ field: "servesRegions", old: ["CN-East", "CN-North"], new: ["CN-East"] })],
    ]);
    expect(await organizations()).toEqual([expect.objectContaining({ servesRegions: ["CN-East"] })]);
  });

  it("rejects too many regions and a blank region, naming where", async () => {
    const many = Array.from({ length: 101 }, (_, i) => `R-${i}`);
    const result = dataOf(
      await api.run(
        UpsertOrganizationsDocument,
        {
          input: [
            { ...partner(many), externalId: "P-2" },
            { ...partner(["CN-East", " "]), externalId: "P-3" },
          ],
        },
        { token },
      ),
    ).upsertOrganizations;
    expect(result.rejections).toEqual([
      {
        index: 0,
        externalId: "P-2",
        reason: "servesRegions has 101 entries; at most 100 are allowed per organization",
      },
      { index: 1, externalId: "P-3", reason: "servesRegions[1] must not be empty" },
    ]);
  });
});
