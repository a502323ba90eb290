import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { ACCOUNT_IDENTITIES_LIMIT } from "../../domain/identity-graph/account-identities-limit";
import { Account } from "../account/account.type";
import { PageArgs } from "../common/page-args";
import { RequestContext } from "../context";
import { IngestResult } from "../ingest/ingest-result.type";
import { IdentityInput } from "./identity.input";
import {
  IdentityDecisionEnum,
  IdentityDecisionResultView,
  IdentityEntityEnum,
  IdentityModelView,
  IdentityReviewPageView,
  IdentityReviewPairView,
  IdentityRunModeEnum,
  IdentityRunView,
  IdentityView,
  ResolvedCustomerView,
} from "./identity.type";
import { toIdentityView, toResolvedCustomerView, toReviewPairView, toRunView } from "./identity-views";

/** Identity resolution (issue 14): channel identities, runs, resolved customers, review and decisions. */
@Resolver()
export class IdentityResolver {
  @Mutation(() => IngestResult, {
    description:
      "Bulk, idempotent upsert of channel identities keyed by (channel, externalId); invalid records are rejected " +
      "one by one. The identities written are then resolved incrementally against existing customers, in this request.",
  })
  upsertIdentities(@Arg("input", () => [IdentityInput]) input: IdentityInput[], @Ctx() ctx: RequestContext) {
    return ctx.identity.upsert(input);
  }

  @Mutation(() => IdentityRunView, {
    description:
      "Resolves an entity's identities. INCREMENTAL runs in the request and returns the finished run; FULL runs in " +
      "the background (follow it with identityRun) and resumes from its checkpoint after a crash.",
  })
  async resolveIdentities(
    @Arg("entity", () => IdentityEntityEnum) entity: string,
    @Arg("mode", () => IdentityRunModeEnum, { defaultValue: "INCREMENTAL" }) mode: "INCREMENTAL" | "FULL",
    @Ctx() ctx: RequestContext,
  ) {
    return toRunView(await ctx.identity.resolve(entity, mode));
  }

  @Query(() => IdentityRunView)
  async identityRun(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return toRunView(await ctx.identity.run(id));
  }

  @Query(() => IdentityView, { description: "One channel identity." })
  async identity(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return toIdentityView(await ctx.identity.identity(id));
  }

  @Query(() => ResolvedCustomerView, {
    description:
      "A resolved customer (person, account or channel-only organization) with its identities, links and golden record.",
  })
  async resolvedCustomer(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return toResolvedCustomerView(await ctx.identity.resolvedCustomer(id));
  }

  @Query(() => IdentityReviewPageView, {
    description: "Pairs the model is unsure about (probability between the model's thresholds), most probable first.",
  })
  async identityReviewQueue(
    @Arg("entity", () => IdentityEntityEnum) entity: string,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const result = await ctx.identity.reviewQueue(entity, page.first, page.after);
    return { ...result, pairs: result.pairs.map(toReviewPairView) };
  }

  @Query(() => IdentityModelView, { description: "The entity's active identity model (versioned as data)." })
  identityModel(@Arg("entity", () => IdentityEntityEnum) entity: string, @Ctx() ctx: RequestContext) {
    return ctx.identity.model(entity);
  }

  @Mutation(() => IdentityDecisionResultView, {
    description:
      "Records a person's decision about a pair, which later runs respect. SAME merges their customers; DIFFERENT " +
      "keeps them apart (b leaves a customer they share).",
  })
  async decideIdentityPair(
    @Arg("a", () => ID) a: string,
    @Arg("b", () => ID) b: string,
    @Arg("decision", () => IdentityDecisionEnum) decision: "SAME" | "DIFFERENT",
    @Arg("reason") reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    const result = await ctx.identity.decide(a, b, decision, reason);
    return { moved: result.moved, resolvedCustomers: result.resolvedCustomers.map(toResolvedCustomerView) };
  }

  @Mutation(() => IdentityDecisionResultView, {
    description:
      "Moves an identity out of its resolved customer into one of its own, kept apart from its former companions " +
      "by later runs. Reverse it with mergeIdentities.",
  })
  async splitIdentity(
    @Arg("identityId", () => ID) identityId: string,
    @Arg("reason") reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    const result = await ctx.identity.split(identityId, reason);
    return { moved: result.moved, resolvedCustomers: result.resolvedCustomers.map(toResolvedCustomerView) };
  }

  @Mutation(() => IdentityDecisionResultView, {
    description:
      "Merges the resolved customers of two identities; later runs keep them together. Reverse it with splitIdentity.",
  })
  async mergeIdentities(
    @Arg("a", () => ID) a: string,
    @Arg("b", () => ID) b: string,
    @Arg("reason") reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    const result = await ctx.identity.merge(a, b, reason);
    return { moved: result.moved, resolvedCustomers: result.resolvedCustomers.map(toResolvedCustomerView) };
  }
}

@Resolver(() => IdentityReviewPairView)
export class IdentityReviewPairResolver {
  @FieldResolver(() => IdentityView, { nullable: true })
  async a(@Root() pair: IdentityReviewPairView, @Ctx() ctx: RequestContext) {
    const identity = await ctx.identity.identityById.load(pair.aId);
    return identity === null ? null : toIdentityView(identity);
  }

  @FieldResolver(() => IdentityView, { nullable: true })
  async b(@Root() pair: IdentityReviewPairView, @Ctx() ctx: RequestContext) {
    const identity = await ctx.identity.identityById.load(pair.bId);
    return identity === null ? null : toIdentityView(identity);
  }
}

@Resolver(() => Account)
export class AccountIdentitiesResolver {
  @FieldResolver(() => [IdentityView], {
    description: `The channel identities resolved to this account, its own and its duplicates' (at most ${ACCOUNT_IDENTITIES_LIMIT}).`,
  })
  async identities(@Root() account: Account, @Ctx() ctx: RequestContext) {
    return (await ctx.identity.identitiesOfAccount.load(account.id)).map(toIdentityView);
  }
}
