import { FieldChange } from "../events/change-event";
import { SegmentEvent } from "../events/change-segment";
import { isSealed } from "../events/personal-cipher";
import { PERSONAL_DATA } from "./catalogue";
import { ERASED, PayloadScrubber } from "./scrub-payload";

/**
 * What an erasure writes, as pure functions of what it read: the properties to set on each record that held
 * the person's data. Stored records keep their ids, links and non-personal values (counts, scores, numbers),
 * so aggregates stay as they were.
 */

type Props = Readonly<Record<string, unknown>>;

/** Properties never rewritten: keys, links and bookkeeping that hold no personal value. */
const STRUCTURAL = new Set(["tenant", "id", "element", "sourceSystem", "accountId", "personId", "consentId"]);

/** The scrubbed values of `props` that changed (only those are written). */
export function scrubbedProperties(props: Props, scrubber: PayloadScrubber): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (STRUCTURAL.has(key)) continue;
    const scrubbed = scrubber.property(value);
    if (scrubbed.changed) changed[key] = scrubbed.value;
  }
  return changed;
}

/** The properties the catalogue declares personal on a label (scalar ones). */
function declared(label: string): string[] {
  return PERSONAL_DATA.filter((entry) => entry.label === label && entry.json === undefined).map((e) => e.property);
}

/**
 * A contact's erased properties: the declared personal ones and its title null (a required name becomes
 * {@link ERASED}), its external id replaced by a surrogate (the key stays unique), any other text scrubbed.
 */
export function erasedContactProperties(
  contact: Props,
  scrubber: PayloadScrubber,
  at: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = scrubbedProperties(contact, scrubber);
  for (const property of [...declared("Contact"), "title"]) {
    if (contact[property] !== undefined && contact[property] !== null) out[property] = null;
  }
  out.name = ERASED;
  out.externalId = `erased:${String(contact.id)}`;
  out.contentHash = null;
  out.erasedAt = at;
  return out;
}

/**
 * A channel identity's erased properties: attributes and normalised form emptied, the external id replaced
 * by a surrogate (a contact's own identity keeps its key: it is the contact's internal id).
 */
export function erasedIdentityProperties(
  identity: Props,
  scrubber: PayloadScrubber,
  at: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = scrubbedProperties(identity, scrubber);
  out.attributes = "{}";
  out.normalised = "{}";
  if (identity.channel !== "crm-contact") out.externalId = `erased:${String(identity.id)}`;
  out.contentHash = null;
  out.erasedAt = at;
  return out;
}

/** A signal about the person: its text value gone (numbers and booleans stay for the scores), other texts scrubbed. */
export function erasedSignalProperties(signal: Props, scrubber: PayloadScrubber, at: string): Record<string, unknown> {
  const out: Record<string, unknown> = scrubbedProperties(signal, scrubber);
  if (signal.stringValue !== undefined && signal.stringValue !== null) out.stringValue = null;
  out.contentHash = null;
  out.subjectErasedAt = at;
  return out;
}

/** A consent keeps its purpose, basis and times (the proof of lawful processing); its evidence goes. */
export function erasedConsentProperties(
  consent: Props,
  scrubber: PayloadScrubber,
  at: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = scrubbedProperties(consent, scrubber);
  for (const key of ["evidenceText", "evidenceUrl", "externalId"]) {
    if (consent[key] !== undefined && consent[key] !== null)
      out[key] = key === "externalId" ? `erased:${String(consent.id ?? consent.consentId)}` : null;
  }
  out.erasedAt = at;
  return out;
}

function erasedChange(change: FieldChange): FieldChange {
  const personalValue = (v: unknown) => typeof v === "string" || isSealed(v);
  if (change.personal === true || personalValue(change.old) || personalValue(change.new)) {
    return { ...change, old: null, new: null, personal: true, erased: true };
  }
  return change;
}

/**
 * The events of one change segment with the person's values gone: events about the person's records
 * (contacts, identities, signals, consents) lose their external id and every text value, and every other
 * event is scrubbed of the person's values (a merge reason naming them, say). `changed` says whether the
 * segment must be written back.
 */
export function scrubSegmentEvents(
  events: readonly SegmentEvent[],
  recordIds: ReadonlySet<string>,
  scrubber: PayloadScrubber,
): { events: SegmentEvent[]; changed: boolean; about: number[] } {
  const about: number[] = [];
  const out = events.map((event, index) => {
    if (recordIds.has(event.recordId) || (event.personId !== null && recordIds.has(event.personId))) {
      about.push(index);
      return { ...event, externalId: null, changes: event.changes.map(erasedChange) };
    }
    return {
      ...event,
      externalId: event.externalId === null ? null : scrubber.text(event.externalId),
      changes: event.changes.map((change) => ({
        ...change,
        old: scrubber.json(change.old),
        new: scrubber.json(change.new),
      })),
    };
  });
  return { events: out, changed: JSON.stringify(out) !== JSON.stringify(events), about };
}
