import { Field, ObjectType } from "type-graphql";
import { SourceSystem as SourceSystemModel } from "../../domain/model";
import { SourceSystemKind } from "../../domain/records";
import { SourceSystemKindEnum } from "../common/enums";

@ObjectType({
  simpleResolvers: true,
  description: "A system records come from: a CRM, call center, IoT platform, ERP, ...",
})
export class SourceSystem implements SourceSystemModel {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => SourceSystemKindEnum, { description: "OTHER until the system is described with upsertSourceSystems." })
  kind!: SourceSystemKind;
}
