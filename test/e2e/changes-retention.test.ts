import { ChangesDocument, UpsertAccountsDocument } from "../../schema/generated/graphql";
import { ChangeRetentionRepository } from "../../graph/events/change-retention.repository";
import { ChangeOutbox } from "../../graph/events/change-outbox";
import { clockStartingAt } from "../../domain/time/clock";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";
import { getChanges } from "./support/change-stream";
import { ChangesLiveDocument } from "../../schema/generated/graphql";
import { subscribe } from "./support/subscription-client";
import { waitFor } from "../support/wait-for";

// Issue 10: change events are kept RELATA_CHANGE_RETENTION_DAYS; the purge removes older ones and raises
// purgedThrough in the same transaction, so a cursor older than retention is refused, never served a gap.

const DAY_MS = 86_400_000;
const tenant = uniqueTenant("changes-retention");
/**
 * "Now" for the server: a day in 2000, moved on by `skipDays`. The purge runs over every tenant of the shared
 * test database; so far in the past, its cut-off reaches no other test file's events.
 */
let skipDays = 0;
const baseClock = clockStartingAt("2000-01-10T00:00:00.000Z");
const clock = () => new Date(baseClock().getTime() + skipDays * DAY_MS);

let api: TestApi;
let token: string;
let writer: string;

beforeAll(async () => {
  api = await startTestApi({ RELATA_CHANGE_RETENTION_DAYS: "3" }, { clock });
  token = api.token(tenant, "viewer");
  writer = api.token(tenant, "integrator");
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

async function feed(after: string | null) {
  return api.run(ChangesDocument, { after, first: 50 }, { token });
}

describe("change-event retention (issue 10)", () => {
  let oldCursors: string[] = [];
  let lastOld = "";

  it("keeps events younger than the retention period", async () => {
    const input = [1, 2].map((i) => ({ sourceSystem: "crm", externalId: `R-${i}`, name: `Retained ${i}` }));
    dataOf(await api.run(UpsertAccountsDocument, { input }, { token: writer }));
    const page = dataOf(await feed(null)).changes;
    expect(page.events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    oldCursors = page.events.map((e) => e.cursor);
    lastOld = page.endCursor;
    skipDays = 2;
    dataOf(
      await api.run(
        UpsertAccountsDocument,
        { input: [{ sourceSystem: "crm", externalId: "R-3", name: "Later" }] },
        { token: writer },
      ),
    );
    const purged = await api.runtime.purge.runOnce();
    // Day 2, retention 3 days: nothing written on day 0 is older than the cut-off yet.
    expect(dataOf(await feed(null)).changes.events.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    expect(purged.ChangeEvent).toBe(0);
  });

  it("removes events older than retention as a prefix, with the purge job", async () => {
    skipDays = 4;
    const purged = await api.runtime.purge.runOnce();
    expect(purged.ChangeEvent).toBeGreaterThanOrEqual(3);
    // From the start: the oldest event kept, the one written on day 2.
    const page = dataOf(await feed(null)).changes;
    expect(page.events.map((e) => e.sequence)).toEqual([4]);
    // A cursor right at the end of what was removed misses nothing: it reads on.
    expect(dataOf(await feed(lastOld)).changes.events.map((e) => e.sequence)).toEqual([4]);
  });

  it("refuses an older cursor with CURSOR_EXPIRED and says to re-sync", async () => {
    const response = await feed(oldCursors[0]!);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "CURSOR_EXPIRED" });
    expect(response.body.errors?.[0]?.message).toMatch(/kept 3 days .*Re-sync/);
    const live = subscribe(api, token, ChangesLiveDocument, { after: oldCursors[0]! });
    await waitFor("the subscription is refused", () => (live.errors.length > 0 ? true : undefined), {
      timeoutMs: 30_000,
    });
    expect(live.errors[0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "CURSOR_EXPIRED" });
    expect(live.items).toEqual([]);
    await live.close();
  });

  it("answers an expired cursor on the NDJSON stream with 410 Gone", async () => {
    const answer = await getChanges(api, token, `?after=${oldCursors[1]!}`);
    expect(answer.status).toBe(410);
    expect(answer.error).toMatchObject({ code: "BAD_USER_INPUT", reason: "CURSOR_EXPIRED" });
    expect(answer.error!.message).toContain("Re-sync");
    const fromStart = await getChanges(api, token);
    expect(fromStart.events.map((e) => e.sequence)).toEqual([4]);
  });

  it("purges in batches, raising purgedThrough with each", async () => {
    const executor = api.runtime.database.executor(30_000);
    const outbox = new ChangeOutbox(tenant, "job:test");
    const day5 = new Date(clock().getTime() + DAY_MS).toISOString();
    await executor.writeSteps("test.append", (run) =>
      outbox.append(
        run,
        day5,
        [1, 2, 3, 4, 5].map((i) => ({
          type: "ACCOUNT_UPDATED" as const,
          recordId: `acc_batch${i}`,
          externalId: `B-${i}`,
          sourceSystem: "crm",
          changes: [{ field: "name", old: null, new: `Batch ${i}` }],
        })),
      ),
    );
    // Everything up to day 6 (events 4 to 9) in batches of 2: three full batches and an empty one.
    const removed = await new ChangeRetentionRepository(executor).purge(
      new Date(Date.parse(day5) + DAY_MS).toISOString(),
      2,
    );
    expect(removed).toBeGreaterThanOrEqual(6);
    const [sequence] = await executor.read(
      {
        name: "test.sequence",
        text: "MATCH (s:ChangeSequence {tenant: $tenant}) RETURN s.last AS last, s.purgedThrough AS purgedThrough",
      },
      { tenant },
    );
    expect({ last: Number(sequence!.last), purgedThrough: Number(sequence!.purgedThrough) }).toEqual({
      last: 9,
      purgedThrough: 9,
    });
    const page = dataOf(await feed(null)).changes;
    expect(page.events).toEqual([]);
    expect(page.endCursor).toBe(page.headCursor);
    expect((await feed(oldCursors[2]!)).body.errors?.[0]?.extensions?.reason).toBe("CURSOR_EXPIRED");
  });
});
