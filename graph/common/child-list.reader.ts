import { Page } from "../../domain/model";
import { CursorKey } from "../../domain/pagination/cursor";
import { PropertySelection, unionOf } from "../../domain/selection/property-selection";
import { ChildListBatch } from "./child-list.batch";
import { ChildListQuery } from "./child-list.query";

/** One parent's page request. Extra properties are filter values the query's `filter` fragment reads. */
export interface ChildPageRequest {
  parentId: string;
  first: number;
  after: CursorKey | null;
  withTotal: boolean;
  /** The item properties the request selects; every property when absent. Not sent to Neo4j. */
  select?: PropertySelection;
  [filter: string]: unknown;
}

/**
 * Runs a {@link childListQuery} for many parents in one round trip (shared with the other lists read at
 * the same time, see {@link ChildListBatch}) and returns their pages in request
 * order. A parent that does not exist in the tenant gets an empty page.
 */
export async function readChildPages<T>(
  lists: ChildListBatch,
  query: ChildListQuery,
  requests: readonly ChildPageRequest[],
  toNode: (row: Record<string, unknown>) => T,
): Promise<Array<Page<T>>> {
  if (requests.length === 0) return [];
  const limit = Math.max(...requests.map((r) => r.first)) + 1;
  // Requests of one batch that select differently (aliases) share one statement projecting what all need.
  const selection = unionOf(requests.map((r) => r.select));
  const keys = requests.map(({ select: _select, ...request }, index) => ({ ...request, index }));
  const rows = await lists.read(query.select(selection), keys, limit);
  const byIndex = new Map(rows.map((row) => [row.index as number, row]));
  return requests.map((request, index) => {
    const row = byIndex.get(index);
    const items = (row?.items as Array<{ node: Record<string, unknown>; sortKey: CursorKey }> | undefined) ?? [];
    const pageItems = items.slice(0, request.first).map((item) => ({
      node: toNode(item.node),
      sortKey: [...item.sortKey],
    }));
    return {
      items: pageItems,
      hasNextPage: items.length > request.first,
      totalCount: request.withTotal ? ((row?.total as number | undefined) ?? 0) : null,
    };
  });
}
