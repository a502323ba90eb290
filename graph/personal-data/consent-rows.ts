import {
  ConsentChannel,
  ConsentPurpose,
  ConsentVersion,
  LegalBasis,
  StoredConsent,
} from "../../domain/personal-data/consent";

type Row = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** A stored consent node's properties as the domain's consent. */
export function toConsent(row: Row): StoredConsent {
  return {
    id: String(row.id),
    personId: String(row.personId),
    sourceSystem: String(row.sourceSystem),
    externalId: String(row.externalId),
    purpose: row.purpose as ConsentPurpose,
    legalBasis: row.legalBasis as LegalBasis,
    channel: row.channel as ConsentChannel,
    evidenceText: text(row.evidenceText),
    evidenceUrl: text(row.evidenceUrl),
    grantedAt: String(row.grantedAt),
    withdrawnAt: text(row.withdrawnAt),
    expiresAt: text(row.expiresAt),
    version: Number(row.version ?? 1),
    recordedAt: String(row.recordedAt),
    erased: typeof row.erasedAt === "string",
  };
}

/** A stored consent version as the domain's version. */
export function toConsentVersion(row: Row): ConsentVersion {
  const { id: _id, erased: _erased, ...consent } = toConsent({ ...row, id: row.consentId });
  return { ...consent, consentId: String(row.consentId), actor: String(row.actor ?? "") };
}
