import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { RequestContext } from "../context";
import { TokenRevocationView } from "./token-revocation.type";

@Resolver()
export class TokenRevocationResolver {
  @Mutation(() => TokenRevocationView, {
    description:
      "Revokes one of your tenant's tokens before it expires, by its jti (or the tokenId `viewer` shows for it). " +
      "This API instance refuses it at once, every other one within the revocation refresh interval.",
  })
  async revokeToken(
    @Arg("jti") jti: string,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TokenRevocationView> {
    const revocation = await ctx.tokens.revoke(jti, reason ?? null);
    return {
      jti: revocation.tokenId,
      revokedAt: new Date(revocation.revokedAt),
      revokedBy: revocation.revokedBy,
      reason: revocation.reason,
    };
  }
}
