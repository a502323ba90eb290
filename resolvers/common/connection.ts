import { Page } from "../../domain/model";
import { CursorScope, encodeCursor } from "../../domain/pagination/cursor";
import { PageInfo } from "./page-info.type";

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Array<Edge<T>>;
  pageInfo: PageInfo;
  totalCount: number | null;
}

/** Builds a Relay connection from a page, signing each item's sort key into its cursor. */
export function toConnection<T, N = T>(
  page: Page<T>,
  scope: CursorScope,
  secret: string,
  mapNode: (item: T) => N = (item) => item as unknown as N,
): ConnectionShape<N> & { edges: Array<Edge<N> & { item: T }> } {
  const edges = page.items.map(({ node, sortKey }) => ({
    cursor: encodeCursor(scope, sortKey, secret),
    node: mapNode(node),
    item: node,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: page.totalCount,
  };
}
