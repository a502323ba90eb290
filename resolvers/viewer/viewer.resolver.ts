import { Ctx, Field, FieldResolver, ObjectType, Query, Resolver } from "type-graphql";
import { RequestContext } from "../context";
import { User } from "../people/user.type";

@ObjectType({ simpleResolvers: true, description: "The caller, as their token says." })
export class Viewer {
  @Field()
  tenant!: string;

  @Field({ description: "admin, analyst, integrator, viewer or rep." })
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
  @Query(() => Viewer, { description: "Who you are: your tenant, role and token id, and your user if you are one." })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    return ctx.principal;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      "The user your token's subject names, when your tenant has one: your role is capped by their roles. " +
      "Null for tokens that name no user (service tokens).",
  })
  user(@Ctx() ctx: RequestContext) {
    return ctx.principal.userId === undefined ? null : ctx.loaders.people.userByExternalId.load(ctx.principal.subject);
  }
}
