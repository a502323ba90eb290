import { recordTypeOf, StoredChange } from "../events/change-event";
import { encodeChangeCursor } from "../events/change-cursor";
import { PersonalCategory } from "../personal-data/catalogue";
import { maskChange } from "../personal-data/mask-change";

/** The `type` of every delivery's body: a batch of change events. */
export const WEBHOOK_PAYLOAD_TYPE = "relata.changes";

/**
 * The body of a delivery (Standard Webhooks' `{type, timestamp, data}`): the events in sequence order,
 * each with its stable id for deduplication and its cursor to resume the feed from. `timestamp` is when
 * the delivery was made, so every retry of it sends the same body.
 */
export function webhookPayload(createdAt: number, events: readonly StoredChange[]): string {
  return JSON.stringify({
    type: WEBHOOK_PAYLOAD_TYPE,
    timestamp: new Date(createdAt).toISOString(),
    data: {
      events: events.map((event) => ({
        id: event.id,
        sequence: event.seq,
        cursor: encodeChangeCursor(event.seq),
        type: event.type,
        recordType: recordTypeOf(event.type),
        recordId: event.recordId,
        externalId: event.externalId,
        sourceSystem: event.sourceSystem,
        changes: event.changes.map((change) => ({
          field: change.field,
          old: change.old ?? null,
          new: change.new ?? null,
          personal: change.personal === true,
          erased: change.erased === true,
        })),
        actor: event.actor,
        at: event.at,
      })),
    },
  });
}

/**
 * The body of a change-event delivery to an endpoint that receives `personalData` in clear: personal
 * values of other categories masked by the catalogue's rules (decision 0028). Change events carry no
 * SENSITIVE fields (a unit test holds the catalogue to that), so no delivery needs a read audit.
 */
export function maskedWebhookPayload(
  createdAt: number,
  events: readonly StoredChange[],
  personalData: readonly PersonalCategory[],
): string {
  const access = new Set(personalData);
  return webhookPayload(
    createdAt,
    events.map((event) => maskChange(event, access)),
  );
}

/** The `type` of a delivery a playbook's CALL_WEBHOOK action sends. */
export const PLAYBOOK_ACTION_PAYLOAD_TYPE = "relata.playbook-action";

/**
 * The body of a playbook's CALL_WEBHOOK delivery: which playbook fired, for which records, and why (ids and
 * values only, as the audit trail keeps them). Made once when the action runs, so every retry sends it as is.
 */
export function playbookActionPayload(createdAt: number, data: Record<string, unknown>): string {
  return JSON.stringify({ type: PLAYBOOK_ACTION_PAYLOAD_TYPE, timestamp: new Date(createdAt).toISOString(), data });
}
