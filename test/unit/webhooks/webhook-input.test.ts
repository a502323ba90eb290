import { CHANGE_TYPES } from "../../../domain/events/change-event";
import { webhookPayload } from "../../../domain/webhooks/webhook-payload";
import { checkDescription, checkEventTypes, checkWebhookUrl } from "../../../domain/webhooks/webhook-input";
import {
  newWebhookSecret,
  openWebhookSecret,
  sealWebhookSecret,
  secretStorageKey,
  webhookSecretKey,
} from "../../../domain/webhooks/webhook-secret";
import { WebhookError } from "../../../domain/webhooks/webhook.errors";

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return "no error";
}

describe("webhook input checks", () => {
  it("takes http and https URLs and refuses other schemes, credentials and over-long URLs", () => {
    expect(checkWebhookUrl("https://example.com/hooks?x=1").toString()).toBe("https://example.com/hooks?x=1");
    expect(checkWebhookUrl("http://receiver.internal:8080/").hostname).toBe("receiver.internal");
    expect(codeOf(() => checkWebhookUrl("file:///etc/passwd"))).toMatch(/^INVALID_WEBHOOK: .*https:\/\//);
    expect(codeOf(() => checkWebhookUrl("https://user:pw@example.com/"))).toMatch(/user name or password/);
    expect(codeOf(() => checkWebhookUrl(`https://example.com/${"a".repeat(2_048)}`))).toMatch(/at most 2048/);
    expect(codeOf(() => checkWebhookUrl("/relative"))).toMatch(/not an absolute URL/);
  });

  it("needs one to every event type, each once, and caps the description", () => {
    expect(checkEventTypes(["ACCOUNT_CREATED", "ACCOUNT_CREATED", "CONTACT_DELETED"])).toEqual([
      "ACCOUNT_CREATED",
      "CONTACT_DELETED",
    ]);
    expect(checkEventTypes([...CHANGE_TYPES])).toHaveLength(CHANGE_TYPES.length);
    expect(codeOf(() => checkEventTypes([]))).toMatch(/at least one/);
    expect(codeOf(() => checkEventTypes([...CHANGE_TYPES, "ACCOUNT_CREATED"]))).toMatch(/at most/);
    expect(codeOf(() => checkEventTypes(["ACCOUNT_EXPLODED"]))).toMatch(/Unknown event types: ACCOUNT_EXPLODED/);
    expect(checkDescription(null)).toBeNull();
    expect(codeOf(() => checkDescription("x".repeat(501)))).toMatch(/at most 500/);
  });
});

describe("webhook secrets", () => {
  it("are whsec_ and the base64 of 32 random bytes, different every time", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretKey(secret)).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it("are stored encrypted, and open only with the server secret that sealed them", () => {
    const secret = newWebhookSecret();
    const key = secretStorageKey("server-secret-0123456789abcdef0123456789");
    const sealed = sealWebhookSecret(key, secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(openWebhookSecret(key, sealed)).toBe(secret);
    expect(openWebhookSecret(secretStorageKey("another-server-secret-0123456789abcdef"), sealed)).toBeNull();
  });
});

describe("the delivery body", () => {
  it("lists the events in order with ids, cursors and changes, and is the same on every retry", () => {
    const event = {
      id: "evt_x_7",
      seq: 7,
      tenant: "t",
      type: "CONTACT_UPDATED" as const,
      recordId: "c1",
      externalId: "C-1",
      sourceSystem: "crm",
      changes: [{ field: "email", old: null, new: null, personal: true, erased: true }],
      actor: "user:u1",
      at: "2026-12-01T10:00:00.000Z",
    };
    const body = webhookPayload(Date.parse("2026-12-01T10:00:01Z"), [event]);
    expect(body).toBe(webhookPayload(Date.parse("2026-12-01T10:00:01Z"), [event]));
    expect(JSON.parse(body)).toEqual({
      type: "relata.changes",
      timestamp: "2026-12-01T10:00:01.000Z",
      data: {
        events: [
          {
            id: "evt_x_7",
            sequence: 7,
            cursor: expect.any(String),
            type: "CONTACT_UPDATED",
            recordType: "CONTACT",
            recordId: "c1",
            externalId: "C-1",
            sourceSystem: "crm",
            changes: [{ field: "email", old: null, new: null, personal: true, erased: true }],
            actor: "user:u1",
            at: "2026-12-01T10:00:00.000Z",
          },
        ],
      },
    });
  });
});
