import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { RequestContext } from "../context";
import { AccountFacets } from "./account-facets.type";
import { AccountFilter, accountFilterValues } from "./account-filter.input";

@Resolver()
export class AccountFacetsResolver {
  @Query(() => AccountFacets, {
    description:
      "Valid values, with counts, for the account filter's industry, segment and region, and the accounts' " +
      "source systems and opportunity stages, optionally under a filter: what to offer in a filter menu.",
  })
  facets(
    @Arg("filter", () => AccountFilter, { nullable: true }) filter: AccountFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.repositories.facets.facets(accountFilterValues(filter));
  }
}
