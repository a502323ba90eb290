import { ChangeOutbox } from "../../graph/events/change-outbox";
import { ClaimedEndpoint, WebhookDispatchRepository } from "../../graph/webhooks/webhook-dispatch.repository";
import { RegisterWebhookDocument } from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 10: deliveries are made while writers commit events concurrently. Neo4j applies a commit piece by
// piece, so a reader without the sequence lock can see a head whose events are not all visible yet; the
// dispatcher takes the lock before reading the head, and no event may be skipped.

const tenant = uniqueTenant("wh-race");
const WRITERS = 6;
const ROUNDS = 10;
const PER_WRITE = 400;
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

it("puts every event committed by concurrent writers into exactly one delivery, in order", async () => {
  const executor = api.runtime.database.executor(30_000);
  const repository = new WebhookDispatchRepository(executor);
  const owner = "test-owner";
  // Three endpoints make deliveries at the same time: three times the chances to read a head mid-commit.
  const endpoints: ClaimedEndpoint[] = [];
  for (let i = 0; i < 3; i += 1) {
    const { endpoint } = dataOf(
      await api.run(
        RegisterWebhookDocument,
        { url: `http://127.0.0.1:9/never-sent/${i}`, eventTypes: ["ACCOUNT_CREATED"] },
        { token: api.token(tenant, "admin") },
      ),
    ).registerWebhook;
    const claimed = await repository.claim(endpoint.id, owner, Date.now(), 600_000);
    expect(claimed).not.toBeNull();
    endpoints.push(claimed!);
  }

  const outbox = new ChangeOutbox(tenant, "job:test");
  let writing = true;
  let written = 0;
  const writer = async (w: number) => {
    for (let round = 0; round < ROUNDS; round += 1) {
      await executor.writeSteps("test.write", async (run) => {
        // Other work in the transaction first, as a real write has, so commits take a while to apply.
        await run(
          {
            name: "test.records",
            text: "UNWIND range(1, 400) AS i CREATE (:WebhookRaceRecord {tenant: $tenant, i: i})",
          },
          { tenant },
        );
        const changes = Array.from({ length: PER_WRITE }, (_, i) => ({
          type: "ACCOUNT_CREATED" as const,
          recordId: `r-${w}-${round}-${i}`,
          externalId: `X-${w}-${round}-${i}`,
          sourceSystem: "crm",
          changes: [],
        }));
        await outbox.append(run, new Date().toISOString(), changes);
      });
      written += PER_WRITE;
    }
  };
  /** Makes and "delivers" deliveries until the writers are done and nothing is left; their sequence ranges. */
  const dispatcher = async (claimed: ClaimedEndpoint) => {
    const ranges: Array<[number, number, number]> = [];
    for (let idle = 0; idle < 3;) {
      const id = `msg_race_${claimed.id}_${ranges.length}`;
      const delivery = (await repository.nextDelivery(claimed, owner, Date.now(), 600_000, 1_000, id))?.delivery;
      if (!delivery) {
        if (!writing) idle += 1;
        continue;
      }
      ranges.push([delivery.firstSequence, delivery.lastSequence, delivery.eventCount]);
      await repository.recordAttempt(delivery.id, {
        at: Date.now(),
        status: "DELIVERED",
        attempt: { at: Date.now(), responseStatus: 200, error: null, durationMs: 1 },
        nextAttemptAt: null,
        disableReason: null,
      });
    }
    return ranges;
  };
  const running = Promise.all(endpoints.map(dispatcher));
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  writing = false;
  const all = await running;

  expect(written).toBe(WRITERS * ROUNDS * PER_WRITE);
  for (const ranges of all) {
    // Every event is of the endpoint's type and numbers are dense: the deliveries tile 1..written, no gap.
    const gaps = ranges.filter(([first], i) => first !== (i === 0 ? 1 : ranges[i - 1]![1] + 1));
    expect(gaps).toEqual([]);
    expect(ranges.every(([first, last, count]) => last - first + 1 === count)).toBe(true);
    expect(ranges.reduce((sum, [, , count]) => sum + count, 0)).toBe(written);
  }
}, 180_000);
