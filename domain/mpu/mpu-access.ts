import { SENIORITIES, Seniority } from "../records";
import { MpuReview, MpuSettings, MpuStatus, PRIVATE_STATUSES, StoredMpu } from "./mpu";
import { MpuError } from "./mpu.errors";

/** Who asks, as the unit rules see them. */
export interface MpuViewer {
  subject: string;
  /** Their user record id; null for a token that names no user. */
  userId: string | null;
  /** A tenant admin (the token's role, capped by the user's roles). */
  isAdmin: boolean;
  /** The user's seniority; null when unknown or not a user. */
  seniority: Seniority | null;
}

/** Higher is more senior (SENIORITIES is in order). */
export function seniorityRank(seniority: Seniority | null): number {
  return seniority === null ? -1 : SENIORITIES.indexOf(seniority);
}

export function isAuthor(mpu: Pick<StoredMpu, "authorSubject">, viewer: MpuViewer): boolean {
  return mpu.authorSubject === viewer.subject;
}

/** A user senior enough to review under the tenant's settings (the role is the role matrix's business). */
export function isEligibleReviewer(viewer: MpuViewer, settings: MpuSettings): boolean {
  return viewer.userId !== null && seniorityRank(viewer.seniority) >= seniorityRank(settings.minReviewerSeniority);
}

/**
 * Cold-start protection: a DRAFT, SUBMITTED or REJECTED unit is seen by its author and tenant admins only;
 * a SUBMITTED one also by the reviewers the gate needs (senior enough, not the author). Everyone else gets
 * the answer a missing unit gets.
 */
export function maySee(mpu: Pick<StoredMpu, "status" | "authorSubject">, viewer: MpuViewer, settings: MpuSettings) {
  if (!PRIVATE_STATUSES.includes(mpu.status)) return true;
  if (isAuthor(mpu, viewer) || viewer.isAdmin) return true;
  return mpu.status === "SUBMITTED" && isEligibleReviewer(viewer, settings);
}

function wrongStatus(mpu: StoredMpu, allowed: readonly MpuStatus[], what: string): MpuError {
  return new MpuError("MPU_WRONG_STATUS", `Unit ${mpu.id} is ${mpu.status}; ${what} needs it ${allowed.join(" or ")}.`);
}

function notAuthor(mpu: StoredMpu, what: string): MpuError {
  return new MpuError(
    "MPU_NOT_AUTHOR",
    `Only the author of unit ${mpu.id} (or a tenant admin) may ${what}. Create your own unit, or ask the author.`,
  );
}

/** Editing (a new version): the author or an admin, while DRAFT or REJECTED (a REJECTED unit becomes a DRAFT). */
export function updateRefusal(mpu: StoredMpu, viewer: MpuViewer): MpuError | null {
  if (!isAuthor(mpu, viewer) && !viewer.isAdmin) return notAuthor(mpu, "revise it");
  if (mpu.status !== "DRAFT" && mpu.status !== "REJECTED") {
    return wrongStatus(mpu, ["DRAFT", "REJECTED"], "revising (a published unit is retired and a new one created)");
  }
  return null;
}

export function submitRefusal(mpu: StoredMpu, viewer: MpuViewer): MpuError | null {
  if (!isAuthor(mpu, viewer) && !viewer.isAdmin) return notAuthor(mpu, "submit it");
  return mpu.status === "DRAFT" ? null : wrongStatus(mpu, ["DRAFT"], "submitting");
}

/** Publishing: a tenant admin, or the author once reviewers and the customer validated the unit. */
export function publishRefusal(mpu: StoredMpu, viewer: MpuViewer): MpuError | null {
  if (!isAuthor(mpu, viewer) && !viewer.isAdmin) return notAuthor(mpu, "publish it");
  return mpu.status === "VALIDATED" ? null : wrongStatus(mpu, ["VALIDATED"], "publishing");
}

/** Retiring: a tenant admin or the author, once VALIDATED or PUBLISHED (a private unit is simply left). */
export function retireRefusal(mpu: StoredMpu, viewer: MpuViewer): MpuError | null {
  if (!isAuthor(mpu, viewer) && !viewer.isAdmin) return notAuthor(mpu, "retire it");
  return mpu.status === "VALIDATED" || mpu.status === "PUBLISHED"
    ? null
    : wrongStatus(mpu, ["VALIDATED", "PUBLISHED"], "retiring");
}

/**
 * Whether this viewer may review the unit now: a user, senior enough, not its author, not twice for one
 * version, and only while SUBMITTED. The rank is checked first, so a reviewer below it learns only that.
 */
export function reviewRefusal(
  mpu: StoredMpu | null,
  viewer: MpuViewer,
  settings: MpuSettings,
  reviewsOfVersion: readonly MpuReview[],
): MpuError | null {
  if (viewer.userId === null) {
    return new MpuError(
      "MPU_REVIEWER_NOT_A_USER",
      "Reviews are given by people: your token names no user of the tenant. Use a token issued for your user.",
    );
  }
  if (!isEligibleReviewer(viewer, settings)) {
    return new MpuError(
      "MPU_REVIEWER_BELOW_RANK",
      `Reviewing a unit needs seniority ${settings.minReviewerSeniority} or above; your user's seniority is ` +
        `${viewer.seniority ?? "not recorded"}. Ask a more senior colleague to review it.`,
    );
  }
  if (mpu === null) return null;
  if (isAuthor(mpu, viewer)) {
    return new MpuError("MPU_SELF_REVIEW", `You are the author of unit ${mpu.id}; its reviewers must be others.`);
  }
  if (mpu.status !== "SUBMITTED") return wrongStatus(mpu, ["SUBMITTED"], "reviewing");
  if (reviewsOfVersion.some((r) => r.reviewerUserId === viewer.userId)) {
    return new MpuError(
      "MPU_ALREADY_REVIEWED",
      `You reviewed version ${mpu.version} of unit ${mpu.id} already; each reviewer counts once per version.`,
    );
  }
  return null;
}

/** Where the quality gate stands for the current version. */
export interface GateState {
  approvals: number;
  requiredReviews: number;
  confirmed: boolean;
  /** Enough approvals by distinct reviewers and a customer confirmation: the unit is validated. */
  passed: boolean;
}

export function gateState(
  reviewsOfVersion: readonly MpuReview[],
  confirmations: number,
  settings: MpuSettings,
): GateState {
  const approvers = new Set(reviewsOfVersion.filter((r) => r.verdict === "APPROVE").map((r) => r.reviewerUserId));
  const confirmed = confirmations > 0;
  return {
    approvals: approvers.size,
    requiredReviews: settings.requiredReviews,
    confirmed,
    passed: confirmed && approvers.size >= settings.requiredReviews,
  };
}
