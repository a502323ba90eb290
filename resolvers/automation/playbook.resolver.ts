import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { PlaybookStatus } from "../../domain/automation/playbook";
import { RequestContext } from "../context";
import { PlaybookInput, plainInput } from "./playbook.input";
import {
  PlaybookFiringPageView,
  PlaybookFiringView,
  PlaybookPageView,
  PlaybookSimulationView,
  PlaybookStatsView,
  PlaybookStatusEnum,
  PlaybookVersionView,
  PlaybookView,
  toFiringView,
  toPlaybookView,
  toSimulationView,
  toVersionView,
} from "./playbook.type";

/** Playbooks: versioned data the engine runs on the change feed (docs/automation.md). */
@Resolver(() => PlaybookView)
export class PlaybookResolver {
  @Mutation(() => PlaybookView, {
    description:
      "Creates a playbook (no id; it starts as DRAFT) or saves a new version of one; a saved version never " +
      "changes. INVALID_PLAYBOOK lists every problem with its path in extensions.problems.",
  })
  async savePlaybook(
    @Ctx() ctx: RequestContext,
    @Arg("definition", () => PlaybookInput) definition: PlaybookInput,
    @Arg("id", () => ID, { nullable: true }) id?: string | null,
  ): Promise<PlaybookView> {
    return toPlaybookView(await ctx.playbooks.save(id ?? null, plainInput(definition)));
  }

  @Mutation(() => PlaybookView, {
    description: "Runs the playbook on change events committed from now on; clears a pause and its failure count.",
  })
  async activatePlaybook(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<PlaybookView> {
    return toPlaybookView(await ctx.playbooks.activate(id));
  }

  @Mutation(() => PlaybookView, { description: "Stops the playbook; the reason is kept in pausedReason." })
  async pausePlaybook(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("reason") reason: string,
  ): Promise<PlaybookView> {
    return toPlaybookView(await ctx.playbooks.pause(id, reason));
  }

  @Mutation(() => PlaybookView, { description: "Retires the playbook for good; its versions and firings stay." })
  async retirePlaybook(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<PlaybookView> {
    return toPlaybookView(await ctx.playbooks.retire(id));
  }

  @Query(() => PlaybookPageView, { description: "The tenant's playbooks, by id." })
  async playbooks(
    @Ctx() ctx: RequestContext,
    @Arg("status", () => PlaybookStatusEnum, { nullable: true }) status?: PlaybookStatus | null,
    @Arg("ownerUserId", () => String, { nullable: true }) ownerUserId?: string | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<PlaybookPageView> {
    const page = await ctx.playbooks.list({ status: status ?? null, ownerUserId: ownerUserId ?? null }, first, after);
    return { ...page, playbooks: page.playbooks.map(toPlaybookView) };
  }

  @Query(() => PlaybookView, { description: "One playbook; NOT_FOUND when your tenant has none by this id." })
  async playbook(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<PlaybookView> {
    return toPlaybookView(await ctx.playbooks.get(id));
  }

  @Query(() => PlaybookFiringPageView, {
    description: "Firings the engine recorded, newest first: of one playbook, or of all the tenant's.",
  })
  async playbookFirings(
    @Ctx() ctx: RequestContext,
    @Arg("playbookId", () => ID, { nullable: true }) playbookId?: string | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<PlaybookFiringPageView> {
    const page = await ctx.playbooks.firings(playbookId ?? null, first, after);
    return { ...page, firings: page.firings.map(toFiringView) };
  }

  @Query(() => PlaybookSimulationView, {
    description:
      "Replays from..to (signals, health history and change events stored) and reports where the playbook " +
      "(its current version, or an inline definition) would have fired, and where a breaker would have held " +
      "it. Writes nothing. Conditions see today's facts.",
  })
  async simulatePlaybook(
    @Ctx() ctx: RequestContext,
    @Arg("from", () => Date) from: Date,
    @Arg("to", () => Date) to: Date,
    @Arg("id", () => ID, { nullable: true }) id?: string | null,
    @Arg("definition", () => PlaybookInput, { nullable: true }) definition?: PlaybookInput | null,
  ): Promise<PlaybookSimulationView> {
    return toSimulationView(
      await ctx.playbooks.simulate(id ?? null, definition ? plainInput(definition) : null, from, to),
    );
  }

  @FieldResolver(() => [PlaybookVersionView], { description: "Saved versions, newest first." })
  async versions(
    @Ctx() ctx: RequestContext,
    @Root() playbook: PlaybookView,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
  ): Promise<PlaybookVersionView[]> {
    return (await ctx.playbooks.versions(playbook.id, Math.min(Math.max(first, 1), 100))).map(toVersionView);
  }

  @FieldResolver(() => PlaybookStatsView, {
    description: "Firings, proposals confirmed, tasks completed in time, feedback met / pending / missed.",
  })
  stats(@Ctx() ctx: RequestContext, @Root() playbook: PlaybookView): Promise<PlaybookStatsView> {
    return ctx.playbooks.stats(playbook.stored);
  }

  @FieldResolver(() => [PlaybookFiringView], { description: "The newest firings of this playbook." })
  async firings(
    @Ctx() ctx: RequestContext,
    @Root() playbook: PlaybookView,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
  ): Promise<PlaybookFiringView[]> {
    return (await ctx.playbooks.firings(playbook.id, first, null)).firings.map(toFiringView);
  }
}
