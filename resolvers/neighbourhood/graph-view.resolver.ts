import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { GRAPH_LIMITS } from "../../domain/neighbourhood/graph-view.model";
import { RequestContext } from "../context";
import { GraphPath, GraphRelationshipEnum, Neighbourhood } from "./graph-view.type";

const L = GRAPH_LIMITS;

/** Graph views for analysts and the explorer: a record's neighbourhood and paths between two records. */
@Resolver()
export class GraphViewResolver {
  @Query(() => Neighbourhood, {
    nullable: true,
    description:
      "The accounts, contacts, opportunities, assets and organizations within `depth` links of a record, over " +
      "the relationship types given (all by default), nearest first. Null when your tenant has no such live " +
      "record; a concept or source-system id is refused.",
  })
  neighbourhood(
    @Arg("id", () => ID) id: string,
    @Arg("depth", () => Int, {
      nullable: true,
      description: `Links to follow (default ${L.defaultDepth}, at most ${L.maxDepth}).`,
    })
    depth: number | null,
    @Arg("types", () => [GraphRelationshipEnum], { nullable: true, description: "Follow only these; default all." })
    types: string[] | null,
    @Arg("first", () => Int, {
      nullable: true,
      description: `How many records to return (default ${L.defaultNodes}, at most ${L.maxNodes}).`,
    })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.graphView.neighbourhood({ id, depth, types, first });
  }

  @Query(() => [GraphPath], {
    description:
      "The shortest paths between two records over the relationship types given (all by default), through " +
      "live records of your tenant; empty when none is at most maxLength links long or either id is not yours.",
  })
  paths(
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Arg("maxLength", () => Int, {
      nullable: true,
      description: `Longest path searched, in links (default ${L.defaultPathLength}, at most ${L.maxPathLength}).`,
    })
    maxLength: number | null,
    @Arg("types", () => [GraphRelationshipEnum], { nullable: true, description: "Follow only these; default all." })
    types: string[] | null,
    @Arg("first", () => Int, {
      nullable: true,
      description: `How many paths to return (default ${L.defaultPaths}, at most ${L.maxPaths}).`,
    })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.graphView.paths({ from, to, maxLength, types, first });
  }
}
