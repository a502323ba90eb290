import { Field, InputType } from "type-graphql";
import { Seniority } from "../../domain/records";
import { SeniorityEnum } from "../common/enums";

@InputType({ description: "Narrows the user list. Conditions combine with AND; list values with OR." })
export class UserFilter {
  @Field(() => [String], { nullable: true, description: "Only members of these teams (their ids)." })
  teamIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Only users holding any of these roles." })
  roles?: string[] | null;

  @Field(() => [SeniorityEnum], { nullable: true })
  seniorities?: Seniority[] | null;

  @Field(() => [String], { nullable: true, description: "Only users from these source systems (their keys)." })
  sourceSystems?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Text the name or e-mail contains, in any case. A role that sees them masked (viewer, rep) matches only a " +
      "whole name or e-mail (any case) and gets the record masked.",
  })
  search?: string | null;
}

@InputType({ description: "Narrows the team list." })
export class TeamFilter {
  @Field(() => [String], { nullable: true, description: "Only teams from these source systems (their keys)." })
  sourceSystems?: string[] | null;
}
