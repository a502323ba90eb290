import { Field, ObjectType } from "type-graphql";
import { Organization as OrganizationModel } from "../../domain/model";
import { OrganizationKind } from "../../domain/records";
import { OrganizationKindEnum } from "../common/enums";
import { ProvenanceFields } from "../common/provenance.type";
import { NodeInterface } from "../node/node.interface";

@ObjectType({
  simpleResolvers: true,
  description: "A partner, supplier, service provider or reseller in the value network.",
  implements: [ProvenanceFields, NodeInterface],
})
export class Organization extends ProvenanceFields implements OrganizationModel {
  @Field()
  name!: string;

  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => [String], { description: "The regions it serves (e.g. as a region's service partner), sorted." })
  servesRegions!: string[];
}
