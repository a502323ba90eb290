import { Field, ObjectType } from "type-graphql";
import { Team as TeamModel } from "../../domain/model";
import { ProvenanceFields } from "../common/provenance.type";
import { NodeInterface } from "../node/node.interface";

@ObjectType({
  simpleResolvers: true,
  description: "A team of users (e.g. the sales team of a region); tasks can be assigned to it.",
  implements: [ProvenanceFields, NodeInterface],
})
export class Team extends ProvenanceFields implements TeamModel {
  @Field()
  name!: string;
}
