import neo4j from "neo4j-driver";
import { CypherExecutor, CypherQuery } from "../executor";

/**
 * Settled deliveries (DELIVERED, or FAILED and no longer the one an endpoint's re-enabling would retry) whose
 * last activity is older than the cut-off, every tenant, at most `batch` per transaction. A PENDING delivery is
 * never removed: it is still owed to its receiver.
 */
const PURGE_BATCH: CypherQuery = {
  name: "webhooks.retention.purge",
  text: `
MATCH (d:WebhookDelivery)
WHERE d.createdAt < $cutoff AND d.status IN ['DELIVERED', 'FAILED']
  AND coalesce(d.deliveredAt, d.lastAttemptAt, d.createdAt) < $cutoff
  AND NOT EXISTS { MATCH (e:WebhookEndpoint {id: d.endpointId}) WHERE e.disabledBy = d.id }
WITH d LIMIT $batch
DETACH DELETE d
RETURN count(*) AS purged`,
};

/**
 * Webhook delivery-log retention (RELATA_WEBHOOK_LOG_RETENTION_DAYS), every tenant: the purge job calls it.
 * Delivery logs hold the events sent (and so may hold personal data); they are kept for redelivery and
 * inspection, not forever.
 */
export class WebhookLogRetentionRepository {
  constructor(private readonly executor: CypherExecutor) {}

  /** Removes settled deliveries last active before `cutoff` (ISO 8601), in batches; how many were removed. */
  async purge(cutoff: string, batch: number): Promise<number> {
    const params = { cutoff: neo4j.int(Date.parse(cutoff)), batch: neo4j.int(batch) };
    let total = 0;
    for (;;) {
      const [result] = await this.executor.write(PURGE_BATCH, params);
      const purged = Number(result?.purged ?? 0);
      total += purged;
      if (purged < batch) return total;
    }
  }
}
