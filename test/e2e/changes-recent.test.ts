import { generateDemoData } from "../../demo/demo-data.generator";
import { clockStartingAt } from "../../domain/time/clock";
import {
  RecentChangesDocument,
  RecentChangesQuery,
  UpsertAccountsDocument,
  UpsertContactsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

// Issue 13: the explorer's events page shows the latest changes, newest first, and pages back in time.

type Page = RecentChangesQuery["recentChanges"];

const tenant = uniqueTenant("recent");
const otherTenant = uniqueTenant("recent-other");
const data = generateDemoData({ accounts: 4, signalsPerAccount: 1, seed: 13 });
const accounts = [...data.accounts()].map(({ sourceSystem, externalId, name, industry, region }) => ({
  sourceSystem,
  externalId,
  name,
  industry,
  region,
}));
const contacts = [...data.contacts()].slice(0, 3).map(({ sourceSystem, externalId, account, name, title }) => ({
  sourceSystem,
  externalId,
  account,
  name,
  title,
}));

let api: TestApi;
let token: string;

async function recent(variables: { before?: string | null; types?: string[]; first?: number }, as = token) {
  return api.run(
    RecentChangesDocument,
    { before: variables.before ?? null, types: (variables.types ?? null) as never, first: variables.first ?? 50 },
    { token: as },
  );
}

async function page(variables: { before?: string | null; types?: string[]; first?: number }): Promise<Page> {
  return dataOf(await recent(variables)).recentChanges;
}

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(data.referenceDate) });
  token = api.token(tenant, "integrator");
  dataOf(await api.run(UpsertAccountsDocument, { input: accounts }, { token }));
  dataOf(await api.run(UpsertContactsDocument, { input: contacts }, { token }));
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("recentChanges (issue 13)", () => {
  it("gives the newest events first", async () => {
    const { events, hasMore } = await page({});
    const sequences = events.map((e) => e.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    expect(events[0]?.type).toBe("CONTACT_CREATED");
    expect(events.filter((e) => e.type === "ACCOUNT_CREATED")).toHaveLength(accounts.length);
    expect(hasMore).toBe(false);
  });

  it("pages back in time with endCursor, without repeating or skipping an event", async () => {
    const everything = (await page({})).events.map((e) => e.sequence);
    const seen: number[] = [];
    let before: string | null = null;
    for (let round = 0; round < 20; round += 1) {
      const next: Page = await page({ before, first: 2 });
      seen.push(...next.events.map((e) => e.sequence));
      before = next.endCursor;
      if (!next.hasMore) break;
    }
    expect(seen).toEqual(everything);
  });

  it("keeps only the types asked for", async () => {
    const { events } = await page({ types: ["ACCOUNT_CREATED"] });
    expect(events.map((e) => e.type)).toEqual(accounts.map(() => "ACCOUNT_CREATED"));
  });

  it("shows another tenant nothing of this one", async () => {
    const other = dataOf(await recent({}, api.token(otherTenant, "viewer"))).recentChanges;
    expect(other.events).toEqual([]);
    expect(other.hasMore).toBe(false);
  });
});

describe("recentChanges with bad input (issue 13)", () => {
  it("refuses a cursor that is not one", async () => {
    const error = onlyErrorOf(await recent({ before: "not-a-cursor" }), 200);
    expect(error.extensions?.reason).toBe("INVALID_CURSOR");
    expect(error.message).toMatch(/not a change-feed cursor/);
  });

  it("refuses a page larger than the limit, naming it", async () => {
    const error = onlyErrorOf(await recent({ first: 100_000 }), 200);
    expect(error.extensions?.reason).toBe("PAGE_SIZE_OUT_OF_RANGE");
    expect(error.message).toMatch(/first must be between 1 and/);
  });
});
