import { AccountFilterValues } from "../../graph/account/account.repository";
import { Field, Float, InputType } from "type-graphql";

@InputType({ description: "Narrows the account list. Conditions combine with AND; list values with OR." })
export class AccountFilter {
  @Field(() => [String], { nullable: true })
  industry?: string[] | null;

  @Field(() => [String], { nullable: true })
  segment?: string[] | null;

  @Field(() => [String], { nullable: true })
  region?: string[] | null;

  @Field(() => Float, { nullable: true })
  minAnnualRevenue?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words the name must contain, as prefixes, through the full-text index ("acme hea").',
  })
  search?: string | null;
}

/** The repository's filter values for a GraphQL account filter (null: no condition). */
export function accountFilterValues(filter: AccountFilter | null | undefined): AccountFilterValues {
  return {
    industries: filter?.industry ?? null,
    segments: filter?.segment ?? null,
    regions: filter?.region ?? null,
    minAnnualRevenue: filter?.minAnnualRevenue ?? null,
    search: filter?.search ?? null,
  };
}
