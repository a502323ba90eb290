import { Assignee, PlaybookAction } from "../automation/playbook";
import { OpportunityStage, Seniority } from "../records";

/**
 * Micro-practice units (issue 16, docs/mpus.md, decision 0029): a field practice bound to the situations it
 * fits, its ordered steps, the checkpoints that prove it worked and the conditions that stop it.
 */

/** A unit's life: private while DRAFT, SUBMITTED or REJECTED; visible once VALIDATED; recommended when PUBLISHED. */
export const MPU_STATUSES = ["DRAFT", "SUBMITTED", "VALIDATED", "PUBLISHED", "REJECTED", "RETIRED"] as const;
export type MpuStatus = (typeof MPU_STATUSES)[number];

/** The statuses in which only the author, tenant admins (and, for SUBMITTED, eligible reviewers) see a unit. */
export const PRIVATE_STATUSES: readonly MpuStatus[] = ["DRAFT", "SUBMITTED", "REJECTED"];

export const MPU_USE_STATUSES = ["PENDING", "SUCCEEDED", "FAILED", "BROKEN"] as const;
export type MpuUseStatus = (typeof MPU_USE_STATUSES)[number];

/**
 * What a situation tag is bound to: a fact of the graph an account (or its opportunities, contacts and
 * health) has, or an ontology concept its health is measured on.
 */
export const SITUATION_TAG_KINDS = [
  "DEAL_STAGE",
  "INDUSTRY",
  "SEGMENT",
  "BUYER_ROLE",
  "HEALTH_GRADE",
  "CONCEPT",
] as const;
export type SituationTagKind = (typeof SITUATION_TAG_KINDS)[number];

export interface SituationTag {
  kind: SituationTagKind;
  /** DEAL_STAGE: an opportunity stage; BUYER_ROLE: a buying role; CONCEPT: a concept id; others: the value. */
  value: string;
  /** A required tag that does not match makes the unit ineligible for the account, whatever else matches. */
  required: boolean;
}

export type MpuAction =
  | { kind: "MANUAL"; title: string; notes: string | null; links: string[] }
  /** An action of the playbook action schema (domain/automation), carried out by hand or by a playbook. */
  | { kind: "AUTOMATION"; title: string; action: PlaybookAction };

/** An observable fact that proves the unit worked, within `withinHours` of applying it. */
export type VerificationPoint =
  | { kind: "SIGNAL"; field: string; withinHours: number }
  | { kind: "STAGE_REACHED"; stage: OpportunityStage; withinHours: number }
  | { kind: "TASK_OUTCOME"; template: string; verdict: string | null; withinHours: number };

/** A condition that stops a use and escalates: it fires at its deadline (or when the stage is reached). */
export type CircuitBreaker =
  /** No signal of `field` on the account within `withinHours` (e.g. no answer from the technical department in 48 h). */
  | { kind: "NO_SIGNAL"; field: string; withinHours: number; escalateTo: Assignee; title: string }
  /** The opportunity reached `stage` (e.g. CLOSED_LOST): stop at once. */
  | { kind: "STAGE_REACHED"; stage: OpportunityStage; escalateTo: Assignee; title: string };

export interface MpuDefinition {
  title: string;
  summary: string | null;
  situation: SituationTag[];
  actions: MpuAction[];
  verifications: VerificationPoint[];
  breakers: CircuitBreaker[];
}

/** A unit as stored. */
export interface StoredMpu {
  id: string;
  status: MpuStatus;
  /** The author's user record id (`usr_…`); null when the author's token named no user. */
  authorUserId: string | null;
  /** The author's token subject: how the author is recognised. */
  authorSubject: string;
  authorTeamId: string | null;
  title: string;
  version: number;
  definition: MpuDefinition;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  validatedAt: string | null;
  publishedAt: string | null;
  retiredAt: string | null;
  rejectedReason: string | null;
  /** Where a captured unit came from: the account, opportunity and window. */
  capturedFrom: { accountId: string; opportunityId: string | null; from: string; to: string } | null;
}

export const REVIEW_VERDICTS = ["APPROVE", "REJECT"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export interface MpuReview {
  id: string;
  mpuId: string;
  version: number;
  reviewerUserId: string;
  reviewerSubject: string;
  rating: number;
  comment: string;
  verdict: ReviewVerdict;
  at: string;
}

export interface MpuConfirmation {
  id: string;
  mpuId: string;
  accountId: string;
  signalId: string | null;
  note: string;
  recordedBy: string;
  at: string;
}

export interface MpuUse {
  id: string;
  mpuId: string;
  mpuVersion: number;
  accountId: string;
  opportunityId: string | null;
  appliedByUserId: string | null;
  appliedBySubject: string;
  appliedAt: string;
  status: MpuUseStatus;
  resolvedAt: string | null;
  /** Why it resolved so: which checkpoint, deadline or breaker. */
  reason: string | null;
  escalationTaskId: string | null;
}

/** Tenant settings of the quality gate. */
export interface MpuSettings {
  minReviewerSeniority: Seniority;
  requiredReviews: number;
}

export const DEFAULT_MPU_SETTINGS: MpuSettings = { minReviewerSeniority: "SENIOR", requiredReviews: 3 };

/** Sizes a unit may have. */
export const MPU_LIMITS = {
  titleLength: 200,
  summaryLength: 2_000,
  tagValueLength: 100,
  tags: 20,
  actions: 20,
  actionTitleLength: 300,
  notesLength: 4_000,
  links: 10,
  linkLength: 2_000,
  verifications: 10,
  breakers: 10,
  fieldLength: 200,
  maxHours: 24 * 365,
  /** One minute: shorter deadlines would be decided by the tracker's polling, not by the practice. */
  minHours: 1 / 60,
  commentLength: 2_000,
  reasonLength: 2_000,
  noteLength: 2_000,
  maxRequiredReviews: 20,
} as const;
