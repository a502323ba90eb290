import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ChangeType } from "../../domain/events/change-event";
import { encodeChangeCursor } from "../../domain/events/change-cursor";
import { HealthReportReason } from "../../domain/events/health-threshold";
import { AccountHealthDelivery } from "../../services/events/change-subscriptions";
import { ChangeTypeEnum } from "../common/enums";

export const HealthChangeReasonEnum = { GRADE_CHANGED: "GRADE_CHANGED", SCORE_MOVED: "SCORE_MOVED" } as const;
registerEnumType(HealthChangeReasonEnum, {
  name: "HealthChangeReason",
  description: "Why accountHealthChanged reported a change: a new grade, or a score move of at least the threshold.",
});

@ObjectType({ description: "A reported change of an account's health (accountHealthChanged)." })
export class AccountHealthChangeView {
  @Field(() => ID)
  accountId!: string;

  @Field(() => HealthChangeReasonEnum)
  reason!: HealthReportReason;

  @Field(() => String, { nullable: true, description: "The grade before; null when this change kept the grade." })
  oldGrade!: string | null;

  @Field(() => String, { nullable: true, description: "The grade after; null when this change kept the grade." })
  newGrade!: string | null;

  @Field(() => Float, { nullable: true })
  oldScore!: number | null;

  @Field(() => Float, { nullable: true })
  newScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "How far the score moved from the last score this subscription reported (at first: before the change).",
  })
  scoreDelta!: number | null;

  @Field(() => ID, { description: "The change event's stable id." })
  eventId!: string;

  @Field({ description: "Subscribe again with `after` set to this to resume here." })
  cursor!: string;

  @Field(() => Int)
  sequence!: number;

  @Field(() => ChangeTypeEnum)
  type!: ChangeType;

  @Field({ description: "When the change was written (ISO 8601)." })
  at!: string;
}

export function toAccountHealthChangeView({ event, report }: AccountHealthDelivery): AccountHealthChangeView {
  return {
    accountId: event.recordId,
    reason: report.reason,
    oldGrade: report.gradeChanged ? report.oldGrade : null,
    newGrade: report.gradeChanged ? report.newGrade : null,
    oldScore: report.oldScore,
    newScore: report.newScore,
    scoreDelta: report.scoreDelta,
    eventId: event.id,
    cursor: encodeChangeCursor(event.seq),
    sequence: event.seq,
    type: event.type,
    at: event.at,
  };
}
