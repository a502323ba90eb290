import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { isoDayFilter, listFilter } from "../../domain/filters/filter-values";
import { assertNodeId } from "../../domain/ids/node-id";
import { Page } from "../../domain/model";
import { personSearch } from "../../domain/personal-data/person-search";
import { CursorKey } from "../../domain/pagination/cursor";
import { FieldNeeds, PropertySelection } from "../../domain/selection/property-selection";
import {
  AssetConnection,
  ContactConnection,
  OpportunityConnection,
  SignalConnection,
} from "../account/account-connections.type";
import {
  ASSET_RECORD_NEEDS,
  CONTACT_RECORD_NEEDS,
  connectionNodes,
  OPPORTUNITY_RECORD_NEEDS,
  ORGANIZATION_FIELD_NEEDS,
  selectedProperties,
  SIGNAL_RECORD_NEEDS,
} from "../account/account-selections";
import { toConnection } from "../common/connection";
import { FieldSelection } from "../common/field-selection";
import { filterNoticesFor } from "../common/filter-notices";
import { PageArgs } from "../common/page-args";
import { pageRequest } from "../common/page-request";
import { selectsField } from "../common/selection";
import { RequestContext } from "../context";
import { OrganizationConnection } from "./organization-connection.type";
import {
  AssetFilter,
  ContactFilter,
  OpportunityFilter,
  OrganizationFilter,
  SignalFilter,
} from "./record-filters.input";

function accountIds(ids: string[] | null | undefined): readonly string[] | null {
  return ids === null || ids === undefined
    ? null
    : ids.map((id, i) => assertNodeId("Account", id, `filter.accountIds[${i}]`));
}

/** What a list's items are: their GraphQL type and connection, and what each field needs from the stored node. */
interface ListItems<P extends string> {
  type: string;
  connection: string;
  edge: string;
  needs: FieldNeeds<P>;
}

const CONTACT_ITEMS = {
  type: "Contact",
  connection: "ContactConnection",
  edge: "ContactEdge",
  needs: CONTACT_RECORD_NEEDS,
};
const OPPORTUNITY_ITEMS = {
  type: "Opportunity",
  connection: "OpportunityConnection",
  edge: "OpportunityEdge",
  needs: OPPORTUNITY_RECORD_NEEDS,
};
const ASSET_ITEMS = { type: "Asset", connection: "AssetConnection", edge: "AssetEdge", needs: ASSET_RECORD_NEEDS };
const ORGANIZATION_ITEMS = {
  type: "Organization",
  connection: "OrganizationConnection",
  edge: "OrganizationEdge",
  needs: ORGANIZATION_FIELD_NEEDS,
};
const SIGNAL_ITEMS = { type: "Signal", connection: "SignalConnection", edge: "SignalEdge", needs: SIGNAL_RECORD_NEEDS };

/**
 * One page of a top-level list as a connection: cursors bound to the list and tenant, the total counted
 * only when asked for, in parallel with the page; the page projects only the item properties the
 * selection needs (decision 0040).
 */
async function listConnection<F, T, P extends string>(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  list: string,
  items: ListItems<P>,
  page: PageArgs,
  filter: F,
  read: (request: {
    filter: F;
    first: number;
    after: CursorKey | null;
    select: PropertySelection<P>;
  }) => Promise<Page<T>>,
  count: (filter: F) => Promise<number>,
  freeText: Readonly<Record<string, readonly string[] | null>>,
) {
  const request = pageRequest(ctx, list, page);
  const nodes = connectionNodes(FieldSelection.of(info), items.connection, items.edge);
  const select = selectedProperties(nodes, items.type, items.needs, "id" as P);
  const [result, total, notices] = await Promise.all([
    read({ filter, first: request.first, after: request.after, select }),
    selectsField(info, "totalCount") ? count(filter) : Promise.resolve(null),
    selectsField(info, "notices") ? filterNoticesFor(ctx, list, freeText) : Promise.resolve([]),
  ]);
  return { ...toConnection({ ...result, totalCount: total }, request.scope, ctx.paging.cursorSecret), notices };
}

/** The tenant's contacts, opportunities, assets, organizations and signals as filtered, paged lists. */
@Resolver()
export class RecordListsResolver {
  @Query(() => ContactConnection, { description: "Your tenant's contacts, by name, filtered and paged." })
  contacts(
    @Arg("filter", () => ContactFilter, { nullable: true }) filter: ContactFilter | null,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const lists = ctx.repositories.recordLists;
    const values = {
      accountIds: accountIds(filter?.accountIds),
      buyingRoles: listFilter(filter?.buyingRoles),
      sourceSystems: listFilter(filter?.sourceSystems),
      search: personSearch(filter?.search, ctx.personalData.access),
    };
    return listConnection(
      ctx,
      info,
      "contacts",
      CONTACT_ITEMS,
      page,
      values,
      (r) => lists.contacts(r),
      (f) => lists.countContacts(f),
      { "filter.sourceSystems": values.sourceSystems },
    );
  }

  @Query(() => OpportunityConnection, {
    description: "Your tenant's opportunities, latest close date first (none last), filtered and paged.",
  })
  opportunities(
    @Arg("filter", () => OpportunityFilter, { nullable: true }) filter: OpportunityFilter | null,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const lists = ctx.repositories.recordLists;
    const values = {
      accountIds: accountIds(filter?.accountIds),
      stages: listFilter(filter?.stages),
      sourceSystems: listFilter(filter?.sourceSystems),
      minAmount: filter?.minAmount ?? null,
      maxAmount: filter?.maxAmount ?? null,
      closeDateFrom: isoDayFilter(filter?.closeDateFrom, "filter.closeDateFrom"),
      closeDateTo: isoDayFilter(filter?.closeDateTo, "filter.closeDateTo"),
    };
    return listConnection(
      ctx,
      info,
      "opportunities",
      OPPORTUNITY_ITEMS,
      page,
      values,
      (r) => lists.opportunities(r),
      (f) => lists.countOpportunities(f),
      { "filter.sourceSystems": values.sourceSystems },
    );
  }

  @Query(() => AssetConnection, { description: "Your tenant's installed assets, by name, filtered and paged." })
  assets(
    @Arg("filter", () => AssetFilter, { nullable: true }) filter: AssetFilter | null,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const lists = ctx.repositories.recordLists;
    const values = {
      accountIds: accountIds(filter?.accountIds),
      models: listFilter(filter?.models),
      sourceSystems: listFilter(filter?.sourceSystems),
    };
    return listConnection(
      ctx,
      info,
      "assets",
      ASSET_ITEMS,
      page,
      values,
      (r) => lists.assets(r),
      (f) => lists.countAssets(f),
      { "filter.models": values.models, "filter.sourceSystems": values.sourceSystems },
    );
  }

  @Query(() => OrganizationConnection, {
    description: "Your tenant's partners, suppliers, service providers and resellers, by name, filtered and paged.",
  })
  organizations(
    @Arg("filter", () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | null,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const lists = ctx.repositories.recordLists;
    const values = {
      kinds: listFilter(filter?.kinds),
      regions: listFilter(filter?.regions),
      sourceSystems: listFilter(filter?.sourceSystems),
    };
    return listConnection(
      ctx,
      info,
      "organizations",
      ORGANIZATION_ITEMS,
      page,
      values,
      (r) => lists.organizations(r),
      (f) => lists.countOrganizations(f),
      { "filter.regions": values.regions, "filter.sourceSystems": values.sourceSystems },
    );
  }

  @Query(() => SignalConnection, { description: "Your tenant's signals, newest first, filtered and paged." })
  signals(
    @Arg("filter", () => SignalFilter, { nullable: true }) filter: SignalFilter | null,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const lists = ctx.repositories.recordLists;
    const values = {
      fields: listFilter(filter?.fields),
      sourceSystems: listFilter(filter?.sourceSystems),
      subjectKinds: listFilter(filter?.subjectKinds),
      since: filter?.since ? filter.since.toISOString() : null,
      until: filter?.until ? filter.until.toISOString() : null,
    };
    return listConnection(
      ctx,
      info,
      "signals",
      SIGNAL_ITEMS,
      page,
      values,
      (r) => lists.signals(r),
      (f) => lists.countSignals(f),
      { "filter.fields": values.fields, "filter.sourceSystems": values.sourceSystems },
    );
  }
}
