import { verifyWebhook, WebhookVerificationError } from "../../domain/webhooks/verify-webhook";
import { ChangeOutbox } from "../../graph/events/change-outbox";
import {
  ChangesDocument,
  DeleteWebhookDocument,
  DisableWebhookDocument,
  EnableWebhookDocument,
  RedeliverDocument,
  RegisterWebhookDocument,
  RotateWebhookSecretDocument,
  UpdateWebhookDocument,
  UpsertAccountsDocument,
  WebhookDeliveriesDocument,
  WebhookDocument,
  WebhooksDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { waitFor } from "../support/wait-for";
import { dataOf, onlyErrorOf } from "./support/responses";
import { startWebhookReceiver, WebhookReceiver } from "./support/webhook-receiver";

// Issue 10: signed webhooks. A real receiver in this process, the real server with its dispatcher, a
// retry schedule of seconds.

const ACCOUNT_TYPES = ["ACCOUNT_CREATED", "ACCOUNT_UPDATED"] as const;
const WAIT = { timeoutMs: 60_000, intervalMs: 100 };

let api: TestApi;
const receivers: WebhookReceiver[] = [];

async function receiver(): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver();
  receivers.push(started);
  return started;
}

async function register(tenant: string, url: string, types: readonly string[] = ACCOUNT_TYPES) {
  const response = await api.run(
    RegisterWebhookDocument,
    { url, eventTypes: types as never, description: "test receiver" },
    { token: api.token(tenant, "integrator") },
  );
  return dataOf(response).registerWebhook;
}

let counter = 0;
async function writeAccounts(tenant: string, count: number): Promise<string[]> {
  const input = Array.from({ length: count }, () => {
    counter += 1;
    return { sourceSystem: "crm", externalId: `A-${counter}`, name: `Account ${counter}` };
  });
  dataOf(await api.run(UpsertAccountsDocument, { input }, { token: api.token(tenant, "integrator") }));
  return input.map((account) => account.externalId);
}

async function deliveries(tenant: string, endpointId: string) {
  const response = await api.run(
    WebhookDeliveriesDocument,
    { endpointId, first: 50 },
    { token: api.token(tenant, "admin") },
  );
  return dataOf(response).webhookDeliveries.deliveries;
}

/** The delivery log once every delivery's answer is recorded (the record follows the receipt by a moment). */
async function settledDeliveries(tenant: string, endpointId: string) {
  return waitFor(
    "every delivery's answer is recorded",
    async () => {
      const all = await deliveries(tenant, endpointId);
      return all.length > 0 && all.every((d) => d.status === "DELIVERED") ? all : undefined;
    },
    WAIT,
  );
}

/** Waits until the receiver holds every one of `externalIds` (by event), and returns its unique events. */
async function receivedAll(target: WebhookReceiver, externalIds: readonly string[]) {
  return waitFor(
    `the receiver has events for ${externalIds.join(", ")}`,
    () => {
      const got = new Set(target.uniqueEvents().map((event) => event.externalId));
      return externalIds.every((id) => got.has(id)) ? target.uniqueEvents() : undefined;
    },
    WAIT,
  );
}

beforeAll(async () => {
  api = await startTestApi({
    RELATA_WEBHOOK_DISPATCH: "1",
    RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
    RELATA_WEBHOOK_RETRY_SCHEDULE: "1s,1s,2s",
    RELATA_WEBHOOK_TIMEOUT_MS: "5000",
    RELATA_WEBHOOK_BATCH_SIZE: "3",
    RELATA_WEBHOOK_MAX_ENDPOINTS: "3",
    RELATA_CHANGE_POLL_MS: "100",
  });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await Promise.all(receivers.map((r) => r.close()));
}, 60_000);

describe("webhook deliveries (issue 10)", () => {
  it("delivers events signed, in sequence order, batched, each with its stable id", async () => {
    const tenant = uniqueTenant("wh-order");
    const target = await receiver();
    const { endpoint, secret } = await register(tenant, target.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const written = [...(await writeAccounts(tenant, 4)), ...(await writeAccounts(tenant, 3))];
    const events = await receivedAll(target, written);

    for (const request of target.received) {
      const verified = verifyWebhook({ secret, headers: request.headers, body: request.body });
      expect(verified.id).toBe(request.id);
      expect(request.id).toMatch(/^msg_/);
      expect(request.events.length).toBeLessThanOrEqual(3);
      expect(JSON.parse(request.body)).toMatchObject({ type: "relata.changes", data: { events: expect.any(Array) } });
    }
    // Only the types asked for, in the tenant's order, each once and with the feed's ids.
    expect(events.map((e) => e.externalId)).toEqual(written);
    const sequences = events.map((e) => e.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    const feed = dataOf(
      await api.run(
        ChangesDocument,
        { after: null, types: [...ACCOUNT_TYPES], first: 100 },
        { token: api.token(tenant, "viewer") },
      ),
    ).changes.events;
    expect(events.map((e) => e.id)).toEqual(feed.map((e) => e.id));
    expect(target.received.flatMap((r) => r.events).length).toBe(events.length);

    const log = await settledDeliveries(tenant, endpoint.id);
    expect(log.every((d) => d.status === "DELIVERED" && d.attempts === 1 && d.lastResponseStatus === 200)).toBe(true);
    expect(log.reduce((sum, d) => sum + d.eventCount, 0)).toBe(7);
    const metrics = await (await fetch(api.url.replace("/graphql", "/metrics"))).text();
    expect(metrics).toMatch(/relata_webhook_attempts_total\{outcome="delivered"\} [1-9]/);
    const tampered = target.received[0]!;
    expect(() =>
      verifyWebhook({ secret, headers: tampered.headers, body: tampered.body.replace("Account", "Acc0unt") }),
    ).toThrow(WebhookVerificationError);
  });

  it("keeps every event and its order while the receiver answers 500, then recovers", async () => {
    const tenant = uniqueTenant("wh-retry");
    const target = await receiver();
    target.answer = (_request, index) => (index < 2 ? 500 : 200);
    const { endpoint, secret } = await register(tenant, target.url);
    const written = [...(await writeAccounts(tenant, 2)), ...(await writeAccounts(tenant, 4))];
    const events = await receivedAll(target, written);
    expect(events.map((e) => e.externalId)).toEqual(written);
    // The failed attempts were the same delivery, sent again with the same id and events.
    expect(target.received[1]!.id).toBe(target.received[0]!.id);
    expect(target.received[2]!.id).toBe(target.received[0]!.id);
    expect(target.received[2]!.events.map((e) => e.id)).toEqual(target.received[0]!.events.map((e) => e.id));
    for (const request of target.received) verifyWebhook({ secret, headers: request.headers, body: request.body });
    const log = await settledDeliveries(tenant, endpoint.id);
    const first = log.find((d) => d.id === target.received[0]!.id)!;
    expect(first).toMatchObject({ status: "DELIVERED", attempts: 3, lastResponseStatus: 200 });
    expect(first.attemptLog.map((a) => a.responseStatus)).toEqual([500, 500, 200]);
    expect(first.attemptLog[0]!.error).toContain("HTTP 500");
  });

  it("disables an endpoint whose delivery fails every retry, says why, and resumes where it stopped", async () => {
    const tenant = uniqueTenant("wh-disable");
    const target = await receiver();
    target.answer = () => 503;
    const { endpoint } = await register(tenant, target.url);
    const firstBatch = await writeAccounts(tenant, 2);
    const token = api.token(tenant, "admin");
    const disabled = await waitFor(
      "the endpoint is disabled",
      async () => {
        const found = dataOf(await api.run(WebhookDocument, { id: endpoint.id }, { token })).webhook;
        return found.enabled ? undefined : found;
      },
      WAIT,
    );
    expect(disabled.disabledReason).toContain("failed 4 times");
    expect(disabled.disabledReason).toContain("HTTP 503");
    expect(disabled.disabledAt).not.toBeNull();
    // 1 attempt and 3 retries (1s, 1s, 2s), all of the same delivery.
    expect(target.received).toHaveLength(4);
    expect(new Set(target.received.map((r) => r.id)).size).toBe(1);
    const [failed] = await deliveries(tenant, endpoint.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 4, nextAttemptAt: null });

    const secondBatch = await writeAccounts(tenant, 1);
    target.answer = () => 200;
    const enabled = dataOf(await api.run(EnableWebhookDocument, { id: endpoint.id }, { token })).enableWebhook;
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null });
    const events = await receivedAll(target, [...firstBatch, ...secondBatch]);
    expect(events.map((e) => e.externalId)).toEqual([...firstBatch, ...secondBatch]);
    expect(target.received[4]!.id).toBe(failed!.id);
  });

  it("disables an endpoint at once when the receiver answers 410 Gone, without retrying", async () => {
    const tenant = uniqueTenant("wh-gone");
    const target = await receiver();
    target.answer = () => 410;
    const { endpoint } = await register(tenant, target.url);
    await writeAccounts(tenant, 1);
    const token = api.token(tenant, "admin");
    const disabled = await waitFor(
      "the endpoint is disabled",
      async () => {
        const found = dataOf(await api.run(WebhookDocument, { id: endpoint.id }, { token })).webhook;
        return found.enabled ? undefined : found;
      },
      WAIT,
    );
    expect(disabled.disabledReason).toContain("410 Gone");
    expect(target.received).toHaveLength(1);
    const [failed] = await deliveries(tenant, endpoint.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, nextAttemptAt: null });
  });

  it("sends a delivery again on redeliver, with the same webhook-id and events", async () => {
    const tenant = uniqueTenant("wh-redeliver");
    const target = await receiver();
    const { endpoint } = await register(tenant, target.url);
    const written = await writeAccounts(tenant, 2);
    await receivedAll(target, written);
    // The dispatcher records the answer just after the receiver got the request: wait for the record.
    const [delivered] = await settledDeliveries(tenant, endpoint.id);
    expect(delivered!.status).toBe("DELIVERED");
    const before = target.received.length;
    const again = dataOf(
      await api.run(RedeliverDocument, { deliveryId: delivered!.id }, { token: api.token(tenant, "integrator") }),
    ).redeliver;
    expect(again.status).toBe("PENDING");
    const resent = await waitFor("the delivery is sent again", () => target.received[before], WAIT);
    expect(resent.id).toBe(delivered!.id);
    expect(resent.events.map((e) => e.id)).toEqual(target.received[0]!.events.map((e) => e.id));
  });

  it("signs with both secrets during a rotation's overlap, and with the new one only after", async () => {
    const tenant = uniqueTenant("wh-rotate");
    const target = await receiver();
    const { endpoint, secret: oldSecret } = await register(tenant, target.url);
    const token = api.token(tenant, "integrator");
    const rotated = dataOf(
      await api.run(RotateWebhookSecretDocument, { id: endpoint.id, overlapSeconds: 3600 }, { token }),
    ).rotateWebhookSecret;
    expect(rotated.secret).not.toBe(oldSecret);
    expect(rotated.endpoint.previousSecretExpiresAt).not.toBeNull();
    await receivedAll(target, await writeAccounts(tenant, 1));
    const during = target.received.at(-1)!;
    expect(during.signature.split(" ")).toHaveLength(2);
    expect(verifyWebhook({ secret: oldSecret, headers: during.headers, body: during.body }).id).toBe(during.id);
    expect(verifyWebhook({ secret: rotated.secret, headers: during.headers, body: during.body }).id).toBe(during.id);

    const again = dataOf(
      await api.run(RotateWebhookSecretDocument, { id: endpoint.id, overlapSeconds: 0 }, { token }),
    ).rotateWebhookSecret;
    expect(again.endpoint.previousSecretExpiresAt).toBeNull();
    await receivedAll(target, await writeAccounts(tenant, 1));
    const after = target.received.at(-1)!;
    expect(after.signature.split(" ")).toHaveLength(1);
    expect(verifyWebhook({ secret: again.secret, headers: after.headers, body: after.body }).id).toBe(after.id);
    expect(() => verifyWebhook({ secret: rotated.secret, headers: after.headers, body: after.body })).toThrow(
      WebhookVerificationError,
    );
  });

  it("emits nothing for a write that rolled back", async () => {
    const tenant = uniqueTenant("wh-rollback");
    const target = await receiver();
    await register(tenant, target.url);
    const outbox = new ChangeOutbox(tenant, "job:test");
    await expect(
      api.runtime.database.executor(10_000).writeSteps("test.rollback", async (run) => {
        await outbox.append(run, new Date().toISOString(), [
          {
            type: "ACCOUNT_UPDATED",
            recordId: "rolled-back",
            externalId: "ROLLED-BACK",
            sourceSystem: "crm",
            changes: [],
          },
        ]);
        await run({ name: "test.fail", text: "UNWIND [0] AS zero RETURN 1 / zero AS boom" }, {});
      }),
    ).rejects.toThrow();
    const written = await writeAccounts(tenant, 1);
    const events = await receivedAll(target, written);
    expect(events.map((e) => e.externalId)).toEqual(written);
    expect(target.received.flatMap((r) => r.events).some((e) => e.externalId === "ROLLED-BACK")).toBe(false);
  });

  it("never delivers one tenant's events to another tenant's endpoint", async () => {
    const tenantA = uniqueTenant("wh-a");
    const tenantB = uniqueTenant("wh-b");
    const targetA = await receiver();
    const targetB = await receiver();
    const a = await register(tenantA, targetA.url);
    await register(tenantB, targetB.url);
    const writtenA = await writeAccounts(tenantA, 3);
    const writtenB = await writeAccounts(tenantB, 1);
    await receivedAll(targetA, writtenA);
    await receivedAll(targetB, writtenB);
    // A's later writes too: B's receiver has only B's event, A's only A's.
    const moreA = await writeAccounts(tenantA, 1);
    await receivedAll(targetA, moreA);
    expect(targetB.uniqueEvents().map((e) => e.externalId)).toEqual(writtenB);
    expect(targetA.uniqueEvents().map((e) => e.externalId)).toEqual([...writtenA, ...moreA]);

    const tokenB = api.token(tenantB, "admin");
    const foreign = await api.run(WebhookDocument, { id: a.endpoint.id }, { token: tokenB });
    expect(onlyErrorOf(foreign, 200).extensions?.code).toBe("NOT_FOUND");
    const foreignLog = await api.run(WebhookDeliveriesDocument, { endpointId: a.endpoint.id }, { token: tokenB });
    expect(onlyErrorOf(foreignLog, 200).extensions?.code).toBe("NOT_FOUND");
    const [deliveryOfA] = await deliveries(tenantA, a.endpoint.id);
    const foreignRedeliver = await api.run(RedeliverDocument, { deliveryId: deliveryOfA!.id }, { token: tokenB });
    expect(onlyErrorOf(foreignRedeliver, 200).extensions?.code).toBe("NOT_FOUND");
    const disable = await api.run(DisableWebhookDocument, { id: a.endpoint.id }, { token: tokenB });
    expect(onlyErrorOf(disable, 200).extensions?.code).toBe("NOT_FOUND");
    const listB = dataOf(await api.run(WebhooksDocument, {}, { token: tokenB })).webhooks;
    expect(listB.map((e) => e.id)).not.toContain(a.endpoint.id);
  });
});

describe("webhook registration refusals (issue 10)", () => {
  const tenant = uniqueTenant("wh-refusals");

  it("refuses viewers and analysts, naming the roles that may", async () => {
    for (const role of ["viewer", "analyst"] as const) {
      const response = await api.run(
        RegisterWebhookDocument,
        { url: "https://example.com/hook", eventTypes: ["ACCOUNT_CREATED"] },
        { token: api.token(tenant, role) },
      );
      const error = onlyErrorOf(response, 200);
      expect(error.extensions?.code).toBe("FORBIDDEN");
      expect(error.message).toContain("admin or integrator");
    }
    const list = await api.run(WebhooksDocument, {}, { token: api.token(tenant, "viewer") });
    expect(onlyErrorOf(list, 200).extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a private, loopback or link-local address that is not in the allow-list, naming it", async () => {
    const token = api.token(tenant, "admin");
    for (const [url, address] of [
      ["http://10.1.2.3/hook", "10.1.2.3"],
      ["https://192.168.0.10/hook", "192.168.0.10"],
      ["http://169.254.169.254/latest/meta-data", "169.254.169.254"],
      ["http://[::1]:8080/hook", "::1"],
      ["http://127.0.0.2/hook", "127.0.0.2"],
    ] as const) {
      const response = await api.run(RegisterWebhookDocument, { url, eventTypes: ["ACCOUNT_CREATED"] }, { token });
      const error = onlyErrorOf(response, 200);
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "URL_NOT_ALLOWED" });
      expect(error.message).toContain(address);
      expect(error.message).toContain("RELATA_WEBHOOK_ALLOWED_HOSTS");
    }
    const localhost = await api.run(
      RegisterWebhookDocument,
      { url: "http://localhost:9/hook", eventTypes: ["ACCOUNT_CREATED"] },
      { token },
    );
    expect(onlyErrorOf(localhost, 200).message).toMatch(/loopback/);
  });

  it("refuses bad URLs, no event types and long descriptions with what to do", async () => {
    const token = api.token(tenant, "admin");
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ url: "ftp://example.com/x", eventTypes: ["ACCOUNT_CREATED"] }, "https://"],
      [{ url: "not a url", eventTypes: ["ACCOUNT_CREATED"] }, "not an absolute URL"],
      [{ url: `https://example.com/${"x".repeat(2100)}`, eventTypes: ["ACCOUNT_CREATED"] }, "at most 2048"],
      [{ url: "https://example.com/x", eventTypes: [] }, "at least one"],
      [{ url: "https://example.com/x", eventTypes: ["ACCOUNT_CREATED"], description: "d".repeat(501) }, "at most 500"],
    ];
    for (const [variables, message] of cases) {
      const response = await api.run(RegisterWebhookDocument, variables as never, { token });
      const error = onlyErrorOf(response, 200);
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_WEBHOOK" });
      expect(error.message).toContain(message);
    }
  });
});

describe("managing endpoints (issue 10)", () => {
  const tenant = uniqueTenant("wh-manage");

  it("caps endpoints per tenant, updates and deletes them", async () => {
    const token = api.token(tenant, "integrator");
    const target = await receiver();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await register(tenant, `${target.url}/${i}`)).endpoint.id);
    const over = await api.run(
      RegisterWebhookDocument,
      { url: target.url, eventTypes: ["ACCOUNT_CREATED"] },
      { token },
    );
    const error = onlyErrorOf(over, 200);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "WEBHOOK_LIMIT_REACHED" });
    expect(error.message).toContain("RELATA_WEBHOOK_MAX_ENDPOINTS");

    const updated = dataOf(
      await api.run(
        UpdateWebhookDocument,
        { id: ids[0]!, eventTypes: ["CONTACT_CREATED"], description: "contacts only" },
        { token },
      ),
    ).updateWebhook;
    expect(updated).toMatchObject({
      eventTypes: ["CONTACT_CREATED"],
      description: "contacts only",
      url: `${target.url}/0`,
    });
    const privateUrl = await api.run(UpdateWebhookDocument, { id: ids[0]!, url: "http://10.0.0.9/x" }, { token });
    expect(onlyErrorOf(privateUrl, 200).extensions?.reason).toBe("URL_NOT_ALLOWED");

    expect(dataOf(await api.run(DeleteWebhookDocument, { id: ids[1]! }, { token })).deleteWebhook).toBe(true);
    const gone = await api.run(WebhookDocument, { id: ids[1]! }, { token });
    expect(onlyErrorOf(gone, 200).extensions?.code).toBe("NOT_FOUND");
    expect((await register(tenant, target.url)).endpoint.enabled).toBe(true);
    const list = dataOf(await api.run(WebhooksDocument, {}, { token })).webhooks;
    expect(list).toHaveLength(3);
    expect(list.map((e) => e.id)).not.toContain(ids[1]);
  });
});

describe("the address check at delivery time (issue 10)", () => {
  let lenient: TestApi;

  beforeAll(async () => {
    // Another instance that allows "localhost" registers the endpoint; the dispatching one does not allow it,
    // as if the name had been pointed at an internal address after registration.
    lenient = await startTestApi({ RELATA_WEBHOOK_ALLOWED_HOSTS: "localhost" });
  }, 180_000);

  afterAll(async () => {
    await lenient?.stop();
  }, 60_000);

  it("refuses to connect to a name that resolves to a non-public address, and says why", async () => {
    const tenant = uniqueTenant("wh-rebind");
    const target = await receiver();
    const url = target.url.replace("127.0.0.1", "localhost");
    const registered = dataOf(
      await lenient.run(
        RegisterWebhookDocument,
        { url, eventTypes: ["ACCOUNT_CREATED"] },
        { token: lenient.token(tenant) },
      ),
    ).registerWebhook;
    await writeAccounts(tenant, 1);
    const [attempted] = await waitFor(
      "the dispatcher attempted the delivery",
      async () => {
        const log = await deliveries(tenant, registered.endpoint.id);
        return log[0] && log[0].attempts > 0 ? log : undefined;
      },
      WAIT,
    );
    expect(attempted!.status).toBe("PENDING");
    expect(attempted!.lastResponseStatus).toBeNull();
    expect(attempted!.lastError).toMatch(/is a loopback address/);
    expect(attempted!.lastError).toContain("RELATA_WEBHOOK_ALLOWED_HOSTS");
    expect(target.received).toHaveLength(0);
    // Stop it here, so the retries do not run on.
    dataOf(await api.run(DisableWebhookDocument, { id: registered.endpoint.id }, { token: api.token(tenant) }));
  });
});

describe("several API processes (issue 10)", () => {
  let second: TestApi;

  beforeAll(async () => {
    second = await startTestApi({
      RELATA_WEBHOOK_DISPATCH: "1",
      RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
      RELATA_WEBHOOK_BATCH_SIZE: "3",
      RELATA_CHANGE_POLL_MS: "100",
    });
  }, 180_000);

  afterAll(async () => {
    await second?.stop();
  }, 60_000);

  it("never send one endpoint two deliveries at once, nor one delivery twice", async () => {
    const tenant = uniqueTenant("wh-leases");
    const slow = await receiver();
    // Answers after a moment, so that a second sender would overlap with the first.
    slow.answer = () => new Promise((resolve) => setTimeout(() => resolve(200), 150));
    await register(tenant, slow.url);
    const written: string[] = [];
    for (let i = 0; i < 4; i += 1) written.push(...(await writeAccounts(tenant, 3)));
    const events = await receivedAll(slow, written);
    expect(events.map((e) => e.externalId)).toEqual(written);
    expect(slow.mostInFlight).toBe(1);
    const ids = slow.received.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(slow.received.flatMap((r) => r.events)).toHaveLength(written.length);
  });
});
