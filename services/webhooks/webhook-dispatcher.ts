import { randomUUID } from "node:crypto";
import { Logger } from "pino";
import { retryDelayMs } from "../../domain/webhooks/retry-schedule";
import { signatureHeader } from "../../domain/webhooks/sign-webhook";
import { WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus } from "../../domain/webhooks/webhook";
import { maskedWebhookPayload } from "../../domain/webhooks/webhook-payload";
import { openWebhookSecret } from "../../domain/webhooks/webhook-secret";
import { ClaimedEndpoint, WebhookDispatchRepository } from "../../graph/webhooks/webhook-dispatch.repository";
import { WebhookSender } from "./http-webhook-sender";

export interface DispatcherSettings {
  /** This process's lease owner id (unique per process). */
  owner: string;
  pollIntervalMs: number;
  /** Most events in one delivery. */
  batchSize: number;
  /** Delays before each retry; after the last one fails, the delivery fails and its endpoint is disabled. */
  retryScheduleMs: readonly number[];
  requestTimeoutMs: number;
  /** How long a claim lasts without renewal: a process killed mid-delivery frees its endpoints after it. */
  leaseMs: number;
  /** Endpoints served at once by this process. */
  concurrency: number;
  /** Opens endpoint secrets. */
  storageKey: string;
}

/** Told about every attempt (metrics). */
export type AttemptListener = (status: WebhookDeliveryStatus, attempt: WebhookAttempt) => void;

/** Deliveries one claim sends at most before the endpoint is let go (fairness between endpoints). */
const MAX_DELIVERIES_PER_CLAIM = 50;

/**
 * Sends webhook deliveries, in each API process. Every poll it finds endpoints with due work, claims each
 * with a lease (so processes never send one delivery at the same time), and sends its deliveries one at a
 * time, oldest first, so a receiver sees events in order. A delivery is made from new events in the same
 * transaction that moves the endpoint's cursor, and kept until the receiver answers 2xx: a process killed
 * mid-delivery leaves its lease to expire, and the next owner sends the same delivery again (same
 * webhook-id, same event ids): at-least-once.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private readonly aborts = new AbortController();

  constructor(
    private readonly repository: WebhookDispatchRepository,
    private readonly sender: WebhookSender,
    private readonly settings: DispatcherSettings,
    private readonly log: Logger,
    private readonly onAttempt: AttemptListener = () => undefined,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    this.stopping = false;
    this.schedule(0);
  }

  /** Stops polling, cuts off requests in flight (not recorded: the delivery stays due) and frees leases. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.aborts.abort();
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.running = this.poll()
        .catch((error: unknown) => this.log.warn({ err: error, component: "webhooks" }, "webhook dispatch poll failed"))
        .finally(() => {
          this.running = null;
          this.schedule(this.settings.pollIntervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  /** One round: every due endpoint this process can claim, `concurrency` at a time. */
  async poll(): Promise<void> {
    const due = await this.repository.dueEndpoints(this.settings.owner, this.now(), this.settings.concurrency * 4);
    let next = 0;
    const worker = async () => {
      while (next < due.length && !this.stopping) {
        const id = due[next++] as string;
        try {
          await this.serve(id);
        } catch (error) {
          this.log.warn({ err: error, component: "webhooks", endpoint: id }, "webhook endpoint dispatch failed");
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, due.length) }, worker));
  }

  private async serve(id: string): Promise<void> {
    const { owner, leaseMs, batchSize } = this.settings;
    const claimed = await this.repository.claim(id, owner, this.now(), leaseMs);
    if (claimed === null) return;
    try {
      for (let sent = 0; sent < MAX_DELIVERIES_PER_CLAIM && !this.stopping; sent += 1) {
        // Extends the lease, so it covers the request about to be made.
        const next = await this.repository.nextDelivery(claimed, owner, this.now(), leaseMs, batchSize, messageId());
        if (next === null) return;
        // Only events of other types in this window: the cursor moved past them; look at the next window.
        if (next.delivery === null && next.behind) continue;
        if (next.delivery === null || (next.delivery.nextAttemptAt ?? 0) > this.now()) return;
        const ok = await this.attempt(next.endpoint, next.delivery);
        if (!ok) return;
      }
    } finally {
      await this.repository.release(id, owner, this.now()).catch(() => undefined);
    }
  }

  /** Sends one delivery once and records how it went; true when the receiver took it. */
  private async attempt(endpoint: ClaimedEndpoint, delivery: WebhookDelivery): Promise<boolean> {
    // A playbook's CALL_WEBHOOK delivery carries its body; the others are made of change events.
    const body =
      delivery.payload ??
      // Personal values the endpoint may not receive in clear are masked (decision 0028).
      maskedWebhookPayload(
        delivery.createdAt,
        await this.repository.events(endpoint.tenant, delivery),
        endpoint.personalData,
      );
    const started = this.now();
    const secrets = this.secrets(endpoint, started);
    let response;
    if (secrets === null) {
      response = {
        status: null,
        error:
          "The endpoint's secret cannot be read (RELATA_JWT_SECRET changed?); rotate the secret (rotateWebhookSecret).",
        durationMs: 0,
      };
    } else {
      const timestamp = Math.floor(started / 1000);
      response = await this.sender.send({
        url: endpoint.url,
        headers: {
          "webhook-id": delivery.id,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": signatureHeader(secrets, delivery.id, timestamp, body),
        },
        body,
        timeoutMs: this.settings.requestTimeoutMs,
        signal: this.aborts.signal,
      });
      // Cut off by shutdown: not the receiver's fault, and not recorded; the delivery stays due.
      if (this.stopping && response.status === null) return false;
    }
    const ok = response.status !== null && response.status >= 200 && response.status < 300;
    const attempt: WebhookAttempt = {
      at: started,
      responseStatus: response.status,
      error: ok ? null : response.error,
      durationMs: response.durationMs,
    };
    const attemptsMade = delivery.attempts + 1;
    // 410 Gone: the receiver says the endpoint no longer exists; retrying would only hammer it.
    const gone = response.status === 410;
    const delay = ok || gone ? null : retryDelayMs(attemptsMade, this.settings.retryScheduleMs, this.random());
    const status: WebhookDeliveryStatus = ok ? "DELIVERED" : delay === null ? "FAILED" : "PENDING";
    const finished = this.now();
    const when = new Date(finished).toISOString();
    const disableReason =
      status !== "FAILED"
        ? null
        : gone
          ? `Disabled automatically at ${when}: the receiver answered delivery ${delivery.id} with HTTP 410 Gone, ` +
            `which says the endpoint no longer exists, so it was not retried. If it does exist again, ` +
            `enableWebhook: the delivery is sent again first, and delivery resumes where it stopped.`
          : `Disabled automatically at ${when}: delivery ${delivery.id} failed ` +
            `${attemptsMade} times (last: ${attempt.error ?? "no answer"}). Fix the receiver, then enableWebhook: ` +
            `the failed delivery is sent again first, and delivery resumes where it stopped.`;
    await this.repository.recordAttempt(delivery.id, {
      at: finished,
      status,
      attempt,
      nextAttemptAt: delay === null ? null : finished + delay,
      disableReason,
    });
    this.onAttempt(status, attempt);
    if (status === "FAILED") {
      this.log.warn(
        { component: "webhooks", tenant: endpoint.tenant, endpoint: endpoint.id, delivery: delivery.id },
        disableReason as string,
      );
    } else if (!ok) {
      this.log.info(
        {
          component: "webhooks",
          endpoint: endpoint.id,
          delivery: delivery.id,
          attempts: attemptsMade,
          error: attempt.error,
        },
        "webhook delivery failed; it will be retried",
      );
    }
    return ok;
  }

  /** The secrets that sign now: the current one, and during a rotation's overlap the previous one. */
  private secrets(endpoint: ClaimedEndpoint, now: number): string[] | null {
    const current = openWebhookSecret(this.settings.storageKey, endpoint.sealedSecret);
    if (current === null) return null;
    const previous =
      endpoint.sealedPreviousSecret !== null && (endpoint.previousSecretExpiresAt ?? 0) > now
        ? openWebhookSecret(this.settings.storageKey, endpoint.sealedPreviousSecret)
        : null;
    return previous === null ? [current] : [current, previous];
  }
}

/** A message id in the Standard Webhooks style. */
function messageId(): string {
  return `msg_${randomUUID().replace(/-/g, "")}`;
}
