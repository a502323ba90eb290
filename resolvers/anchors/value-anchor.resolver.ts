import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { AttributionDimension } from "../../domain/anchors/anchor-attribution";
import { RequestContext } from "../context";
import {
  AttributionDimensionEnum,
  plainAnchorInput,
  plainAnchorUpdate,
  ValueAnchorInput,
  ValueAnchorUpdateInput,
} from "./value-anchor.input";
import {
  AnchorAttributionView,
  AnchorEffectView,
  toAttributionView,
  toEffectView,
  toValueAnchorView,
  ValueAnchorView,
} from "./value-anchor.type";

/** Value anchors (issue 17, docs/value-anchors.md): adapters over ValueAnchorService. */
@Resolver(() => ValueAnchorView)
export class ValueAnchorResolver {
  @Mutation(() => ValueAnchorView, {
    description:
      "Defines a value anchor: computes its baseline, backfills its weekly series from history and records the " +
      "definition on the audit trail. INVALID_ANCHOR lists every problem in extensions.problems; " +
      "ANCHOR_DIRECTION_INCONSISTENT when the target lies on the wrong side of the baseline.",
  })
  async defineValueAnchor(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => ValueAnchorInput) input: ValueAnchorInput,
  ): Promise<ValueAnchorView> {
    return toValueAnchorView(await ctx.anchors.define(plainAnchorInput(input)));
  }

  @Mutation(() => ValueAnchorView, {
    description:
      "Changes an anchor as a new version (series recomputed, points name the version they were computed with).",
  })
  async updateValueAnchor(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ValueAnchorUpdateInput) input: ValueAnchorUpdateInput,
  ): Promise<ValueAnchorView> {
    return toValueAnchorView(await ctx.anchors.update(id, plainAnchorUpdate(input)));
  }

  @Mutation(() => ValueAnchorView, { description: "Recomputes an anchor's weekly series up to this week." })
  async recomputeValueAnchor(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<ValueAnchorView> {
    return toValueAnchorView(await ctx.anchors.recompute(id));
  }

  @Query(() => [ValueAnchorView], { description: "The tenant's value anchors, newest first (at most 100)." })
  async valueAnchors(
    @Ctx() ctx: RequestContext,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
  ): Promise<ValueAnchorView[]> {
    return (await ctx.anchors.list(first ?? null)).map(toValueAnchorView);
  }

  @Query(() => ValueAnchorView, { description: "One anchor; NOT_FOUND when your tenant has none by this id." })
  async valueAnchor(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<ValueAnchorView> {
    return toValueAnchorView(await ctx.anchors.get(id));
  }

  @Query(() => AnchorEffectView, {
    description:
      "The anchor's movement on the accounts a playbook (firings, tasks) or an MPU (uses) touched against the " +
      "population's untouched accounts: difference in differences with a 95% interval. Name exactly one.",
  })
  async anchorEffect(
    @Ctx() ctx: RequestContext,
    @Arg("anchorId", () => ID) anchorId: string,
    @Arg("playbookId", () => ID, { nullable: true }) playbookId?: string | null,
    @Arg("mpuId", () => ID, { nullable: true }) mpuId?: string | null,
    @Arg("weeks", () => Int, { defaultValue: 8, description: "Weeks before and after the first touch (1–26)." })
    weeks = 8,
  ): Promise<AnchorEffectView> {
    const result = await ctx.anchors.effect(anchorId, { playbookId: playbookId ?? null, mpuId: mpuId ?? null }, weeks);
    return toEffectView(anchorId, weeks, result);
  }

  @FieldResolver(() => AnchorAttributionView, {
    description:
      "Decomposes the miss over the last `weeks` weeks over the graph's dimensions (who held the tickets, owner, " +
      "partner, asset model, region, source system, category, playbooks, MPUs): the top groups with their share, " +
      "records and a one-sentence finding. Empty, with a note, when the anchor meets its target.",
  })
  async attribution(
    @Ctx() ctx: RequestContext,
    @Root() anchor: ValueAnchorView,
    @Arg("top", () => Int, { defaultValue: 5, description: "1–50." }) top: number,
    @Arg("weeks", () => Int, { defaultValue: 4, description: "1–26, the current week included." }) weeks: number,
    @Arg("dimensions", () => [AttributionDimensionEnum], { nullable: true }) dimensions?: AttributionDimension[] | null,
  ): Promise<AnchorAttributionView> {
    return toAttributionView(await ctx.anchors.attribution(anchor.stored, top, weeks, dimensions ?? null));
  }
}
