import neo4j from "neo4j-driver";
import { ChangeType } from "../../domain/events/change-event";
import { PersonalCategory } from "../../domain/personal-data/catalogue";
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from "../../domain/webhooks/webhook";
import { CypherExecutor, CypherQuery } from "../executor";
import { DELIVERY_FIELDS, ENDPOINT_FIELDS, toDelivery, toEndpoint } from "./webhook-rows";

// Times are epoch milliseconds (integers): the dispatcher compares them with its clock in every poll.

/** Creates an endpoint unless the tenant has `$max` already; it starts after the newest event committed. */
const CREATE: CypherQuery = {
  name: "webhooks.create",
  text: `
OPTIONAL MATCH (x:WebhookEndpoint {tenant: $tenant})
WITH count(x) AS existing
WHERE existing < $max
OPTIONAL MATCH (s:ChangeSequence {tenant: $tenant})
CREATE (e:WebhookEndpoint {
  tenant: $tenant, id: $id, url: $url, description: $description, eventTypes: $eventTypes, secret: $secret,
  enabled: true, cursor: coalesce(s.last, 0), deliveryCount: 0, createdAt: $now, updatedAt: $now, createdBy: $actor,
  personalData: $personalData
})
RETURN ${ENDPOINT_FIELDS}`,
};

const LIST: CypherQuery = {
  name: "webhooks.list",
  text: `
MATCH (e:WebhookEndpoint {tenant: $tenant})
RETURN ${ENDPOINT_FIELDS} ORDER BY e.createdAt, e.id`,
};

const GET: CypherQuery = {
  name: "webhooks.get",
  text: `
MATCH (e:WebhookEndpoint {tenant: $tenant, id: $id})
RETURN ${ENDPOINT_FIELDS}`,
};

const UPDATE: CypherQuery = {
  name: "webhooks.update",
  text: `
MATCH (e:WebhookEndpoint {tenant: $tenant, id: $id})
SET e.url = coalesce($url, e.url), e.eventTypes = coalesce($eventTypes, e.eventTypes),
  e.description = CASE WHEN $setDescription THEN $description ELSE e.description END, e.updatedAt = $now
RETURN ${ENDPOINT_FIELDS}`,
};

const DISABLE: CypherQuery = {
  name: "webhooks.disable",
  text: `
MATCH (e:WebhookEndpoint {tenant: $tenant, id: $id})
SET e.disabledReason = CASE WHEN e.enabled THEN $reason ELSE e.disabledReason END,
  e.disabledAt = CASE WHEN e.enabled THEN $now ELSE e.disabledAt END,
  e.enabled = false, e.updatedAt = $now
RETURN ${ENDPOINT_FIELDS}`,
};

/**
 * Enables an endpoint; the delivery whose failure disabled it is tried again at once, so delivery resumes
 * where it stopped (nothing after it was sent meanwhile: one delivery at a time per endpoint).
 */
const ENABLE: CypherQuery = {
  name: "webhooks.enable",
  text: `
MATCH (e:WebhookEndpoint {tenant: $tenant, id: $id})
CALL (e) {
  OPTIONAL MATCH (d:WebhookDelivery {endpointId: e.id, status: 'FAILED'})
  WHERE d.id = e.disabledBy
  SET d.status = 'PENDING', d.nextAttemptAt = $now, d.attempts = 0
}
SET e.enabled = true, e.disabledReason = null, e.disabledAt = null, e.disabledBy = null, e.updatedAt = $now
RETURN ${ENDPOINT_FIELDS}`,
};

const DELETE: CypherQuery = {
  name: "webhooks.delete",
  text: `
MATCH (e:WebhookEndpoint {tenant: $tenant, id: $id})
OPTIONAL MATCH (d:WebhookDelivery {endpointId: e.id})
DETACH DELETE d
WITH DISTINCT e
DETACH DELETE e
RETURN count(*) AS deleted`,
};

/** The new secret signs from now; the old one alongside it until `$until`. */
const ROTATE: CypherQuery = {
  name: "webhooks.rotateSecret",
  text: `
MATCH (e:WebhookEndpoint {tenant: $tenant, id: $id})
SET e.previousSecret = CASE WHEN $until > $now THEN e.secret ELSE null END,
  e.previousSecretExpiresAt = CASE WHEN $until > $now THEN $until ELSE null END,
  e.secret = $secret, e.updatedAt = $now
RETURN ${ENDPOINT_FIELDS}`,
};

const DELIVERIES: CypherQuery = {
  name: "webhooks.deliveries",
  text: `
MATCH (e:WebhookEndpoint {tenant: $tenant, id: $endpointId})
MATCH (d:WebhookDelivery {endpointId: e.id})
WHERE d.number < $before AND ($status IS NULL OR d.status = $status)
RETURN ${DELIVERY_FIELDS} ORDER BY d.number DESC LIMIT $first`,
};

const DELIVERY: CypherQuery = {
  name: "webhooks.delivery",
  text: `
MATCH (d:WebhookDelivery {tenant: $tenant, id: $id})
RETURN ${DELIVERY_FIELDS}`,
};

/** Sends a delivery again now: back to PENDING with a fresh round of retries. */
const REDELIVER: CypherQuery = {
  name: "webhooks.redeliver",
  text: `
MATCH (d:WebhookDelivery {tenant: $tenant, id: $id})
MATCH (e:WebhookEndpoint {tenant: $tenant, id: d.endpointId})
WHERE e.enabled
SET d.status = 'PENDING', d.nextAttemptAt = $now, d.attempts = 0, d.redeliveredAt = $now
RETURN ${DELIVERY_FIELDS}`,
};

const int = (value: number) => neo4j.int(value);

export interface NewWebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  eventTypes: readonly ChangeType[];
  /** Encrypted for storage. */
  sealedSecret: string;
  /** The personal-data categories its deliveries carry in clear. */
  personalData: readonly PersonalCategory[];
}

/** One tenant's webhook endpoints and their delivery log. */
export class WebhookRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  /** The new endpoint, or null when the tenant already has `max`. */
  async create(endpoint: NewWebhookEndpoint, max: number, now: number, actor: string): Promise<WebhookEndpoint | null> {
    const rows = await this.executor.write(CREATE, {
      tenant: this.tenant,
      max: int(max),
      id: endpoint.id,
      url: endpoint.url,
      description: endpoint.description,
      eventTypes: [...endpoint.eventTypes],
      secret: endpoint.sealedSecret,
      personalData: [...endpoint.personalData],
      now: int(now),
      actor,
    });
    return rows[0] ? toEndpoint(rows[0]) : null;
  }

  async list(): Promise<WebhookEndpoint[]> {
    return (await this.executor.read(LIST, { tenant: this.tenant })).map(toEndpoint);
  }

  async get(id: string): Promise<WebhookEndpoint | null> {
    const [row] = await this.executor.read(GET, { tenant: this.tenant, id });
    return row ? toEndpoint(row) : null;
  }

  async update(
    id: string,
    changes: { url: string | null; eventTypes: readonly ChangeType[] | null; description?: string | null },
    now: number,
  ): Promise<WebhookEndpoint | null> {
    const [row] = await this.executor.write(UPDATE, {
      tenant: this.tenant,
      id,
      url: changes.url,
      eventTypes: changes.eventTypes === null ? null : [...changes.eventTypes],
      setDescription: changes.description !== undefined,
      description: changes.description ?? null,
      now: int(now),
    });
    return row ? toEndpoint(row) : null;
  }

  async disable(id: string, reason: string, now: number): Promise<WebhookEndpoint | null> {
    const [row] = await this.executor.write(DISABLE, { tenant: this.tenant, id, reason, now: int(now) });
    return row ? toEndpoint(row) : null;
  }

  async enable(id: string, now: number): Promise<WebhookEndpoint | null> {
    const [row] = await this.executor.write(ENABLE, { tenant: this.tenant, id, now: int(now) });
    return row ? toEndpoint(row) : null;
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await this.executor.write(DELETE, { tenant: this.tenant, id });
    return Number(row?.deleted ?? 0) > 0;
  }

  async rotateSecret(id: string, sealedSecret: string, until: number, now: number): Promise<WebhookEndpoint | null> {
    const [row] = await this.executor.write(ROTATE, {
      tenant: this.tenant,
      id,
      secret: sealedSecret,
      until: int(until),
      now: int(now),
    });
    return row ? toEndpoint(row) : null;
  }

  /** The endpoint's deliveries numbered below `before`, newest first. */
  async deliveries(
    endpointId: string,
    status: WebhookDeliveryStatus | null,
    first: number,
    before: number,
  ): Promise<WebhookDelivery[]> {
    const rows = await this.executor.read(DELIVERIES, {
      tenant: this.tenant,
      endpointId,
      status,
      first: int(first),
      before: int(before),
    });
    return rows.map(toDelivery);
  }

  async delivery(id: string): Promise<WebhookDelivery | null> {
    const [row] = await this.executor.read(DELIVERY, { tenant: this.tenant, id });
    return row ? toDelivery(row) : null;
  }

  /** The delivery, back to PENDING and due now; null when its endpoint is disabled (or it is not found). */
  async redeliver(id: string, now: number): Promise<WebhookDelivery | null> {
    const [row] = await this.executor.write(REDELIVER, { tenant: this.tenant, id, now: int(now) });
    return row ? toDelivery(row) : null;
  }
}
