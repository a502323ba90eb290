import { Field, Float, ID, InputType } from "type-graphql";
import { BuyingRole, OpportunityStage, OrganizationKind, SignalSubjectKind } from "../../domain/records";
import { BuyingRoleEnum, OpportunityStageEnum, OrganizationKindEnum, SignalSubjectKindEnum } from "../common/enums";

const SOURCE_SYSTEMS = { nullable: true, description: "Only records from these source systems (their keys)." };
const ACCOUNTS = { nullable: true, description: "Only records of these accounts (their ids)." };

@InputType({ description: "Narrows the contact list. Conditions combine with AND; list values with OR." })
export class ContactFilter {
  @Field(() => [ID], ACCOUNTS)
  accountIds?: string[] | null;

  @Field(() => [BuyingRoleEnum], { nullable: true })
  buyingRoles?: BuyingRole[] | null;

  @Field(() => [String], SOURCE_SYSTEMS)
  sourceSystems?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Text the name or e-mail contains, in any case. A role that sees them masked (viewer, rep) matches only a " +
      "whole name or e-mail (any case) and gets the record masked.",
  })
  search?: string | null;
}

@InputType({ description: "Narrows the opportunity list. Conditions combine with AND; list values with OR." })
export class OpportunityFilter {
  @Field(() => [ID], ACCOUNTS)
  accountIds?: string[] | null;

  @Field(() => [OpportunityStageEnum], { nullable: true })
  stages?: OpportunityStage[] | null;

  @Field(() => [String], SOURCE_SYSTEMS)
  sourceSystems?: string[] | null;

  @Field(() => Float, { nullable: true, description: "Amount at least this (opportunities without one drop out)." })
  minAmount?: number | null;

  @Field(() => Float, { nullable: true, description: "Amount at most this." })
  maxAmount?: number | null;

  @Field(() => String, { nullable: true, description: "Close date on or after this day, YYYY-MM-DD." })
  closeDateFrom?: string | null;

  @Field(() => String, { nullable: true, description: "Close date on or before this day, YYYY-MM-DD." })
  closeDateTo?: string | null;
}

@InputType({ description: "Narrows the asset list. Conditions combine with AND; list values with OR." })
export class AssetFilter {
  @Field(() => [ID], ACCOUNTS)
  accountIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Only assets of these models." })
  models?: string[] | null;

  @Field(() => [String], SOURCE_SYSTEMS)
  sourceSystems?: string[] | null;
}

@InputType({ description: "Narrows the organization list. Conditions combine with AND; list values with OR." })
export class OrganizationFilter {
  @Field(() => [OrganizationKindEnum], { nullable: true })
  kinds?: OrganizationKind[] | null;

  @Field(() => [String], { nullable: true })
  regions?: string[] | null;

  @Field(() => [String], SOURCE_SYSTEMS)
  sourceSystems?: string[] | null;
}

@InputType({ description: "Narrows the signal list. Conditions combine with AND; list values with OR." })
export class SignalFilter {
  @Field(() => [String], { nullable: true, description: "Only signals of these source fields, e.g. csat_score." })
  fields?: string[] | null;

  @Field(() => [String], SOURCE_SYSTEMS)
  sourceSystems?: string[] | null;

  @Field(() => [SignalSubjectKindEnum], { nullable: true, description: "Only signals about these kinds of record." })
  subjectKinds?: SignalSubjectKind[] | null;

  @Field(() => Date, { nullable: true, description: "Only signals observed at or after this instant." })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: "Only signals observed before this instant." })
  until?: Date | null;
}
