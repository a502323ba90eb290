import {
  RedeliverDocument,
  RegisterWebhookDocument,
  UpsertAccountsDocument,
  WebhookDeliveriesDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { waitFor } from "../support/wait-for";
import { dataOf, onlyErrorOf } from "./support/responses";
import { startWebhookReceiver, WebhookReceiver } from "./support/webhook-receiver";

// Delivery-log retention: the purge removes settled deliveries older than RELATA_WEBHOOK_LOG_RETENTION_DAYS,
// never a pending one and never the failed one that re-enabling its endpoint would send again. Real
// receivers, the real dispatcher; the deliveries are made now and then dated back in the graph.

const DAY_MS = 86_400_000;
const WAIT = { timeoutMs: 60_000, intervalMs: 100 };

let api: TestApi;
const receivers: WebhookReceiver[] = [];

async function receiver(answer: number): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver();
  started.answer = () => answer;
  receivers.push(started);
  return started;
}

async function register(tenant: string, url: string): Promise<string> {
  const response = await api.run(
    RegisterWebhookDocument,
    { url, eventTypes: ["ACCOUNT_CREATED"] as never, description: "retention test" },
    { token: api.token(tenant, "integrator") },
  );
  return dataOf(response).registerWebhook.endpoint.id;
}

async function writeAccounts(tenant: string, ids: readonly string[]): Promise<void> {
  const input = ids.map((id) => ({ sourceSystem: "crm", externalId: id, name: `Account ${id}` }));
  dataOf(await api.run(UpsertAccountsDocument, { input }, { token: api.token(tenant, "integrator") }));
}

async function deliveries(tenant: string, endpointId: string) {
  const response = await api.run(
    WebhookDeliveriesDocument,
    { endpointId, first: 50 },
    { token: api.token(tenant, "admin") },
  );
  return dataOf(response).webhookDeliveries.deliveries;
}

async function settled(tenant: string, endpointId: string, count: number, status: string) {
  return waitFor(
    `${count} deliveries ${status}`,
    async () => {
      const all = await deliveries(tenant, endpointId);
      return all.length === count && all.every((d) => d.status === status) ? all : undefined;
    },
    WAIT,
  );
}

/** Dates a tenant's deliveries back by `days`, as if they had been made and answered then. */
async function age(tenant: string, ids: readonly string[], days: number): Promise<void> {
  await api.runtime.database.executor(60_000).write(
    {
      name: "test.webhooks.ageDeliveries",
      text: `MATCH (d:WebhookDelivery {tenant: $tenant}) WHERE d.id IN $ids
SET d.createdAt = d.createdAt - $shift,
  d.lastAttemptAt = CASE WHEN d.lastAttemptAt IS NULL THEN null ELSE d.lastAttemptAt - $shift END,
  d.deliveredAt = CASE WHEN d.deliveredAt IS NULL THEN null ELSE d.deliveredAt - $shift END`,
    },
    { tenant, ids, shift: days * DAY_MS },
  );
}

beforeAll(async () => {
  api = await startTestApi({
    RELATA_WEBHOOK_DISPATCH: "1",
    RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
    // A failed attempt waits an hour for its retry: the delivery stays PENDING through the test.
    RELATA_WEBHOOK_RETRY_SCHEDULE: "1h",
    RELATA_WEBHOOK_TIMEOUT_MS: "5000",
    RELATA_WEBHOOK_BATCH_SIZE: "1",
    RELATA_WEBHOOK_LOG_RETENTION_DAYS: "30",
    RELATA_CHANGE_POLL_MS: "100",
  });
}, 300_000);

afterAll(async () => {
  await api?.stop();
  await Promise.all(receivers.map((r) => r.close()));
}, 60_000);

describe("webhook delivery-log retention", () => {
  it("removes settled deliveries older than the retention, keeps young, pending and re-sendable ones", async () => {
    const tenant = uniqueTenant("wh-retention");
    const ok = await register(tenant, (await receiver(200)).url);
    await writeAccounts(tenant, ["R-1", "R-2", "R-3"]);
    const delivered = await settled(tenant, ok, 3, "DELIVERED");

    const goneTenant = uniqueTenant("wh-retention-gone");
    const gone = await register(goneTenant, (await receiver(410)).url);
    await writeAccounts(goneTenant, ["G-1"]);
    const [disabling] = await settled(goneTenant, gone, 1, "FAILED");

    const busyTenant = uniqueTenant("wh-retention-busy");
    const busy = await register(busyTenant, (await receiver(503)).url);
    await writeAccounts(busyTenant, ["B-1"]);
    const [pending] = await waitFor(
      "the first attempt is answered 503",
      async () => {
        const all = await deliveries(busyTenant, busy);
        return all.length === 1 && all[0]!.attempts === 1 ? all : undefined;
      },
      WAIT,
    );
    expect(pending).toMatchObject({ status: "PENDING" });

    // Two of the three delivered ones are 40 days old, the third 10; the others are 40 days old too.
    const [young, ...old] = delivered.map((d) => d.id);
    await age(tenant, old, 40);
    await age(tenant, [young!], 10);
    await age(goneTenant, [disabling!.id], 40);
    await age(busyTenant, [pending!.id], 40);

    const purged = await api.runtime.purge.runOnce();
    expect(purged.WebhookDelivery).toBeGreaterThanOrEqual(2);
    expect((await deliveries(tenant, ok)).map((d) => d.id)).toEqual([young]);
    expect((await deliveries(goneTenant, gone)).map((d) => d.id)).toEqual([disabling!.id]);
    expect((await deliveries(busyTenant, busy)).map((d) => ({ id: d.id, status: d.status }))).toEqual([
      { id: pending!.id, status: "PENDING" },
    ]);

    // A removed delivery is gone: redelivering it says it was not found.
    const error = onlyErrorOf(
      await api.run(RedeliverDocument, { deliveryId: old[0]! }, { token: api.token(tenant, "integrator") }),
      200,
    );
    expect(error.extensions?.code).toBe("NOT_FOUND");

    // A second run finds nothing more of these.
    await api.runtime.purge.runOnce();
    expect(await deliveries(tenant, ok)).toHaveLength(1);
  });
});
