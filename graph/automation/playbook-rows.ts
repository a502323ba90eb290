import { PlaybookDefinition, PlaybookStatus } from "../../domain/automation/playbook";
import { PlaybookFiringRecord, PlaybookVersionRecord, StoredPlaybook } from "../../domain/automation/stored-playbook";

/** The fields of a playbook with its current version's definition (`p` and `v` bound). */
export const PLAYBOOK_FIELDS = `p {.id, .name, .status, .currentVersion, .ownerUserId, .pausedReason,
  consecutiveFailures: coalesce(p.consecutiveFailures, 0), createdAt: toString(p.createdAt),
  updatedAt: toString(p.updatedAt), definition: v.definition} AS playbook`;

export function toPlaybook(row: Record<string, unknown>): StoredPlaybook {
  const p = row.playbook as Record<string, unknown>;
  return {
    id: String(p.id),
    name: String(p.name),
    status: String(p.status) as PlaybookStatus,
    currentVersion: Number(p.currentVersion),
    ownerUserId: String(p.ownerUserId),
    consecutiveFailures: Number(p.consecutiveFailures ?? 0),
    pausedReason: typeof p.pausedReason === "string" ? p.pausedReason : null,
    createdAt: new Date(String(p.createdAt)).toISOString(),
    updatedAt: new Date(String(p.updatedAt)).toISOString(),
    definition: JSON.parse(String(p.definition)) as PlaybookDefinition,
  };
}

export function toVersion(row: Record<string, unknown>): PlaybookVersionRecord {
  return {
    version: Number(row.version),
    definition: JSON.parse(String(row.definition)) as PlaybookDefinition,
    savedAt: new Date(String(row.savedAt)).toISOString(),
    savedBy: String(row.savedBy),
  };
}

export const FIRING_FIELDS = `f {.id, .playbookId, .version, .subject, .outcome, .accountIds, .region, .assetIds, .batchCodes, .basis,
  .outcomeReason,
  firedAt: toString(f.firedAt)} AS firing`;

export function toFiring(row: Record<string, unknown>): PlaybookFiringRecord {
  const f = row.firing as Record<string, unknown>;
  return {
    id: String(f.id),
    playbookId: String(f.playbookId),
    version: Number(f.version),
    subject: String(f.subject),
    firedAt: new Date(String(f.firedAt)).toISOString(),
    outcome: String(f.outcome),
    accountIds: ((f.accountIds as unknown[]) ?? []).map(String),
    region: typeof f.region === "string" ? f.region : null,
    assetIds: ((f.assetIds as unknown[]) ?? []).map(String),
    batchCodes: ((f.batchCodes as unknown[]) ?? []).map(String),
    basis: String(f.basis ?? "[]"),
    outcomeReason: typeof f.outcomeReason === "string" ? f.outcomeReason : null,
  };
}
