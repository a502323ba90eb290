import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Asset } from "../asset/asset.type";
import { Contact } from "../contact/contact.type";
import { RequestContext } from "../context";
import { Opportunity } from "../opportunity/opportunity.type";
import { Account } from "./account.type";

function accountOf(owner: { accountId: string }, ctx: RequestContext) {
  return ctx.loaders.accountById.load(owner.accountId);
}

@Resolver(() => Contact)
export class ContactAccountResolver {
  @FieldResolver(() => Account, { nullable: true, description: "The account the contact works at." })
  account(@Root() contact: Contact, @Ctx() ctx: RequestContext) {
    return accountOf(contact, ctx);
  }
}

@Resolver(() => Opportunity)
export class OpportunityAccountResolver {
  @FieldResolver(() => Account, { nullable: true })
  account(@Root() opportunity: Opportunity, @Ctx() ctx: RequestContext) {
    return accountOf(opportunity, ctx);
  }
}

@Resolver(() => Asset)
export class AssetAccountResolver {
  @FieldResolver(() => Account, { nullable: true, description: "The account where the asset is installed." })
  account(@Root() asset: Asset, @Ctx() ctx: RequestContext) {
    return accountOf(asset, ctx);
  }
}

export const AccountOwnerResolvers = [
  ContactAccountResolver,
  OpportunityAccountResolver,
  AssetAccountResolver,
] as const;
