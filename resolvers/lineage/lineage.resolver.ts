import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { ImpactAnswer } from "../../domain/lineage/impact";
import { PackDiff } from "../../ontology/pack/diff-packs";
import { RequestContext } from "../context";
import { OntologyDiff } from "../ontology/ontology.type";
import { ImpactTargetInput, LineageTargetInput } from "./lineage.input";
import { ImpactView, ImpactWarningView, LineageView } from "./lineage.type";

function toImpactView(answer: ImpactAnswer): ImpactView {
  const t = answer.target;
  return {
    target: t.kind === "FIELD" ? `field ${t.system}.${t.field}` : `concept ${t.conceptId}`,
    direct: answer.direct,
    reach: answer.reach,
    usages: answer.usages.map((u) => ({ ...u, properties: { ...u.properties } })),
    truncated: answer.truncated,
  };
}

/** Data lineage and impact (issue 17, decision 0032). */
@Resolver()
export class LineageResolver {
  @Query(() => LineageView, {
    description:
      "What a computed value came from: the model and version that computed it, concepts and weights, mappings and " +
      "transforms, source fields and systems, and the records that fed it (capped, with a count). NOT_FOUND for ids " +
      "your tenant does not have; BAD_USER_INPUT for targets lineage does not understand.",
  })
  async lineage(@Arg("of", () => LineageTargetInput) of: LineageTargetInput, @Ctx() ctx: RequestContext) {
    return ctx.lineage.lineage(of);
  }

  @Query(() => ImpactView, {
    description:
      "Everything that uses a source field or a concept: mappings, health model versions, playbooks (and what later " +
      "features register: value anchors, MPUs).",
  })
  async impact(
    @Arg("of", () => ImpactTargetInput) of: ImpactTargetInput,
    @Arg("first", () => Int, { nullable: true, description: "Usages listed per kind (1 to 500, default 100)." })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    return toImpactView(await ctx.lineage.impact({ ...of, first }));
  }
}

/** The ontology diff's warnings: what its removed and changed concepts and mappings would break. */
@Resolver(() => OntologyDiff)
export class OntologyDiffImpactResolver {
  @FieldResolver(() => [ImpactWarningView], {
    description:
      "What the diff's removed or changed concepts and mappings would break: health models, playbooks (and value " +
      "anchors, MPUs once they exist) that use them in the tenant's graph now. Up to 20 changes are checked.",
  })
  async impact(@Root() diff: PackDiff, @Ctx() ctx: RequestContext): Promise<ImpactWarningView[]> {
    const warnings = await ctx.lineage.diffImpact(diff);
    return warnings.map((w) => ({ ...w, usages: w.usages.map((u) => ({ ...u, properties: { ...u.properties } })) }));
  }
}
