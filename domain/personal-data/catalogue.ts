/**
 * The personal-data catalogue (issue 15): every stored property that holds personal data, declared once.
 * Masking (every path out), consent, export and erasure all read this list; a test fails when a property
 * that looks personal is stored or exposed without an entry here. Add a line when you add such a property.
 */

export const PERSONAL_CATEGORIES = ["IDENTIFIER", "CONTACT", "SENSITIVE"] as const;
/**
 * IDENTIFIER: names a person (name, external ids of people); CONTACT: reaches a person (email, phone,
 * address); SENSITIVE: birth dates, national and tax ids, and anything whose exposure harms by itself.
 */
export type PersonalCategory = (typeof PERSONAL_CATEGORIES)[number];

/** How a value is shown to a role that may not see it: `a***@example.com`, `+49 *** *** 12`, `A*** B***`, or null. */
export type MaskRule = "EMAIL" | "PHONE" | "NAME" | "PARTIAL" | "NULL";

/** A JSON document stored in a string property, with the personal keys inside it. */
export interface PersonalJsonKey {
  /** A dotted path into the parsed JSON; `[]` steps into arrays, e.g. `address.lines[]` or `emails[]`. */
  path: string;
  category: PersonalCategory;
  mask: MaskRule;
}

export interface PersonalProperty {
  /** The node label (or relationship type) that stores it. */
  label: string;
  property: string;
  /** For a scalar property; JSON-holding properties declare `json` instead (the category of each key). */
  category?: PersonalCategory;
  mask?: MaskRule;
  json?: readonly PersonalJsonKey[];
  /** What it is and whose it is (a contact's, a channel identity's, a user's). */
  note: string;
}

const IDENTITY_ATTRIBUTE_KEYS: readonly PersonalJsonKey[] = [
  { path: "givenName", category: "IDENTIFIER", mask: "NAME" },
  { path: "familyName", category: "IDENTIFIER", mask: "NAME" },
  { path: "fullName", category: "IDENTIFIER", mask: "NAME" },
  { path: "emails[]", category: "CONTACT", mask: "EMAIL" },
  { path: "verifiedEmails[]", category: "CONTACT", mask: "EMAIL" },
  { path: "phones[]", category: "CONTACT", mask: "PHONE" },
  { path: "verifiedPhones[]", category: "CONTACT", mask: "PHONE" },
  { path: "address.lines[]", category: "CONTACT", mask: "PARTIAL" },
  { path: "address.locality", category: "CONTACT", mask: "PARTIAL" },
  { path: "address.postcode", category: "CONTACT", mask: "PARTIAL" },
  { path: "dateOfBirth", category: "SENSITIVE", mask: "NULL" },
  { path: "nationalId", category: "SENSITIVE", mask: "NULL" },
  { path: "taxId", category: "SENSITIVE", mask: "NULL" },
  { path: "deviceIds[]", category: "IDENTIFIER", mask: "PARTIAL" },
];

/** The catalogue. Entries are unique by (label, property). */
export const PERSONAL_DATA: readonly PersonalProperty[] = [
  { label: "Contact", property: "name", category: "IDENTIFIER", mask: "NAME", note: "a customer's contact person" },
  { label: "Contact", property: "email", category: "CONTACT", mask: "EMAIL", note: "a contact's email" },
  { label: "Contact", property: "phone", category: "CONTACT", mask: "PHONE", note: "a contact's phone" },
  { label: "User", property: "name", category: "IDENTIFIER", mask: "NAME", note: "a tenant's employee" },
  { label: "User", property: "email", category: "CONTACT", mask: "EMAIL", note: "a tenant's employee's email" },
  {
    label: "Identity",
    property: "attributes",
    json: IDENTITY_ATTRIBUTE_KEYS,
    note: "a channel identity's attributes as the channel sent them (JSON)",
  },
  {
    label: "Identity",
    property: "normalised",
    json: IDENTITY_ATTRIBUTE_KEYS,
    note: "the same attributes normalised for matching (JSON)",
  },
  // Consent records (issue 15, personal-data requests): the evidence may quote or name the person.
  {
    label: "Consent",
    property: "evidenceText",
    category: "IDENTIFIER",
    mask: "NULL",
    note: "what a person agreed to, as shown to them",
  },
  {
    label: "Consent",
    property: "evidenceUrl",
    category: "IDENTIFIER",
    mask: "NULL",
    note: "where a consent's proof is kept",
  },
  {
    label: "ConsentVersion",
    property: "evidenceText",
    category: "IDENTIFIER",
    mask: "NULL",
    note: "an earlier version's evidence",
  },
  {
    label: "ConsentVersion",
    property: "evidenceUrl",
    category: "IDENTIFIER",
    mask: "NULL",
    note: "an earlier version's proof location",
  },
];

/** The entry for a label's property, or undefined when it is not personal. */
export function personalProperty(label: string, property: string): PersonalProperty | undefined {
  return PERSONAL_DATA.find((entry) => entry.label === label && entry.property === property);
}
