/**
 * Identity resolution (issue 14): the contract between the matcher (pure, `domain/identity/`), the graph
 * (`graph/identity/`) and the API. A channel identity is one record a channel knows about a person or an
 * organization; resolution links identities that are the same customer and clusters them into a resolved
 * customer (a `Person`, or an existing `Account` for organizations), with the evidence of every link.
 */

export const IDENTITY_ENTITIES = ["PERSON", "ORGANIZATION"] as const;
export type IdentityEntity = (typeof IDENTITY_ENTITIES)[number];

/** A postal address as a channel sends it (free text parts; normalised before comparing). */
export interface PostalAddress {
  lines?: readonly string[];
  locality?: string | null;
  region?: string | null;
  postcode?: string | null;
  /** ISO 3166-1 alpha-2 when known; also the default region for phones without a country code. */
  country?: string | null;
}

/** Whatever a channel knows; every field optional. Normalised (NFKC, case, accents, E.164…) before comparing. */
export interface IdentityAttributes {
  givenName?: string | null;
  familyName?: string | null;
  /** A full name when the channel does not split it. */
  fullName?: string | null;
  emails?: readonly string[];
  phones?: readonly string[];
  address?: PostalAddress | null;
  /** ISO date YYYY-MM-DD. */
  dateOfBirth?: string | null;
  nationalId?: string | null;
  taxId?: string | null;
  companyName?: string | null;
  /** A web domain such as "example.com". */
  domain?: string | null;
  deviceIds?: readonly string[];
  /** Emails/phones the channel has verified (a subset of `emails`/`phones`): deterministic rules trust only these. */
  verifiedEmails?: readonly string[];
  verifiedPhones?: readonly string[];
}

/** One channel identity as an integrator sends it (`upsertIdentities`). */
export interface IdentityInput {
  entity: IdentityEntity;
  /** The channel or source system, e.g. "tmall", "amazon-de", "webshop", "wechat", "call-center", "erp". */
  channel: string;
  /** The channel's own id for the record; (channel, externalId) is the identity's key within a tenant. */
  externalId: string;
  attributes: IdentityAttributes;
  /** When the channel last saw these attributes (ISO timestamp); survivorship "most recent" uses it. */
  observedAt?: string | null;
}
