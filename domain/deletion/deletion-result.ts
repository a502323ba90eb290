import { IdentifiedKind } from "../ids/node-id";

/**
 * What a delete or restore did to one record:
 * - `DELETED`: it was live and is now deleted, with what its deletion took along.
 * - `ALREADY_DELETED`: it was deleted before; nothing changed (a resent delete is harmless).
 * - `RESTORED`: it was deleted and is live again, with what its deletion had taken along.
 * - `NOT_DELETED`: it is live; nothing changed (a resent restore is harmless).
 */
export const DELETION_STATUSES = ["DELETED", "ALREADY_DELETED", "RESTORED", "NOT_DELETED"] as const;
export type DeletionStatus = (typeof DELETION_STATUSES)[number];

/**
 * Why a record of a delete or restore batch was not processed:
 * - `INVALID_REF`: the reference is malformed (bad id, or neither/both of id and key).
 * - `NOT_FOUND`: no such record in this tenant (another tenant's id is not found either).
 * - `PURGED`: it was deleted and purged after the retention period; it cannot be restored.
 * - `PARENT_DELETED`: restoring it would put it under a deleted account or subject; restore that first.
 */
export const DELETION_ERROR_CODES = ["INVALID_REF", "NOT_FOUND", "PURGED", "PARENT_DELETED"] as const;
export type DeletionErrorCode = (typeof DELETION_ERROR_CODES)[number];

/** How many records a deletion took along with the record named (or a restore brought back). */
export interface CascadeCounts {
  contacts: number;
  opportunities: number;
  assets: number;
  signals: number;
  /** Health scores, grade changes, manual measures and outcomes of a deleted account. */
  healthRecords: number;
}

export const NO_CASCADE: CascadeCounts = { contacts: 0, opportunities: 0, assets: 0, signals: 0, healthRecords: 0 };

export interface DeletionOutcome {
  index: number;
  id: string;
  kind: IdentifiedKind;
  status: DeletionStatus;
  /** When the record was deleted (null once restored or when it is live). */
  deletedAt: string | null;
  /** Until when a deleted record can be restored; after that it is purged. */
  restorableUntil: string | null;
  cascaded: CascadeCounts;
  /**
   * The public ids of every record whose state changed, the named one first: what a change feed (issue
   * 10) appends in the same transaction. Empty when nothing changed.
   */
  changedIds: string[];
}

export interface DeletionRejection {
  index: number;
  /** The reference as sent: an id, or "sourceSystem/externalId". */
  ref: string | null;
  code: DeletionErrorCode;
  reason: string;
}

export interface DeletionResult {
  /** Records deleted or restored by this call. */
  changed: number;
  /** Records already in the state asked for. */
  unchanged: number;
  rejected: number;
  records: DeletionOutcome[];
  rejections: DeletionRejection[];
}

export function summarizeDeletion(outcomes: DeletionOutcome[], rejections: DeletionRejection[]): DeletionResult {
  const changed = outcomes.filter((o) => o.status === "DELETED" || o.status === "RESTORED").length;
  return {
    changed,
    unchanged: outcomes.length - changed,
    rejected: rejections.length,
    records: [...outcomes].sort((a, b) => a.index - b.index),
    rejections: [...rejections].sort((a, b) => a.index - b.index),
  };
}

const DAY_MS = 86_400_000;

/** Until when a record deleted at `deletedAt` can be restored. */
export function restorableUntil(deletedAt: string, retentionDays: number): string {
  return new Date(Date.parse(deletedAt) + retentionDays * DAY_MS).toISOString();
}

/** Records deleted before this instant are purged. */
export function purgeCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
}
