import { Field, Float, ObjectType } from "type-graphql";
import { Opportunity as OpportunityModel } from "../../domain/model";
import { OpportunityStage } from "../../domain/records";
import { OpportunityStageEnum } from "../common/enums";
import { ProvenanceFields } from "../common/provenance.type";
import { NodeInterface } from "../node/node.interface";

@ObjectType({
  simpleResolvers: true,
  description: "A deal with a customer.",
  implements: [ProvenanceFields, NodeInterface],
})
export class Opportunity extends ProvenanceFields implements OpportunityModel {
  accountId!: string;

  @Field()
  name!: string;

  @Field(() => OpportunityStageEnum)
  stage!: OpportunityStage;

  @Field(() => Float, { nullable: true })
  amount!: number | null;

  @Field(() => String, { nullable: true, description: "ISO 4217 code." })
  currency!: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD." })
  closeDate!: string | null;
}
