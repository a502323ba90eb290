import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import { RequestContext } from "../context";

@ObjectType({ simpleResolvers: true, description: "The caller, as their token says." })
export class Viewer {
  @Field()
  tenant!: string;

  @Field({ description: "admin, analyst, integrator or viewer." })
  role!: string;

  @Field()
  subject!: string;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: "Who you are: your tenant and role." })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    return ctx.principal;
  }
}
