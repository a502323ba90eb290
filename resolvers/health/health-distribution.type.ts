import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true })
export class GradeCount {
  @Field()
  grade!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: "Grades and score percentiles of one group of accounts." })
export class HealthDistributionGroup {
  @Field(() => String, { nullable: true })
  group!: string | null;

  @Field(() => Int)
  accounts!: number;

  @Field(() => Int, { description: "Accounts with a score (the others had no data)." })
  scored!: number;

  @Field(() => [GradeCount])
  grades!: GradeCount[];

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, { nullable: true })
  p10!: number | null;

  @Field(() => Float, { nullable: true })
  p25!: number | null;

  @Field(() => Float, { nullable: true })
  p50!: number | null;

  @Field(() => Float, { nullable: true })
  p75!: number | null;

  @Field(() => Float, { nullable: true })
  p90!: number | null;
}
