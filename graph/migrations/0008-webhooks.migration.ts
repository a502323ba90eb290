import { Migration } from "./migration";

/** Webhook endpoints (with their cursor and dispatch lease) and their deliveries. */
export const webhooksMigration: Migration = {
  version: 8,
  description: "webhook endpoints and deliveries",
  statements: [
    "CREATE CONSTRAINT webhook_endpoint_id IF NOT EXISTS FOR (e:WebhookEndpoint) REQUIRE e.id IS UNIQUE",
    "CREATE INDEX webhook_endpoint_tenant IF NOT EXISTS FOR (e:WebhookEndpoint) ON (e.tenant)",
    "CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (d:WebhookDelivery) REQUIRE d.id IS UNIQUE",
    "CREATE INDEX webhook_delivery_endpoint_status IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.endpointId, d.status)",
    "CREATE INDEX webhook_delivery_endpoint_number IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.endpointId, d.number)",
  ],
};
