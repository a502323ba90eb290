import { PlaybookAction, PlaybookActionKind } from "../automation/playbook";
import { PlaybookFiring } from "../automation/playbook-firing";
import { ConsentPurpose, ConsentSkip, screenByConsent } from "./consent";

/**
 * The purpose each playbook action needs from the people a firing is about (decision 0027). A task or review
 * their data triggered is an automated decision about them (AUTOMATION); an intent signal profiles them for
 * sales (MARKETING); a webhook call hands the firing to a third party (DATA_SHARING). Flags mark accounts,
 * assets and batches, not people: they need none.
 */
export const ACTION_PURPOSES: Readonly<Record<PlaybookActionKind, ConsentPurpose | null>> = {
  CREATE_TASK: "AUTOMATION",
  OPEN_REVIEW: "AUTOMATION",
  RAISE_INTENT_SIGNAL: "MARKETING",
  CALL_WEBHOOK: "DATA_SHARING",
  FLAG_RECORDS: null,
};

const RECORD_ID = /^(con|sig|idn|per)_[A-Za-z0-9_-]{22}$/;

function idsIn(value: unknown, out: Set<string>): void {
  if (typeof value === "string") {
    if (RECORD_ID.test(value)) out.add(value);
  } else if (Array.isArray(value)) {
    value.forEach((v) => idsIn(v, out));
  } else if (value !== null && typeof value === "object") {
    Object.values(value).forEach((v) => idsIn(v, out));
  }
}

/** The records a firing read that may belong to people: its triggering records and the ids its facts name. */
export function firingRecordIds(firing: Pick<PlaybookFiring, "triggeringEvents" | "basis">): string[] {
  const out = new Set<string>();
  firing.triggeringEvents.forEach((event) => out.add(event.recordId));
  firing.basis.forEach((outcome) => idsIn(outcome.facts, out));
  return [...out].sort();
}

/** The people behind the firing's records, with their consents (what the graph says). */
export interface FiringPeople {
  /** record id → person id. */
  personOf: ReadonlyMap<string, string>;
  consentsOf: ReadonlyMap<
    string,
    ReadonlyArray<{ purpose: ConsentPurpose; grantedAt: string; withdrawnAt: string | null; expiresAt: string | null }>
  >;
  /** People whose data was erased: never processed again. */
  erased: ReadonlySet<string>;
}

/** What consent allows of one action: who was skipped and why, and whether anything is left to act on. */
export interface ConsentScreen {
  purpose: ConsentPurpose;
  allowedPersonIds: string[];
  skipped: ConsentSkip[];
  /** The firing's records of skipped people: the action acts as if they had not been there. */
  skippedRecordIds: string[];
  /** Set when every person the firing is about was skipped: the action is not carried out. */
  refusal: string | null;
}

/**
 * Screens one action against the consents of the people the firing is about, at `at`. Null when the action
 * needs no purpose or the firing is about no person (account-level facts only).
 */
export function screenAction(
  action: Pick<PlaybookAction, "kind">,
  people: FiringPeople,
  at: string,
): ConsentScreen | null {
  const purpose = ACTION_PURPOSES[action.kind];
  if (purpose === null || people.personOf.size === 0) return null;
  const personIds = [...new Set(people.personOf.values())];
  const consentsOf = new Map([...people.consentsOf].map(([id, list]) => [id, people.erased.has(id) ? [] : list]));
  const { allowed, skipped } = screenByConsent(personIds, consentsOf, purpose, at);
  const skippedIds = new Set(skipped.map((s) => s.personId));
  const skippedRecordIds = [...people.personOf]
    .filter(([, person]) => skippedIds.has(person))
    .map(([record]) => record)
    .sort();
  const refusal =
    allowed.length === 0
      ? `${action.kind} needs the ${purpose} purpose of the people the firing is about, and none has a valid ` +
        `consent for it (${skipped.map((s) => `${s.personId}: ${s.state}`).join(", ")}); the action was skipped. ` +
        `Record their consent (recordConsents) before such actions may act on their data.`
      : null;
  return { purpose, allowedPersonIds: allowed, skipped, skippedRecordIds, refusal };
}

/** The firing as an action sees it once skipped people's records are left out of its evidence. */
export function withoutRecords(firing: PlaybookFiring, recordIds: readonly string[]): PlaybookFiring {
  if (recordIds.length === 0) return firing;
  const drop = new Set(recordIds);
  return { ...firing, triggeringEvents: firing.triggeringEvents.filter((event) => !drop.has(event.recordId)) };
}

/** The screen as the audit trail keeps it beside the action's result (ids and states only). */
export function consentDetails(screen: ConsentScreen): Record<string, unknown> {
  return {
    purpose: screen.purpose,
    allowedPersonIds: screen.allowedPersonIds,
    skipped: screen.skipped.map((s) => ({ personId: s.personId, state: s.state })),
  };
}
