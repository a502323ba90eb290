import { Field, Float, InputType } from "type-graphql";
import {
  AccountRecord,
  AccountRef,
  AssetRecord,
  BuyingRole,
  ContactRecord,
  NetworkRelationship,
  OpportunityRecord,
  OpportunityStage,
  OrganizationKind,
  OrganizationLinkRecord,
  OrganizationRecord,
  SignalRecord,
  SignalSubjectKind,
  SignalSubjectRef,
  SourceSystemKind,
  SourceSystemRecord,
  Seniority,
  TeamRecord,
  TeamRef,
  UserRecord,
  UserRef,
  UserRole,
  ContactRef,
  TicketAssignmentRecord,
  TicketPriority,
  TicketRecord,
} from "../../domain/records";
import {
  BuyingRoleEnum,
  NetworkRelationshipEnum,
  OpportunityStageEnum,
  OrganizationKindEnum,
  SeniorityEnum,
  SignalSubjectKindEnum,
  SourceSystemKindEnum,
  TicketPriorityEnum,
} from "../common/enums";

@InputType({ description: "Describes a source system; records name it by key." })
export class SourceSystemInput implements SourceSystemRecord {
  @Field({ description: 'Lower-case key used in records, e.g. "salesforce".' })
  key!: string;

  @Field()
  name!: string;

  @Field(() => SourceSystemKindEnum)
  kind!: SourceSystemKind;
}

/** A record keyed by its source system and its id there. */
@InputType("KeyedRecordInput")
abstract class KeyedInput {
  @Field({ description: "The key of the source system the record comes from." })
  sourceSystem!: string;

  @Field({ description: "The record's id in that source system." })
  externalId!: string;
}

@InputType({ description: "An account named by its external id." })
export class AccountRefInput implements AccountRef {
  @Field()
  externalId!: string;

  @Field(() => String, { nullable: true, description: "Defaults to the referring record's source system." })
  sourceSystem?: string | null;
}

@InputType({ description: "A user named by external id (unique per tenant across source systems)." })
export class UserRefInput implements UserRef {
  @Field()
  externalId!: string;
}

@InputType({ description: "A team named by its external id." })
export class TeamRefInput implements TeamRef {
  @Field()
  externalId!: string;

  @Field(() => String, { nullable: true, description: "Defaults to the referring record's source system." })
  sourceSystem?: string | null;
}

@InputType()
export class AccountInput extends KeyedInput implements AccountRecord {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => String, { nullable: true })
  segment?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => Float, { nullable: true })
  annualRevenue?: number | null;

  @Field(() => UserRefInput, {
    nullable: true,
    description: "The user who owns the account. A user not upserted yet is linked when they arrive; null clears.",
  })
  owner?: UserRefInput | null;
}

@InputType({ description: "A user; externalId is unique per tenant across source systems and is their token sub." })
export class UserInput extends KeyedInput implements UserRecord {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "admin, analyst, integrator, viewer and/or rep: what the user may do (caps their tokens).",
  })
  roles?: UserRole[] | null;

  @Field(() => TeamRefInput, { nullable: true, description: "The user's team; it must exist (upsertTeams first)." })
  team?: TeamRefInput | null;

  @Field(() => UserRefInput, {
    nullable: true,
    description: "The user's manager; a manager not upserted yet is linked when they arrive.",
  })
  manager?: UserRefInput | null;

  @Field(() => SeniorityEnum, { nullable: true })
  seniority?: Seniority | null;
}

@InputType()
export class TeamInput extends KeyedInput implements TeamRecord {
  @Field()
  name!: string;
}

@InputType()
export class ContactInput extends KeyedInput implements ContactRecord {
  @Field(() => AccountRefInput)
  account!: AccountRefInput;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => BuyingRoleEnum, { nullable: true })
  buyingRole?: BuyingRole | null;
}

@InputType()
export class OpportunityInput extends KeyedInput implements OpportunityRecord {
  @Field(() => AccountRefInput)
  account!: AccountRefInput;

  @Field()
  name!: string;

  @Field(() => OpportunityStageEnum)
  stage!: OpportunityStage;

  @Field(() => Float, { nullable: true })
  amount?: number | null;

  @Field(() => String, { nullable: true })
  currency?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD." })
  closeDate?: string | null;
}

@InputType()
export class AssetInput extends KeyedInput implements AssetRecord {
  @Field(() => AccountRefInput)
  account!: AccountRefInput;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  serialNumber?: string | null;

  @Field(() => String, { nullable: true })
  model?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD." })
  installedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the asset is in service, e.g. "EMEA".' })
  region?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The code of the production batch it comes from (e.g. a battery cell batch); null unlinks it.",
  })
  batch?: string | null;
}

@InputType()
export class OrganizationLinkInput implements OrganizationLinkRecord {
  @Field(() => AccountRefInput)
  account!: AccountRefInput;

  @Field(() => NetworkRelationshipEnum)
  relationship!: NetworkRelationship;
}

@InputType()
export class OrganizationInput extends KeyedInput implements OrganizationRecord {
  @Field()
  name!: string;

  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "The regions it serves (e.g. as a region's service partner); a set, at most 100.",
  })
  servesRegions?: string[] | null;

  @Field(() => [OrganizationLinkInput], { description: "The accounts it serves; replaces earlier links." })
  links!: OrganizationLinkInput[];
}

@InputType()
export class SignalSubjectInput implements SignalSubjectRef {
  @Field(() => SignalSubjectKindEnum)
  kind!: SignalSubjectKind;

  @Field()
  externalId!: string;

  @Field(() => String, { nullable: true, description: "Defaults to the signal's source system." })
  sourceSystem?: string | null;
}

@InputType({ description: "One observation. Set exactly one of numberValue, stringValue and booleanValue." })
export class SignalInput implements SignalRecord {
  @Field()
  sourceSystem!: string;

  @Field({ description: "The observation's id in its source system; with sourceSystem, its key." })
  recordId!: string;

  @Field()
  field!: string;

  @Field(() => Float, { nullable: true })
  numberValue?: number | null;

  @Field(() => String, { nullable: true })
  stringValue?: string | null;

  @Field(() => Boolean, { nullable: true })
  booleanValue?: boolean | null;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field({ description: 'ISO-8601 instant with zone, e.g. "2026-03-01T09:30:00Z".' })
  observedAt!: string;

  @Field(() => SignalSubjectInput)
  subject!: SignalSubjectInput;
}

@InputType({ description: "A contact named by its external id." })
export class ContactRefInput implements ContactRef {
  @Field()
  externalId!: string;

  @Field(() => String, { nullable: true, description: "Defaults to the referring record's source system." })
  sourceSystem?: string | null;
}

@InputType({ description: "Who held a ticket from when until when: exactly one of team and user." })
export class TicketAssignmentInput implements TicketAssignmentRecord {
  @Field(() => TeamRefInput, { nullable: true })
  team?: TeamRefInput | null;

  @Field(() => UserRefInput, { nullable: true })
  user?: UserRefInput | null;

  @Field({ description: "ISO-8601 instant with zone." })
  from!: string;

  @Field(() => String, {
    nullable: true,
    description: "ISO-8601 instant; omitted: until the next hold starts, else until the ticket was resolved.",
  })
  until?: string | null;
}

@InputType({ description: "A support ticket with its times and assignment history (issue 17)." })
export class TicketInput extends KeyedInput implements TicketRecord {
  @Field(() => AccountRefInput)
  account!: AccountRefInput;

  @Field(() => ContactRefInput, { nullable: true })
  contact?: ContactRefInput | null;

  @Field(() => String, { nullable: true, description: 'e.g. "billing", "technical".' })
  category?: string | null;

  @Field(() => TicketPriorityEnum, { nullable: true })
  priority?: TicketPriority | null;

  @Field({ description: "ISO-8601 instant with zone." })
  openedAt!: string;

  @Field(() => String, { nullable: true })
  firstResponseAt?: string | null;

  @Field(() => String, { nullable: true })
  resolvedAt?: string | null;

  @Field(() => [TicketAssignmentInput], {
    nullable: true,
    description: "Who held it when (at most 100 holds); replaces the stored history when sent.",
  })
  assignments?: TicketAssignmentInput[] | null;
}
