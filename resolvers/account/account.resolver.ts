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
  account(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return ctx.loaders.accountById.load(assertNodeId("Account", id));
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
    const [result, total, notices] = await Promise.all([
      ctx.repositories.accounts.list({ filter: values, order, first: request.first, after: request.after }),
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
    return loadChildConnection(ctx, ctx.loaders.contactsByAccount, "account.contacts", account.id, args, info);
  }

  @FieldResolver(() => OpportunityConnection, { description: "The account's opportunities, latest close date first." })
  opportunities(
    @Root() account: Account,
    @Args() args: OpportunityPageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
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
    );
  }

  @FieldResolver(() => AssetConnection, { description: "Products installed at the account." })
  assets(
    @Root() account: Account,
    @Args() args: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    return loadChildConnection(ctx, ctx.loaders.assetsByAccount, "account.assets", account.id, args, info);
  }

  @FieldResolver(() => NetworkConnection, { description: "Partners, suppliers, service providers and resellers." })
  network(
    @Root() account: Account,
    @Args() args: NetworkPageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    return loadChildConnection(ctx, ctx.loaders.networkByAccount, "account.network", account.id, args, info, {
      relationships: args.relationships ? [...args.relationships].sort() : null,
    }).then((connection) => ({
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
    return loadChildConnection(ctx, ctx.loaders.signalsByAccount, "account.signals", account.id, args, info, {
      fields: signalFields(args),
      since: args.since ? args.since.toISOString() : null,
      until: args.until ? args.until.toISOString() : null,
    });
  }
}
