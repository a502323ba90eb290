import { Field, InputType } from "type-graphql";
import { RecordType } from "../../domain/ids/record-types";
import { RecordTypeEnum } from "../common/enums";

@InputType({ description: "A record named the way its source system names it." })
export class ExternalKeyInput {
  @Field(() => RecordTypeEnum)
  type!: RecordType;

  @Field({ description: "The key of the source system, as in the record's sourceSystem." })
  sourceSystem!: string;

  @Field({ description: "The record's id in that system (a signal's recordId)." })
  externalId!: string;
}
