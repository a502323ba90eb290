import { AuditError } from "./audit.errors";
import { canonicalJson, CanonicalJsonError } from "./canonical-json";

/**
 * What an audit record records. Extend the list when a new kind of decision is recorded: the GraphQL API
 * reads and filters kinds as strings, so adding one changes no schema.
 */
export const AUDIT_KINDS = [
  "FIRING",
  "ACTION",
  "ACTION_REFUSED",
  "PROPOSAL",
  "CONFIRMATION",
  "RECEIPT_ACKNOWLEDGED",
  "BREAKER_TRIPPED",
  "PLAYBOOK_CHANGED",
  "TASK_COMPLETED",
  "SIMULATION",
  // Value contracts (issue 15, decision 0026).
  "CONTRACT_DEFINED",
  "CONTRACT_USAGE_RECORDED",
  "CONTRACT_STATEMENT_ISSUED",
  "CONTRACT_REVOKED",
  // Identity resolution (issue 14): a person merged or split resolved customers, or decided a pair.
  "IDENTITY_MERGED",
  "IDENTITY_SPLIT",
  "IDENTITY_PAIR_DECIDED",
  // Personal-data requests (issue 15): a person's data exported (an access request) or erased.
  "PERSON_DATA_EXPORTED",
  "PERSON_ERASED",
  // MPU experiments (issue 16, decision 0030): started (with its design and arm sizes), stopped or concluded.
  "MPU_EXPERIMENT_STARTED",
  "MPU_EXPERIMENT_STOPPED",
  "MPU_EXPERIMENT_CONCLUDED",
  // Micro-practice units (issue 16, decision 0029): every change of a unit, its gate and its uses.
  "MPU_CREATED",
  "MPU_UPDATED",
  "MPU_SUBMITTED",
  "MPU_REVIEWED",
  "MPU_CONFIRMED",
  "MPU_VALIDATED",
  "MPU_REJECTED",
  "MPU_PUBLISHED",
  "MPU_RETIRED",
  "MPU_APPLIED",
  "MPU_USE_RESOLVED",
  "MPU_SETTINGS_CHANGED",
  // Personal data (issue 15, decision 0028): SENSITIVE values read in clear by automation or a bulk export
  // (which fields, how many records, for what purpose; never the values).
  "PERSONAL_DATA_READ",
  // A bulk export bound to a consent purpose (decision 0033): the purpose, how many events went out, and the
  // people left out for want of consent (ids and states).
  "PERSONAL_DATA_EXPORTED",
  // Value anchors (issue 17): a target defined or redefined.
  "VALUE_ANCHOR_DEFINED",
  "VALUE_ANCHOR_UPDATED",
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];

const KNOWN_KINDS: ReadonlySet<string> = new Set(AUDIT_KINDS);

export function isAuditKind(value: string): value is AuditKind {
  return KNOWN_KINDS.has(value);
}

/**
 * One decision to record, as a caller hands it to `AuditTrail.append`.
 *
 * **No personal values.** The payload holds ids and values (record ids, playbook ids, thresholds, scores,
 * action parameters, results), never a person's name, email, phone or address: a person is referenced by
 * the id of their record (`contactId`, `userId`). The payload is part of the hashed chain and can never
 * change, so personal data inside it could never be erased; kept outside it, erasing the person's record
 * leaves every audit record, and the chain, verifiable. Keys named like personal fields (`name`, `email`,
 * `phone`, ...) and string values shaped like email addresses are refused with `INVALID_AUDIT_ENTRY`.
 */
export interface AuditEntryInput {
  kind: AuditKind;
  playbookId?: string;
  playbookVersion?: number;
  /** Links the records of one firing: its proposal, actions, confirmation and receipt. */
  firingId?: string;
  /** The accounts the decision concerns (record ids); the trail is queried by them. */
  accountIds: readonly string[];
  /** The users the decision concerns: the owner, the assignee, who confirmed (user record ids). */
  userIds: readonly string[];
  /** Who decided: "user:<sub>", "agent:<name>" or "job:<name>". */
  actor: string;
  /** A JSON object (no functions, no NaN or Infinity; `undefined` members are dropped). */
  payload: object;
}

/** The most entries one `append` takes: a firing with its actions fits many times over. */
export const MAX_ENTRIES_PER_APPEND = 1_000;
export const MAX_IDS_PER_LIST = 1_000;
export const MAX_ID_LENGTH = 200;
/** The canonical JSON of one payload, in UTF-16 code units (about the same in bytes for ASCII). */
export const MAX_PAYLOAD_LENGTH = 256 * 1024;

const ACTOR = /^(user|agent|job):\S{1,200}$/;
/** Normalised key names (lower case, letters and digits only) that hold personal values. */
const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  "name",
  "firstname",
  "lastname",
  "fullname",
  "givenname",
  "familyname",
  "surname",
  "middlename",
  "displayname",
  "username",
  "contactname",
  "ownername",
  "personname",
  "address",
  "streetaddress",
  "postaladdress",
  "birthdate",
  "dateofbirth",
]);
const PERSONAL_KEY_PARTS = ["email", "phone", "mobile"];
const EMAIL_VALUE = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

function invalid(where: string, message: string): AuditError {
  return new AuditError("INVALID_AUDIT_ENTRY", `${where}: ${message}`);
}

function isPersonalKey(key: string): boolean {
  const normal = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  return PERSONAL_KEYS.has(normal) || PERSONAL_KEY_PARTS.some((part) => normal.includes(part));
}

/** Walks the payload for keys named like personal fields and email-shaped strings. */
function findPersonalValue(value: unknown, path: string): string | null {
  if (typeof value === "string") {
    return EMAIL_VALUE.test(value) ? `${path} holds an email address` : null;
  }
  if (value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findPersonalValue(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined) continue;
    if (isPersonalKey(key)) return `${path}.${key} is named like a personal field`;
    const found = findPersonalValue(item, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

function checkIds(ids: unknown, where: string): string[] {
  if (!Array.isArray(ids)) throw invalid(where, "must be a list of record ids (an empty list when none)");
  if (ids.length > MAX_IDS_PER_LIST) {
    throw invalid(where, `has ${ids.length} ids; at most ${MAX_IDS_PER_LIST}. Record the decision in several entries.`);
  }
  for (const id of ids) {
    if (typeof id !== "string" || id.length === 0 || id.length > MAX_ID_LENGTH) {
      throw invalid(where, `holds ${JSON.stringify(id)}; each id must be a string of 1 to ${MAX_ID_LENGTH} characters`);
    }
  }
  return [...(ids as string[])];
}

function checkOptionalId(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_ID_LENGTH) {
    throw invalid(where, `must be a string of 1 to ${MAX_ID_LENGTH} characters; it is ${JSON.stringify(value)}`);
  }
  return value;
}

/** An entry checked and reduced to what is stored: the payload as its canonical JSON text. */
export interface CheckedAuditEntry {
  kind: AuditKind;
  playbookId?: string;
  playbookVersion?: number;
  firingId?: string;
  accountIds: string[];
  userIds: string[];
  actor: string;
  /** Canonical JSON (RFC 8785) of the payload; hashed and stored as this exact text. */
  payload: string;
}

/**
 * Checks an entry (kind, ids, actor, payload: JSON, within size limits, free of personal values) and
 * serialises its payload. Throws {@link AuditError} `INVALID_AUDIT_ENTRY` naming the entry and field.
 */
export function checkAuditEntry(entry: AuditEntryInput, index = 0): CheckedAuditEntry {
  const where = `audit entry ${index}`;
  if (typeof entry.kind !== "string" || !isAuditKind(entry.kind)) {
    throw invalid(`${where}.kind`, `${JSON.stringify(entry.kind)} is not one of ${AUDIT_KINDS.join(", ")}`);
  }
  if (typeof entry.actor !== "string" || !ACTOR.test(entry.actor)) {
    throw invalid(
      `${where}.actor`,
      `${JSON.stringify(entry.actor)} must be "user:<sub>", "agent:<name>" or "job:<name>"`,
    );
  }
  const version = entry.playbookVersion;
  if (version !== undefined && version !== null && (!Number.isSafeInteger(version) || version < 0)) {
    throw invalid(`${where}.playbookVersion`, `must be a whole number of 0 or more; it is ${String(version)}`);
  }
  const payloadValue: unknown = entry.payload;
  if (payloadValue === null || typeof payloadValue !== "object" || Array.isArray(payloadValue)) {
    throw invalid(`${where}.payload`, "must be a JSON object");
  }
  const personal = findPersonalValue(payloadValue, "payload");
  if (personal) {
    throw invalid(
      where,
      `${personal}. Audit payloads are hashed and kept forever, so personal values cannot be erased from ` +
        `them: reference the person by record id (e.g. contactId, userId) instead.`,
    );
  }
  let payload: string;
  try {
    payload = canonicalJson(payloadValue, "payload");
  } catch (error) {
    if (error instanceof CanonicalJsonError) throw invalid(where, error.message);
    throw error;
  }
  if (payload.length > MAX_PAYLOAD_LENGTH) {
    throw invalid(
      `${where}.payload`,
      `is ${payload.length} characters as JSON; at most ${MAX_PAYLOAD_LENGTH}. Reference large inputs by id.`,
    );
  }
  const checked: CheckedAuditEntry = {
    kind: entry.kind,
    accountIds: checkIds(entry.accountIds, `${where}.accountIds`),
    userIds: checkIds(entry.userIds, `${where}.userIds`),
    actor: entry.actor,
    payload,
  };
  const playbookId = checkOptionalId(entry.playbookId, `${where}.playbookId`);
  const firingId = checkOptionalId(entry.firingId, `${where}.firingId`);
  if (playbookId !== undefined) checked.playbookId = playbookId;
  if (version !== undefined && version !== null) checked.playbookVersion = version;
  if (firingId !== undefined) checked.firingId = firingId;
  return checked;
}
