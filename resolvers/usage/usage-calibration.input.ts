import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "Whole weeks (Monday to Sunday, UTC) ending before the week of `to`." })
export class UsagePeriodInput {
  @Field(() => Int, { nullable: true, description: "How many weeks (2 to 52, default 4)." })
  weeks?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO 8601 date-time; the period ends before its week (default now).",
  })
  to?: string | null;
}
