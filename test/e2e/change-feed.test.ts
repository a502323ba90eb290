import { generateDemoData } from "../../demo/demo-data.generator";
import { nodeId } from "../../domain/ids/node-id";
import { clockStartingAt } from "../../domain/time/clock";
import { ChangeOutbox } from "../../graph/events/change-outbox";
import { unpackSegment } from "../../domain/events/change-segment";
import {
  ChangesDocument,
  ChangesQuery,
  DeleteAccountsDocument,
  RestoreAccountsDocument,
  UpsertAccountsDocument,
  UpsertContactsDocument,
  UpsertSourceSystemsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 10: every write appends its change events in the same transaction; the feed reads them in order.

type Event = ChangesQuery["changes"]["events"][number];

const tenant = uniqueTenant("changes");
const otherTenant = uniqueTenant("changes-other");
const data = generateDemoData({ accounts: 3, signalsPerAccount: 1, seed: 11 });
const accounts = [...data.accounts()].map(({ sourceSystem, externalId, name, industry, region }) => ({
  sourceSystem,
  externalId,
  name,
  industry,
  region,
}));

let api: TestApi;
let token: string;

async function feed(after: string | null = null, options: { types?: string[]; first?: number; token?: string } = {}) {
  const response = await api.run(
    ChangesDocument,
    { after, types: (options.types ?? null) as never, first: options.first ?? 500 },
    { token: options.token ?? token },
  );
  return dataOf(response).changes;
}

/** Every event after `after`, page by page. */
async function all(after: string | null = null): Promise<{ events: Event[]; end: string }> {
  const events: Event[] = [];
  let cursor = after;
  for (;;) {
    const page = await feed(cursor, { first: 3 });
    events.push(...page.events);
    cursor = page.endCursor;
    if (!page.hasMore) return { events, end: cursor };
  }
}

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(data.referenceDate) });
  token = api.token(tenant, "integrator");
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("the change feed (issue 10)", () => {
  let cursor: string | null = null;

  it("records created accounts with every field, in order, with who wrote them", async () => {
    const empty = await feed();
    expect(empty.events).toEqual([]);
    expect(empty.hasMore).toBe(false);
    dataOf(await api.run(UpsertAccountsDocument, { input: accounts }, { token }));
    const { events, end } = await all();
    // The source system the accounts mention is registered too, after them.
    expect(events.map((e) => e.type)).toEqual([
      "ACCOUNT_CREATED",
      "ACCOUNT_CREATED",
      "ACCOUNT_CREATED",
      "SOURCE_SYSTEM_CREATED",
    ]);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    const first = events[0]!;
    expect(first.recordId).toBe(nodeId("Account", tenant, accounts[0]!.sourceSystem, accounts[0]!.externalId));
    expect(first.externalId).toBe(accounts[0]!.externalId);
    expect(first.actor).not.toBe("");
    expect(first.changes).toEqual(
      expect.arrayContaining([{ field: "name", old: null, new: accounts[0]!.name, personal: false, erased: false }]),
    );
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
    cursor = end;
  });

  it("emits nothing for a re-ingest that changes nothing", async () => {
    dataOf(await api.run(UpsertAccountsDocument, { input: accounts }, { token }));
    const page = await feed(cursor);
    expect(page.events).toEqual([]);
    expect(page.endCursor).toBe(cursor);
  });

  it("lists only the fields an update changed, with old and new values", async () => {
    const renamed = { ...accounts[1]!, name: `${accounts[1]!.name} GmbH` };
    dataOf(await api.run(UpsertAccountsDocument, { input: [renamed] }, { token }));
    const page = await feed(cursor);
    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({ type: "ACCOUNT_UPDATED", recordType: "ACCOUNT", sequence: 5 });
    expect(page.events[0]!.changes).toEqual([
      { field: "name", old: accounts[1]!.name, new: renamed.name, personal: false, erased: false },
    ]);
    cursor = page.endCursor;
  });

  it("keeps a contact's personal values out of the stored event, and shows them to readers", async () => {
    const contact = {
      sourceSystem: accounts[0]!.sourceSystem,
      externalId: "C-feed-1",
      account: { externalId: accounts[0]!.externalId },
      name: "Mei Lin",
      email: "mei.lin@example.com",
      buyingRole: "CHAMPION" as const,
    };
    dataOf(await api.run(UpsertContactsDocument, { input: [contact] }, { token }));
    const page = await feed(cursor);
    expect(page.events.map((e) => e.type)).toEqual(["CONTACT_CREATED"]);
    const event = page.events[0]!;
    expect(event.externalId).toBe("C-feed-1");
    expect(event.changes).toEqual(
      expect.arrayContaining([
        { field: "email", old: null, new: "mei.lin@example.com", personal: true, erased: false },
        { field: "buyingRole", old: null, new: "CHAMPION", personal: false, erased: false },
        {
          field: "accountId",
          old: null,
          new: event.changes.find((c) => c.field === "accountId")!.new,
          personal: false,
          erased: false,
        },
      ]),
    );
    const stored = await api.runtime.database.executor(10_000).read(
      {
        name: "test.rawSegment",
        text:
          "MATCH (g:ChangeSegment {tenant: $tenant}) WHERE g.firstSeq <= $seq <= g.lastSeq " +
          "RETURN g.events AS events, g.firstSeq AS firstSeq",
      },
      { tenant, seq: event.sequence },
    );
    const stored0 = unpackSegment(String(stored[0]!.events))[event.sequence - Number(stored[0]!.firstSeq)]!;
    expect(stored0.type).toBe("CONTACT_CREATED");
    const raw = JSON.stringify(stored0);
    expect(raw).not.toContain("mei.lin@example.com");
    expect(raw).not.toContain("Mei Lin");
    expect(raw).not.toContain("C-feed-1");
    expect(raw).toContain("CHAMPION");
    cursor = page.endCursor;
  });

  it("records a delete with everything it took along, and the restore", async () => {
    const ref = { sourceSystem: accounts[0]!.sourceSystem, externalId: accounts[0]!.externalId };
    dataOf(await api.run(DeleteAccountsDocument, { input: [ref] }, { token }));
    dataOf(await api.run(RestoreAccountsDocument, { input: [ref] }, { token }));
    const page = await feed(cursor);
    expect(page.events.map((e) => e.type)).toEqual([
      "ACCOUNT_DELETED",
      "CONTACT_DELETED",
      "ACCOUNT_RESTORED",
      "CONTACT_RESTORED",
    ]);
    const accountId = nodeId("Account", tenant, ref.sourceSystem, ref.externalId);
    expect(page.events[1]!.changes).toEqual([
      { field: "cascadedFrom", old: null, new: accountId, personal: false, erased: false },
    ]);
    expect(page.events[1]!.externalId).toBe("C-feed-1");
    cursor = page.endCursor;
  });

  it("filters by type and resumes from any cursor without gaps", async () => {
    const { events } = await all();
    const sequences = events.map((e) => e.sequence);
    expect(sequences).toEqual(sequences.map((_, i) => i + 1));
    const fromMiddle = await feed(events[2]!.cursor, { first: 2 });
    expect(fromMiddle.events.map((e) => e.sequence)).toEqual([4, 5]);
    expect(fromMiddle.hasMore).toBe(true);
    const deletes = await feed(null, { types: ["ACCOUNT_DELETED", "CONTACT_DELETED"] });
    expect(deletes.events.map((e) => e.type)).toEqual(["ACCOUNT_DELETED", "CONTACT_DELETED"]);
    expect(deletes.endCursor).toBe(deletes.headCursor);
  });

  it("records source system changes", async () => {
    const key = accounts[0]!.sourceSystem;
    dataOf(
      await api.run(UpsertSourceSystemsDocument, { input: [{ key, name: "Salesforce EU", kind: "CRM" }] }, { token }),
    );
    const page = await feed(cursor);
    expect(page.events.map((e) => e.type)).toEqual(["SOURCE_SYSTEM_UPDATED"]);
    expect(page.events[0]!.changes.map((c) => c.field)).toEqual(["name", "kind"]);
    cursor = page.endCursor;
  });

  it("numbers concurrent writes without gaps or repeats", async () => {
    const before = (await feed(cursor)).endCursor;
    const batches = [0, 1, 2, 3].map((b) =>
      [0, 1].map((i) => ({ sourceSystem: "erp", externalId: `P-${b}-${i}`, name: `Parallel ${b}.${i}` })),
    );
    await Promise.all(batches.map((input) => api.run(UpsertAccountsDocument, { input }, { token }).then(dataOf)));
    const { events } = await all(before);
    const accountEvents = events.filter((e) => e.type === "ACCOUNT_CREATED");
    expect(accountEvents).toHaveLength(8);
    const sequences = events.map((e) => e.sequence);
    expect(sequences).toEqual(sequences.map((_, i) => sequences[0]! + i));
  });

  it("reads a bulk write's events across its segments, page by page, without gaps", async () => {
    const before = (await feed(cursor)).endCursor;
    const input = Array.from({ length: 300 }, (_, i) => ({
      sourceSystem: "bulk",
      externalId: `B-${i}`,
      name: `Bulk ${i}`,
    }));
    dataOf(await api.run(UpsertAccountsDocument, { input }, { token }));
    const seen: Event[] = [];
    let at: string | null = before;
    for (;;) {
      const page = await feed(at, { first: 97 });
      seen.push(...page.events);
      at = page.endCursor;
      if (!page.hasMore) break;
    }
    expect(seen.filter((e) => e.type === "ACCOUNT_CREATED").map((e) => e.externalId)).toEqual(
      input.map((r) => r.externalId),
    );
    const sequences = seen.map((e) => e.sequence);
    expect(sequences).toEqual(sequences.map((_, i) => sequences[0]! + i));
    // Only the last event of the write is of this type: the filter finds it past two segments of others.
    const only = await feed(before, { types: ["SOURCE_SYSTEM_CREATED"], first: 5 });
    expect(only.events.map((e) => e.recordId)).toEqual(["bulk"]);
    cursor = at;
  });

  it("never shows one tenant's events to another", async () => {
    const other = await feed(null, { token: api.token(otherTenant, "viewer") });
    expect(other.events).toEqual([]);
    const mine = await feed(null, { first: 1 });
    const foreign = await api.run(
      ChangesDocument,
      { after: mine.endCursor, first: 5 },
      {
        token: api.token(otherTenant, "viewer"),
      },
    );
    // Tenant A's cursor is ahead of tenant B's (empty) feed: refused, not served.
    expect(foreign.body.errors?.[0]?.extensions?.reason).toBe("INVALID_CURSOR");
  });

  it("refuses malformed cursors and page sizes with what to do", async () => {
    const bad = await api.run(ChangesDocument, { after: "not-a-cursor!", first: 5 }, { token });
    expect(bad.body.errors?.[0]?.extensions?.reason).toBe("INVALID_CURSOR");
    expect(bad.body.errors?.[0]?.message).toContain("is not a change-feed cursor");
    const huge = await api.run(ChangesDocument, { after: null, first: 100_000 }, { token });
    expect(huge.body.errors?.[0]?.extensions?.reason).toBe("PAGE_SIZE_OUT_OF_RANGE");
  });

  it("stops before a number it cannot see yet, and reads on from there once it appears", async () => {
    const holeTenant = uniqueTenant("changes-hole");
    const holeToken = api.token(holeTenant, "integrator");
    const outbox = new ChangeOutbox(holeTenant, "job:test");
    const executor = api.runtime.database.executor(10_000);
    const event = (recordId: string) => ({
      type: "ACCOUNT_UPDATED" as const,
      recordId,
      externalId: recordId,
      sourceSystem: "crm",
      changes: [],
    });
    await executor.writeSteps("test.append", (run) => outbox.append(run, new Date().toISOString(), [event("a")]));
    // Number 2 is committed but its segment not visible yet (as while Neo4j applies a commit): simulate it by
    // taking the number without its segment, then a later commit's segment (number 3).
    await executor.write(
      { name: "test.takeNumber", text: "MATCH (s:ChangeSequence {tenant: $tenant}) SET s.last = s.last + 1" },
      { tenant: holeTenant },
    );
    await executor.writeSteps("test.append", (run) => outbox.append(run, new Date().toISOString(), [event("c")]));
    const first = await feed(null, { token: holeToken });
    expect(first.events.map((e) => e.recordId)).toEqual(["a"]);
    expect(first.hasMore).toBe(false);
    const [three] = await executor.read(
      {
        name: "test.segment",
        text: "MATCH (g:ChangeSegment {tenant: $tenant, firstSeq: 3}) RETURN g.events AS events",
      },
      { tenant: holeTenant },
    );
    // Number 2's segment appears.
    await executor.write(
      {
        name: "test.segment2",
        text:
          "CREATE (:ChangeSegment {tenant: $tenant, firstSeq: 2, lastSeq: 2, count: 1, types: ['ACCOUNT_UPDATED'], " +
          "personIds: [], events: $events, actor: 'job:test', at: datetime()})",
      },
      { tenant: holeTenant, events: three!.events },
    );
    const rest = await feed(first.endCursor, { token: holeToken });
    expect(rest.events.map((e) => e.sequence)).toEqual([2, 3]);
    expect(rest.events.map((e) => e.recordId)).toEqual(["c", "c"]);
  });

  it("leaves no event when the write's transaction rolls back", async () => {
    const executor = api.runtime.database.executor(10_000);
    const outbox = new ChangeOutbox(tenant, "job:test");
    const head = (await feed(null, { first: 1 })).headCursor;
    await expect(
      executor.writeSteps("test.rollback", async (run) => {
        await outbox.append(run, new Date().toISOString(), [
          { type: "ACCOUNT_UPDATED", recordId: "x", externalId: "x", sourceSystem: "crm", changes: [] },
        ]);
        await run({ name: "test.fail", text: "UNWIND [0] AS zero RETURN 1 / zero AS boom" }, {});
      }),
    ).rejects.toThrow();
    const after = await feed(head);
    expect(after.events).toEqual([]);
    expect(after.headCursor).toBe(head);
  });
});
