import { createHash } from "node:crypto";
import { AutomationError } from "./automation.errors";

/** What the actions side makes, with the prefix their ids carry. */
export const AUTOMATION_ID_PREFIXES = {
  Task: "tsk",
  Proposal: "prp",
  Receipt: "rcp",
  Flag: "flg",
  /** A CALL_WEBHOOK delivery: its webhook-id, in the Standard Webhooks style of the feed's deliveries. */
  WebhookDelivery: "msg",
} as const;
export type AutomationKind = keyof typeof AUTOMATION_ID_PREFIXES;

const HASH_LENGTH = 22;

/**
 * The id of something a firing makes, derived from the tenant, the firing and the part's position: carrying
 * out the same firing twice names the same task, so the second attempt is recognised, not doubled.
 */
export function automationId(kind: AutomationKind, tenant: string, ...parts: readonly (string | number)[]): string {
  const digest = createHash("sha256")
    .update([tenant, kind, ...parts.map(String)].join("\u0000"))
    .digest("base64url");
  return `${AUTOMATION_ID_PREFIXES[kind]}_${digest.slice(0, HASH_LENGTH)}`;
}

/** Checks that `id` has the shape of a `kind` id; throws INVALID_AUTOMATION_INPUT saying what was expected. */
export function assertAutomationId(kind: AutomationKind, id: string, argument = "id"): string {
  const prefix = AUTOMATION_ID_PREFIXES[kind];
  if (!new RegExp(`^${prefix}_[A-Za-z0-9_-]{${HASH_LENGTH}}$`).test(id)) {
    const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
    throw new AutomationError(
      "INVALID_AUTOMATION_INPUT",
      `${argument}: "${shown}" is not a ${kind} id. ${kind} ids look like "${prefix}_" followed by ${HASH_LENGTH} ` +
        `letters, digits, "-" or "_"; take them from the id field of a ${kind}.`,
    );
  }
  return id;
}
