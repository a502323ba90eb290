import { Field, Float, ObjectType } from "type-graphql";
import { Account as AccountModel } from "../../domain/model";
import { ProvenanceFields } from "../common/provenance.type";
import { NodeInterface } from "../node/node.interface";

@ObjectType({
  simpleResolvers: true,
  description: "A customer organisation.",
  implements: [ProvenanceFields, NodeInterface],
})
export class Account extends ProvenanceFields implements AccountModel {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  industry!: string | null;

  @Field(() => String, { nullable: true, description: "e.g. ENTERPRISE, MID_MARKET, SMB." })
  segment!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => Float, { nullable: true, description: "In whole currency units." })
  annualRevenue!: number | null;

  ownerExternalId!: string | null;
}
