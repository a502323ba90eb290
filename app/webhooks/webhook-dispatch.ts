import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Logger } from "pino";
import { Counter, Registry } from "prom-client";
import { secretStorageKey } from "../../domain/webhooks/webhook-secret";
import { GraphDatabase } from "../../graph/graph-database";
import { WebhookDispatchRepository } from "../../graph/webhooks/webhook-dispatch.repository";
import { HttpWebhookSender } from "../../services/webhooks/http-webhook-sender";
import { WebhookDispatcher } from "../../services/webhooks/webhook-dispatcher";
import { RelataConfig } from "../config";

/** A claim outlives the longest request by this much, for the database work around it. */
const LEASE_MARGIN_MS = 10_000;

export interface RunningWebhookDispatch {
  stop(): Promise<void>;
}

/**
 * Starts this process's webhook dispatcher (unless RELATA_WEBHOOK_DISPATCH=0): it polls on
 * RELATA_CHANGE_POLL_MS and counts attempts in `relata_webhook_attempts_total` when metrics are on.
 */
export function startWebhookDispatch(
  database: GraphDatabase,
  config: RelataConfig,
  log: Logger,
  registry: Registry | null,
): RunningWebhookDispatch {
  if (!config.webhooks.dispatch) return { stop: () => Promise.resolve() };
  const attempts =
    registry === null
      ? null
      : new Counter({
          name: "relata_webhook_attempts_total",
          help: "Webhook delivery attempts, by outcome: delivered, retrying (will be retried), failed (gave up).",
          labelNames: ["outcome"],
          registers: [registry],
        });
  const sender = new HttpWebhookSender(config.webhooks.allowedHosts);
  const dispatcher = new WebhookDispatcher(
    new WebhookDispatchRepository(database.executor(config.queryTimeoutMs)),
    sender,
    {
      owner: `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`,
      pollIntervalMs: config.changes.pollIntervalMs,
      batchSize: config.webhooks.batchSize,
      retryScheduleMs: config.webhooks.retryScheduleMs,
      requestTimeoutMs: config.webhooks.requestTimeoutMs,
      leaseMs: config.webhooks.requestTimeoutMs + LEASE_MARGIN_MS,
      concurrency: config.webhooks.concurrency,
      storageKey: secretStorageKey(config.jwtSecret),
    },
    log.child({ component: "webhooks" }),
    (status) =>
      attempts?.inc({ outcome: status === "DELIVERED" ? "delivered" : status === "FAILED" ? "failed" : "retrying" }),
  );
  dispatcher.start();
  return {
    async stop() {
      await dispatcher.stop();
      sender.close();
    },
  };
}
