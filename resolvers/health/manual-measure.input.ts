import { Field, Float, ID, InputType } from "type-graphql";

@InputType()
export class ManualMeasureInput {
  @Field(() => ID)
  accountId!: string;

  @Field()
  concept!: string;

  @Field(() => Float, { description: "0..1, 1 = best." })
  value!: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;
}
