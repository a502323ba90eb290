import { Field, InputType } from "type-graphql";

@InputType()
export class OutcomeAccountRef {
  @Field()
  externalId!: string;

  @Field(() => String, { nullable: true, description: 'Default "crm".' })
  sourceSystem?: string | null;
}

@InputType({ description: "What happened to a customer: CHURNED, RENEWED, EXPANDED or DOWNGRADED, on a date." })
export class OutcomeInput {
  @Field(() => OutcomeAccountRef)
  account!: OutcomeAccountRef;

  @Field()
  label!: string;

  @Field({ description: "YYYY-MM-DD." })
  occurredOn!: string;
}
