import { recordTypeOf, StoredChange } from "../events/change-event";
import { CONSENT_PURPOSES, ConsentPurpose, ConsentSkip, screenByConsent } from "./consent";

/**
 * The consent purpose a bulk export states in `x-relata-purpose` (issue 15, decision 0033): one of
 * MARKETING, ANALYTICS, AUTOMATION, DATA_SHARING, in any case, `-` for `_`. Any other text (a free-form
 * purpose such as "kyc-check") is recorded as stated but screens nobody; null when none of the four.
 */
export function exportPurpose(header: string | null | undefined): ConsentPurpose | null {
  const name = (header ?? "").trim().toUpperCase().replace(/-/g, "_");
  return (CONSENT_PURPOSES as readonly string[]).includes(name) ? (name as ConsentPurpose) : null;
}

/** The records of an export whose events are about a person, and those people's consents. */
export interface ExportPeople {
  /** record id → the person it belongs to; null for a person's record not resolved to a person yet. */
  personOf: ReadonlyMap<string, string | null>;
  consentsOf: ReadonlyMap<
    string,
    ReadonlyArray<{ purpose: ConsentPurpose; grantedAt: string; withdrawnAt: string | null; expiresAt: string | null }>
  >;
  /** People whose data was erased: never exported for a purpose again. */
  erased: ReadonlySet<string>;
}

/** What a purpose-bound export left out, as its trailer and its audit record say. */
export interface ExportScreenSummary {
  purpose: ConsentPurpose;
  /** Events handed out / left out because their person has no valid consent for the purpose. */
  eventsKept: number;
  eventsSkipped: number;
  /** People whose events were handed out. */
  allowedPeople: number;
  /** People left out, with why (ids and states only). */
  skipped: Array<{ personId: string; state: ConsentSkip["state"] }>;
  /** Events about a person's record (a contact) not resolved to a person yet: no consent can cover them. */
  unresolvedRecords: number;
}

/** The record types whose events are about one person. Signals are when the graph says they are about a contact. */
const PERSON_RECORD_TYPES: ReadonlySet<string> = new Set(["CONTACT", "IDENTITY"]);

/** The record ids of `events` that may be about a person (contacts, channel identities, signals). */
export function personRecordIds(events: readonly StoredChange[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    const type = recordTypeOf(event.type);
    if (PERSON_RECORD_TYPES.has(type) || type === "SIGNAL") ids.add(event.recordId);
  }
  return [...ids].sort();
}

/**
 * The consent screen of one purpose-bound export, page by page (issue 15, decision 0033). An event about a
 * person (a record `people.personOf` names) is handed out only when the person's consents allow the purpose
 * at `at`; a record of a person not resolved yet is left out (nothing can show consent for it); events
 * about no person (accounts, health, the tenant's users) pass. {@link summary} says what was left out.
 */
export class ExportConsentScreen {
  private readonly allowed = new Set<string>();
  private readonly skipped = new Map<string, ConsentSkip["state"]>();
  private eventsKept = 0;
  private eventsSkipped = 0;
  private unresolvedRecords = 0;

  constructor(readonly purpose: ConsentPurpose) {}

  /** The events of one page the purpose allows, in order. */
  screen(events: readonly StoredChange[], people: ExportPeople, at: string): StoredChange[] {
    const personIds = [...new Set([...people.personOf.values()].filter((id): id is string => id !== null))];
    const consentsOf = new Map([...people.consentsOf].map(([id, list]) => [id, people.erased.has(id) ? [] : list]));
    const verdict = screenByConsent(personIds, consentsOf, this.purpose, at);
    const allowedNow = new Set(verdict.allowed);
    for (const id of verdict.allowed) this.allowed.add(id);
    for (const s of verdict.skipped) this.skipped.set(s.personId, s.state);
    const kept: StoredChange[] = [];
    for (const event of events) {
      if (!people.personOf.has(event.recordId)) {
        kept.push(event);
        continue;
      }
      const personId = people.personOf.get(event.recordId) ?? null;
      if (personId !== null && allowedNow.has(personId)) {
        kept.push(event);
        continue;
      }
      this.eventsSkipped += 1;
      if (personId === null) this.unresolvedRecords += 1;
    }
    this.eventsKept += kept.length;
    return kept;
  }

  summary(): ExportScreenSummary {
    return {
      purpose: this.purpose,
      eventsKept: this.eventsKept,
      eventsSkipped: this.eventsSkipped,
      allowedPeople: [...this.allowed].filter((id) => !this.skipped.has(id)).length,
      skipped: [...this.skipped]
        .map(([personId, state]) => ({ personId, state }))
        .sort((a, b) => a.personId.localeCompare(b.personId)),
      unresolvedRecords: this.unresolvedRecords,
    };
  }
}
