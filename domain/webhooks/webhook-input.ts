import { PERSONAL_CATEGORIES, PersonalCategory } from "../personal-data/catalogue";
import { PersonalDataAccess } from "../personal-data/access-policy";
import { ChangeType, CHANGE_TYPES, isChangeType } from "../events/change-event";
import { WebhookError } from "./webhook.errors";

export const MAX_WEBHOOK_URL_LENGTH = 2_048;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 500;
/** Every event type once; a longer list repeats one. */
export const MAX_WEBHOOK_EVENT_TYPES = CHANGE_TYPES.length;

/** A webhook URL: http or https, absolute, no credentials, at most {@link MAX_WEBHOOK_URL_LENGTH} characters. */
export function checkWebhookUrl(text: string): URL {
  if (text.length > MAX_WEBHOOK_URL_LENGTH) {
    throw new WebhookError(
      "INVALID_WEBHOOK",
      `url may be at most ${MAX_WEBHOOK_URL_LENGTH} characters; it has ${text.length}. Use a shorter URL.`,
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebhookError(
      "INVALID_WEBHOOK",
      `url "${text.slice(0, 100)}" is not an absolute URL; give one like https://example.com/relata-events.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new WebhookError(
      "INVALID_WEBHOOK",
      `url must start with https:// (or http://); it starts with ${url.protocol}//. Give an HTTPS URL.`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new WebhookError(
      "INVALID_WEBHOOK",
      "url must not carry a user name or password; deliveries are signed, verify the signature instead.",
    );
  }
  if (url.hostname === "") throw new WebhookError("INVALID_WEBHOOK", "url has no host name; give one.");
  return url;
}

/** Event types, without repeats, in the order given; at least one. */
export function checkEventTypes(types: readonly string[]): ChangeType[] {
  if (types.length === 0) {
    throw new WebhookError(
      "INVALID_WEBHOOK",
      "eventTypes must name at least one change type (e.g. ACCOUNT_UPDATED); list every type you want delivered.",
    );
  }
  if (types.length > MAX_WEBHOOK_EVENT_TYPES) {
    throw new WebhookError(
      "INVALID_WEBHOOK",
      `eventTypes may list at most ${MAX_WEBHOOK_EVENT_TYPES} types (each once); it lists ${types.length}.`,
    );
  }
  const unknown = types.filter((type) => !isChangeType(type));
  if (unknown.length > 0) {
    throw new WebhookError("INVALID_WEBHOOK", `Unknown event types: ${unknown.slice(0, 5).join(", ")}.`);
  }
  return [...new Set(types)] as ChangeType[];
}

export function checkDescription(description: string | null | undefined): string | null {
  if (description === null || description === undefined) return null;
  if (description.length > MAX_WEBHOOK_DESCRIPTION_LENGTH) {
    throw new WebhookError(
      "INVALID_WEBHOOK",
      `description may be at most ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters; it has ${description.length}.`,
    );
  }
  return description;
}

/**
 * The personal-data categories a new endpoint's deliveries carry in clear: those asked for, which must be
 * among what the registrant sees (a webhook cannot widen a role's access), or, when none are named, all
 * that the registrant sees (decision 0028).
 */
export function checkPersonalData(
  requested: readonly string[] | null | undefined,
  access: PersonalDataAccess,
): PersonalCategory[] {
  if (requested === null || requested === undefined) return PERSONAL_CATEGORIES.filter((c) => access.has(c));
  const unknown = requested.filter((c) => !(PERSONAL_CATEGORIES as readonly string[]).includes(c));
  if (unknown.length > 0) {
    throw new WebhookError(
      "INVALID_WEBHOOK",
      `personalData names ${unknown.map((c) => JSON.stringify(c)).join(", ")}; use ${PERSONAL_CATEGORIES.join(", ")}.`,
    );
  }
  const beyond = requested.filter((c) => !access.has(c as PersonalCategory));
  if (beyond.length > 0) {
    throw new WebhookError(
      "INVALID_WEBHOOK",
      `personalData asks for ${beyond.join(", ")} in clear, which your role does not see ` +
        `(it sees ${[...access].join(", ") || "no personal data"} in clear). Ask for less, or have an admin register it.`,
    );
  }
  return PERSONAL_CATEGORIES.filter((c) => requested.includes(c));
}
