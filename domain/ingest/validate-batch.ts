import { RecordRejection } from "./ingest-result";

export interface IndexedRecord<R> {
  index: number;
  record: R;
}

export interface BatchValidation<R> {
  valid: IndexedRecord<R>[];
  rejections: RecordRejection[];
}

export interface BatchRules<R> {
  /** The record's problem in plain words, or null when it is valid. */
  check: (record: R) => string | null;
  /** The record's key within the tenant; two records with one key in one batch are ambiguous. */
  keyOf: (record: R) => string;
  /** What to show as the record's external id in a rejection. */
  externalIdOf: (record: R) => unknown;
  /** Why a record repeating the key of record `earlier` is refused; the default speaks of source system and id. */
  duplicateReason?: (earlier: number) => string;
}

/**
 * Splits a batch into valid records and rejections. A record whose key repeats an earlier valid record of
 * the same batch is rejected, because which of the two should win is not knowable.
 */
export function validateBatch<R>(records: readonly R[], rules: BatchRules<R>): BatchValidation<R> {
  const valid: IndexedRecord<R>[] = [];
  const rejections: RecordRejection[] = [];
  const firstIndexByKey = new Map<string, number>();
  records.forEach((record, index) => {
    const shownId = record !== null && typeof record === "object" ? rules.externalIdOf(record) : null;
    const externalId = typeof shownId === "string" ? shownId : null;
    const problem =
      record === null || typeof record !== "object" ? "the record must be an object" : rules.check(record);
    if (problem !== null) {
      rejections.push({ index, externalId, reason: problem });
      return;
    }
    const key = rules.keyOf(record);
    const earlier = firstIndexByKey.get(key);
    if (earlier !== undefined) {
      rejections.push({
        index,
        externalId,
        reason:
          rules.duplicateReason?.(earlier) ??
          `duplicate of record ${earlier} in this batch (same source system and id); send each record once`,
      });
      return;
    }
    firstIndexByKey.set(key, index);
    valid.push({ index, record });
  });
  return { valid, rejections };
}
