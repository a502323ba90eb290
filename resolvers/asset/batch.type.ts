import { Field, ObjectType } from "type-graphql";

/** A production batch as the API shows it; other facts about a batch are added as fields here. */
export interface BatchView {
  code: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "A production batch (e.g. a battery cell batch) that assets come from; its code is unique per tenant.",
})
export class Batch implements BatchView {
  @Field({ description: "The batch code as ingest received it." })
  code!: string;
}
