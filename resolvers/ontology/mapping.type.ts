import { GraphQLJSONObject } from "graphql-scalars";
import { Field, Float, InputType, ObjectType } from "type-graphql";

@ObjectType({
  simpleResolvers: true,
  description: "How one field of one source system measures one concept (with SSSOM-style provenance).",
})
export class Mapping {
  @Field({ description: "Source system key." })
  system!: string;

  @Field()
  field!: string;

  @Field({ description: "The id of the concept measured." })
  conceptId!: string;

  @Field({ description: "NUMBER, STRING or BOOLEAN." })
  dataType!: string;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, { nullable: true, description: "Unit the value is converted to before the transform." })
  targetUnit!: string | null;

  @Field(() => GraphQLJSONObject, { description: "{ kind: linear | log | piecewise | lookup | boolean, … }" })
  transform!: Record<string, unknown>;

  @Field({ description: "HIGHER_IS_BETTER or LOWER_IS_BETTER." })
  polarity!: string;

  @Field(() => GraphQLJSONObject, { description: "{ kind: fixed, min, max } or { kind: percentile }" })
  normalization!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { description: "{ kind: latest | mean | sum | count | trend, window }" })
  aggregation!: Record<string, unknown>;

  @Field(() => Float)
  weight!: number;

  @Field({ description: "exact, close, broad, narrow or related." })
  predicate!: string;

  @Field()
  author!: string;

  @Field({ description: "manual-curation, lexical-match or learned." })
  justification!: string;

  @Field(() => Float)
  confidence!: number;

  @Field({ description: "YYYY-MM-DD." })
  date!: string;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field({ description: "BUILT_IN (from a shipped pack) or TENANT (your own)." })
  source!: string;

  @Field(() => String, { nullable: true, description: "The pack the mapping comes from, if any." })
  pack!: string | null;
}

@InputType({ description: "A mapping to create or replace for your tenant (see Mapping for the fields)." })
export class MappingInput {
  @Field()
  system!: string;

  @Field()
  field!: string;

  @Field()
  concept!: string;

  @Field()
  dataType!: string;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field(() => String, { nullable: true })
  targetUnit?: string | null;

  @Field(() => GraphQLJSONObject)
  transform!: Record<string, unknown>;

  @Field()
  polarity!: string;

  @Field(() => GraphQLJSONObject)
  normalization!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject)
  aggregation!: Record<string, unknown>;

  @Field(() => Float, { defaultValue: 1 })
  weight!: number;

  @Field({ defaultValue: "exact" })
  predicate!: string;

  @Field()
  author!: string;

  @Field({ defaultValue: "manual-curation" })
  justification!: string;

  @Field(() => Float, { defaultValue: 1 })
  confidence!: number;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; defaults to today." })
  date?: string | null;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}
