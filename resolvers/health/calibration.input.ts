import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "Which outcomes count as bad, and how long before the outcome the features are read." })
export class CalibrationOutcomeInput {
  @Field(() => [String], { defaultValue: ["CHURNED", "DOWNGRADED"] })
  badLabels!: string[];

  @Field(() => Int, { defaultValue: 90, description: "Features are read this many days before each outcome." })
  horizonDays!: number;
}
