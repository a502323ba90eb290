/** Pure view logic of the consent and personal-data request pages (issue 15, docs/personal-data-requests.md). */
import type { ConsentChannel, ConsentInput, ConsentPurpose, ConsentsQuery, LegalBasis } from "../api/generated/graphql";

export type Consent = ConsentsQuery["consents"]["consents"][number];

export const PURPOSES: readonly ConsentPurpose[] = ["ANALYTICS", "AUTOMATION", "DATA_SHARING", "MARKETING"];
export const LEGAL_BASES: readonly LegalBasis[] = [
  "CONSENT",
  "CONTRACT",
  "LEGAL_OBLIGATION",
  "LEGITIMATE_INTERESTS",
  "VITAL_INTERESTS",
  "PUBLIC_TASK",
  "PIPL_HUMAN_RESOURCES",
  "PIPL_PUBLICLY_DISCLOSED",
  "PIPL_PUBLIC_INTEREST_REPORTING",
];
export const CHANNELS: readonly ConsentChannel[] = [
  "WEB_FORM",
  "APP",
  "EMAIL",
  "PHONE",
  "IN_PERSON",
  "PAPER",
  "API",
  "OTHER",
];

/** The role matrix (docs/security.md): who reads consents. */
export function canReadConsents(role: string): boolean {
  return role === "admin" || role === "analyst" || role === "integrator";
}

/** The role matrix: who records consents (`recordConsents`). */
export function canRecordConsents(role: string): boolean {
  return role === "admin" || role === "integrator";
}

/** The role matrix: who answers access and erasure requests (`exportPersonData`, `erasePerson`). */
export function canAnswerRequests(role: string): boolean {
  return role === "admin";
}

/**
 * The input that withdraws a consent at `at`: the same record (source system and external id), its terms and
 * evidence as they stand, with `withdrawnAt` set; the API appends it as a new version. Pure.
 */
export function withdrawalInput(consent: Consent, at: string): ConsentInput {
  return {
    personId: consent.personId,
    sourceSystem: consent.sourceSystem,
    externalId: consent.externalId,
    purpose: consent.purpose,
    legalBasis: consent.legalBasis,
    channel: consent.channel,
    evidenceText: consent.evidenceText,
    evidenceUrl: consent.evidenceUrl,
    grantedAt: consent.grantedAt,
    expiresAt: consent.expiresAt,
    withdrawnAt: at,
  };
}

export interface ConsentForm {
  purpose: ConsentPurpose;
  legalBasis: LegalBasis;
  channel: ConsentChannel;
  sourceSystem: string;
  externalId: string;
  evidenceText: string;
  evidenceUrl: string;
}

/** The input that records a new consent granted at `at`; blank evidence fields are left out. Pure. */
export function grantInput(personId: string, form: ConsentForm, at: string): ConsentInput {
  const text = form.evidenceText.trim();
  const url = form.evidenceUrl.trim();
  return {
    personId,
    sourceSystem: form.sourceSystem.trim(),
    externalId: form.externalId.trim(),
    purpose: form.purpose,
    legalBasis: form.legalBasis,
    channel: form.channel,
    grantedAt: at,
    ...(text ? { evidenceText: text } : {}),
    ...(url ? { evidenceUrl: url } : {}),
  };
}

/** "granted", "withdrawn" or "expired" at `now` for a consent version. Pure. */
export function versionState(
  version: { withdrawnAt?: string | null; expiresAt?: string | null },
  now: number,
): "granted" | "withdrawn" | "expired" {
  if (version.withdrawnAt && Date.parse(version.withdrawnAt) <= now) return "withdrawn";
  if (version.expiresAt && Date.parse(version.expiresAt) <= now) return "expired";
  return "granted";
}

/** The export's file name: person-export-<person id>.json, safe for every file system. Pure. */
export function exportFileName(personId: string): string {
  return `person-export-${personId.replace(/[^A-Za-z0-9_-]/g, "_")}.json`;
}

/** The erasure answer's counts, largest first, without zeros. Pure. */
export function erasedCounts(counts: Record<string, number | string>): Array<[string, number]> {
  return Object.entries(counts)
    .filter((entry): entry is [string, number] => typeof entry[1] === "number" && entry[1] > 0)
    .sort((a, b) => b[1] - a[1]);
}
