import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  DELETION_ERROR_CODES,
  DELETION_STATUSES,
  DeletionErrorCode,
  DeletionStatus,
} from "../../domain/deletion/deletion-result";
import { enumOf } from "../common/enums";

const DeletionStatusEnum = enumOf(DELETION_STATUSES);
const DeletionErrorCodeEnum = enumOf(DELETION_ERROR_CODES);

registerEnumType(DeletionStatusEnum, {
  name: "DeletionStatus",
  description: "What a delete or restore did to one record.",
  valuesConfig: {
    DELETED: { description: "It was live and is now deleted, with what its deletion took along." },
    ALREADY_DELETED: { description: "It was already deleted; nothing changed." },
    RESTORED: { description: "It is live again, with what its deletion had taken along." },
    NOT_DELETED: { description: "It is live; nothing changed." },
  },
});
registerEnumType(DeletionErrorCodeEnum, {
  name: "DeletionErrorCode",
  description: "Why a record of a delete or restore was not processed.",
  valuesConfig: {
    INVALID_REF: { description: "A malformed id, or neither or both of id and (sourceSystem, externalId)." },
    NOT_FOUND: { description: "No such record in this tenant." },
    PURGED: { description: "Deleted and purged after the retention period; it cannot be restored." },
    PARENT_DELETED: { description: "Its account or subject is deleted; restore that first." },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: "How many records a deletion took along (or a restore brought back).",
})
export class CascadeCounts {
  @Field(() => Int)
  contacts!: number;

  @Field(() => Int)
  opportunities!: number;

  @Field(() => Int)
  assets!: number;

  @Field(() => Int)
  signals!: number;

  @Field(() => Int, { description: "Health scores, grade changes, manual measures and outcomes." })
  healthRecords!: number;
}

@ObjectType({ simpleResolvers: true, description: "A record a delete or restore processed." })
export class DeletionOutcome {
  @Field(() => Int, { description: "Its position in the input list, from 0." })
  index!: number;

  @Field(() => ID)
  id!: string;

  @Field(() => DeletionStatusEnum)
  status!: DeletionStatus;

  @Field(() => String, { nullable: true, description: "When it was deleted; null when it is live." })
  deletedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Until when it can be restored; after that it is purged for good. Null when it is live.",
  })
  restorableUntil!: string | null;

  @Field(() => CascadeCounts, { description: "What this call deleted or restored with it (zero when unchanged)." })
  cascaded!: CascadeCounts;
}

@ObjectType({ simpleResolvers: true, description: "A record a delete or restore did not process, and why." })
export class DeletionRejection {
  @Field(() => Int)
  index!: number;

  @Field(() => String, { nullable: true, description: 'The reference as sent: an id, or "sourceSystem/externalId".' })
  ref!: string | null;

  @Field(() => DeletionErrorCodeEnum)
  code!: DeletionErrorCode;

  @Field()
  reason!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "What a bulk delete or restore did. Sending the same call again changes nothing more.",
})
export class DeletionResult {
  @Field(() => Int, { description: "Records deleted (or restored) by this call." })
  changed!: number;

  @Field(() => Int, { description: "Records already in the state asked for." })
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [DeletionOutcome])
  records!: DeletionOutcome[];

  @Field(() => [DeletionRejection])
  rejections!: DeletionRejection[];
}
