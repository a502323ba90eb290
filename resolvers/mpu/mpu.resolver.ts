import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { ReviewVerdict } from "../../domain/mpu/mpu";
import { Seniority } from "../../domain/records";
import { SeniorityEnum } from "../common/enums";
import { RequestContext } from "../context";
import { MpuFilterInput, MpuInput, MpuUseFilterInput, plainMpuInput } from "./mpu.input";
import {
  MpuConfirmationView,
  MpuContributionsView,
  MpuGateView,
  MpuRecommendationView,
  MpuReviewVerdictEnum,
  MpuReviewView,
  MpuSettingsView,
  MpuUseView,
  MpuView,
  toConfirmationView,
  toGateView,
  toMpuView,
  toRecommendationView,
  toReviewView,
  toUseView,
} from "./mpu.type";

/** Micro-practice units (issue 16, docs/mpus.md): adapters over MpuService. */
@Resolver(() => MpuView)
export class MpuResolver {
  @Query(() => [MpuView], {
    description:
      "Units you may see, most recently changed first: VALIDATED, PUBLISHED and RETIRED ones, your own, every unit " +
      "for admins, and SUBMITTED ones for reviewers senior enough. At most first (1-100, default 20).",
  })
  async mpus(
    @Ctx() ctx: RequestContext,
    @Arg("filter", () => MpuFilterInput, { nullable: true }) filter?: MpuFilterInput | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
  ): Promise<MpuView[]> {
    return (await ctx.mpus.list(filter, first)).map(toMpuView);
  }

  @Query(() => MpuView, { description: "One unit; NOT_FOUND when it does not exist or you may not see it." })
  async mpu(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<MpuView> {
    return toMpuView(await ctx.mpus.get(id));
  }

  @Mutation(() => MpuView, {
    description:
      "Creates a DRAFT unit, visible to you and tenant admins only. INVALID_MPU lists every problem with its path " +
      "in extensions.problems.",
  })
  async createMpu(@Ctx() ctx: RequestContext, @Arg("input", () => MpuInput) input: MpuInput): Promise<MpuView> {
    return toMpuView(await ctx.mpus.create(plainMpuInput(input)));
  }

  @Mutation(() => MpuView, {
    description: "Saves a new version of your DRAFT or REJECTED unit (a REJECTED one becomes a DRAFT to resubmit).",
  })
  async updateMpu(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => MpuInput) input: MpuInput,
  ): Promise<MpuView> {
    return toMpuView(await ctx.mpus.update(id, plainMpuInput(input)));
  }

  @Mutation(() => MpuView, {
    description:
      "Proposes a DRAFT from what happened on a deal that advanced between from and to (signals, completed tasks, " +
      "stage changes, the situation, the outcome), for you to edit with updateMpu.",
  })
  async captureMpu(
    @Ctx() ctx: RequestContext,
    @Arg("accountId", () => ID) accountId: string,
    @Arg("from", { description: "ISO 8601 instant." }) from: string,
    @Arg("to", { description: "ISO 8601 instant." }) to: string,
    @Arg("opportunityId", () => ID, { nullable: true }) opportunityId?: string | null,
  ): Promise<MpuView> {
    return toMpuView(await ctx.mpus.capture({ accountId, opportunityId, from, to }));
  }

  @Mutation(() => MpuView, { description: "Submits your DRAFT to the quality gate." })
  async submitMpu(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<MpuView> {
    return toMpuView(await ctx.mpus.submit(id));
  }

  @Mutation(() => MpuView, {
    description:
      "Reviews a SUBMITTED unit: a 1-5 effectiveness rating, a comment and a verdict (REJECT needs a reason). Needs " +
      "the tenant's minimum seniority (MPU_REVIEWER_BELOW_RANK otherwise); the author cannot review.",
  })
  async reviewMpu(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("rating", () => Int) rating: number,
    @Arg("comment") comment: string,
    @Arg("verdict", () => MpuReviewVerdictEnum) verdict: ReviewVerdict,
    @Arg("reason", () => String, { nullable: true }) reason?: string | null,
  ): Promise<MpuView> {
    return toMpuView(await ctx.mpus.review(id, { rating, comment, verdict, reason }));
  }

  @Mutation(() => MpuView, {
    description:
      "Records the customer-side confirmation (the customer valued the step) on their account, optionally naming the " +
      "signal that carries it. Part of the gate: with enough approvals it validates a SUBMITTED unit.",
  })
  async recordMpuConfirmation(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("accountId", () => ID) accountId: string,
    @Arg("note") note: string,
    @Arg("signalId", () => ID, { nullable: true }) signalId?: string | null,
  ): Promise<MpuView> {
    return toMpuView(await ctx.mpus.confirm(id, { accountId, signalId, note }));
  }

  @Mutation(() => MpuView, { description: "Publishes a VALIDATED unit (its author or an admin)." })
  async publishMpu(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<MpuView> {
    return toMpuView(await ctx.mpus.publish(id));
  }

  @Mutation(() => MpuView, { description: "Retires a VALIDATED or PUBLISHED unit (its author or an admin)." })
  async retireMpu(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String, { nullable: true }) reason?: string | null,
  ): Promise<MpuView> {
    return toMpuView(await ctx.mpus.retire(id, reason));
  }

  @Mutation(() => MpuUseView, {
    description: "Applies a PUBLISHED unit to an account (and one of its opportunities): a PENDING use Relata follows.",
  })
  async applyMpu(
    @Ctx() ctx: RequestContext,
    @Arg("mpuId", () => ID) mpuId: string,
    @Arg("accountId", () => ID) accountId: string,
    @Arg("opportunityId", () => ID, { nullable: true }) opportunityId?: string | null,
  ): Promise<MpuUseView> {
    return toUseView(await ctx.mpus.apply(mpuId, accountId, opportunityId));
  }

  @Query(() => [MpuUseView], { description: "Uses of units you may see, newest first (first: 1-100, default 20)." })
  async mpuUses(
    @Ctx() ctx: RequestContext,
    @Arg("filter", () => MpuUseFilterInput, { nullable: true }) filter?: MpuUseFilterInput | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
  ): Promise<MpuUseView[]> {
    return (await ctx.mpus.uses(filter, first)).map(toUseView);
  }

  @Query(() => [MpuRecommendationView], {
    description:
      "Published units for the account, ranked by situation match and measured effect (first: 1-100, default 10).",
  })
  async recommendedMpus(
    @Ctx() ctx: RequestContext,
    @Arg("accountId", () => ID) accountId: string,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
  ): Promise<MpuRecommendationView[]> {
    return (await ctx.mpus.recommended(accountId, first)).map(toRecommendationView);
  }

  @Query(() => MpuContributionsView, {
    description: "Contribution per author and team in a month (YYYY-MM), the tenant's figures and their trend.",
  })
  async mpuContributions(@Ctx() ctx: RequestContext, @Arg("period") period: string): Promise<MpuContributionsView> {
    return ctx.mpus.contributions(period);
  }

  @Query(() => MpuSettingsView, {
    description: "The tenant's quality gate: minimum reviewer seniority, reviews needed.",
  })
  async mpuSettings(@Ctx() ctx: RequestContext): Promise<MpuSettingsView> {
    return ctx.mpus.settings();
  }

  @Mutation(() => MpuSettingsView, { description: "Sets the tenant's quality gate (admins)." })
  async setMpuSettings(
    @Ctx() ctx: RequestContext,
    @Arg("minReviewerSeniority", () => SeniorityEnum, { nullable: true }) minReviewerSeniority?: Seniority | null,
    @Arg("requiredReviews", () => Int, { nullable: true }) requiredReviews?: number | null,
  ): Promise<MpuSettingsView> {
    return ctx.mpus.setSettings({ minReviewerSeniority, requiredReviews });
  }

  @FieldResolver(() => [MpuReviewView], { description: "Every review, newest version first." })
  async reviews(@Ctx() ctx: RequestContext, @Root() mpu: MpuView): Promise<MpuReviewView[]> {
    return (await ctx.mpus.reviews(mpu.stored)).map(toReviewView);
  }

  @FieldResolver(() => [MpuConfirmationView])
  async confirmations(@Ctx() ctx: RequestContext, @Root() mpu: MpuView): Promise<MpuConfirmationView[]> {
    return (await ctx.mpus.confirmations(mpu.stored)).map(toConfirmationView);
  }

  @FieldResolver(() => MpuGateView)
  async gate(@Ctx() ctx: RequestContext, @Root() mpu: MpuView): Promise<MpuGateView> {
    return toGateView(await ctx.mpus.gate(mpu.stored));
  }

  @FieldResolver(() => Float, { nullable: true, description: "Average rating of the current version's reviews." })
  async averageRating(@Ctx() ctx: RequestContext, @Root() mpu: MpuView): Promise<number | null> {
    const current = (await ctx.mpus.reviews(mpu.stored)).filter((r) => r.version === mpu.version);
    return current.length === 0 ? null : current.reduce((s, r) => s + r.rating, 0) / current.length;
  }
}
