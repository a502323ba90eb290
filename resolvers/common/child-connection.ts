import DataLoader from "dataloader";
import { GraphQLResolveInfo } from "graphql";
import { Page } from "../../domain/model";
import { PropertySelection } from "../../domain/selection/property-selection";
import { ChildPageRequest } from "../../graph/common/child-list.reader";
import { RequestContext } from "../context";
import { ConnectionShape, toConnection } from "./connection";
import { pageRequest } from "./page-request";
import { selectsField } from "./selection";

/**
 * Loads one page of a parent's children through a per-request DataLoader and shapes it as a connection.
 * `filters` must be JSON values: they are part of the loader key. `select` names the item properties the
 * request asks for (every property when absent); it is part of the key too.
 */
export async function loadChildConnection<T>(
  ctx: RequestContext,
  loader: DataLoader<ChildPageRequest, Page<T>, string>,
  list: string,
  parentId: string,
  args: { first?: number | null; after?: string | null },
  info: GraphQLResolveInfo,
  filters: Record<string, unknown> = {},
  select?: PropertySelection,
): Promise<ConnectionShape<T>> {
  // The parent is part of the list's identity: a cursor of one account's contacts is no position in another's.
  const request = pageRequest(ctx, `${list}:${parentId}`, args);
  const page = await loader.load({
    ...filters,
    parentId,
    first: request.first,
    after: request.after,
    withTotal: selectsField(info, "totalCount"),
    ...(select === undefined ? {} : { select }),
  });
  return toConnection(page, request.scope, ctx.paging.cursorSecret);
}
