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
  /**
   * GraphQL fields (`Type.field`) that hand out this key's value as a field of its own (e.g. the
   * `IdentityAttributes` object of an `Identity`): they are masked by this key's rule.
   */
  exposedAs?: readonly string[];
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
  /**
   * GraphQL fields that return this property's value, as `Type.field`, or `Type.field[discriminator=value]`
   * when the field holds it only on objects whose `discriminator` field has that value (a graph node's
   * label is a contact's name only for contact nodes). The field-level access guard masks each of them
   * (resolvers/auth/personal-data-guard.ts); it refuses to start when one is missing from the schema.
   * For a JSON property, the field returns the whole document, masked key by key.
   */
  exposedAs?: readonly string[];
  /**
   * The property holds change events (compressed) whose personal values — the fields of the labels
   * declared here, by the event's record type — are sealed with the person's key (domain/events).
   * Readers of the feed, subscriptions, webhooks and the NDJSON stream mask them by those entries.
   */
  holdsChangeEvents?: boolean;
}

const IDENTITY_ATTRIBUTE_KEYS: readonly PersonalJsonKey[] = [
  { path: "givenName", category: "IDENTIFIER", mask: "NAME", exposedAs: ["IdentityAttributes.givenName"] },
  { path: "familyName", category: "IDENTIFIER", mask: "NAME", exposedAs: ["IdentityAttributes.familyName"] },
  { path: "fullName", category: "IDENTIFIER", mask: "NAME", exposedAs: ["IdentityAttributes.fullName"] },
  { path: "emails[]", category: "CONTACT", mask: "EMAIL", exposedAs: ["IdentityAttributes.emails"] },
  {
    path: "verifiedEmails[]",
    category: "CONTACT",
    mask: "EMAIL",
    exposedAs: ["IdentityAttributes.verifiedEmails"],
  },
  { path: "phones[]", category: "CONTACT", mask: "PHONE", exposedAs: ["IdentityAttributes.phones"] },
  {
    path: "verifiedPhones[]",
    category: "CONTACT",
    mask: "PHONE",
    exposedAs: ["IdentityAttributes.verifiedPhones"],
  },
  { path: "address.lines[]", category: "CONTACT", mask: "PARTIAL", exposedAs: ["PostalAddress.lines"] },
  { path: "address.locality", category: "CONTACT", mask: "PARTIAL", exposedAs: ["PostalAddress.locality"] },
  { path: "address.postcode", category: "CONTACT", mask: "PARTIAL", exposedAs: ["PostalAddress.postcode"] },
  { path: "address.region", category: "CONTACT", mask: "PARTIAL", exposedAs: ["PostalAddress.region"] },
  { path: "dateOfBirth", category: "SENSITIVE", mask: "NULL", exposedAs: ["IdentityAttributes.dateOfBirth"] },
  { path: "nationalId", category: "SENSITIVE", mask: "NULL", exposedAs: ["IdentityAttributes.nationalId"] },
  { path: "taxId", category: "SENSITIVE", mask: "NULL", exposedAs: ["IdentityAttributes.taxId"] },
  { path: "deviceIds[]", category: "IDENTIFIER", mask: "PARTIAL", exposedAs: ["IdentityAttributes.deviceIds"] },
];

/**
 * The keys of an identity's normalised form (domain/identity/normalise-identity.ts). The same names are
 * the fields of a resolved customer's golden record (`GoldenRecordField.value` is masked by the key its
 * `field` names).
 */
const NORMALISED_IDENTITY_KEYS: readonly PersonalJsonKey[] = [
  { path: "id", category: "IDENTIFIER", mask: "PARTIAL" },
  { path: "externalId", category: "IDENTIFIER", mask: "PARTIAL" },
  { path: "givenName", category: "IDENTIFIER", mask: "NAME" },
  { path: "familyName", category: "IDENTIFIER", mask: "NAME" },
  { path: "fullName", category: "IDENTIFIER", mask: "NAME" },
  { path: "emails[]", category: "CONTACT", mask: "EMAIL" },
  { path: "verifiedEmails[]", category: "CONTACT", mask: "EMAIL" },
  { path: "phones[]", category: "CONTACT", mask: "PHONE" },
  { path: "verifiedPhones[]", category: "CONTACT", mask: "PHONE" },
  { path: "houseNumber", category: "CONTACT", mask: "PARTIAL" },
  { path: "street", category: "CONTACT", mask: "PARTIAL" },
  { path: "addressExtra", category: "CONTACT", mask: "PARTIAL" },
  { path: "locality", category: "CONTACT", mask: "PARTIAL" },
  { path: "region", category: "CONTACT", mask: "PARTIAL" },
  { path: "postcode", category: "CONTACT", mask: "PARTIAL" },
  { path: "dateOfBirth", category: "SENSITIVE", mask: "NULL" },
  { path: "nationalId", category: "SENSITIVE", mask: "NULL" },
  { path: "taxId", category: "SENSITIVE", mask: "NULL" },
  { path: "deviceIds[]", category: "IDENTIFIER", mask: "PARTIAL" },
];

/** The keys of a golden record's fields: the normalised identity's, by field name (`emails`, not `emails[]`). */
export const GOLDEN_RECORD_KEYS: readonly PersonalJsonKey[] = NORMALISED_IDENTITY_KEYS;

/** The catalogue. Entries are unique by (label, property). */
export const PERSONAL_DATA: readonly PersonalProperty[] = [
  {
    label: "Contact",
    property: "name",
    category: "IDENTIFIER",
    mask: "NAME",
    note: "a customer's contact person",
    exposedAs: ["Contact.name", "GraphNode.label[kind=Contact]"],
  },
  {
    label: "Contact",
    property: "email",
    category: "CONTACT",
    mask: "EMAIL",
    note: "a contact's email",
    exposedAs: ["Contact.email"],
  },
  {
    label: "Contact",
    property: "phone",
    category: "CONTACT",
    mask: "PHONE",
    note: "a contact's phone",
    exposedAs: ["Contact.phone"],
  },
  {
    label: "Contact",
    property: "title",
    category: "IDENTIFIER",
    mask: "PARTIAL",
    note: "a contact's job title: with the account it singles out the person (sealed in change events too)",
    exposedAs: ["Contact.title"],
  },
  {
    label: "Contact",
    property: "externalId",
    category: "IDENTIFIER",
    mask: "PARTIAL",
    note:
      "the source system's id of a contact: a pseudonymous identifier of the person (sealed in change " +
      "events); masked for readers without IDENTIFIER, kept by keyed lookups",
    exposedAs: ["Contact.externalId"],
  },
  {
    label: "User",
    property: "name",
    category: "IDENTIFIER",
    mask: "NAME",
    note: "a tenant's employee",
    exposedAs: ["User.name"],
  },
  {
    label: "User",
    property: "email",
    category: "CONTACT",
    mask: "EMAIL",
    note: "a tenant's employee's email",
    exposedAs: ["User.email"],
  },
  {
    label: "Identity",
    property: "attributes",
    json: IDENTITY_ATTRIBUTE_KEYS,
    note: "a channel identity's attributes as the channel sent them (JSON); read through IdentityAttributes",
  },
  {
    label: "Identity",
    property: "normalised",
    json: NORMALISED_IDENTITY_KEYS,
    note: "the same attributes normalised for matching (JSON)",
    exposedAs: ["Identity.normalised"],
  },
  {
    label: "Identity",
    property: "externalId",
    category: "IDENTIFIER",
    mask: "PARTIAL",
    note: "a channel's id of a buyer (a marketplace customer number, a WeChat openid)",
    exposedAs: ["Identity.externalId"],
  },
  {
    label: "IdentityKey",
    property: "key",
    category: "IDENTIFIER",
    mask: "NULL",
    note: "a blocking key of identity matching, made of normalised name parts and birth dates; never exposed",
  },
  {
    label: "ChangeSegment",
    property: "events",
    category: "IDENTIFIER",
    mask: "NULL",
    note:
      "the change feed's compressed events; the personal values inside (Contact and User fields above) are " +
      "sealed with the person's key, erased by destroying it; never exposed as stored",
    holdsChangeEvents: true,
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
