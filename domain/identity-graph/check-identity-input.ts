import { IDENTITY_ENTITIES, IdentityAttributes, IdentityEntity, IdentityInput } from "../identity/identity";

/** Attributes as the API receives them: any field may be null. */
export type IdentityAttributesDraft = {
  [K in keyof IdentityAttributes]?: K extends "address"
    ? { [A in keyof NonNullable<IdentityAttributes["address"]>]?: unknown } | null
    : unknown;
};

/** One identity as the API receives it: everything may be missing, so each record is checked on its own. */
export interface IdentityInputDraft {
  entity?: string | null;
  channel?: string | null;
  externalId?: string | null;
  attributes?: IdentityAttributesDraft | null;
  observedAt?: string | null;
}

const TEXT_FIELDS = [
  "givenName",
  "familyName",
  "fullName",
  "dateOfBirth",
  "nationalId",
  "taxId",
  "companyName",
  "domain",
] as const;
const LIST_FIELDS = ["emails", "phones", "deviceIds", "verifiedEmails", "verifiedPhones"] as const;

/** The attributes without nulls or empty values (the shape domain/identity takes); call after checking. */
function cleanAttributes(draft: IdentityAttributesDraft): IdentityAttributes {
  const out: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const value = draft[field];
    if (typeof value === "string" && value.trim() !== "") out[field] = value;
  }
  for (const field of LIST_FIELDS) {
    const value = draft[field];
    if (Array.isArray(value)) {
      const items = value.filter((v): v is string => typeof v === "string" && v.trim() !== "");
      if (items.length > 0) out[field] = items;
    }
  }
  const address = draft.address;
  if (address) {
    const clean: Record<string, unknown> = {};
    if (Array.isArray(address.lines)) {
      const lines = address.lines.filter((l): l is string => typeof l === "string" && l.trim() !== "");
      if (lines.length > 0) clean.lines = lines;
    }
    for (const field of ["locality", "region", "postcode", "country"] as const) {
      const value = address[field];
      if (typeof value === "string" && value.trim() !== "") clean[field] = value;
    }
    if (Object.keys(clean).length > 0) out.address = clean;
  }
  return out as IdentityAttributes;
}

/** Size limits of one identity: a channel record, not a document. */
export const IDENTITY_LIMITS = {
  channelLength: 100,
  externalIdLength: 200,
  textLength: 500,
  listLength: 20,
  addressLines: 5,
} as const;

/** Channels Relata itself fills from accounts and contacts: integrators may not write to them. */
export const RESERVED_CHANNELS: ReadonlySet<string> = new Set(["crm-contact", "crm-account"]);

const CHANNEL = /^[a-z0-9][a-z0-9._:-]*$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

type Checked = { ok: true; input: IdentityInput } | { ok: false; reason: string };

function textProblem(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return `${where} must be text`;
  if (value.length > IDENTITY_LIMITS.textLength) {
    return `${where} is ${value.length} characters long; at most ${IDENTITY_LIMITS.textLength}`;
  }
  return null;
}

function listProblem(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return `${where} must be a list of text`;
  if (value.length > IDENTITY_LIMITS.listLength) {
    return `${where} has ${value.length} entries; at most ${IDENTITY_LIMITS.listLength} per identity`;
  }
  for (const [i, item] of value.entries()) {
    const problem = textProblem(item, `${where}[${i}]`);
    if (problem) return problem;
  }
  return null;
}

function attributesProblem(attributes: IdentityAttributesDraft): string | null {
  for (const field of TEXT_FIELDS) {
    const problem = textProblem(attributes[field], `attributes.${field}`);
    if (problem) return problem;
  }
  for (const field of LIST_FIELDS) {
    const problem = listProblem(attributes[field], `attributes.${field}`);
    if (problem) return problem;
  }
  const address = attributes.address;
  if (address) {
    const lines = Array.isArray(address.lines) ? (address.lines as unknown[]) : [];
    if (lines.length > IDENTITY_LIMITS.addressLines) {
      return `attributes.address.lines has ${lines.length} lines; at most ${IDENTITY_LIMITS.addressLines}`;
    }
    for (const [i, line] of lines.entries()) {
      const problem = textProblem(line, `attributes.address.lines[${i}]`);
      if (problem) return problem;
    }
    for (const field of ["locality", "region", "postcode", "country"] as const) {
      const problem = textProblem(address[field], `attributes.address.${field}`);
      if (problem) return problem;
    }
  }
  return null;
}

/**
 * Checks one identity's shape (entity, channel, external id, sizes); what its values mean (a phone that is
 * no phone, a date that is no date) is the normaliser's to say. Pure.
 */
export function checkIdentityInput(draft: IdentityInputDraft, options: { allowReserved?: boolean } = {}): Checked {
  const entity = draft.entity?.trim().toUpperCase() ?? "";
  if (entity === "") {
    return { ok: false, reason: `entity is missing; give one of ${IDENTITY_ENTITIES.join(", ")}` };
  }
  if (!(IDENTITY_ENTITIES as readonly string[]).includes(entity)) {
    return {
      ok: false,
      reason: `entity "${draft.entity!.slice(0, 40)}" is not a known entity type; give one of ${IDENTITY_ENTITIES.join(", ")}`,
    };
  }
  const channel = draft.channel?.trim() ?? "";
  if (channel === "") {
    return {
      ok: false,
      reason: `channel is missing; name the channel or source system the record comes from (e.g. "webshop")`,
    };
  }
  if (channel.length > IDENTITY_LIMITS.channelLength || !CHANNEL.test(channel)) {
    return {
      ok: false,
      reason:
        `channel "${channel.slice(0, 40)}" is not a channel key: use letters, digits, ".", "_", ":" or "-" ` +
        `(at most ${IDENTITY_LIMITS.channelLength} characters), e.g. "amazon-de"`,
    };
  }
  if (!options.allowReserved && RESERVED_CHANNELS.has(channel.toLowerCase())) {
    return {
      ok: false,
      reason: `channel "${channel}" is reserved for the accounts and contacts Relata enrols itself; upsert the account or contact instead`,
    };
  }
  const externalId = draft.externalId?.trim() ?? "";
  if (externalId === "") {
    return { ok: false, reason: `externalId is missing; give the id the channel "${channel}" knows the record by` };
  }
  if (externalId.length > IDENTITY_LIMITS.externalIdLength) {
    return {
      ok: false,
      reason: `externalId is ${externalId.length} characters long; at most ${IDENTITY_LIMITS.externalIdLength}`,
    };
  }
  const attributes = draft.attributes ?? {};
  const problem = attributesProblem(attributes);
  if (problem) return { ok: false, reason: problem };
  const observedAt = draft.observedAt?.trim() || null;
  if (observedAt !== null && (!ISO_INSTANT.test(observedAt) || Number.isNaN(Date.parse(observedAt)))) {
    return { ok: false, reason: `observedAt "${observedAt.slice(0, 40)}" is not an ISO 8601 date or instant` };
  }
  return {
    ok: true,
    input: {
      entity: entity as IdentityEntity,
      channel,
      externalId,
      attributes: cleanAttributes(attributes),
      observedAt,
    },
  };
}
