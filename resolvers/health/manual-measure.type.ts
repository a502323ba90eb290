import { Field, Float, ID, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true })
export class ManualMeasure {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field()
  concept!: string;

  @Field(() => Float)
  value!: number;

  @Field()
  author!: string;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => String, { nullable: true })
  expiresAt!: string | null;
}
