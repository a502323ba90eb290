import { Field, ObjectType } from "type-graphql";
import { NetworkRelationship } from "../../domain/records";
import { Connection } from "../common/connection.type";
import { NetworkRelationshipEnum } from "../common/enums";
import { Asset } from "../asset/asset.type";
import { Contact } from "../contact/contact.type";
import { Opportunity } from "../opportunity/opportunity.type";
import { Organization } from "../organization/organization.type";
import { PageInfo } from "../common/page-info.type";
import { Signal } from "../signal/signal.type";
import { Account } from "./account.type";
import { Int } from "type-graphql";

export const AccountConnection = Connection("AccountConnection", "AccountEdge", Account);

export const ContactConnection = Connection("ContactConnection", "ContactEdge", Contact);

export const OpportunityConnection = Connection("OpportunityConnection", "OpportunityEdge", Opportunity);

export const AssetConnection = Connection("AssetConnection", "AssetEdge", Asset);

export const SignalConnection = Connection("SignalConnection", "SignalEdge", Signal);

@ObjectType({
  simpleResolvers: true,
  description: "An organization around an account, with how it relates to the account.",
})
export class NetworkEdge {
  @Field()
  cursor!: string;

  @Field(() => Organization)
  node!: Organization;

  @Field(() => NetworkRelationshipEnum)
  relationship!: NetworkRelationship;
}

@ObjectType({ simpleResolvers: true })
export class NetworkConnection {
  @Field(() => [NetworkEdge])
  edges!: NetworkEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many links the account has (counted only when asked for)." })
  totalCount!: number | null;
}
