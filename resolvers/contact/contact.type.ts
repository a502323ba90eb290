import { Field, ObjectType } from "type-graphql";
import { Contact as ContactModel } from "../../domain/model";
import { BuyingRole } from "../../domain/records";
import { BuyingRoleEnum } from "../common/enums";
import { ProvenanceFields } from "../common/provenance.type";
import { NodeInterface } from "../node/node.interface";

@ObjectType({
  simpleResolvers: true,
  description: "A person at a customer, often part of its buying committee.",
  implements: [ProvenanceFields, NodeInterface],
})
export class Contact extends ProvenanceFields implements ContactModel {
  accountId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => BuyingRoleEnum, { nullable: true })
  buyingRole!: BuyingRole | null;
}
