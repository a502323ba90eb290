import { Field, ID, Int, ObjectType } from "type-graphql";
import { RecordStatus } from "../../domain/ingest/ingest-result";
import { RecordStatusEnum } from "../common/enums";

@ObjectType({ simpleResolvers: true, description: "A record that was not stored, and why." })
export class RecordRejection {
  @Field(() => Int, { description: "Its position in the input list, from 0." })
  index!: number;

  @Field(() => String, { nullable: true })
  externalId!: string | null;

  @Field()
  reason!: string;
}

@ObjectType({ simpleResolvers: true, description: "A stored record." })
export class RecordOutcome {
  @Field(() => Int)
  index!: number;

  @Field(() => ID)
  id!: string;

  @Field(() => RecordStatusEnum)
  status!: RecordStatus;
}

@ObjectType({
  simpleResolvers: true,
  description: "What a bulk upsert did. Sending the same batch again reports every record unchanged.",
})
export class IngestResult {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [RecordRejection])
  rejections!: RecordRejection[];

  @Field(() => [RecordOutcome])
  records!: RecordOutcome[];
}
