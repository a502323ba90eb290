import { Field, Float, ID, InputType } from "type-graphql";
import { MpuStatus, MpuUseStatus } from "../../domain/mpu/mpu";
import { AssigneeInput, PlaybookActionInput } from "../automation/playbook.input";
import { OpportunityStageEnum } from "../common/enums";
import {
  MpuActionKindEnum,
  MpuBreakerKindEnum,
  MpuStatusEnum,
  MpuUseStatusEnum,
  MpuVerificationKindEnum,
  SituationTagKindEnum,
} from "./mpu.type";

// Like playbook definitions: each part is one input with a `kind` and the optional fields of every kind
// (GraphQL has no input unions); parseMpuDefinition checks that a kind got its fields and no others and names
// each problem's path (docs/mpus.md lists the fields per kind).

@InputType({ description: "A situation the unit fits: a graph fact or an ontology concept." })
export class MpuSituationTagInput {
  @Field(() => SituationTagKindEnum)
  kind!: string;

  @Field({ description: "DEAL_STAGE: an opportunity stage; BUYER_ROLE: a buying role; CONCEPT: a concept id." })
  value!: string;

  @Field(() => Boolean, { nullable: true, description: "A required tag must match for the unit to be recommended." })
  required?: boolean | null;
}

@InputType({ description: "One step: MANUAL (notes, links to attachments) or AUTOMATION (a playbook action)." })
export class MpuActionInput {
  @Field(() => MpuActionKindEnum)
  kind!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: "MANUAL." })
  notes?: string | null;

  @Field(() => [String], { nullable: true, description: "MANUAL: http(s) links to attachments." })
  links?: string[] | null;

  @Field(() => PlaybookActionInput, { nullable: true, description: "AUTOMATION: an action of the playbook schema." })
  action?: PlaybookActionInput | null;
}

@InputType({ description: "A verification point: what proves the unit worked, within withinHours of applying it." })
export class MpuVerificationInput {
  @Field(() => MpuVerificationKindEnum)
  kind!: string;

  @Field(() => Float, { description: "From one minute (0.0167) to 8760 hours." })
  withinHours!: number;

  @Field(() => String, { nullable: true, description: "SIGNAL: the source field, e.g. tech_dept_reply." })
  field?: string | null;

  @Field(() => OpportunityStageEnum, { nullable: true, description: "STAGE_REACHED." })
  stage?: string | null;

  @Field(() => String, { nullable: true, description: "TASK_OUTCOME: the task template." })
  template?: string | null;

  @Field(() => String, { nullable: true, description: "TASK_OUTCOME: the verdict required, if any." })
  verdict?: string | null;
}

@InputType({ description: "A circuit breaker: when it fires the use is BROKEN and an escalation task is opened." })
export class MpuBreakerInput {
  @Field(() => MpuBreakerKindEnum)
  kind!: string;

  @Field({ description: "The escalation task's title." })
  title!: string;

  @Field(() => AssigneeInput, { description: "Who gets the escalation task (ACCOUNT_OWNER, USER, ROLE or TEAM)." })
  escalateTo!: AssigneeInput;

  @Field(() => String, { nullable: true, description: "NO_SIGNAL: the field whose absence stops the use." })
  field?: string | null;

  @Field(() => Float, { nullable: true, description: "NO_SIGNAL: the deadline in hours." })
  withinHours?: number | null;

  @Field(() => OpportunityStageEnum, { nullable: true, description: "STAGE_REACHED: e.g. CLOSED_LOST." })
  stage?: string | null;
}

@InputType({ description: "A micro-practice unit: situation, ordered steps, verification points, circuit breakers." })
export class MpuInput {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [MpuSituationTagInput])
  situation!: MpuSituationTagInput[];

  @Field(() => [MpuActionInput])
  actions!: MpuActionInput[];

  @Field(() => [MpuVerificationInput])
  verifications!: MpuVerificationInput[];

  @Field(() => [MpuBreakerInput], { nullable: true })
  breakers?: MpuBreakerInput[] | null;
}

@InputType({ description: "Which units to list (only those you may see are listed)." })
export class MpuFilterInput {
  @Field(() => [MpuStatusEnum], { nullable: true })
  statuses?: MpuStatus[] | null;

  @Field(() => String, { nullable: true, description: "The author's external id (token subject), or `me`." })
  author?: string | null;

  @Field(() => String, { nullable: true, description: "Text in the title or a tag (any case)." })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Only SUBMITTED units waiting for your review." })
  toReview?: boolean | null;
}

@InputType({ description: "Which uses to list." })
export class MpuUseFilterInput {
  @Field(() => ID, { nullable: true })
  mpuId?: string | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => MpuUseStatusEnum, { nullable: true })
  status?: MpuUseStatus | null;
}

/** The input as plain data (class instances dropped, absent fields dropped) for parseMpuDefinition. */
export function plainMpuInput(input: MpuInput): unknown {
  return JSON.parse(JSON.stringify(input)) as unknown;
}
