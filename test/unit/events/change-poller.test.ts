import { ChangeType, StoredChange } from "../../../domain/events/change-event";
import { ChangePoll } from "../../../graph/events/change-poll.repository";
import { ChangeFeedError } from "../../../services/events/change-feed.errors";
import { ChangePoller, ChangePollSource } from "../../../services/events/change-poller";

// Issue 10: the per-process poller reads each tenant's outbox once per tick, from the lowest cursor of its
// subscribers, and hands every subscriber exactly the events after its own cursor.

function event(tenant: string, seq: number, type: ChangeType = "ACCOUNT_UPDATED"): StoredChange {
  return {
    id: `evt_${tenant}_${seq}`,
    seq,
    tenant,
    type,
    recordId: `acc_${seq}`,
    externalId: null,
    sourceSystem: null,
    changes: [],
    actor: "test",
    at: "2026-12-01T00:00:00.000Z",
  };
}

/** An outbox in memory that records every poll. */
class FakeOutbox implements ChangePollSource {
  readonly events = new Map<string, StoredChange[]>();
  readonly polls: Array<{ tenant: string; after: number; first: number }> = [];
  purgedThrough = 0;

  write(tenant: string, ...types: ChangeType[]): void {
    const list = this.events.get(tenant) ?? [];
    for (const type of types) list.push(event(tenant, list.length + 1, type));
    this.events.set(tenant, list);
  }

  async poll(tenant: string, after: number, first: number): Promise<ChangePoll> {
    this.polls.push({ tenant, after, first });
    const list = this.events.get(tenant) ?? [];
    const from = Math.max(after, this.purgedThrough);
    const waiting = list.filter((e) => e.seq > from);
    const events = waiting.slice(0, first);
    const hasMore = waiting.length > first;
    return {
      last: list.length,
      purgedThrough: this.purgedThrough,
      events,
      through: hasMore ? (events.at(-1)?.seq ?? from) : Math.max(from, list.length),
      hasMore,
    };
  }
}

const settings = { intervalMs: 1_000_000, batchSize: 3, highWater: 5, retentionDays: 7 };
const log = { warn: () => undefined };

async function take(iterator: AsyncIterator<StoredChange>, count: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < count; i += 1) seqs.push(((await iterator.next()).value as StoredChange).seq);
  return seqs;
}

describe("ChangePoller", () => {
  it("reads each tenant once per tick from the lowest cursor, and gives each subscriber what follows its own", async () => {
    const outbox = new FakeOutbox();
    outbox.write("a", "ACCOUNT_UPDATED", "ACCOUNT_UPDATED", "ACCOUNT_UPDATED", "ACCOUNT_UPDATED");
    const poller = new ChangePoller(outbox, { ...settings, batchSize: 10 }, log);
    const early = poller.follow("a", 1);
    const late = poller.follow("a", 3);
    await poller.pollOnce();
    expect(outbox.polls).toEqual([{ tenant: "a", after: 1, first: 10 }]);
    expect(await take(early, 3)).toEqual([2, 3, 4]);
    expect(await take(late, 1)).toEqual([4]);
    expect([early.cursor, late.cursor]).toEqual([4, 4]);
  });

  it("does not read tenants nobody follows, and forgets a subscriber that stops", async () => {
    const outbox = new FakeOutbox();
    outbox.write("a", "ACCOUNT_UPDATED");
    outbox.write("b", "ACCOUNT_UPDATED");
    const poller = new ChangePoller(outbox, settings, log);
    const live = poller.follow("b", 0);
    await poller.pollOnce();
    expect(outbox.polls.map((p) => p.tenant)).toEqual(["b"]);
    await live.return();
    expect(poller.subscribers()).toBe(0);
    await poller.pollOnce();
    expect(outbox.polls).toHaveLength(1);
  });

  it("moves a filtered subscriber's cursor past events it does not take", async () => {
    const outbox = new FakeOutbox();
    outbox.write("a", "ACCOUNT_UPDATED", "CONTACT_CREATED", "ACCOUNT_UPDATED");
    const poller = new ChangePoller(outbox, settings, log);
    const contacts = poller.follow("a", 0, (e) => e.type === "CONTACT_CREATED");
    await poller.pollOnce();
    expect(await take(contacts, 1)).toEqual([2]);
    expect(contacts.cursor).toBe(3);
  });

  it("catches up batch after batch in one tick", async () => {
    const outbox = new FakeOutbox();
    outbox.write("a", ...Array.from({ length: 7 }, () => "ACCOUNT_UPDATED" as const));
    const poller = new ChangePoller(outbox, { ...settings, highWater: 100 }, log);
    const live = poller.follow("a", 0);
    await poller.pollOnce();
    expect(outbox.polls.map((p) => p.after)).toEqual([0, 3, 6]);
    expect(await take(live, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("leaves a subscriber with a full queue out of polls until it has taken its events", async () => {
    const outbox = new FakeOutbox();
    outbox.write("a", ...Array.from({ length: 8 }, () => "ACCOUNT_UPDATED" as const));
    const poller = new ChangePoller(outbox, { ...settings, batchSize: 6, highWater: 5 }, log);
    const slow = poller.follow("a", 0);
    await poller.pollOnce();
    expect(slow.ready).toBe(false);
    expect(slow.cursor).toBe(6);
    await poller.pollOnce();
    expect(outbox.polls).toHaveLength(1);
    expect(await take(slow, 6)).toEqual([1, 2, 3, 4, 5, 6]);
    await poller.pollOnce();
    expect(await take(slow, 2)).toEqual([7, 8]);
  });

  it("ends a subscriber whose cursor fell behind retention with CURSOR_EXPIRED", async () => {
    const outbox = new FakeOutbox();
    outbox.write("a", "ACCOUNT_UPDATED", "ACCOUNT_UPDATED", "ACCOUNT_UPDATED");
    outbox.purgedThrough = 2;
    const poller = new ChangePoller(outbox, settings, log);
    const behind = poller.follow("a", 1);
    const current = poller.follow("a", 2);
    await poller.pollOnce();
    await expect(behind.next()).rejects.toThrow(ChangeFeedError);
    expect(await take(current, 1)).toEqual([3]);
    expect(poller.subscribers("a")).toBe(1);
  });

  it("ends every subscription when it stops, and a waiting one at once", async () => {
    const poller = new ChangePoller(new FakeOutbox(), settings, log);
    const live = poller.follow("a", 0);
    const pending = live.next();
    await poller.stop();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(poller.subscribers()).toBe(0);
  });

  it("keeps polling after a failed read", async () => {
    const outbox = new FakeOutbox();
    outbox.write("a", "ACCOUNT_UPDATED");
    let fail = true;
    const flaky: ChangePollSource = {
      poll: (tenant, after, first) => (fail ? Promise.reject(new Error("down")) : outbox.poll(tenant, after, first)),
    };
    const warnings: string[] = [];
    const poller = new ChangePoller(flaky, settings, { warn: (_details, message) => warnings.push(message) });
    const live = poller.follow("a", 0);
    await poller.pollOnce();
    expect(warnings).toHaveLength(1);
    fail = false;
    await poller.pollOnce();
    expect(await take(live, 1)).toEqual([1]);
  });
});
