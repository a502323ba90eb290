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

  @Field({
    description: "Your token's id: its jti, or a hash of the token when it has none. An admin revokes a token by it.",
  })
  tokenId!: string;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: "Who you are: your tenant, role and token id." })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    return ctx.principal;
  }
}
