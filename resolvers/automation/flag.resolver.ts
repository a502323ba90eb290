import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Account } from "../account/account.type";
import { Asset } from "../asset/asset.type";
import { RequestContext } from "../context";
import { FlagView, toFlagView } from "./flag.type";

@Resolver(() => Account)
export class AccountFlagsResolver {
  @FieldResolver(() => [FlagView], { description: "Flags playbooks put on the account, newest first." })
  async flags(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<FlagView[]> {
    return (await ctx.automation.loaders.flags.ACCOUNT.load(account.id)).map(toFlagView);
  }
}

@Resolver(() => Asset)
export class AssetFlagsResolver {
  @FieldResolver(() => [FlagView], { description: "Flags playbooks put on the asset, newest first." })
  async flags(@Root() asset: Asset, @Ctx() ctx: RequestContext): Promise<FlagView[]> {
    return (await ctx.automation.loaders.flags.ASSET.load(asset.id)).map(toFlagView);
  }
}
