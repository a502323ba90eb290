import { Field, ID, InterfaceType } from "type-graphql";

/** Fields every stored record has: where it came from and when Relata saw it. */
@InterfaceType("SourcedRecord", { description: "A record from a source system, with its provenance." })
export abstract class ProvenanceFields {
  @Field(() => ID, { description: "Relata's id; stable across re-ingests of the same record." })
  id!: string;

  @Field({ description: "The key of the source system the record came from." })
  sourceSystem!: string;

  @Field({ description: "The record's id in its source system." })
  externalId!: string;

  @Field(() => Date, { description: "When Relata first stored the record." })
  firstSeenAt!: string;

  @Field(() => Date, { description: "When the record's content last changed." })
  lastUpdatedAt!: string;
}
