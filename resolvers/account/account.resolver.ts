import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { assertNodeId } from "../../domain/ids/node-id";
import { NetworkRelationship, OpportunityStage } from "../../domain/records";
import { AccountOrderName } from "../../graph/account/account-order";
import { loadChildConnection } from "../common/child-connection";
import { toConnection } from "../common/connection";
import { filterNoticesFor } from "../common/filter-notices";
import { AccountOrderEnum, NetworkRelationshipEnum, OpportunityStageEnum } from "../common/enums";
import { PageArgs } from "../common/page-args";
import { pageRequest } from "../common/page-request";
import { selectsField } from "../common/selection";
import { FieldSelection } from "../common/field-selection";
import {
  ACCOUNT_FIELD_NEEDS,
  ASSET_FIELD_NEEDS,
  CONTACT_FIELD_NEEDS,
  connectionNodes,
  OPPORTUNITY_FIELD_NEEDS,
  ORGANIZATION_FIELD_NEEDS,
  selectedProperties,
  SIGNAL_FIELD_NEEDS,
} from "./account-selections";
import { RequestContext } from "../context";
import {
  AccountConnection,
  AssetConnection,
  ContactConnection,
  NetworkConnection,
  OpportunityConnection,
  SignalConnection,
} from "./account-connections.type";
import { AccountFilter, accountFilterValues } from "./account-filter.input";
import { Account } from "./account.type";

@ArgsType()
class OpportunityPageArgs extends PageArgs {
  @Field(() => [OpportunityStageEnum], { nullable: true, description: "Only opportunities in these stages." })
  stages?: OpportunityStage[] | null;
}

@ArgsType()
class NetworkPageArgs extends PageArgs {
  @Field(() => [NetworkRelationshipEnum], { nullable: true, description: "Only these kinds of relationship." })
  relationships?: NetworkRelationship[] | null;
}

@ArgsType()
class SignalPageArgs extends PageArgs {
  @Field(() => Date, { nullable: true, description: "Only signals observed at or after this instant." })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: "Only signals observed before this instant." })
  until?: Date | null;

  @Field(() => String, { nullable: true, description: "Only signals of this source field." })
  field?: string | null;

  @Field(() => [String], { nullable: true, description: "Only signals of these source fields." })
  fields?: string[] | null;
}

function signalFields(args: SignalPageArgs): string[] | null {
  const fields = [...(args.fields ?? []), ...(args.field ? [args.field] : [])];
  return fields.length > 0 ? fields.sort() : null;
}

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: "One account of your tenant, or null." })
  account(@Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo, @Ctx() ctx: RequestContext) {
    const select = selectedProperties(FieldSelection.of(info), "Account", ACCOUNT_FIELD_NEEDS, "id");
    return ctx.loaders.selectedAccountById.load({ id: assertNodeId("Account", id), select });
  }

  @Query(() => AccountConnection, { description: "Your tenant's accounts, filtered, ordered and paged." })
  async accounts(
    @Arg("filter", () => AccountFilter, { nullable: true }) filter: AccountFilter | null,
    @Arg("orderBy", () => AccountOrderEnum, { nullable: true, defaultValue: "NAME_ASC" })
    orderBy: AccountOrderName | null,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const order = orderBy ?? "NAME_ASC";
    const request = pageRequest(ctx, `accounts:${order}`, page);
    const values = accountFilterValues(filter);
    const nodes = connectionNodes(FieldSelection.of(info), "AccountConnection", "AccountEdge");
    const select = selectedProperties(nodes, "Account", ACCOUNT_FIELD_NEEDS, "id");
    const [result, total, notices] = await Promise.all([
      ctx.repositories.accounts.list({ filter: values, order, first: request.first, after: request.after, select }),
      selectsField(info, "totalCount") ? ctx.repositories.accounts.count(values) : Promise.resolve(null),
      selectsField(info, "notices")
        ? filterNoticesFor(ctx, "accounts", {
            "filter.industry": values.industries ?? null,
            "filter.segment": values.segments ?? null,
            "filter.region": values.regions ?? null,
          })
        : Promise.resolve([]),
    ]);
    return { ...toConnection({ ...result, totalCount: total }, request.scope, ctx.paging.cursorSecret), notices };
  }

  @FieldResolver(() => ContactConnection, { description: "The account's contacts, by name." })
  contacts(
    @Root() account: Account,
    @Args() args: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const nodes = connectionNodes(FieldSelection.of(info), "ContactConnection", "ContactEdge");
    const select = selectedProperties(nodes, "Contact", CONTACT_FIELD_NEEDS, "id");
    return loadChildConnection(
      ctx,
      ctx.loaders.contactsByAccount,
      "account.contacts",
      account.id,
      args,
      info,
      {},
      select,
    );
  }

  @FieldResolver(() => OpportunityConnection, { description: "The account's opportunities, latest close date first." })
  opportunities(
    @Root() account: Account,
    @Args() args: OpportunityPageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const nodes = connectionNodes(FieldSelection.of(info), "OpportunityConnection", "OpportunityEdge");
    return loadChildConnection(
      ctx,
      ctx.loaders.opportunitiesByAccount,
      "account.opportunities",
      account.id,
      args,
      info,
      {
        stages: args.stages ? [...args.stages].sort() : null,
      },
      selectedProperties(nodes, "Opportunity", OPPORTUNITY_FIELD_NEEDS, "id"),
    );
  }

  @FieldResolver(() => AssetConnection, { description: "Products installed at the account." })
  assets(
    @Root() account: Account,
    @Args() args: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const nodes = connectionNodes(FieldSelection.of(info), "AssetConnection", "AssetEdge");
    const select = selectedProperties(nodes, "Asset", ASSET_FIELD_NEEDS, "id");
    return loadChildConnection(ctx, ctx.loaders.assetsByAccount, "account.assets", account.id, args, info, {}, select);
  }

  @FieldResolver(() => NetworkConnection, { description: "Partners, suppliers, service providers and resellers." })
  network(
    @Root() account: Account,
    @Args() args: NetworkPageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const nodes = connectionNodes(FieldSelection.of(info), "NetworkConnection", "NetworkEdge");
    const select = selectedProperties(nodes, "Organization", ORGANIZATION_FIELD_NEEDS, "id");
    return loadChildConnection(
      ctx,
      ctx.loaders.networkByAccount,
      "account.network",
      account.id,
      args,
      info,
      { relationships: args.relationships ? [...args.relationships].sort() : null },
      select,
    ).then((connection) => ({
      ...connection,
      edges: connection.edges.map((edge) => ({
        cursor: edge.cursor,
        node: edge.node.organization,
        relationship: edge.node.relationship,
      })),
    }));
  }

  @FieldResolver(() => SignalConnection, { description: "Observations about the account itself, newest first." })
  signals(
    @Root() account: Account,
    @Args() args: SignalPageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const nodes = connectionNodes(FieldSelection.of(info), "SignalConnection", "SignalEdge");
    const select = selectedProperties(nodes, "Signal", SIGNAL_FIELD_NEEDS, "id");
    return loadChildConnection(
      ctx,
      ctx.loaders.signalsByAccount,
      "account.signals",
      account.id,
      args,
      info,
      {
        fields: signalFields(args),
        since: args.since ? args.since.toISOString() : null,
        until: args.until ? args.until.toISOString() : null,
      },
      select,
    );
  }
}
