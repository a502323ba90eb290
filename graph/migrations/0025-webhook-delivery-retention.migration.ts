import { Migration } from "./migration";

/** Webhook delivery-log retention: the purge finds old deliveries by when they were made. */
export const webhookDeliveryRetentionMigration: Migration = {
  version: 25,
  description: "index webhook deliveries by creation time for their retention",
  statements: ["CREATE INDEX webhook_delivery_created IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.createdAt)"],
};
