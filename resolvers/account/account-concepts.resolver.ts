import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RequestContext } from "../context";
import { AccountConcept } from "../ontology/bridge.type";
import { Account } from "./account.type";

@Resolver(() => Account)
export class AccountConceptsResolver {
  @FieldResolver(() => [AccountConcept], {
    description: "The concepts the account has data for, and from which systems.",
  })
  async concepts(@Root() account: Account, @Ctx() ctx: RequestContext) {
    const entries = await ctx.loaders.concepts.conceptsByAccount.load(account.id);
    return entries.map((e) => ({
      concept: e.concept,
      sources: e.sources,
      systems: [...new Set(e.sources.map((s) => s.system))].sort(),
    }));
  }
}
