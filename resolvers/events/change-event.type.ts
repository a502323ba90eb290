import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { ChangeRecordType, ChangeType, recordTypeOf, StoredChange } from "../../domain/events/change-event";
import { encodeChangeCursor } from "../../domain/events/change-cursor";
import { ChangeRecordTypeEnum, ChangeTypeEnum } from "../common/enums";

@ObjectType({ description: "One field a change set: its value before and after (null: absent)." })
export class FieldChangeView {
  @Field()
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: "The value before the change; null when it had none." })
  old!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "The value after the change; null when it has none." })
  new!: unknown;

  @Field({ description: "A person's name, email, phone, title or id: stored encrypted, erasable." })
  personal!: boolean;

  @Field({ description: "The person's data was erased: old and new are null for good." })
  erased!: boolean;
}

@ObjectType({ description: "A change to the graph, in the tenant's order of commits." })
export class ChangeEventView {
  @Field(() => ID, { description: "Stable across every read and delivery: deduplicate on it." })
  id!: string;

  @Field({ description: "Resume the feed after this event." })
  cursor!: string;

  @Field(() => Int, { description: "The event's place in the tenant's sequence (strictly increasing)." })
  sequence!: number;

  @Field(() => ChangeTypeEnum)
  type!: ChangeType;

  @Field(() => ChangeRecordTypeEnum)
  recordType!: ChangeRecordType;

  @Field({ description: "The id of the record changed (a node id, a source system's key, or a model's id)." })
  recordId!: string;

  @Field(() => String, { nullable: true })
  externalId!: string | null;

  @Field(() => String, { nullable: true })
  sourceSystem!: string | null;

  @Field(() => [FieldChangeView])
  changes!: FieldChangeView[];

  @Field({ description: "Who caused it: the token's subject, or job:<name> for the server's own jobs." })
  actor!: string;

  @Field({ description: "When the change was written (ISO 8601)." })
  at!: string;
}

export function toChangeEventView(event: StoredChange): ChangeEventView {
  return {
    id: event.id,
    cursor: encodeChangeCursor(event.seq),
    sequence: event.seq,
    type: event.type,
    recordType: recordTypeOf(event.type),
    recordId: event.recordId,
    externalId: event.externalId,
    sourceSystem: event.sourceSystem,
    changes: event.changes.map((change) => ({
      field: change.field,
      old: change.old ?? null,
      new: change.new ?? null,
      personal: change.personal === true,
      erased: change.erased === true,
    })),
    actor: event.actor,
    at: event.at,
  };
}

@ObjectType({ description: "A page of the change feed." })
export class ChangePageView {
  @Field(() => [ChangeEventView])
  events!: ChangeEventView[];

  @Field({ description: "Pass as `after` to read on; keep it to resume after a restart." })
  endCursor!: string;

  @Field({ description: "More events of the types asked for are committed after this page: read on now." })
  hasMore!: boolean;

  @Field({ description: "The newest event committed when this page was read (any type)." })
  headCursor!: string;
}
