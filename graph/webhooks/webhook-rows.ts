import { ChangeType } from "../../domain/events/change-event";
import { WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from "../../domain/webhooks/webhook";
import { personalCategoriesOf } from "../../domain/webhooks/webhook";
import { PlainRow } from "../executor";

/** The endpoint's public fields (never its secrets or lease), as `endpoint`. */
export const ENDPOINT_FIELDS = `e {
  .id, .url, .description, .eventTypes, .enabled, .disabledReason, .disabledAt, .cursor, .createdAt, .updatedAt,
  .previousSecretExpiresAt, .personalData
} AS endpoint`;

export const DELIVERY_FIELDS = `d {
  .id, .endpointId, .number, .status, .attempts, .firstSequence, .lastSequence, .eventCount, .eventTypes,
  .createdAt, .lastAttemptAt, .nextAttemptAt, .deliveredAt, .lastResponseStatus, .lastError, .attemptLog, .payload
} AS delivery`;

function num(value: unknown): number | null {
  return typeof value === "number" ? value : null;
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function toEndpoint(row: PlainRow): WebhookEndpoint {
  const e = row.endpoint as Record<string, unknown>;
  return {
    id: String(e.id),
    url: String(e.url),
    description: str(e.description),
    eventTypes: (e.eventTypes as ChangeType[] | null) ?? [],
    enabled: e.enabled === true,
    disabledReason: str(e.disabledReason),
    disabledAt: num(e.disabledAt),
    cursor: num(e.cursor) ?? 0,
    createdAt: num(e.createdAt) ?? 0,
    updatedAt: num(e.updatedAt) ?? 0,
    previousSecretExpiresAt: num(e.previousSecretExpiresAt),
    personalData: personalCategoriesOf(e.personalData),
  };
}

export function toDelivery(row: PlainRow): WebhookDelivery {
  const d = row.delivery as Record<string, unknown>;
  return {
    id: String(d.id),
    endpointId: String(d.endpointId),
    number: num(d.number) ?? 0,
    status: String(d.status) as WebhookDeliveryStatus,
    attempts: num(d.attempts) ?? 0,
    firstSequence: num(d.firstSequence) ?? 0,
    lastSequence: num(d.lastSequence) ?? 0,
    eventCount: num(d.eventCount) ?? 0,
    eventTypes: (d.eventTypes as ChangeType[] | null) ?? [],
    createdAt: num(d.createdAt) ?? 0,
    lastAttemptAt: num(d.lastAttemptAt),
    nextAttemptAt: num(d.nextAttemptAt),
    deliveredAt: num(d.deliveredAt),
    lastResponseStatus: num(d.lastResponseStatus),
    lastError: str(d.lastError),
    attemptLog: ((d.attemptLog as string[] | null) ?? []).map((entry) => JSON.parse(entry) as WebhookAttempt),
    payload: str(d.payload),
  };
}
