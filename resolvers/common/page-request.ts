import { CursorKey, CursorScope, decodeCursor } from "../../domain/pagination/cursor";
import { resolvePageSize } from "../../domain/pagination/page-size";
import { RequestContext } from "../context";

export interface PageRequest {
  first: number;
  after: CursorKey | null;
  scope: CursorScope;
}

/** Checks `first` and `after` for the list `list`: page size within limits, cursor from this list and tenant. */
export function pageRequest(
  ctx: RequestContext,
  list: string,
  args: { first?: number | null; after?: string | null },
): PageRequest {
  const scope = { tenant: ctx.principal.tenant, list };
  const first = resolvePageSize(args.first, ctx.paging);
  const after =
    args.after === null || args.after === undefined
      ? null
      : decodeCursor(args.after, scope, ctx.paging.cursorSecret, 2);
  return { first, after, scope };
}
