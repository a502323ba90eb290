import { randomUUID } from "node:crypto";
import { ChangeType } from "../../domain/events/change-event";
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from "../../domain/webhooks/webhook";
import {
  checkDescription,
  checkEventTypes,
  checkPersonalData,
  checkWebhookUrl,
} from "../../domain/webhooks/webhook-input";
import { FULL_ACCESS, PersonalDataAccess } from "../../domain/personal-data/access-policy";
import { newWebhookSecret, sealWebhookSecret } from "../../domain/webhooks/webhook-secret";
import { WebhookError } from "../../domain/webhooks/webhook.errors";
import { PaginationError } from "../../domain/pagination/pagination.errors";
import { WebhookRepository } from "../../graph/webhooks/webhook.repository";
import { checkWebhookTarget, ResolveAll, systemResolveAll } from "./webhook-target";

export interface WebhookSettings {
  maxEndpointsPerTenant: number;
  allowedHosts: readonly string[];
  /** Encrypts endpoint secrets at rest (from the server's secret). */
  storageKey: string;
  defaultPageSize: number;
  maxPageSize: number;
}

/** The longest a rotated-out secret may keep signing: 7 days. */
export const MAX_SECRET_OVERLAP_SECONDS = 7 * 86_400;

/** An endpoint with its secret: shown once, when it is registered or its secret rotated. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

export interface DeliveryPage {
  deliveries: WebhookDelivery[];
  endCursor: string | null;
  hasMore: boolean;
}

const CURSOR_PREFIX = "whd1:";

/** Manages one tenant's webhook endpoints (admins and integrators; the role matrix decides). */
export class WebhookService {
  constructor(
    private readonly repository: WebhookRepository,
    private readonly settings: WebhookSettings,
    private readonly actor: string,
    private readonly now: () => number = Date.now,
    private readonly resolveAll: ResolveAll = systemResolveAll,
  ) {}

  /**
   * Registers an endpoint. Its deliveries carry in clear the personal-data categories `personalData` names
   * (at most what `registrant` — the caller's access — sees; all of that when null), the rest masked.
   */
  async register(
    url: string,
    eventTypes: readonly string[],
    description: string | null,
    personalData: readonly string[] | null = null,
    registrant: PersonalDataAccess = FULL_ACCESS,
  ): Promise<EndpointWithSecret> {
    const checked = checkWebhookUrl(url);
    const types = checkEventTypes(eventTypes);
    const text = checkDescription(description);
    const categories = checkPersonalData(personalData, registrant);
    await checkWebhookTarget(checked, this.settings.allowedHosts, this.resolveAll);
    const secret = newWebhookSecret();
    const endpoint = await this.repository.create(
      {
        id: `wh_${randomUUID().replace(/-/g, "")}`,
        url: checked.toString(),
        description: text,
        eventTypes: types,
        sealedSecret: sealWebhookSecret(this.settings.storageKey, secret),
        personalData: categories,
      },
      this.settings.maxEndpointsPerTenant,
      this.now(),
      this.actor,
    );
    if (endpoint === null) {
      throw new WebhookError(
        "WEBHOOK_LIMIT_REACHED",
        `Your tenant has ${this.settings.maxEndpointsPerTenant} webhook endpoints, the most allowed ` +
          `(RELATA_WEBHOOK_MAX_ENDPOINTS). Delete one you no longer use, or give an endpoint more event types.`,
      );
    }
    return { endpoint, secret };
  }

  list(): Promise<WebhookEndpoint[]> {
    return this.repository.list();
  }

  async get(id: string): Promise<WebhookEndpoint> {
    return this.found(await this.repository.get(id), id);
  }

  async update(
    id: string,
    changes: { url?: string | null; eventTypes?: readonly string[] | null; description?: string | null },
  ): Promise<WebhookEndpoint> {
    let url: string | null = null;
    if (changes.url !== undefined && changes.url !== null) {
      const checked = checkWebhookUrl(changes.url);
      await checkWebhookTarget(checked, this.settings.allowedHosts, this.resolveAll);
      url = checked.toString();
    }
    const eventTypes: ChangeType[] | null =
      changes.eventTypes === undefined || changes.eventTypes === null ? null : checkEventTypes(changes.eventTypes);
    const update: { url: string | null; eventTypes: ChangeType[] | null; description?: string | null } = {
      url,
      eventTypes,
    };
    if (changes.description !== undefined) update.description = checkDescription(changes.description);
    return this.found(await this.repository.update(id, update, this.now()), id);
  }

  async disable(id: string): Promise<WebhookEndpoint> {
    return this.found(await this.repository.disable(id, `Disabled by ${this.actor}.`, this.now()), id);
  }

  async enable(id: string): Promise<WebhookEndpoint> {
    return this.found(await this.repository.enable(id, this.now()), id);
  }

  async delete(id: string): Promise<boolean> {
    if (!(await this.repository.delete(id))) throw this.notFound(id);
    return true;
  }

  /** A new secret; the old one keeps signing beside it for `overlapSeconds` (0: it stops at once). */
  async rotateSecret(id: string, overlapSeconds: number): Promise<EndpointWithSecret> {
    if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > MAX_SECRET_OVERLAP_SECONDS) {
      throw new WebhookError(
        "INVALID_WEBHOOK",
        `overlapSeconds must be between 0 and ${MAX_SECRET_OVERLAP_SECONDS} (7 days); it is ${overlapSeconds}.`,
      );
    }
    const secret = newWebhookSecret();
    const now = this.now();
    const endpoint = await this.repository.rotateSecret(
      id,
      sealWebhookSecret(this.settings.storageKey, secret),
      now + overlapSeconds * 1000,
      now,
    );
    return { endpoint: this.found(endpoint, id), secret };
  }

  /** The endpoint's deliveries, newest first, `first` at a time. */
  async deliveries(
    endpointId: string,
    status: WebhookDeliveryStatus | null,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<DeliveryPage> {
    const size = first ?? this.settings.defaultPageSize;
    if (!Number.isInteger(size) || size < 1 || size > this.settings.maxPageSize) {
      throw new PaginationError(
        "PAGE_SIZE_OUT_OF_RANGE",
        `first must be between 1 and ${this.settings.maxPageSize}; it is ${size}. Ask for fewer and follow endCursor.`,
      );
    }
    await this.get(endpointId);
    const before = decodeDeliveryCursor(after);
    const rows = await this.repository.deliveries(endpointId, status, size + 1, before);
    const deliveries = rows.slice(0, size);
    const last = deliveries.at(-1);
    return {
      deliveries,
      hasMore: rows.length > size,
      endCursor: last === undefined ? null : Buffer.from(`${CURSOR_PREFIX}${last.number}`).toString("base64url"),
    };
  }

  async redeliver(deliveryId: string): Promise<WebhookDelivery> {
    const delivery = await this.repository.delivery(deliveryId);
    if (delivery === null) {
      throw new WebhookError(
        "DELIVERY_NOT_FOUND",
        `No delivery ${deliveryId.slice(0, 80)} in your tenant; webhookDeliveries(endpointId) lists them.`,
      );
    }
    const again = await this.repository.redeliver(deliveryId, this.now());
    if (again === null) {
      throw new WebhookError(
        "WEBHOOK_DISABLED",
        `The endpoint ${delivery.endpointId} of this delivery is disabled; enableWebhook first (it sends the ` +
          `delivery that failed again), then redeliver others if you need them.`,
      );
    }
    return again;
  }

  private found(endpoint: WebhookEndpoint | null, id: string): WebhookEndpoint {
    if (endpoint === null) throw this.notFound(id);
    return endpoint;
  }

  private notFound(id: string): WebhookError {
    return new WebhookError(
      "WEBHOOK_NOT_FOUND",
      `No webhook endpoint ${id.slice(0, 80)} in your tenant; \`webhooks\` lists the endpoints you have.`,
    );
  }
}

function decodeDeliveryCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined || cursor === "") return Number.MAX_SAFE_INTEGER;
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  const match = /^whd1:(\d{1,15})$/.exec(text);
  if (match === null) {
    throw new PaginationError(
      "INVALID_CURSOR",
      `"${cursor.slice(0, 80)}" is not a delivery-log cursor; pass the endCursor webhookDeliveries returned.`,
    );
  }
  return Number(match[1]);
}
