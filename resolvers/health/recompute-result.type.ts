import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true })
export class RecomputeResult {
  @Field()
  runId!: string;

  @Field({ description: "An interrupted run was resumed." })
  resumed!: boolean;

  @Field()
  incremental!: boolean;

  @Field(() => Int)
  processed!: number;

  @Field(() => Int, { description: "Accounts that got a score (the others had no data)." })
  scored!: number;

  @Field(() => ID)
  modelId!: string;

  @Field(() => Int)
  version!: number;
}
