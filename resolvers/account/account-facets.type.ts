import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "A value a filter can take, and how many items have it." })
export class FacetValue {
  @Field()
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "The values the account filter's dimensions take in your tenant, most common first. Each dimension counts " +
    "the accounts matching every other condition of the filter (not its own, so the alternatives stay visible).",
})
export class AccountFacets {
  @Field(() => [FacetValue])
  industry!: FacetValue[];

  @Field(() => [FacetValue])
  segment!: FacetValue[];

  @Field(() => [FacetValue])
  region!: FacetValue[];

  @Field(() => [FacetValue], { description: "The source systems the accounts come from." })
  sourceSystem!: FacetValue[];

  @Field(() => [FacetValue], {
    description: "Opportunity stages: opportunities of the accounts matching the whole filter.",
  })
  stage!: FacetValue[];
}
