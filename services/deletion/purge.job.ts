import { purgeCutoff } from "../../domain/deletion/deletion-result";
import { Clock, systemClock } from "../../domain/time/clock";
import { PurgeRepository } from "../../graph/deletion/deletion.repository";
import { ChangeRetentionRepository } from "../../graph/events/change-retention.repository";
import { WebhookLogRetentionRepository } from "../../graph/webhooks/webhook-log-retention.repository";

export interface PurgeLogger {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** Records purged per transaction and label: small enough for a busy database, large enough to finish. */
const PURGE_BATCH = 1_000;

/** Change-event retention (RELATA_CHANGE_RETENTION_DAYS), run with the purge: `ChangeEvent` in its counts. */
export interface ChangeRetention {
  repository: ChangeRetentionRepository;
  retentionDays: number;
}

/** Webhook delivery-log retention (RELATA_WEBHOOK_LOG_RETENTION_DAYS), run with the purge: `WebhookDelivery` in its counts. */
export interface DeliveryLogRetention {
  repository: Pick<WebhookLogRetentionRepository, "purge">;
  retentionDays: number;
}

/**
 * Removes, for good, the records deleted more than the retention period ago (every tenant). Runs on a
 * schedule inside the server and on demand (`npm run db -- purge`); a run that fails is logged and the
 * next one tries again.
 */
export class PurgeJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly repository: PurgeRepository,
    private readonly retentionDays: number,
    private readonly log: PurgeLogger,
    private readonly clock: Clock = systemClock,
    private readonly changes: ChangeRetention | null = null,
    private readonly deliveries: DeliveryLogRetention | null = null,
  ) {}

  /** One purge now: how many records of each deleted label were removed. */
  async runOnce(): Promise<Record<string, number>> {
    const now = this.clock();
    const cutoff = purgeCutoff(now, this.retentionDays);
    const purged = await this.repository.purge(cutoff, now.toISOString(), PURGE_BATCH);
    const total = Object.values(purged).reduce((a, b) => a + b, 0);
    if (total > 0) this.log.info({ component: "purge", cutoff, purged }, `purged ${total} deleted records`);
    if (this.changes !== null) {
      const eventCutoff = purgeCutoff(now, this.changes.retentionDays);
      purged.ChangeEvent = await this.changes.repository.purge(eventCutoff, PURGE_BATCH);
      if (purged.ChangeEvent > 0) {
        this.log.info(
          { component: "purge", cutoff: eventCutoff, events: purged.ChangeEvent },
          `removed ${purged.ChangeEvent} change events older than ${this.changes.retentionDays} days`,
        );
      }
    }
    if (this.deliveries !== null) {
      const deliveryCutoff = purgeCutoff(now, this.deliveries.retentionDays);
      purged.WebhookDelivery = await this.deliveries.repository.purge(deliveryCutoff, PURGE_BATCH);
      if (purged.WebhookDelivery > 0) {
        this.log.info(
          { component: "purge", cutoff: deliveryCutoff, deliveries: purged.WebhookDelivery },
          `removed ${purged.WebhookDelivery} webhook deliveries older than ${this.deliveries.retentionDays} days`,
        );
      }
    }
    return purged;
  }

  /** Purges every `intervalMs` (the first run after one interval); 0 turns the schedule off. */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer !== null) return;
    this.timer = setInterval(() => {
      if (this.running !== null) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.log.error({ component: "purge", err: error }, "purge failed; retrying later"))
        .finally(() => {
          this.running = null;
        });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
