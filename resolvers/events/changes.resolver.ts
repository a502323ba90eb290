import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { ChangeType } from "../../domain/events/change-event";
import { RequestContext } from "../context";
import { ChangeTypeEnum } from "../common/enums";
import { ChangePageView, toChangeEventView } from "./change-event.type";

/** The change feed: every change to the tenant's graph, in commit order, resumable from any cursor. */
@Resolver()
export class ChangesResolver {
  @Query(() => ChangePageView, {
    description:
      "Change events after a cursor, oldest first (decision 0013). Omit `after` to start at the oldest event kept; " +
      "follow endCursor while hasMore. A cursor older than the retention period is refused (CURSOR_EXPIRED): re-sync.",
  })
  async changes(
    @Ctx() ctx: RequestContext,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("types", () => [ChangeTypeEnum], { nullable: true }) types?: ChangeType[] | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
  ): Promise<ChangePageView> {
    const page = await ctx.changes.page(after, types ?? null, first);
    return { ...page, events: page.events.map(toChangeEventView) };
  }

  @Query(() => ChangePageView, {
    description:
      "The latest change events, newest first: what changed lately, for people (the explorer's events page). " +
      "Pass a page's endCursor as `before` for older events. To sync, follow `changes` forwards instead: this view " +
      "may miss an event whose commit is still being applied at the head.",
  })
  async recentChanges(
    @Ctx() ctx: RequestContext,
    @Arg("before", () => String, { nullable: true }) before?: string | null,
    @Arg("types", () => [ChangeTypeEnum], { nullable: true }) types?: ChangeType[] | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
  ): Promise<ChangePageView> {
    const page = await ctx.changes.recent(before, types ?? null, first);
    return { ...page, events: page.events.map(toChangeEventView) };
  }
}
