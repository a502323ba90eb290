import { Field, ID, InputType } from "type-graphql";
import { RecordRef } from "../../domain/deletion/record-ref";

@InputType({
  description:
    "Names one record: by id, or by sourceSystem and externalId (a signal's recordId). Give one form, not both.",
})
export class RecordRefInput implements RecordRef {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  sourceSystem?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The record's id in its source system; for a signal, its recordId.",
  })
  externalId?: string | null;
}
