import { ChangeRecordType, ChangeType, FieldChange, RecordChange } from "./change-event";
import { diffFields } from "./field-diff";
import { personalFieldsOf } from "./personal-fields";

/** A record as an upsert wrote it. */
export interface WrittenRecord {
  id: string;
  sourceSystem: string;
  externalId: string;
  /** Every field of the record after the write. */
  props: Readonly<Record<string, unknown>>;
  /** The record it links to (its account, or a signal's subject), when it has one. */
  targetId?: string;
}

/** The field that names a record's link target in its events. */
const LINK_FIELDS: Partial<Record<ChangeRecordType, string>> = {
  CONTACT: "accountId",
  OPPORTUNITY: "accountId",
  ASSET: "accountId",
  TICKET: "accountId",
  SIGNAL: "subjectId",
};

/**
 * The event of one upserted record: CREATED with every non-null field, UPDATED with the fields that
 * changed, or null when nothing changed. `before` is the stored properties before the write (null for a
 * new record); `previousTargetId` the link target it moved from, if it moved.
 */
export function upsertChange(
  recordType: ChangeRecordType,
  record: WrittenRecord,
  status: "CREATED" | "UPDATED" | "UNCHANGED",
  before: Readonly<Record<string, unknown>> | null,
  previousTargetId: string | null,
  extra: readonly FieldChange[] = [],
): RecordChange | null {
  if (status === "UNCHANGED") return null;
  const personal = personalFieldsOf(recordType);
  const changes = diffFields(Object.keys(record.props), status === "CREATED" ? null : before, record.props, personal);
  const linkField = LINK_FIELDS[recordType];
  if (linkField !== undefined && record.targetId !== undefined) {
    if (status === "CREATED") changes.push({ field: linkField, old: null, new: record.targetId });
    else if (previousTargetId !== null && previousTargetId !== record.targetId) {
      changes.push({ field: linkField, old: previousTargetId, new: record.targetId });
    }
  }
  changes.push(...extra);
  // A hash difference the fields do not show (e.g. only a date's precision) is not a change worth an event.
  if (status === "UPDATED" && changes.length === 0) return null;
  return {
    type: `${recordType}_${status}` as ChangeType,
    recordId: record.id,
    externalId: record.externalId,
    sourceSystem: record.sourceSystem,
    changes,
    personId: personal.size > 0 ? record.id : null,
  };
}

/** The event of a record a delete or restore changed (the record named, or one it took along). */
export function lifecycleChange(
  recordType: ChangeRecordType,
  action: "DELETED" | "RESTORED",
  record: { id: string; externalId: string | null; sourceSystem: string | null },
  changes: FieldChange[],
): RecordChange {
  return {
    type: `${recordType}_${action}` as ChangeType,
    recordId: record.id,
    externalId: record.externalId,
    sourceSystem: record.sourceSystem,
    changes,
    personId: personalFieldsOf(recordType).size > 0 ? record.id : null,
  };
}
