import { runChangesCommand } from "../../cli/changes";
import { ChangesDocument, UpsertAccountsDocument } from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { captureIo } from "./support/command-io";
import { dataOf } from "./support/responses";
import { getChanges } from "./support/change-stream";

// Issue 10: GET /v1/changes streams the change feed as NDJSON, in order, resumable, one tenant only.

const tenant = uniqueTenant("changes-stream");
const otherTenant = uniqueTenant("changes-stream-other");
let api: TestApi;
let token: string;

const accounts = [1, 2, 3, 4, 5].map((i) => ({ sourceSystem: "crm", externalId: `S-${i}`, name: `Stream ${i}` }));

beforeAll(async () => {
  // Pages of 2: the stream reads several pages, so its paging and stop rules are exercised.
  api = await startTestApi({ RELATA_MAX_PAGE_SIZE: "2", RELATA_DEFAULT_PAGE_SIZE: "2" });
  token = api.token(tenant, "viewer");
  const writer = api.token(tenant, "integrator");
  dataOf(await api.run(UpsertAccountsDocument, { input: accounts }, { token: writer }));
  dataOf(
    await api.run(UpsertAccountsDocument, { input: [{ ...accounts[0]!, name: "Stream 1 AG" }] }, { token: writer }),
  );
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("GET /v1/changes", () => {
  it("streams every event in order, with the feed's fields, then where to resume", async () => {
    const answer = await getChanges(api, token);
    expect(answer.status).toBe(200);
    // 5 accounts, the source system they name, and one rename.
    expect(answer.events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(answer.events.at(-1)!.type).toBe("ACCOUNT_UPDATED");
    expect(answer.end).toEqual({
      endCursor: answer.events.at(-1)!.cursor,
      hasMore: false,
      headCursor: answer.events.at(-1)!.cursor,
      count: 7,
    });
    // The same events, field for field, as the GraphQL feed.
    const feed = dataOf(await api.run(ChangesDocument, { after: null, first: 2 }, { token })).changes;
    expect(answer.events.slice(0, 2)).toEqual(feed.events);
  });

  it("stops at `limit` and resumes from endCursor without a gap or a repeat", async () => {
    const first = await getChanges(api, token, "?limit=3");
    expect(first.events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(first.end).toMatchObject({ endCursor: first.events[2]!.cursor, hasMore: true, count: 3 });
    const rest = await getChanges(api, token, `?after=${first.end!.endCursor}`);
    expect(rest.events.map((e) => e.sequence)).toEqual([4, 5, 6, 7]);
    expect(rest.end).toMatchObject({ hasMore: false, count: 4 });
    const nothing = await getChanges(api, token, `?after=${rest.end!.endCursor}`);
    expect(nothing.events).toEqual([]);
    expect(nothing.end).toMatchObject({ endCursor: rest.end!.endCursor, hasMore: false, count: 0 });
  });

  it("filters by type and still ends at the newest event", async () => {
    const answer = await getChanges(api, token, "?types=ACCOUNT_UPDATED,SOURCE_SYSTEM_CREATED");
    expect(answer.events.map((e) => e.type)).toEqual(["SOURCE_SYSTEM_CREATED", "ACCOUNT_UPDATED"]);
    expect(answer.end!.endCursor).toBe(answer.end!.headCursor);
  });

  it("never shows another tenant's events", async () => {
    const other = await getChanges(api, api.token(otherTenant, "admin"));
    expect(other.status).toBe(200);
    expect(other.events).toEqual([]);
    expect(other.end).toMatchObject({ count: 0, hasMore: false });
    // A cursor of this tenant is ahead of the other's (empty) feed: refused, not served.
    const mine = await getChanges(api, token, "?limit=2");
    const foreign = await getChanges(api, api.token(otherTenant, "admin"), `?after=${mine.end!.endCursor}`);
    expect(foreign.status).toBe(400);
    expect(foreign.error!.reason).toBe("INVALID_CURSOR");
  });
});

describe("GET /v1/changes refusals", () => {
  it("refuses a malformed cursor with 400 and what to pass", async () => {
    const answer = await getChanges(api, token, "?after=not-a-cursor!");
    expect(answer.status).toBe(400);
    expect(answer.error).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_CURSOR" });
    expect(answer.error!.message).toContain("is not a change-feed cursor");
  });

  it("refuses unknown types with 400 naming the valid ones", async () => {
    const answer = await getChanges(api, token, "?types=ACCOUNT_CREATED,ACCOUNT_EXPLODED");
    expect(answer.status).toBe(400);
    expect(answer.error!.message).toContain('"ACCOUNT_EXPLODED"');
    expect(answer.error!.message).toContain("HEALTH_GRADE_CHANGED");
  });

  it("refuses a bad limit, an unknown parameter and a repeated one", async () => {
    for (const query of ["?limit=0", "?limit=ten", "?page=2", "?limit=1&limit=2"]) {
      const answer = await getChanges(api, token, query);
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
    }
  });

  it("refuses a request without a token with 401, and other methods with 405", async () => {
    const anonymous = await getChanges(api, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.error!.code).toBe("UNAUTHENTICATED");
    const post = await fetch(`${api.url.replace(/\/graphql$/, "")}/v1/changes`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(post.status).toBe(405);
  });
});

describe("npm run changes", () => {
  const env = { ...process.env, RELATA_JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: "silent", RELATA_MAX_PAGE_SIZE: "2" };

  it("writes the same lines as the stream, and resumes from the end line's cursor", async () => {
    const first = captureIo();
    expect(await runChangesCommand(["--tenant", tenant, "--limit", "4"], env, first)).toBe(0);
    const lines = first
      .out()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const end = (lines.at(-1) as { end: { endCursor: string; hasMore: boolean } }).end;
    expect(end.hasMore).toBe(true);
    expect(first.err()).toContain(`resume with --after ${end.endCursor}`);
    const rest = captureIo();
    expect(await runChangesCommand(["--tenant", tenant, "--after", end.endCursor], env, rest)).toBe(0);
    const restLines = rest
      .out()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const stream = await getChanges(api, token);
    expect([...lines.slice(0, -1), ...restLines.slice(0, -1)]).toEqual(stream.events);
  });

  it("refuses unknown types as a usage error", async () => {
    const io = captureIo();
    expect(await runChangesCommand(["--tenant", tenant, "--types", "NOPE"], env, io)).toBe(2);
    expect(io.err()).toContain("ACCOUNT_CREATED");
  });
});
