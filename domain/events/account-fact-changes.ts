import { FieldChange, RecordChange } from "./change-event";
import { diffFields } from "./field-diff";

/**
 * Events of what people and integrators tell Relata about an account: outcome labels and manual measures.
 * Neither has a record of its own that integrators know, so their events carry the account's id, external
 * id and source system, and name the fact by its key, which is always listed first in `changes` (old equal
 * to new on an update): `occurredOn` for an outcome, `concept` for a manual measure.
 */
export interface AccountKeys {
  accountId: string;
  externalId: string | null;
  sourceSystem: string | null;
}

/** OUTCOME_RECORDED for a new or relabelled outcome; null when the label is the one already stored. */
export function outcomeChange(
  account: AccountKeys,
  outcome: { occurredOn: string; label: string },
  previousLabel: string | null,
): RecordChange | null {
  if (previousLabel === outcome.label) return null;
  const isNew = previousLabel === null;
  return {
    type: "OUTCOME_RECORDED",
    recordId: account.accountId,
    externalId: account.externalId,
    sourceSystem: account.sourceSystem,
    changes: [
      { field: "occurredOn", old: isNew ? null : outcome.occurredOn, new: outcome.occurredOn },
      { field: "label", old: previousLabel, new: outcome.label },
    ],
  };
}

/** A manual measure as stored: what a new one is compared with. */
export interface MeasureValues {
  id: string;
  value: number;
  author: string;
  comment: string | null;
  expiresAt: string | null;
}

const MEASURE_FIELDS = ["value", "comment", "expiresAt", "author"] as const;

/**
 * MANUAL_MEASURE_SET for a measure that supersedes `previous` (the account's measure of the same concept
 * in effect before; null when there was none), listing the concept, then the fields that differ, then
 * the measure's new id; null when value, comment, expiry and author are all the same as before (setting
 * the same judgement again stores a fresh measure but changes nothing a reader could see).
 */
export function manualMeasureChange(
  account: AccountKeys,
  concept: string,
  measure: MeasureValues,
  previous: MeasureValues | null,
): RecordChange | null {
  const differs = diffFields(
    MEASURE_FIELDS,
    previous as Record<string, unknown> | null,
    {
      ...measure,
    } as Record<string, unknown>,
  );
  if (differs.length === 0) return null;
  const changes: FieldChange[] = [
    { field: "concept", old: previous === null ? null : concept, new: concept },
    ...differs,
    { field: "measureId", old: previous?.id ?? null, new: measure.id },
  ];
  return {
    type: "MANUAL_MEASURE_SET",
    recordId: account.accountId,
    externalId: account.externalId,
    sourceSystem: account.sourceSystem,
    changes,
  };
}
