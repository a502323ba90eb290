import neo4j from "neo4j-driver";
import {
  MpuConfirmation,
  MpuDefinition,
  MpuReview,
  MpuStatus,
  MpuUse,
  MpuUseStatus,
  StoredMpu,
} from "../../domain/mpu/mpu";
import { AccountSituation } from "../../domain/mpu/situation-match";
import { PlainRow } from "../executor";

/** What every read of a unit returns. */
export const MPU_FIELDS = `m.id AS id, m.status AS status, m.authorUserId AS authorUserId, m.authorSubject AS authorSubject,
  m.authorTeamId AS authorTeamId, m.title AS title, m.version AS version, m.definition AS definition,
  m.createdAt AS createdAt, m.updatedAt AS updatedAt, m.submittedAt AS submittedAt, m.validatedAt AS validatedAt,
  m.publishedAt AS publishedAt, m.retiredAt AS retiredAt, m.rejectedReason AS rejectedReason,
  m.capturedFrom AS capturedFrom`;

export const REVIEW_FIELDS = `r.id AS id, r.mpuId AS mpuId, r.version AS version, r.reviewerUserId AS reviewerUserId,
  r.reviewerSubject AS reviewerSubject, r.rating AS rating, r.comment AS comment, r.verdict AS verdict, r.at AS at`;

export const CONFIRMATION_FIELDS = `c.id AS id, c.mpuId AS mpuId, c.accountId AS accountId, c.signalId AS signalId,
  c.note AS note, c.recordedBy AS recordedBy, c.at AS at`;

export const USE_FIELDS = `u.id AS id, u.mpuId AS mpuId, u.mpuVersion AS mpuVersion, u.accountId AS accountId,
  u.opportunityId AS opportunityId, u.appliedByUserId AS appliedByUserId, u.appliedBySubject AS appliedBySubject,
  u.appliedAt AS appliedAt, u.status AS status, u.resolvedAt AS resolvedAt, u.reason AS reason,
  u.escalationTaskId AS escalationTaskId`;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function toMpu(row: PlainRow): StoredMpu {
  return {
    id: String(row.id),
    status: String(row.status) as MpuStatus,
    authorUserId: str(row.authorUserId),
    authorSubject: String(row.authorSubject),
    authorTeamId: str(row.authorTeamId),
    title: String(row.title),
    version: Number(row.version),
    definition: JSON.parse(String(row.definition)) as MpuDefinition,
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
    submittedAt: str(row.submittedAt),
    validatedAt: str(row.validatedAt),
    publishedAt: str(row.publishedAt),
    retiredAt: str(row.retiredAt),
    rejectedReason: str(row.rejectedReason),
    capturedFrom: row.capturedFrom ? (JSON.parse(String(row.capturedFrom)) as StoredMpu["capturedFrom"]) : null,
  };
}

/** The node properties a unit is written with (the definition as JSON text, its tags for search). */
export function mpuProperties(mpu: StoredMpu): Record<string, unknown> {
  return {
    id: mpu.id,
    status: mpu.status,
    authorUserId: mpu.authorUserId,
    authorSubject: mpu.authorSubject,
    authorTeamId: mpu.authorTeamId,
    title: mpu.title,
    version: neo4j.int(mpu.version),
    definition: JSON.stringify(mpu.definition),
    searchText: [mpu.title, ...mpu.definition.situation.map((t) => `${t.kind}:${t.value}`)].join(" ").toLowerCase(),
    createdAt: mpu.createdAt,
    updatedAt: mpu.updatedAt,
    submittedAt: mpu.submittedAt,
    validatedAt: mpu.validatedAt,
    publishedAt: mpu.publishedAt,
    retiredAt: mpu.retiredAt,
    rejectedReason: mpu.rejectedReason,
    capturedFrom: mpu.capturedFrom === null ? null : JSON.stringify(mpu.capturedFrom),
  };
}

export function toReview(row: PlainRow): MpuReview {
  return {
    id: String(row.id),
    mpuId: String(row.mpuId),
    version: Number(row.version),
    reviewerUserId: String(row.reviewerUserId),
    reviewerSubject: String(row.reviewerSubject),
    rating: Number(row.rating),
    comment: String(row.comment),
    verdict: String(row.verdict) as MpuReview["verdict"],
    at: String(row.at),
  };
}

export function toConfirmation(row: PlainRow): MpuConfirmation {
  return {
    id: String(row.id),
    mpuId: String(row.mpuId),
    accountId: String(row.accountId),
    signalId: str(row.signalId),
    note: String(row.note),
    recordedBy: String(row.recordedBy),
    at: String(row.at),
  };
}

export function toUse(row: PlainRow): MpuUse {
  return {
    id: String(row.id),
    mpuId: String(row.mpuId),
    mpuVersion: Number(row.mpuVersion),
    accountId: String(row.accountId),
    opportunityId: str(row.opportunityId),
    appliedByUserId: str(row.appliedByUserId),
    appliedBySubject: String(row.appliedBySubject),
    appliedAt: String(row.appliedAt),
    status: String(row.status) as MpuUseStatus,
    resolvedAt: str(row.resolvedAt),
    reason: str(row.reason),
    escalationTaskId: str(row.escalationTaskId),
  };
}

/** Every concept id a stored health explanation names (its contributions and drivers). */
function conceptsOf(explanation: unknown): string[] {
  if (typeof explanation !== "string") return [];
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (key === "concept" && typeof item === "string") found.add(item);
        else visit(item);
      }
    }
  };
  try {
    visit(JSON.parse(explanation));
  } catch {
    return [];
  }
  return [...found];
}

export function toSituation(row: PlainRow): AccountSituation & { name: string; ownerSubject: string | null } {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x) => x !== null).map(String) : []);
  return {
    accountId: String(row.id),
    name: String(row.name),
    industry: str(row.industry),
    segment: str(row.segment),
    dealStages: list(row.stages),
    buyerRoles: list(row.roles),
    healthGrade: str(row.grade),
    concepts: conceptsOf(row.explanation),
    ownerSubject: str(row.ownerSubject),
  };
}
