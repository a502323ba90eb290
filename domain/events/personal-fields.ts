import { ChangeRecordType } from "./change-event";

/**
 * The fields whose values in change events are personal data: names, emails, phones, addresses and ids
 * of people (contacts and users). They are stored encrypted with the person's key, which erasure destroys. Accounts and
 * organizations are companies; their names are not personal.
 */
export const PERSONAL_FIELDS: Readonly<Partial<Record<ChangeRecordType, ReadonlySet<string>>>> = {
  CONTACT: new Set(["name", "email", "phone", "title", "externalId"]),
  // A user's external id is their login subject, which audit records and tasks name; it stays readable.
  USER: new Set(["name", "email"]),
};

export function personalFieldsOf(type: ChangeRecordType): ReadonlySet<string> {
  return PERSONAL_FIELDS[type] ?? new Set();
}
