import { Field, Float, ObjectType } from "type-graphql";
import { Signal as SignalModel } from "../../domain/model";
import { SignalSubjectKind } from "../../domain/records";
import { SignalValueType } from "../../domain/model";
import { SignalSubjectKindEnum, SignalValueTypeEnum } from "../common/enums";
import { ProvenanceFields } from "../common/provenance.type";
import { NodeInterface } from "../node/node.interface";

@ObjectType({
  simpleResolvers: true,
  description: "One time-stamped observation from a source system.",
  implements: [ProvenanceFields, NodeInterface],
})
export class Signal extends ProvenanceFields implements SignalModel {
  @Field({ description: "The record's id in its source system (the same as externalId)." })
  recordId!: string;

  @Field({ description: "The source field this is a value of, e.g. csat_score." })
  field!: string;

  @Field(() => SignalValueTypeEnum, { description: "Which of the value fields is set." })
  valueType!: SignalValueType;

  @Field(() => Float, { nullable: true })
  numberValue!: number | null;

  @Field(() => String, { nullable: true })
  stringValue!: string | null;

  @Field(() => Boolean, { nullable: true })
  booleanValue!: boolean | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => Date)
  observedAt!: string;

  @Field(() => SignalSubjectKindEnum)
  subjectKind!: SignalSubjectKind;

  @Field({ description: "The id of the account, contact or asset the signal is about." })
  subjectId!: string;
}
