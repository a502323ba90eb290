import { Field, ID, ObjectType } from "type-graphql";
import { SourceSystem as SourceSystemModel } from "../../domain/model";
import { SourceSystemKind } from "../../domain/records";
import { SourceSystemKindEnum } from "../common/enums";
import { NodeInterface } from "../node/node.interface";

@ObjectType({
  simpleResolvers: true,
  description: "A system records come from: a CRM, call center, IoT platform, ERP, ...",
  implements: NodeInterface,
})
export class SourceSystem implements SourceSystemModel {
  @Field(() => ID, { description: "A global id for node(id:); derived from your tenant and the key." })
  id!: string;

  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => SourceSystemKindEnum, { description: "OTHER until the system is described with upsertSourceSystems." })
  kind!: SourceSystemKind;
}
