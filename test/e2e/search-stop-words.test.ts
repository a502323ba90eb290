import { auth, driver as createDriver, Driver } from "neo4j-driver";
import { FULLTEXT_STOP_WORDS } from "../../domain/search/stop-words";
import { AccountsPageDocument, UpsertAccountsDocument } from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 19: concepts(search: "mean time to repair") found nothing, because the analyzer leaves "to" out of
// the index while the query still required "to*".

const tenant = uniqueTenant("stop-words");
let api: TestApi;
let token: string;
let neo4j: Driver;

const NAMES = ["Go To Market Partners", "O'Brien & Sons", "Acme.com Retail", "The Pearl River Delta 客户服务中心"];

beforeAll(async () => {
  api = await startTestApi();
  token = api.token(tenant, "analyst");
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI is not set; the integration global setup should have set it.");
  neo4j = createDriver(uri, auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""));
  const input = NAMES.map((name, i) => ({ sourceSystem: "crm", externalId: `SW-${i}`, name }));
  dataOf(await api.run(UpsertAccountsDocument, { input }, { token: api.token(tenant, "integrator") }));
}, 120_000);

afterAll(async () => {
  await neo4j?.close();
  await api?.stop();
});

async function conceptIds(search: string): Promise<string[]> {
  const data = dataOf(
    await api.post<{ concepts: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
      "query($search: String) { concepts(search: $search, first: 100) { totalCount edges { node { id } } } }",
      { search },
      { token },
    ),
  );
  expect(data.concepts.totalCount).toBe(data.concepts.edges.length);
  return data.concepts.edges.map((e) => e.node.id);
}

async function accountNames(search: string): Promise<string[]> {
  const data = dataOf(await api.run(AccountsPageDocument, { filter: { search }, first: 50 }, { token }));
  return data.accounts.edges.map((e) => e.node.name);
}

describe("concept search with stop words", () => {
  it.each(["mean time to repair", "Mean Time To Repair", "mean time to re", "mean time to"])(
    "finds Mean time to repair by %p",
    async (search) => {
      expect(await conceptIds(search)).toContain("core:mean-time-to-repair");
    },
  );

  it("finds labels with other stop words, and only concepts having every other word", async () => {
    expect(await conceptIds("time to value")).toEqual(["saas:time-to-value"]);
    expect(await conceptIds("quality of care")).toEqual(["healthcare:care-quality"]);
    expect(await conceptIds("mean time to repair")).toEqual(["core:mean-time-to-repair"]);
  });

  it("finds the same concept by its Chinese label, and by Chinese beside English stop words", async () => {
    expect(await conceptIds("平均修复时间")).toEqual(["core:mean-time-to-repair"]);
    expect(await conceptIds("the 平均修复时间")).toEqual(["core:mean-time-to-repair"]);
  });
});

describe("account search with stop words and joined words", () => {
  it("finds an account by its full name with a stop word", async () => {
    expect(await accountNames("Go To Market Partners")).toEqual(["Go To Market Partners"]);
    expect(await accountNames("go to")).toEqual(["Go To Market Partners"]);
  });

  it("finds names whose words hold an apostrophe or a full stop", async () => {
    expect(await accountNames("o'brien")).toEqual(["O'Brien & Sons"]);
    expect(await accountNames("O'Brien & Sons")).toEqual(["O'Brien & Sons"]);
    expect(await accountNames("acme.com retail")).toEqual(["Acme.com Retail"]);
  });

  it("finds a mixed English and Chinese name by both parts, with a stop word", async () => {
    expect(await accountNames("the pearl river delta 客户服务")).toEqual(["The Pearl River Delta 客户服务中心"]);
    expect(await accountNames("服务中心")).toEqual(["The Pearl River Delta 客户服务中心"]);
  });
});

describe("the stop words the query leaves out", () => {
  it("cover every word any of Relata's full-text indexes drops", async () => {
    const database = api.runtime.connection.database;
    const indexes = await neo4j.executeQuery(
      "SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options.indexConfig['fulltext.analyzer'] AS analyzer",
      {},
      { database, routing: "READ" },
    );
    const analyzers = await neo4j.executeQuery(
      "CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords RETURN analyzer, stopwords",
      {},
      { database, routing: "READ" },
    );
    const stopWords = new Map(
      analyzers.records.map((r) => [r.get("analyzer") as string, r.get("stopwords") as string[]]),
    );
    const names = indexes.records.map((r) => r.get("name") as string);
    expect(names).toEqual(
      expect.arrayContaining(["account_name_fulltext", "contact_name_fulltext", "concept_label_fulltext"]),
    );
    const uncovered = indexes.records.flatMap((r) =>
      (stopWords.get(r.get("analyzer") as string) ?? ["<unknown analyzer>"])
        .filter((word) => !FULLTEXT_STOP_WORDS.has(word))
        .map((word) => `${r.get("name") as string}: ${word}`),
    );
    expect(uncovered).toEqual([]);
  });
});
