import { createHash } from "node:crypto";

/**
 * Consent and its purpose per person (issue 15). A consent record says that a person (a resolved `Person`)
 * allows, on a legal basis, one purpose of processing from `grantedAt` until it is withdrawn (or expires).
 * Records are versioned: a change appends a version, nothing is overwritten (the history is the proof).
 */

export const CONSENT_PURPOSES = ["MARKETING", "ANALYTICS", "AUTOMATION", "DATA_SHARING"] as const;
/**
 * MARKETING: contacting the person about offers, and profiling them for sales (intent signals).
 * ANALYTICS: using their data in aggregate analysis and exports for it.
 * AUTOMATION: automated decisions about them (playbook tasks and reviews that their data triggered).
 * DATA_SHARING: handing their data to a third party (webhook receivers, partner systems).
 */
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * The lawful bases of GDPR art. 6(1) (a)–(f) and the additional ones of PIPL art. 13 (China). A record names
 * one; PIPL has no "legitimate interests", GDPR has no "publicly disclosed" basis, so a tenant picks the
 * basis of the law it answers to.
 */
export const LEGAL_BASES = [
  "CONSENT",
  "CONTRACT",
  "LEGAL_OBLIGATION",
  "VITAL_INTERESTS",
  "PUBLIC_TASK",
  "LEGITIMATE_INTERESTS",
  "PIPL_HUMAN_RESOURCES",
  "PIPL_PUBLIC_INTEREST_REPORTING",
  "PIPL_PUBLICLY_DISCLOSED",
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** How the consent was given or recorded. */
export const CONSENT_CHANNELS = ["WEB_FORM", "EMAIL", "PHONE", "IN_PERSON", "PAPER", "APP", "API", "OTHER"] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** One consent as stored (its current version). */
export interface StoredConsent {
  id: string;
  personId: string;
  sourceSystem: string;
  externalId: string;
  purpose: ConsentPurpose;
  legalBasis: LegalBasis;
  channel: ConsentChannel;
  evidenceText: string | null;
  evidenceUrl: string | null;
  grantedAt: string;
  withdrawnAt: string | null;
  expiresAt: string | null;
  version: number;
  recordedAt: string;
  /** Set once the person's data was erased: the evidence is gone, the purpose and times stay. */
  erased: boolean;
}

/** One version of a consent, oldest first in a history. */
export type ConsentVersion = Omit<StoredConsent, "erased" | "id"> & { consentId: string; actor: string };

/** Why a person may not be processed for a purpose at an instant, or VALID. */
export type ConsentState = "VALID" | "NO_CONSENT" | "NOT_YET_GRANTED" | "WITHDRAWN" | "EXPIRED";

type Timed = Pick<StoredConsent, "purpose" | "grantedAt" | "withdrawnAt" | "expiresAt">;

/** The state of one consent at `at` (ISO instants compared as times). */
export function consentStateAt(consent: Timed, at: string): ConsentState {
  const t = Date.parse(at);
  if (Date.parse(consent.grantedAt) > t) return "NOT_YET_GRANTED";
  if (consent.withdrawnAt !== null && Date.parse(consent.withdrawnAt) <= t) return "WITHDRAWN";
  if (consent.expiresAt !== null && Date.parse(consent.expiresAt) <= t) return "EXPIRED";
  return "VALID";
}

const PRECEDENCE: readonly ConsentState[] = ["VALID", "WITHDRAWN", "EXPIRED", "NOT_YET_GRANTED", "NO_CONSENT"];

/**
 * Whether a person's consents allow `purpose` at `at`: VALID when any record of the purpose is valid;
 * otherwise the most telling reason (a withdrawal says more than "no record").
 */
export function purposeStateAt(consents: readonly Timed[], purpose: ConsentPurpose, at: string): ConsentState {
  const states = consents.filter((c) => c.purpose === purpose).map((c) => consentStateAt(c, at));
  for (const state of PRECEDENCE) if (states.includes(state)) return state;
  return "NO_CONSENT";
}

/** A person skipped by an action or an export for want of consent, as the audit trail records it. */
export interface ConsentSkip {
  personId: string;
  purpose: ConsentPurpose;
  state: Exclude<ConsentState, "VALID">;
}

/**
 * Splits people into those whose consents allow `purpose` at `at` and those skipped (with why). People
 * without any record are skipped as NO_CONSENT.
 */
export function screenByConsent(
  personIds: readonly string[],
  consentsOf: ReadonlyMap<string, readonly Timed[]>,
  purpose: ConsentPurpose,
  at: string,
): { allowed: string[]; skipped: ConsentSkip[] } {
  const allowed: string[] = [];
  const skipped: ConsentSkip[] = [];
  for (const personId of [...new Set(personIds)].sort()) {
    const state = purposeStateAt(consentsOf.get(personId) ?? [], purpose, at);
    if (state === "VALID") allowed.push(personId);
    else skipped.push({ personId, purpose, state });
  }
  return { allowed, skipped };
}

/** The id of a consent record, from its key (tenant, source system, external id): a resend finds the same record. */
export function consentId(tenant: string, sourceSystem: string, externalId: string): string {
  const digest = createHash("sha256")
    .update(`${tenant}\u0000Consent\u0000${sourceSystem}\u0000${externalId}`)
    .digest("base64url");
  return `cns_${digest.slice(0, 22)}`;
}

/** The fields whose change makes a new version (a resend of the same content is UNCHANGED). */
export function consentContentHash(
  consent: Omit<StoredConsent, "id" | "version" | "recordedAt" | "erased" | "sourceSystem" | "externalId">,
): string {
  const content = [
    consent.personId,
    consent.purpose,
    consent.legalBasis,
    consent.channel,
    consent.evidenceText,
    consent.evidenceUrl,
    consent.grantedAt,
    consent.withdrawnAt,
    consent.expiresAt,
  ];
  return createHash("sha256").update(JSON.stringify(content)).digest("base64url");
}
