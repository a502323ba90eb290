/**
 * A change to the graph, as the outbox stores it and the feed, subscriptions and webhooks hand it out.
 * Written in the same transaction as the change itself (decision 0013).
 */

/** The kinds of record a change can be about. */
export const CHANGE_RECORD_TYPES = [
  "ACCOUNT",
  "CONTACT",
  "OPPORTUNITY",
  "ASSET",
  "ORGANIZATION",
  "SIGNAL",
  "USER",
  "TEAM",
  "SOURCE_SYSTEM",
  "OUTCOME",
  "MANUAL_MEASURE",
  "HEALTH",
  "HEALTH_MODEL",
  "ONTOLOGY_PACK",
  "MAPPING",
  "CONTRACT",
  "IDENTITY",
  // Personal-data requests (issue 15): consent records and erased people.
  "CONSENT",
  "PERSON",
  "MPU_EXPERIMENT",
  "MPU",
  "MPU_USE",
  "TICKET",
  "VALUE_ANCHOR",
] as const;
export type ChangeRecordType = (typeof CHANGE_RECORD_TYPES)[number];

/**
 * Every event type. Record upserts, deletes and restores are `<RECORD>_<CREATED|UPDATED|DELETED|RESTORED>`;
 * the rest say what happened in their own words.
 */
export const CHANGE_TYPES = [
  "ACCOUNT_CREATED",
  "ACCOUNT_UPDATED",
  "ACCOUNT_DELETED",
  "ACCOUNT_RESTORED",
  "CONTACT_CREATED",
  "CONTACT_UPDATED",
  "CONTACT_DELETED",
  "CONTACT_RESTORED",
  "OPPORTUNITY_CREATED",
  "OPPORTUNITY_UPDATED",
  "OPPORTUNITY_DELETED",
  "OPPORTUNITY_RESTORED",
  "ASSET_CREATED",
  "ASSET_UPDATED",
  "ASSET_DELETED",
  "ASSET_RESTORED",
  "ORGANIZATION_CREATED",
  "ORGANIZATION_UPDATED",
  "ORGANIZATION_DELETED",
  "ORGANIZATION_RESTORED",
  "SIGNAL_CREATED",
  "SIGNAL_UPDATED",
  "SIGNAL_DELETED",
  "SIGNAL_RESTORED",
  "USER_CREATED",
  "USER_UPDATED",
  "TEAM_CREATED",
  "TEAM_UPDATED",
  "SOURCE_SYSTEM_CREATED",
  "SOURCE_SYSTEM_UPDATED",
  "OUTCOME_RECORDED",
  "OUTCOME_DELETED",
  "OUTCOME_RESTORED",
  "MANUAL_MEASURE_SET",
  "MANUAL_MEASURE_DELETED",
  "MANUAL_MEASURE_RESTORED",
  "HEALTH_GRADE_CHANGED",
  "HEALTH_SCORE_CHANGED",
  "HEALTH_MODEL_VERSION_SAVED",
  "ONTOLOGY_PACK_STORED",
  "MAPPING_SET",
  "MAPPING_REMOVED",
  // Value contracts (issue 15): defined, used, a statement issued, revoked.
  "CONTRACT_DEFINED",
  "CONTRACT_USAGE_RECORDED",
  "CONTRACT_STATEMENT_ISSUED",
  "CONTRACT_REVOKED",
  // Identity resolution (issue 14): a channel identity written, joined to a resolved customer by a run,
  // merged or split by a person, and a person's decision about a pair.
  "IDENTITY_CREATED",
  "IDENTITY_UPDATED",
  "IDENTITY_RESOLVED",
  "IDENTITY_MERGED",
  "IDENTITY_SPLIT",
  "IDENTITY_PAIR_DECIDED",
  // Personal-data requests (issue 15): a consent recorded or changed (a new version), a person erased.
  "CONSENT_RECORDED",
  "PERSON_ERASED",
  // MPU experiments (issue 16): started, stopped before the horizon, or concluded at or after it.
  "MPU_EXPERIMENT_STARTED",
  "MPU_EXPERIMENT_STOPPED",
  "MPU_EXPERIMENT_CONCLUDED",
  // Micro-practice units (issue 16): a unit's life and its gate, and its uses on accounts. Ids and statuses
  // only: a private unit's content never reaches the feed.
  "MPU_CREATED",
  "MPU_UPDATED",
  "MPU_SUBMITTED",
  "MPU_REVIEWED",
  "MPU_CONFIRMED",
  "MPU_VALIDATED",
  "MPU_REJECTED",
  "MPU_PUBLISHED",
  "MPU_RETIRED",
  "MPU_USE_APPLIED",
  "MPU_USE_RESOLVED",
  // Issue 17: support tickets (bulk ingest) and value anchors (defined, redefined, recomputed).
  "TICKET_CREATED",
  "TICKET_UPDATED",
  "VALUE_ANCHOR_DEFINED",
  "VALUE_ANCHOR_UPDATED",
  "VALUE_ANCHOR_RECOMPUTED",
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export function isChangeType(value: string): value is ChangeType {
  return (CHANGE_TYPES as readonly string[]).includes(value);
}

/** The record type an event type is about. */
export function recordTypeOf(type: ChangeType): ChangeRecordType {
  for (const record of [...CHANGE_RECORD_TYPES].sort((a, b) => b.length - a.length)) {
    if (type.startsWith(`${record}_`)) return record;
  }
  throw new Error(`unknown change type ${type}`);
}

/** A field's value before and after; a value that is null was absent. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
  /**
   * A personal value (a person's name, email, phone, address or id): stored encrypted with the person's
   * key, and `null` with `erased: true` once that person's data is erased.
   */
  personal?: boolean;
  erased?: boolean;
}

/** What a write hands the outbox for one record. */
export interface RecordChange {
  type: ChangeType;
  recordId: string;
  externalId: string | null;
  sourceSystem: string | null;
  changes: FieldChange[];
  /** The person whose key encrypts this change's personal values (a contact's id); null when there is none. */
  personId?: string | null;
}

/** A change as stored: its place in the tenant's sequence, who caused it, and when. */
export interface StoredChange extends RecordChange {
  id: string;
  seq: number;
  tenant: string;
  actor: string;
  at: string;
}
