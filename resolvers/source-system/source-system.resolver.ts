import { Ctx, Query, Resolver } from "type-graphql";
import { RequestContext } from "../context";
import { SourceSystem } from "./source-system.type";

@Resolver(() => SourceSystem)
export class SourceSystemResolver {
  @Query(() => [SourceSystem], { description: "The source systems your tenant's records come from." })
  sourceSystems(@Ctx() ctx: RequestContext) {
    return ctx.repositories.sourceSystems.all();
  }
}
