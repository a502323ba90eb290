import { recordTypeOf, StoredChange } from "../events/change-event";
import { PERSONAL_DATA, PersonalCategory, PersonalProperty } from "./catalogue";
import { PersonalDataAccess, sees } from "./access-policy";
import { maskValue } from "./mask-value";

/** The catalogue's entry for a field of a change event's record, by the event's record type (CONTACT → Contact). */
export function changeFieldEntry(recordType: string, field: string): PersonalProperty | undefined {
  return PERSONAL_DATA.find(
    (entry) => entry.label.toUpperCase() === recordType && entry.property === field && entry.category !== undefined,
  );
}

function masked(entry: PersonalProperty | undefined, value: unknown, access: PersonalDataAccess): unknown {
  if (entry === undefined || entry.category === undefined || sees(access, entry.category)) return value;
  return maskValue(entry.mask ?? "NULL", value);
}

/**
 * A change event as a reader may see it: the values of declared personal fields (a contact's name, email,
 * phone, title, its external id) masked by their rule when the reader may not see their category. The one
 * serializer step of every path that hands out events: the GraphQL feed and subscriptions, the NDJSON
 * stream and webhook deliveries. Erased values (null) stay null.
 */
export function maskChange(event: StoredChange, access: PersonalDataAccess): StoredChange {
  const recordType = recordTypeOf(event.type);
  return {
    ...event,
    externalId: masked(changeFieldEntry(recordType, "externalId"), event.externalId, access) as string | null,
    changes: event.changes.map((change) => {
      const entry = changeFieldEntry(recordType, change.field);
      if (entry === undefined) return change;
      return { ...change, old: masked(entry, change.old, access), new: masked(entry, change.new, access) };
    }),
  };
}

/** The personal categories a set of events carries values of (for the audit of SENSITIVE reads). */
export function categoriesIn(events: readonly StoredChange[]): Set<PersonalCategory> {
  const found = new Set<PersonalCategory>();
  for (const event of events) {
    const recordType = recordTypeOf(event.type);
    for (const change of event.changes) {
      const category = changeFieldEntry(recordType, change.field)?.category;
      if (category !== undefined && (change.old !== null || change.new !== null)) found.add(category);
    }
  }
  return found;
}
