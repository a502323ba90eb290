import pino from "pino";
import { verifyWebhook } from "../../../../domain/webhooks/verify-webhook";
import { WebhookDelivery } from "../../../../domain/webhooks/webhook";
import { playbookActionPayload } from "../../../../domain/webhooks/webhook-payload";
import { newWebhookSecret, sealWebhookSecret, secretStorageKey } from "../../../../domain/webhooks/webhook-secret";
import {
  AttemptOutcome,
  ClaimedEndpoint,
  WebhookDispatchRepository,
} from "../../../../graph/webhooks/webhook-dispatch.repository";
import { WebhookRequest, WebhookSender } from "../../../../services/webhooks/http-webhook-sender";
import { WebhookDispatcher } from "../../../../services/webhooks/webhook-dispatcher";

// Issue 11: a playbook's CALL_WEBHOOK delivery carries its own body; the dispatcher signs and sends that
// body as it is, without reading change events for it.

const STORAGE_KEY = secretStorageKey("test-server-secret-0123456789abcdef");
const NOW = Date.parse("2026-12-02T06:00:00.000Z");

function delivery(payload: string): WebhookDelivery {
  return {
    id: "msg_playbook1",
    endpointId: "wh_1",
    number: 4,
    status: "PENDING",
    attempts: 0,
    firstSequence: 10,
    lastSequence: 10,
    eventCount: 0,
    eventTypes: [],
    createdAt: NOW,
    lastAttemptAt: null,
    nextAttemptAt: NOW,
    deliveredAt: null,
    lastResponseStatus: null,
    lastError: null,
    attemptLog: [],
    payload,
  };
}

describe("a playbook action's webhook delivery", () => {
  it("is sent with its own body, signed, and recorded as delivered; no change events are read for it", async () => {
    const secret = newWebhookSecret();
    const endpoint: ClaimedEndpoint = {
      id: "wh_1",
      tenant: "t1",
      url: "http://127.0.0.1:9/hook",
      sealedSecret: sealWebhookSecret(STORAGE_KEY, secret),
      sealedPreviousSecret: null,
      previousSecretExpiresAt: null,
      personalData: ["IDENTIFIER", "CONTACT"],
    };
    const body = playbookActionPayload(NOW, { firingId: "fir-1", playbookId: "pb-1", accountIds: ["acc_1"] });
    let handedOut = false;
    const recorded: AttemptOutcome[] = [];
    const repository = {
      dueEndpoints: async () => ["wh_1"],
      claim: async () => endpoint,
      release: async () => undefined,
      nextDelivery: async () => {
        if (handedOut) return { endpoint, delivery: null, behind: false };
        handedOut = true;
        return { endpoint, delivery: delivery(body), behind: false };
      },
      events: async () => {
        throw new Error("a delivery with its own body reads no change events");
      },
      recordAttempt: async (_id: string, outcome: AttemptOutcome) => {
        recorded.push(outcome);
        return null;
      },
    } as unknown as WebhookDispatchRepository;
    const sent: WebhookRequest[] = [];
    const sender: WebhookSender = {
      send: async (request) => {
        sent.push(request);
        return { status: 200, error: null, durationMs: 1 };
      },
    };
    const dispatcher = new WebhookDispatcher(
      repository,
      sender,
      {
        owner: "test",
        pollIntervalMs: 1000,
        batchSize: 10,
        retryScheduleMs: [1000],
        requestTimeoutMs: 1000,
        leaseMs: 10_000,
        concurrency: 1,
        storageKey: STORAGE_KEY,
      },
      pino({ level: "silent" }),
      () => undefined,
      () => NOW,
    );
    await dispatcher.poll();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toBe(body);
    const verified = verifyWebhook({ secret, headers: sent[0]!.headers, body: sent[0]!.body, now: new Date(NOW) });
    expect(verified.id).toBe("msg_playbook1");
    expect(JSON.parse(sent[0]!.body)).toMatchObject({ type: "relata.playbook-action", data: { firingId: "fir-1" } });
    expect(recorded.map((r) => r.status)).toEqual(["DELIVERED"]);
  });
});
