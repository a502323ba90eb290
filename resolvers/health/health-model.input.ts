import { GraphQLJSONObject } from "graphql-scalars";
import { Field, Float, ID, InputType, Int } from "type-graphql";

@InputType()
export class GradeBandInput {
  @Field()
  grade!: string;

  @Field(() => Float)
  min!: number;
}

@InputType()
export class HealthModelInput {
  @Field(() => ID, { description: "Lower-case id; defining an existing id creates a new version." })
  id!: string;

  @Field()
  name!: string;

  @Field({ defaultValue: "TENANT" })
  scopeKind!: string;

  @Field(() => String, { nullable: true })
  scopeValue?: string | null;

  @Field({ defaultValue: "core:customer-health" })
  rootConcept!: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  weights?: Record<string, number> | null;

  @Field(() => [GradeBandInput], { nullable: true, description: "Default: GREEN ≥ 70, YELLOW ≥ 40, RED ≥ 0." })
  bands?: GradeBandInput[] | null;

  @Field(() => Int, { nullable: true })
  windowDays?: number | null;

  @Field({ defaultValue: true })
  includeContacts!: boolean;

  @Field({ defaultValue: true })
  includeAssets!: boolean;
}
