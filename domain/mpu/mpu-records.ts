import { AuditEntryInput, AuditKind } from "../audit/audit-entry";
import { ChangeType, RecordChange } from "../events/change-event";
import { MpuStatus, MpuUseStatus } from "./mpu";

/** A unit's transitions as recorded on the audit trail and in the change feed (same names). */
export type MpuTransition =
  | "MPU_CREATED"
  | "MPU_UPDATED"
  | "MPU_SUBMITTED"
  | "MPU_REVIEWED"
  | "MPU_CONFIRMED"
  | "MPU_VALIDATED"
  | "MPU_REJECTED"
  | "MPU_PUBLISHED"
  | "MPU_RETIRED";

/**
 * The audit record of a unit's change: ids, version, statuses and numbers (ratings), never the unit's text or
 * a person's name (reviewers and authors are user ids). Comments and reasons stay on the unit and reviews.
 */
export function mpuAudit(
  kind: Extract<AuditKind, `MPU_${string}`>,
  actor: string,
  mpu: { id: string; version: number },
  accountIds: readonly string[],
  userIds: readonly (string | null)[],
  details: Record<string, unknown> = {},
): AuditEntryInput {
  return {
    kind,
    accountIds,
    userIds: [...new Set(userIds.filter((u): u is string => u !== null))],
    actor,
    payload: { mpuId: mpu.id, version: mpu.version, ...details },
  };
}

/** The change event of a unit's change: its status and version before and after. */
export function mpuChange(
  type: MpuTransition & ChangeType,
  mpu: { id: string; version: number; status: MpuStatus },
  before: { version: number; status: MpuStatus } | null,
): RecordChange {
  const changes = [];
  if (before === null || before.status !== mpu.status) {
    changes.push({ field: "status", old: before?.status ?? null, new: mpu.status });
  }
  if (before === null || before.version !== mpu.version) {
    changes.push({ field: "version", old: before?.version ?? null, new: mpu.version });
  }
  return { type, recordId: mpu.id, externalId: null, sourceSystem: null, changes };
}

/** The change event of a use: applied (PENDING) or resolved. */
export function mpuUseChange(
  type: Extract<ChangeType, "MPU_USE_APPLIED" | "MPU_USE_RESOLVED">,
  use: { id: string; mpuId: string; accountId: string; status: MpuUseStatus },
  before: MpuUseStatus | null,
): RecordChange {
  return {
    type,
    recordId: use.id,
    externalId: null,
    sourceSystem: null,
    changes: [
      { field: "status", old: before, new: use.status },
      ...(before === null
        ? [
            { field: "mpuId", old: null, new: use.mpuId },
            { field: "accountId", old: null, new: use.accountId },
          ]
        : []),
    ],
  };
}
