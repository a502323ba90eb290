import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true })
export class CalibrationPointView {
  @Field({ description: "The week's Monday (YYYY-MM-DD)." })
  week!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;
}

@ObjectType("CalibrationCheck", {
  simpleResolvers: true,
  description: "One figure of the product brief's calibration.",
})
export class CalibrationCheckView {
  @Field({
    description: "AUTOMATION_AI_GROWTH, MPUS_CREATED_PER_PERSON_MONTH, MPU_ADOPTION, ANCHOR_QUERIES_PER_PERSON_WEEK.",
  })
  name!: string;

  @Field({ description: "TECHNOLOGY, ORGANISATION or DATA." })
  area!: string;

  @Field(() => Float, { nullable: true, description: "Null: no data to judge by (the sentence says why)." })
  value!: number | null;

  @Field(() => Float)
  threshold!: number;

  @Field({ description: "AT_LEAST (healthy when value ≥ threshold) or ABOVE (value > threshold)." })
  comparison!: string;

  @Field(() => Boolean, { nullable: true })
  healthy!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "RISING, FALLING or FLAT over the period's weeks; null without two weeks of data.",
  })
  trend!: string | null;

  @Field(() => [CalibrationPointView], { description: "The figure per week of the period, oldest first." })
  series!: CalibrationPointView[];

  @Field()
  sentence!: string;
}

@ObjectType("UsageCalibration", {
  simpleResolvers: true,
  description: "Is Relata really used? The three checks of the product brief.",
})
export class UsageCalibrationView {
  @Field({ description: "The period's first day (inclusive), ISO 8601." })
  from!: string;

  @Field({ description: "The day after the period (exclusive)." })
  to!: string;

  @Field(() => [String])
  weeks!: string[];

  @Field(() => Int, { nullable: true, description: "The people per-person figures divide by: the tenant's users." })
  people!: number | null;

  @Field(() => [CalibrationCheckView])
  checks!: CalibrationCheckView[];
}
