import { CONSENT_CHANNELS, CONSENT_PURPOSES, ConsentChannel, ConsentPurpose, LEGAL_BASES, LegalBasis } from "./consent";

/** A consent record as an integrator sends it; exactly one of personId, contactId and identity names the person. */
export interface ConsentInputDraft {
  sourceSystem?: string | null;
  externalId?: string | null;
  personId?: string | null;
  contactId?: string | null;
  identity?: { channel?: string | null; externalId?: string | null } | null;
  purpose?: string | null;
  legalBasis?: string | null;
  channel?: string | null;
  evidenceText?: string | null;
  evidenceUrl?: string | null;
  grantedAt?: string | null;
  withdrawnAt?: string | null;
  expiresAt?: string | null;
}

/** How a checked record names its person. */
export type ConsentSubject =
  | { kind: "PERSON"; personId: string }
  | { kind: "CONTACT"; contactId: string }
  | { kind: "IDENTITY"; channel: string; externalId: string };

export interface CheckedConsent {
  sourceSystem: string;
  externalId: string;
  subject: ConsentSubject;
  purpose: ConsentPurpose;
  legalBasis: LegalBasis;
  channel: ConsentChannel;
  evidenceText: string | null;
  evidenceUrl: string | null;
  grantedAt: string;
  withdrawnAt: string | null;
  expiresAt: string | null;
}

export const MAX_KEY_LENGTH = 200;
export const MAX_EVIDENCE_TEXT_LENGTH = 2_000;
export const MAX_EVIDENCE_URL_LENGTH = 2_048;

const PERSON_ID = /^per_[A-Za-z0-9_-]{22}$/;
const CONTACT_ID = /^con_[A-Za-z0-9_-]{22}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function key(value: unknown, field: string): string | { error: string } {
  if (typeof value !== "string" || value.trim() === "") return { error: `${field} is missing; send a non-empty text` };
  if (value.length > MAX_KEY_LENGTH)
    return { error: `${field} has ${value.length} characters; at most ${MAX_KEY_LENGTH}` };
  return value.trim();
}

function instant(value: unknown, field: string, required: boolean): string | null | { error: string } {
  if (value === null || value === undefined || value === "") {
    return required ? { error: `${field} is missing; send an ISO-8601 instant such as 2026-05-01T09:00:00Z` } : null;
  }
  if (typeof value !== "string" || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    return {
      error: `${field} "${String(value).slice(0, 40)}" is not an ISO-8601 instant with a zone (e.g. 2026-05-01T09:00:00Z)`,
    };
  }
  return new Date(value).toISOString();
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | { error: string } {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  return { error: `${field} "${String(value ?? "").slice(0, 40)}" is not one of ${allowed.join(", ")}` };
}

const failed = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;

/** Checks one consent record on its own; every problem is named with its field. */
export function checkConsentInput(
  draft: ConsentInputDraft,
): { ok: true; input: CheckedConsent } | { ok: false; reason: string } {
  const problems: string[] = [];
  const sourceSystem = key(draft.sourceSystem, "sourceSystem");
  const externalId = key(draft.externalId, "externalId");
  const purpose = oneOf(draft.purpose, "purpose", CONSENT_PURPOSES);
  const legalBasis = oneOf(draft.legalBasis, "legalBasis", LEGAL_BASES);
  const channel = oneOf(draft.channel, "channel", CONSENT_CHANNELS);
  const grantedAt = instant(draft.grantedAt, "grantedAt", true);
  const withdrawnAt = instant(draft.withdrawnAt, "withdrawnAt", false);
  const expiresAt = instant(draft.expiresAt, "expiresAt", false);
  for (const value of [sourceSystem, externalId, purpose, legalBasis, channel, grantedAt, withdrawnAt, expiresAt]) {
    if (failed(value)) problems.push(value.error);
  }
  const named = [draft.personId, draft.contactId, draft.identity].filter((v) => v !== null && v !== undefined);
  let subject: ConsentSubject | null = null;
  if (named.length !== 1) {
    problems.push(
      `name the person exactly once: personId, contactId or identity {channel, externalId} (got ${named.length})`,
    );
  } else if (draft.personId !== null && draft.personId !== undefined) {
    if (!PERSON_ID.test(draft.personId))
      problems.push(`personId "${draft.personId.slice(0, 40)}" is not a person id (per_ followed by 22 characters)`);
    else subject = { kind: "PERSON", personId: draft.personId };
  } else if (draft.contactId !== null && draft.contactId !== undefined) {
    if (!CONTACT_ID.test(draft.contactId))
      problems.push(`contactId "${draft.contactId.slice(0, 40)}" is not a contact id (con_ followed by 22 characters)`);
    else subject = { kind: "CONTACT", contactId: draft.contactId };
  } else {
    const ch = key(draft.identity?.channel, "identity.channel");
    const ext = key(draft.identity?.externalId, "identity.externalId");
    if (failed(ch)) problems.push(ch.error);
    if (failed(ext)) problems.push(ext.error);
    if (!failed(ch) && !failed(ext)) subject = { kind: "IDENTITY", channel: ch, externalId: ext };
  }
  const evidenceText = draft.evidenceText ?? null;
  const evidenceUrl = draft.evidenceUrl ?? null;
  if (evidenceText !== null && evidenceText.length > MAX_EVIDENCE_TEXT_LENGTH) {
    problems.push(`evidenceText has ${evidenceText.length} characters; at most ${MAX_EVIDENCE_TEXT_LENGTH}`);
  }
  if (evidenceUrl !== null) {
    if (evidenceUrl.length > MAX_EVIDENCE_URL_LENGTH)
      problems.push(`evidenceUrl is longer than ${MAX_EVIDENCE_URL_LENGTH} characters`);
    else if (!/^https?:\/\/\S+$/.test(evidenceUrl)) problems.push(`evidenceUrl must be an http(s) URL`);
  }
  if (evidenceText === null && evidenceUrl === null && legalBasis === "CONSENT") {
    problems.push("a CONSENT record needs evidence: evidenceText (what was agreed) or evidenceUrl (where it is kept)");
  }
  if (
    typeof grantedAt === "string" &&
    typeof withdrawnAt === "string" &&
    Date.parse(withdrawnAt) < Date.parse(grantedAt)
  ) {
    problems.push(`withdrawnAt ${withdrawnAt} is before grantedAt ${grantedAt}`);
  }
  if (
    typeof grantedAt === "string" &&
    typeof expiresAt === "string" &&
    Date.parse(expiresAt) <= Date.parse(grantedAt)
  ) {
    problems.push(`expiresAt ${expiresAt} is not after grantedAt ${grantedAt}`);
  }
  if (problems.length > 0 || subject === null) return { ok: false, reason: problems.join("; ") };
  return {
    ok: true,
    input: {
      sourceSystem: sourceSystem as string,
      externalId: externalId as string,
      subject,
      purpose: purpose as ConsentPurpose,
      legalBasis: legalBasis as LegalBasis,
      channel: channel as ConsentChannel,
      evidenceText,
      evidenceUrl,
      grantedAt: grantedAt as string,
      withdrawnAt: withdrawnAt as string | null,
      expiresAt: expiresAt as string | null,
    },
  };
}
