import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { AuthorContribution, TeamContribution, TenantFigures } from "../../domain/mpu/contributions";
import {
  CircuitBreaker,
  MPU_STATUSES,
  MPU_USE_STATUSES,
  MpuAction,
  MpuConfirmation,
  MpuReview,
  MpuStatus,
  MpuUse,
  MpuUseStatus,
  REVIEW_VERDICTS,
  SITUATION_TAG_KINDS,
  SituationTag,
  StoredMpu,
  VerificationPoint,
} from "../../domain/mpu/mpu";
import { GateState } from "../../domain/mpu/mpu-access";
import { RankedMpu } from "../../domain/mpu/mpu-ranking";
import { Seniority } from "../../domain/records";
import { enumOf, SeniorityEnum } from "../common/enums";

export const MpuStatusEnum = enumOf(MPU_STATUSES);
registerEnumType(MpuStatusEnum, {
  name: "MpuStatus",
  valuesConfig: {
    DRAFT: { description: "Being written; visible to its author and tenant admins only." },
    SUBMITTED: { description: "Waiting for reviews and a customer confirmation; also visible to eligible reviewers." },
    VALIDATED: { description: "Passed the gate; visible to everyone, to be published." },
    PUBLISHED: { description: "Recommended for accounts in the same situation; may be applied." },
    REJECTED: { description: "A reviewer rejected it (rejectedReason); the author revises and resubmits." },
    RETIRED: { description: "No longer recommended or applied; kept for the record." },
  },
});
export const MpuUseStatusEnum = enumOf(MPU_USE_STATUSES);
registerEnumType(MpuUseStatusEnum, {
  name: "MpuUseStatus",
  valuesConfig: {
    PENDING: { description: "Followed: no verdict yet." },
    SUCCEEDED: { description: "Every verification point was met within its time limit." },
    FAILED: { description: "A verification point's time limit passed unmet." },
    BROKEN: { description: "A circuit breaker fired; an escalation task was opened." },
  },
});
export const SituationTagKindEnum = enumOf(SITUATION_TAG_KINDS);
registerEnumType(SituationTagKindEnum, { name: "MpuSituationTagKind" });
export const MpuActionKindEnum = enumOf(["MANUAL", "AUTOMATION"] as const);
registerEnumType(MpuActionKindEnum, { name: "MpuActionKind" });
export const MpuVerificationKindEnum = enumOf(["SIGNAL", "STAGE_REACHED", "TASK_OUTCOME"] as const);
registerEnumType(MpuVerificationKindEnum, { name: "MpuVerificationKind" });
export const MpuBreakerKindEnum = enumOf(["NO_SIGNAL", "STAGE_REACHED"] as const);
registerEnumType(MpuBreakerKindEnum, { name: "MpuBreakerKind" });
export const MpuReviewVerdictEnum = enumOf(REVIEW_VERDICTS);
registerEnumType(MpuReviewVerdictEnum, { name: "MpuReviewVerdict" });

@ObjectType("MpuSituationTag")
export class SituationTagView {
  @Field(() => SituationTagKindEnum)
  kind!: string;

  @Field()
  value!: string;

  @Field()
  required!: boolean;
}

@ObjectType("MpuAction", { description: "One step of a unit, in order." })
export class MpuActionView {
  @Field(() => MpuActionKindEnum)
  kind!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => [String])
  links!: string[];

  @Field(() => GraphQLJSON, { nullable: true, description: "AUTOMATION: the playbook action." })
  action!: unknown;
}

@ObjectType("MpuVerification")
export class MpuVerificationView {
  @Field(() => MpuVerificationKindEnum)
  kind!: string;

  @Field(() => Float)
  withinHours!: number;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field(() => String, { nullable: true })
  stage!: string | null;

  @Field(() => String, { nullable: true })
  template!: string | null;

  @Field(() => String, { nullable: true })
  verdict!: string | null;
}

@ObjectType("MpuBreaker")
export class MpuBreakerView {
  @Field(() => MpuBreakerKindEnum)
  kind!: string;

  @Field()
  title!: string;

  @Field(() => GraphQLJSON, { description: "Who gets the escalation task." })
  escalateTo!: unknown;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field(() => Float, { nullable: true })
  withinHours!: number | null;

  @Field(() => String, { nullable: true })
  stage!: string | null;
}

@ObjectType("MpuCapture", { description: "Where a captured unit came from." })
export class MpuCaptureView {
  @Field(() => ID)
  accountId!: string;

  @Field(() => ID, { nullable: true })
  opportunityId!: string | null;

  @Field()
  from!: string;

  @Field()
  to!: string;
}

@ObjectType("MpuReview")
export class MpuReviewView {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ID)
  reviewerUserId!: string;

  @Field(() => Int, { description: "Effectiveness, 1 (none) to 5 (strong)." })
  rating!: number;

  @Field()
  comment!: string;

  @Field(() => MpuReviewVerdictEnum)
  verdict!: string;

  @Field()
  at!: string;
}

@ObjectType("MpuConfirmation", { description: "A customer-side confirmation that the practice was valued." })
export class MpuConfirmationView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => ID, { nullable: true })
  signalId!: string | null;

  @Field()
  note!: string;

  @Field({ description: "Who recorded it (their external id)." })
  recordedBy!: string;

  @Field()
  at!: string;
}

@ObjectType("MpuGate", { description: "Where the quality gate stands for the current version." })
export class MpuGateView {
  @Field(() => Int, { description: "Approvals of the current version by distinct eligible reviewers." })
  approvals!: number;

  @Field(() => Int)
  requiredReviews!: number;

  @Field({ description: "A customer confirmation is recorded." })
  confirmed!: boolean;

  @Field()
  passed!: boolean;
}

@ObjectType("Mpu", { description: "A micro-practice unit (docs/mpus.md)." })
export class MpuView {
  /** The stored unit, for the field resolvers of reviews, confirmations and the gate. */
  stored!: StoredMpu;

  @Field(() => ID)
  id!: string;

  @Field(() => MpuStatusEnum)
  status!: MpuStatus;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => Int)
  version!: number;

  @Field(() => ID, { nullable: true, description: "The author's user record id." })
  authorUserId!: string | null;

  @Field({ description: "The author's external id (their tokens' subject)." })
  authorSubject!: string;

  @Field(() => String, { nullable: true })
  authorTeamId!: string | null;

  @Field(() => [SituationTagView])
  situation!: SituationTagView[];

  @Field(() => [MpuActionView])
  actions!: MpuActionView[];

  @Field(() => [MpuVerificationView])
  verifications!: MpuVerificationView[];

  @Field(() => [MpuBreakerView])
  breakers!: MpuBreakerView[];

  @Field()
  createdAt!: string;

  @Field()
  updatedAt!: string;

  @Field(() => String, { nullable: true })
  submittedAt!: string | null;

  @Field(() => String, { nullable: true })
  validatedAt!: string | null;

  @Field(() => String, { nullable: true })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true })
  retiredAt!: string | null;

  @Field(() => String, { nullable: true, description: "Why the last reviewer rejected it." })
  rejectedReason!: string | null;

  @Field(() => MpuCaptureView, { nullable: true })
  capturedFrom!: MpuCaptureView | null;
}

@ObjectType("MpuUse", { description: "A unit applied to an account (and opportunity), followed to its verdict." })
export class MpuUseView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  mpuId!: string;

  @Field(() => Int)
  mpuVersion!: number;

  @Field(() => ID)
  accountId!: string;

  @Field(() => ID, { nullable: true })
  opportunityId!: string | null;

  @Field(() => ID, { nullable: true })
  appliedByUserId!: string | null;

  @Field()
  appliedBySubject!: string;

  @Field()
  appliedAt!: string;

  @Field(() => MpuUseStatusEnum)
  status!: MpuUseStatus;

  @Field(() => String, { nullable: true })
  resolvedAt!: string | null;

  @Field(() => String, { nullable: true, description: "Which checkpoint, deadline or breaker decided it." })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: "The escalation task of a BROKEN use." })
  escalationTaskId!: string | null;
}

@ObjectType("MpuRecommendation", { description: "A published unit for an account, with why it ranks where it does." })
export class MpuRecommendationView {
  @Field(() => MpuView)
  mpu!: MpuView;

  @Field(() => Float, { description: "0.6 × matchScore + 0.4 × effect." })
  rank!: number;

  @Field(() => Float, { description: "Matched tags ÷ all tags." })
  matchScore!: number;

  @Field(() => [SituationTagView])
  matchedTags!: SituationTagView[];

  @Field(() => [SituationTagView])
  unmatchedTags!: SituationTagView[];

  @Field(() => Float, {
    description: "Success rate shrunk toward the tenant's: (successes + 5·prior) ÷ (resolved + 5).",
  })
  effect!: number;

  @Field(() => Int)
  successes!: number;

  @Field(() => Int)
  resolvedUses!: number;

  @Field({ description: "The ranking in words." })
  explanation!: string;
}

@ObjectType("MpuAuthorContribution")
export class MpuAuthorContributionView {
  @Field()
  authorSubject!: string;

  @Field(() => ID, { nullable: true })
  authorUserId!: string | null;

  @Field(() => String, { nullable: true })
  teamId!: string | null;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  validated!: number;

  @Field(() => Int)
  adoptedByOthers!: number;

  @Field(() => Int)
  eligible!: number;

  @Field(() => Float, { nullable: true })
  adoptionRate!: number | null;

  @Field(() => Float, { nullable: true })
  successRate!: number | null;

  @Field(() => Int)
  successfulUsesByOthers!: number;

  @Field(() => Int)
  points!: number;
}

@ObjectType("MpuTeamContribution")
export class MpuTeamContributionView {
  @Field(() => String, { nullable: true })
  teamId!: string | null;

  @Field(() => Int)
  authors!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  validated!: number;

  @Field(() => Int)
  adoptedByOthers!: number;

  @Field(() => Int)
  eligible!: number;

  @Field(() => Float, { nullable: true })
  adoptionRate!: number | null;

  @Field(() => Float, { nullable: true })
  successRate!: number | null;

  @Field(() => Int)
  successfulUsesByOthers!: number;

  @Field(() => Int)
  points!: number;
}

@ObjectType("MpuTenantFigures", { description: "The calibration figures of MPUs for one month." })
export class MpuTenantFiguresView {
  @Field()
  period!: string;

  @Field(() => Int)
  created!: number;

  @Field(() => Int, { description: "Field people: users holding the rep role." })
  people!: number;

  @Field(() => Float, { nullable: true, description: "Healthy ≥ 0.8." })
  createdPerPerson!: number | null;

  @Field(() => Int)
  adopted!: number;

  @Field(() => Int)
  eligible!: number;

  @Field(() => Float, { nullable: true, description: "Healthy > 0.65." })
  adoptionRate!: number | null;

  @Field(() => Boolean, { nullable: true })
  createdHealthy!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  adoptionHealthy!: boolean | null;
}

@ObjectType("MpuContributions")
export class MpuContributionsView {
  @Field()
  period!: string;

  @Field(() => [MpuAuthorContributionView])
  authors!: AuthorContribution[];

  @Field(() => [MpuTeamContributionView])
  teams!: TeamContribution[];

  @Field(() => MpuTenantFiguresView)
  tenant!: TenantFigures;

  @Field(() => [MpuTenantFiguresView], { description: "This month and the two before, oldest first." })
  trend!: TenantFigures[];
}

@ObjectType("MpuSettings", { description: "The tenant's quality gate." })
export class MpuSettingsView {
  @Field(() => SeniorityEnum)
  minReviewerSeniority!: Seniority;

  @Field(() => Int)
  requiredReviews!: number;
}

const tagView = (tag: SituationTag): SituationTagView => ({ ...tag });

function actionView(action: MpuAction): MpuActionView {
  return action.kind === "MANUAL"
    ? { kind: action.kind, title: action.title, notes: action.notes, links: action.links, action: null }
    : { kind: action.kind, title: action.title, notes: null, links: [], action: action.action };
}

function verificationView(point: VerificationPoint): MpuVerificationView {
  return {
    kind: point.kind,
    withinHours: point.withinHours,
    field: point.kind === "SIGNAL" ? point.field : null,
    stage: point.kind === "STAGE_REACHED" ? point.stage : null,
    template: point.kind === "TASK_OUTCOME" ? point.template : null,
    verdict: point.kind === "TASK_OUTCOME" ? point.verdict : null,
  };
}

function breakerView(breaker: CircuitBreaker): MpuBreakerView {
  return {
    kind: breaker.kind,
    title: breaker.title,
    escalateTo: breaker.escalateTo,
    field: breaker.kind === "NO_SIGNAL" ? breaker.field : null,
    withinHours: breaker.kind === "NO_SIGNAL" ? breaker.withinHours : null,
    stage: breaker.kind === "STAGE_REACHED" ? breaker.stage : null,
  };
}

export function toMpuView(mpu: StoredMpu): MpuView {
  const d = mpu.definition;
  return {
    stored: mpu,
    id: mpu.id,
    status: mpu.status,
    title: mpu.title,
    summary: d.summary,
    version: mpu.version,
    authorUserId: mpu.authorUserId,
    authorSubject: mpu.authorSubject,
    authorTeamId: mpu.authorTeamId,
    situation: d.situation.map(tagView),
    actions: d.actions.map(actionView),
    verifications: d.verifications.map(verificationView),
    breakers: d.breakers.map(breakerView),
    createdAt: mpu.createdAt,
    updatedAt: mpu.updatedAt,
    submittedAt: mpu.submittedAt,
    validatedAt: mpu.validatedAt,
    publishedAt: mpu.publishedAt,
    retiredAt: mpu.retiredAt,
    rejectedReason: mpu.rejectedReason,
    capturedFrom: mpu.capturedFrom,
  };
}

export const toReviewView = (r: MpuReview): MpuReviewView => ({ ...r });
export const toConfirmationView = (c: MpuConfirmation): MpuConfirmationView => ({ ...c });
export const toGateView = (g: GateState): MpuGateView => ({ ...g });
export const toUseView = (u: MpuUse): MpuUseView => ({ ...u });

const percent = (x: number) => `${Math.round(x * 100)} %`;

export function toRecommendationView(r: RankedMpu<StoredMpu>): MpuRecommendationView {
  const matched = r.match.matched.map((t) => `${t.kind} ${t.value}`).join(", ");
  return {
    mpu: toMpuView(r.item),
    rank: r.rank,
    matchScore: r.match.score,
    matchedTags: r.match.matched.map(tagView),
    unmatchedTags: r.match.unmatched.map(tagView),
    effect: r.effect,
    successes: r.counts.succeeded,
    resolvedUses: r.counts.resolved,
    explanation:
      `Matches ${r.match.matched.length} of ${r.match.matched.length + r.match.unmatched.length} situation tags ` +
      `(${matched}); measured effect ${percent(r.effect)} from ${r.counts.succeeded} of ${r.counts.resolved} ` +
      `resolved uses, shrunk toward the tenant's rate.`,
  };
}
