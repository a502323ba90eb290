import { ChangeType } from "../events/change-event";
import { PERSONAL_CATEGORIES, PersonalCategory } from "../personal-data/catalogue";

/**
 * The personal-data categories an endpoint registered before decision 0028 receives in clear: what every
 * role that may register one (admins, integrators) sees, and all that change events carry.
 */
export const DEFAULT_WEBHOOK_PERSONAL_DATA: readonly PersonalCategory[] = ["IDENTIFIER", "CONTACT"];

/** The categories of a stored list, in catalogue order; anything else dropped. */
export function personalCategoriesOf(stored: unknown): PersonalCategory[] {
  if (!Array.isArray(stored)) return [...DEFAULT_WEBHOOK_PERSONAL_DATA];
  return PERSONAL_CATEGORIES.filter((category) => stored.includes(category));
}

export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** A registered endpoint, as callers see it (never with its secret). */
export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  eventTypes: ChangeType[];
  enabled: boolean;
  /** Why it was disabled (by a caller, or automatically after a delivery failed for good), and when. */
  disabledReason: string | null;
  disabledAt: number | null;
  /** The last sequence number put into a delivery: events after it are still to come. */
  cursor: number;
  createdAt: number;
  updatedAt: number;
  /** During a secret rotation: when the old secret stops signing. */
  previousSecretExpiresAt: number | null;
  /**
   * The personal-data categories its deliveries carry in clear (decision 0028); other personal values are
   * masked. At most what its registrant saw when registering it.
   */
  personalData: PersonalCategory[];
}

/** One attempt to deliver, as the log keeps it. */
export interface WebhookAttempt {
  at: number;
  /** The HTTP status the receiver answered, or null when there was no answer. */
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** A batch of events for one endpoint, sent until the receiver answers 2xx or the retries run out. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  /** Its place among the endpoint's deliveries (1, 2, …); the log pages by it. */
  number: number;
  status: WebhookDeliveryStatus;
  attempts: number;
  firstSequence: number;
  lastSequence: number;
  eventCount: number;
  eventTypes: ChangeType[];
  createdAt: number;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  /** The latest attempts, oldest first (at most 20). */
  attemptLog: WebhookAttempt[];
  /**
   * The body a delivery carries itself instead of change events (a playbook's CALL_WEBHOOK action); null
   * for the deliveries made from the change feed, whose body is built from their events when sent.
   */
  payload?: string | null;
}
