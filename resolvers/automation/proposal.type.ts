import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Proposal } from "../../graph/automation/proposal.repository";
import { Receipt } from "../../graph/automation/receipt.repository";
import { PageInfo } from "../common/page-info.type";

export enum ProposalStatusEnum {
  PENDING = "PENDING",
  CONFIRMED = "CONFIRMED",
  REJECTED = "REJECTED",
}
export enum ReceiptStatusEnum {
  UNACKNOWLEDGED = "UNACKNOWLEDGED",
  ACKNOWLEDGED = "ACKNOWLEDGED",
}
registerEnumType(ProposalStatusEnum, { name: "ProposalStatus" });
registerEnumType(ReceiptStatusEnum, { name: "ReceiptStatus" });

@ObjectType("ActionOutcome", { simpleResolvers: true, description: "What became of one action of a firing." })
export class ActionOutcomeView {
  @Field(() => Int, { description: "The action's position in the playbook version." })
  index!: number;

  @Field({ description: "CREATE_TASK, OPEN_REVIEW, RAISE_INTENT_SIGNAL, FLAG_RECORDS or CALL_WEBHOOK." })
  kind!: string;

  @Field({ description: "PROPOSED (waits for the owner), DONE, FAILED or REFUSED (beyond the owner's permissions)." })
  status!: string;

  @Field(() => ID, { nullable: true, description: "What it made: a task, a signal, a flag, a webhook delivery." })
  resultId!: string | null;

  @Field(() => String, { nullable: true, description: "Why it failed or was refused." })
  reason!: string | null;
}

@ObjectType("Proposal", {
  simpleResolvers: true,
  description: "A SUGGEST playbook's firing, waiting for its owner's confirmation (confirmProposal / rejectProposal).",
})
export class ProposalView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  firingId!: string;

  @Field(() => ID)
  playbookId!: string;

  @Field(() => Int)
  playbookVersion!: number;

  @Field()
  playbookName!: string;

  @Field(() => ID, { description: "The playbook's owner (a user id): who may confirm, besides admins." })
  ownerUserId!: string;

  @Field(() => ProposalStatusEnum)
  status!: ProposalStatusEnum;

  @Field()
  createdAt!: Date;

  @Field(() => [ID])
  accountIds!: string[];

  @Field(() => [ActionOutcomeView], { description: "As proposed; once confirmed, as carried out." })
  actions!: ActionOutcomeView[];

  @Field(() => String, { description: "The firing's basis as JSON: each condition with the facts it saw." })
  basis!: string;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: "Why it was rejected." })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: "Once confirmed: EXECUTED, PARTIAL, FAILED or REFUSED." })
  outcome!: string | null;
}

@ObjectType("Receipt", {
  simpleResolvers: true,
  description: "What an AUTO playbook's firing did, for its owner to acknowledge (acknowledgeReceipt).",
})
export class ReceiptView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  firingId!: string;

  @Field(() => ID)
  playbookId!: string;

  @Field(() => Int)
  playbookVersion!: number;

  @Field()
  playbookName!: string;

  @Field(() => ID)
  ownerUserId!: string;

  @Field(() => ReceiptStatusEnum)
  status!: ReceiptStatusEnum;

  @Field()
  createdAt!: Date;

  @Field(() => [ID])
  accountIds!: string[];

  @Field({ description: "EXECUTED, PARTIAL, FAILED or REFUSED." })
  outcome!: string;

  @Field(() => [ActionOutcomeView])
  actions!: ActionOutcomeView[];

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  acknowledgedBy!: string | null;
}

@ObjectType("ProposalPage", { simpleResolvers: true })
export class ProposalPageView {
  @Field(() => [ProposalView])
  items!: ProposalView[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType("ReceiptPage", { simpleResolvers: true })
export class ReceiptPageView {
  @Field(() => [ReceiptView])
  items!: ReceiptView[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType("ProposalFilter")
export class ProposalFilterInput {
  @Field(() => ProposalStatusEnum, { nullable: true })
  status?: ProposalStatusEnum | null;

  @Field(() => ID, { nullable: true })
  playbookId?: string | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => ID, { nullable: true })
  ownerUserId?: string | null;
}

@InputType("ReceiptFilter")
export class ReceiptFilterInput {
  @Field(() => ReceiptStatusEnum, { nullable: true })
  status?: ReceiptStatusEnum | null;

  @Field(() => ID, { nullable: true })
  playbookId?: string | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => ID, { nullable: true })
  ownerUserId?: string | null;
}

@ObjectType("ProposalConfirmation", { simpleResolvers: true })
export class ProposalConfirmationView {
  @Field(() => ProposalView)
  proposal!: ProposalView;

  @Field({ description: "EXECUTED, PARTIAL, FAILED or REFUSED." })
  status!: string;

  @Field(() => [Int], { description: "The audit records written (sequence numbers)." })
  auditSeqs!: number[];
}

function outcomes(json: string): ActionOutcomeView[] {
  return (JSON.parse(json) as ActionOutcomeView[]).map((o) => ({
    index: o.index,
    kind: o.kind,
    status: o.status,
    resultId: o.resultId ?? null,
    reason: o.reason ?? null,
  }));
}

const date = (value: string | null) => (value === null ? null : new Date(value));

export function toProposalView(p: Proposal): ProposalView {
  const firing = JSON.parse(p.firing) as { basis?: unknown };
  return {
    id: p.id,
    firingId: p.firingId,
    playbookId: p.playbookId,
    playbookVersion: p.playbookVersion,
    playbookName: p.playbookName,
    ownerUserId: p.ownerUserId,
    status: p.status as ProposalStatusEnum,
    createdAt: new Date(p.createdAt),
    accountIds: p.accountIds,
    actions: outcomes(p.actions),
    basis: JSON.stringify(firing.basis ?? []),
    decidedAt: date(p.decidedAt),
    decidedBy: p.decidedBy,
    reason: p.reason,
    outcome: p.outcome,
  };
}

export function toReceiptView(r: Receipt): ReceiptView {
  return {
    id: r.id,
    firingId: r.firingId,
    playbookId: r.playbookId,
    playbookVersion: r.playbookVersion,
    playbookName: r.playbookName,
    ownerUserId: r.ownerUserId,
    status: r.status as ReceiptStatusEnum,
    createdAt: new Date(r.createdAt),
    accountIds: r.accountIds,
    outcome: r.outcome,
    actions: outcomes(r.actions),
    acknowledgedAt: date(r.acknowledgedAt),
    acknowledgedBy: r.acknowledgedBy,
  };
}
