import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { ConsentVersion } from "../../domain/personal-data/consent";
import { ErasureAnswer } from "../../domain/personal-data/erasure-answer";
import { PersonConsents } from "../../services/personal-data/consent.service";
import { PersonExport } from "../../services/personal-data/person-data-request.service";
import { ConsentChannelEnum, ConsentPurposeEnum, LegalBasisEnum } from "./consent.input";

@ObjectType({ description: "One version of a consent record, as recorded then." })
export class ConsentVersionView {
  @Field(() => Int)
  version!: number;

  @Field(() => ConsentPurposeEnum)
  purpose!: string;

  @Field(() => LegalBasisEnum)
  legalBasis!: string;

  @Field(() => ConsentChannelEnum)
  channel!: string;

  @Field(() => String, { nullable: true })
  evidenceText!: string | null;

  @Field(() => String, { nullable: true })
  evidenceUrl!: string | null;

  @Field()
  grantedAt!: string;

  @Field(() => String, { nullable: true })
  withdrawnAt!: string | null;

  @Field(() => String, { nullable: true })
  expiresAt!: string | null;

  @Field({ description: "When this version was recorded." })
  recordedAt!: string;

  @Field({ description: "Who recorded it (user:<subject> or agent:<name>)." })
  actor!: string;
}

@ObjectType({ description: "A consent record: its current version and every version before it." })
export class ConsentView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  sourceSystem!: string;

  @Field({ description: "erased:<id> once the person was erased." })
  externalId!: string;

  @Field(() => ConsentPurposeEnum)
  purpose!: string;

  @Field(() => LegalBasisEnum)
  legalBasis!: string;

  @Field(() => ConsentChannelEnum)
  channel!: string;

  @Field(() => String, { nullable: true })
  evidenceText!: string | null;

  @Field(() => String, { nullable: true })
  evidenceUrl!: string | null;

  @Field()
  grantedAt!: string;

  @Field(() => String, { nullable: true })
  withdrawnAt!: string | null;

  @Field(() => String, { nullable: true })
  expiresAt!: string | null;

  @Field(() => Int)
  version!: number;

  @Field()
  recordedAt!: string;

  @Field({ description: "Valid now: granted, not withdrawn, not expired." })
  validNow!: boolean;

  @Field()
  erased!: boolean;

  @Field(() => [ConsentVersionView], { description: "Every version, oldest first (the current one last)." })
  history!: ConsentVersionView[];
}

@ObjectType({ description: "A person's consents." })
export class PersonConsentsView {
  @Field(() => ID)
  personId!: string;

  @Field({ description: "The person's data was erased (evidence texts are gone; purposes and times stay)." })
  erased!: boolean;

  @Field(() => [ConsentView])
  consents!: ConsentView[];
}

@ObjectType({ description: "The answer to an access request: everything Relata holds about the person." })
export class PersonDataExportView {
  @Field(() => ID)
  personId!: string;

  @Field(() => GraphQLJSON, {
    description:
      "One JSON document (format relata.person-export/1): person, identities, contacts, signals, consents with " +
      "history, tasks, auditReferences, changeEvents, webhookDeliveries, counts. docs/personal-data-requests.md.",
  })
  document!: Record<string, unknown>;
}

@ObjectType({ description: "A copy of the person's data already delivered (or queued) to a webhook receiver." })
export class WebhookCopyView {
  @Field(() => ID)
  deliveryId!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field()
  url!: string;

  @Field()
  status!: string;

  @Field()
  createdAt!: string;

  @Field(() => String, { nullable: true })
  deliveredAt!: string | null;

  @Field(() => [String], { description: "The person's events it carried: type@sequence." })
  events!: string[];
}

@ObjectType({ description: "A store that keeps old values for a while after the erasure." })
export class AgesOutView {
  @Field()
  store!: string;

  @Field(() => String, {
    nullable: true,
    description: "When the last copy is gone at the latest; null: operator's call.",
  })
  until!: string | null;

  @Field()
  note!: string;
}

@ObjectType({ description: "How many records of each kind the erasure rewrote or removed now." })
export class ErasedCountsView {
  @Field(() => Int) contacts!: number;
  @Field(() => Int) identities!: number;
  @Field(() => Int) blockingKeys!: number;
  @Field(() => Int) signals!: number;
  @Field(() => Int) consents!: number;
  @Field(() => Int) changeEvents!: number;
  @Field(() => Int) personKeys!: number;
  @Field(() => Int) webhookDeliveries!: number;
  @Field(() => Int) otherRecords!: number;
  @Field(() => Int, { description: "Salted hashes of the erased records' keys: a re-ingest under them is refused." })
  tombstones!: number;
  @Field(() => Int, {
    description:
      "Salted hashes of the person's emails and phones: a contact or identity carrying one is refused under any key.",
  })
  channelTombstones!: number;
}

@ObjectType({ description: "The answer to an erasure request." })
export class ErasureAnswerView {
  @Field({ description: "A dry run: what the erasure would do now. Nothing was changed; requestId was not stored." })
  dryRun!: boolean;

  @Field(() => ID)
  requestId!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  erasedAt!: string;

  @Field()
  reason!: string;

  @Field(() => ErasedCountsView)
  erasedNow!: ErasedCountsView;

  @Field(() => [AgesOutView])
  agesOut!: AgesOutView[];

  @Field(() => [WebhookCopyView], { description: "Receivers that already got copies: pass the request on to them." })
  webhookCopies!: WebhookCopyView[];

  @Field(() => [String], { description: "What stays, and why it is not personal." })
  kept!: string[];
}

function versionView(version: ConsentVersion): ConsentVersionView {
  return { ...version };
}

export function toPersonConsentsView(found: PersonConsents): PersonConsentsView {
  return {
    personId: found.personId,
    erased: found.erased,
    consents: found.consents.map((c) => ({ ...c, history: c.history.map(versionView) })),
  };
}

export function toExportView(found: PersonExport): PersonDataExportView {
  return { personId: found.personId, document: found.document };
}

export function toErasureAnswerView(answer: ErasureAnswer): ErasureAnswerView {
  return {
    ...answer,
    erasedNow: { ...answer.erasedNow },
    agesOut: answer.agesOut.map((a) => ({ ...a })),
    webhookCopies: answer.webhookCopies.map((c) => ({ ...c, events: c.events.map((e) => `${e.type}@${e.seq}`) })),
    kept: [...answer.kept],
  };
}
