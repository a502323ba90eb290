import { IdentityInput } from "../identity/identity";

/** A contact or account as enrolment reads it. */
export interface EnrolSource {
  kind: "CONTACT" | "ACCOUNT";
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  observedAt: string | null;
}

/** The channel contacts are enrolled under (PERSON identities). */
export const CONTACT_CHANNEL = "crm-contact";
/** The channel accounts are enrolled under (ORGANIZATION identities). */
export const ACCOUNT_CHANNEL = "crm-account";

/**
 * The identity a contact or account takes part in resolution as: a contact is a PERSON identity of channel
 * "crm-contact", an account an ORGANIZATION identity of channel "crm-account", each keyed by the record's
 * id. Pure.
 */
export function enrolledIdentity(source: EnrolSource): IdentityInput {
  if (source.kind === "CONTACT") {
    return {
      entity: "PERSON",
      channel: CONTACT_CHANNEL,
      externalId: source.id,
      attributes: {
        fullName: source.name,
        ...(source.email ? { emails: [source.email] } : {}),
        ...(source.phone ? { phones: [source.phone] } : {}),
      },
      observedAt: source.observedAt,
    };
  }
  return {
    entity: "ORGANIZATION",
    channel: ACCOUNT_CHANNEL,
    externalId: source.id,
    attributes: { companyName: source.name },
    observedAt: source.observedAt,
  };
}
