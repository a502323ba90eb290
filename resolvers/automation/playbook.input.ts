import { Field, Float, InputType, Int, registerEnumType } from "type-graphql";
import { PLAYBOOK_MODES, TRIGGER_SCOPES } from "../../domain/automation/playbook";
import { ChangeType } from "../../domain/events/change-event";
import { ChangeTypeEnum, enumOf } from "../common/enums";

// Each part of a definition is one input with a `kind` and the optional fields of every kind (GraphQL has no
// input unions); validatePlaybook checks that a kind got its fields and no others, and names each problem's
// path (docs/automation.md lists the fields per kind).

export const PlaybookModeEnum = enumOf(PLAYBOOK_MODES);
registerEnumType(PlaybookModeEnum, {
  name: "PlaybookMode",
  valuesConfig: {
    SUGGEST: { description: "A proposal waits for the owner's confirmation." },
    AUTO: { description: "Runs; the owner gets a receipt to acknowledge." },
  },
});
export const TriggerScopeEnum = enumOf(TRIGGER_SCOPES);
registerEnumType(TriggerScopeEnum, {
  name: "TriggerScope",
  description:
    "What a trigger counts or measures over: an account (its own, contacts' and assets' signals) or a region's assets.",
});
export const PlaybookTriggerKindEnum = enumOf([
  "EVENT",
  "SIGNAL_COUNT",
  "CONCEPT_THRESHOLD",
  "CONCEPT_TREND",
  "HEALTH_GRADE_CHANGE",
] as const);
registerEnumType(PlaybookTriggerKindEnum, { name: "PlaybookTriggerKind" });
export const PlaybookConditionKindEnum = enumOf([
  "ACCOUNT_FIELD",
  "HEALTH_GRADE",
  "HEALTH_SCORE",
  "HAS_ORGANIZATION",
  "NO_OPEN_TASK",
] as const);
registerEnumType(PlaybookConditionKindEnum, { name: "PlaybookConditionKind" });
export const PlaybookActionKindEnum = enumOf([
  "CREATE_TASK",
  "OPEN_REVIEW",
  "RAISE_INTENT_SIGNAL",
  "FLAG_RECORDS",
  "CALL_WEBHOOK",
] as const);
registerEnumType(PlaybookActionKindEnum, { name: "PlaybookActionKind" });
export const AssigneeKindEnum = enumOf(["ACCOUNT_OWNER", "USER", "ROLE", "TEAM", "ORGANIZATION"] as const);
registerEnumType(AssigneeKindEnum, { name: "AssigneeKind" });
export const PlaybookFeedbackKindEnum = enumOf(["TASK_COMPLETED", "SIGNAL_OBSERVED", "HEALTH_IMPROVED"] as const);
registerEnumType(PlaybookFeedbackKindEnum, { name: "PlaybookFeedbackKind" });

@InputType({ description: "Which signals to count or measure: by concept (preferred) or by raw field." })
export class SignalSelectorInput {
  @Field(() => String, { nullable: true, description: "An ontology concept id; its mapped fields in every system." })
  concept?: string | null;

  @Field(() => String, { nullable: true, description: "A raw source field, for signals no mapping covers." })
  field?: string | null;

  @Field(() => String, { nullable: true, description: "Only signals whose string value equals this." })
  valueEquals?: string | null;

  @Field(() => [String], { nullable: true, description: "ACCOUNT, CONTACT, ASSET; all when left out." })
  subjectKinds?: string[] | null;
}

@InputType({ description: "What wakes a playbook; the fields a kind takes are in docs/automation.md." })
export class PlaybookTriggerInput {
  @Field(() => PlaybookTriggerKindEnum)
  kind!: string;

  @Field(() => [ChangeTypeEnum], { nullable: true, description: "EVENT." })
  eventTypes?: ChangeType[] | null;

  @Field(() => SignalSelectorInput, { nullable: true, description: "SIGNAL_COUNT." })
  signals?: SignalSelectorInput | null;

  @Field(() => Int, { nullable: true, description: "SIGNAL_COUNT: at least this many signals (1-1000)." })
  count?: number | null;

  @Field(() => Int, { nullable: true, description: "SIGNAL_COUNT, CONCEPT_TREND: the window in days (1-365)." })
  withinDays?: number | null;

  @Field(() => TriggerScopeEnum, { nullable: true, description: "Signal and concept triggers; default ACCOUNT." })
  scope?: string | null;

  @Field(() => String, { nullable: true, description: "CONCEPT_THRESHOLD, CONCEPT_TREND: the concept id." })
  concept?: string | null;

  @Field(() => String, { nullable: true, description: "CONCEPT_THRESHOLD: BELOW or ABOVE." })
  op?: string | null;

  @Field(() => Float, { nullable: true, description: "CONCEPT_THRESHOLD: 0..1 on the concept's scale." })
  value?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "CONCEPT_TREND: FALLING or RISING. HEALTH_GRADE_CHANGE: DOWN or UP (by score).",
  })
  direction?: string | null;

  @Field(() => Float, { nullable: true, description: "CONCEPT_TREND: in the concept's unit per day (> 0)." })
  ratePerDay?: number | null;

  @Field(() => Int, { nullable: true, description: "CONCEPT_TREND: assets that must move (default 1)." })
  minSubjects?: number | null;

  @Field(() => [String], { nullable: true, description: "HEALTH_GRADE_CHANGE: only into these grades." })
  to?: string[] | null;

  @Field(() => [String], { nullable: true, description: "HEALTH_GRADE_CHANGE: only out of these grades." })
  from?: string[] | null;
}

@InputType({ description: "What must hold for a playbook to fire; the fields a kind takes are in docs/automation.md." })
export class PlaybookConditionInput {
  @Field(() => PlaybookConditionKindEnum)
  kind!: string;

  @Field(() => String, { nullable: true, description: "ACCOUNT_FIELD: industry, segment, region or name." })
  field?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ACCOUNT_FIELD: EQUALS, IN or CONTAINS. HEALTH_SCORE: BELOW or ABOVE.",
  })
  op?: string | null;

  @Field(() => [String], { nullable: true, description: "ACCOUNT_FIELD: the values compared with." })
  values?: string[] | null;

  @Field(() => [String], { nullable: true, description: "HEALTH_GRADE." })
  grades?: string[] | null;

  @Field(() => Float, { nullable: true, description: "HEALTH_SCORE: 0..100." })
  value?: number | null;

  @Field(() => String, { nullable: true, description: "HAS_ORGANIZATION: PARTNER_OF, SUPPLIES, SERVICES, RESELLS_TO." })
  relationship?: string | null;

  @Field(() => String, { nullable: true, description: "HAS_ORGANIZATION: the organization's kind." })
  organizationKind?: string | null;

  @Field(() => Boolean, { nullable: true, description: "HAS_ORGANIZATION: only those serving the region." })
  servingRegion?: boolean | null;

  @Field(() => String, { nullable: true, description: "NO_OPEN_TASK: only tasks of this template." })
  template?: string | null;
}

@InputType({ description: "Who gets a task or review." })
export class AssigneeInput {
  @Field(() => AssigneeKindEnum)
  kind!: string;

  @Field(() => String, { nullable: true })
  userId?: string | null;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true })
  teamId?: string | null;

  @Field(() => String, { nullable: true })
  organizationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "The organization serving the firing's region." })
  servingRegion?: boolean | null;

  @Field(() => String, { nullable: true })
  relationship?: string | null;
}

@InputType({ description: "What a playbook does; the fields a kind takes are in docs/automation.md." })
export class PlaybookActionInput {
  @Field(() => PlaybookActionKindEnum)
  kind!: string;

  @Field(() => String, { nullable: true, description: "CREATE_TASK." })
  template?: string | null;

  @Field(() => String, { nullable: true, description: "CREATE_TASK, OPEN_REVIEW." })
  title?: string | null;

  @Field(() => AssigneeInput, { nullable: true, description: "CREATE_TASK, OPEN_REVIEW." })
  assignee?: AssigneeInput | null;

  @Field(() => Int, { nullable: true, description: "CREATE_TASK, OPEN_REVIEW: 0-365." })
  dueInDays?: number | null;

  @Field(() => String, { nullable: true, description: "OPEN_REVIEW, e.g. compliance-pre-review." })
  reviewType?: string | null;

  @Field(() => String, { nullable: true, description: "RAISE_INTENT_SIGNAL." })
  intent?: string | null;

  @Field(() => Float, { nullable: true, description: "RAISE_INTENT_SIGNAL: 0..1." })
  strength?: number | null;

  @Field(() => String, { nullable: true, description: "FLAG_RECORDS: ACCOUNT, ASSET or BATCH." })
  target?: string | null;

  @Field(() => String, { nullable: true, description: "FLAG_RECORDS." })
  flag?: string | null;

  @Field(() => String, { nullable: true, description: "FLAG_RECORDS." })
  note?: string | null;

  @Field(() => String, { nullable: true, description: "CALL_WEBHOOK: a registered endpoint's id." })
  endpointId?: string | null;
}

@InputType({ description: "What proves the playbook worked." })
export class PlaybookFeedbackInput {
  @Field(() => PlaybookFeedbackKindEnum)
  kind!: string;

  @Field(() => Int)
  withinDays!: number;

  @Field(() => String, { nullable: true, description: "TASK_COMPLETED: only tasks of this template." })
  template?: string | null;

  @Field(() => SignalSelectorInput, { nullable: true, description: "SIGNAL_OBSERVED." })
  signals?: SignalSelectorInput | null;
}

@InputType({ description: "The playbook's circuit breakers." })
export class PlaybookLimitsInput {
  @Field(() => Int, { description: "At most this many firings per account (per region) in periodDays." })
  maxFiringsPerSubject!: number;

  @Field(() => Int)
  periodDays!: number;

  @Field(() => Int, { description: "Pause after this many firings in a row whose actions failed." })
  pauseAfterFailures!: number;
}

@InputType({ description: "A playbook definition: intent, trigger, conditions, actions, feedback and limits." })
export class PlaybookInput {
  @Field()
  name!: string;

  @Field({ description: "What the playbook is for, in the author's words." })
  intent!: string;

  @Field(() => PlaybookModeEnum)
  mode!: string;

  @Field({ description: "The user (externalId) it acts for, with that user's permissions." })
  ownerUserId!: string;

  @Field(() => PlaybookTriggerInput)
  trigger!: PlaybookTriggerInput;

  @Field(() => [PlaybookConditionInput], { nullable: true })
  conditions?: PlaybookConditionInput[] | null;

  @Field(() => [PlaybookActionInput])
  actions!: PlaybookActionInput[];

  @Field(() => PlaybookFeedbackInput)
  feedback!: PlaybookFeedbackInput;

  @Field(() => PlaybookLimitsInput)
  limits!: PlaybookLimitsInput;
}

/** The input as plain data (class instances and absent fields dropped) for validatePlaybook. */
export function plainInput(input: PlaybookInput): unknown {
  return JSON.parse(JSON.stringify(input)) as unknown;
}
