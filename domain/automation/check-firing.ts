import { AutomationError } from "./automation.errors";
import { PlaybookFiring } from "./playbook-firing";

export const MAX_FIRING_ACTIONS = 50;
export const MAX_FIRING_RECORDS = 1_000;
const MAX_ID = 200;

function bad(message: string): AutomationError {
  return new AutomationError("INVALID_AUTOMATION_INPUT", `firing: ${message}`);
}

/** Checks what the actions side relies on in a firing the engine hands over; throws INVALID_AUTOMATION_INPUT. */
export function checkFiring(firing: PlaybookFiring): void {
  for (const [key, value] of [
    ["firingId", firing.firingId],
    ["playbookId", firing.playbookId],
    ["ownerUserId", firing.ownerUserId],
  ] as const) {
    if (typeof value !== "string" || value.length === 0 || value.length > MAX_ID) {
      throw bad(`${key} must be a string of 1 to ${MAX_ID} characters; it is ${JSON.stringify(value)}.`);
    }
  }
  if (firing.mode !== "SUGGEST" && firing.mode !== "AUTO") {
    throw bad(`mode must be SUGGEST or AUTO; it is ${JSON.stringify(firing.mode)}.`);
  }
  if (!Number.isSafeInteger(firing.playbookVersion) || firing.playbookVersion < 0) {
    throw bad(`playbookVersion must be a whole number; it is ${String(firing.playbookVersion)}.`);
  }
  if (Number.isNaN(Date.parse(firing.firedAt))) throw bad(`firedAt must be an ISO instant; it is ${firing.firedAt}.`);
  if (firing.actions.length > MAX_FIRING_ACTIONS) {
    throw bad(`has ${firing.actions.length} actions; a playbook has at most ${MAX_FIRING_ACTIONS}.`);
  }
  for (const [key, list] of [
    ["accountIds", firing.accountIds],
    ["assetIds", firing.assetIds ?? []],
    ["batchCodes", firing.batchCodes ?? []],
  ] as const) {
    if (list.length > MAX_FIRING_RECORDS) {
      throw bad(`${key} has ${list.length} entries; at most ${MAX_FIRING_RECORDS}. Fire per region or account.`);
    }
  }
}
