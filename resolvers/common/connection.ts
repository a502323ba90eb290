import { Page } from "../../domain/model";
import { CursorScope, encodeCursor } from "../../domain/pagination/cursor";
import { PageInfo } from "./page-info.type";
import { FilterNotice } from "../../domain/search/closest-values";

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Array<Edge<T>>;
  pageInfo: PageInfo;
  totalCount: number | null;
  /** Filter values that matched nothing (top-level lists; see filter-notices.ts). */
  notices: FilterNotice[];
}

/**
 * An edge whose cursor is signed only when a client asks for it: most operations read the nodes of a
 * page and one end cursor, and signing every edge of a 100 × 10 page would cost a thousand HMACs.
 */
class LazyEdge<N, T> implements Edge<N> {
  private signed: string | undefined;

  constructor(
    readonly node: N,
    readonly item: T,
    private readonly sign: () => string,
  ) {}

  get cursor(): string {
    this.signed ??= this.sign();
    return this.signed;
  }
}

/** Builds a Relay connection from a page; each item's sort key is signed into its cursor when read. */
export function toConnection<T, N = T>(
  page: Page<T>,
  scope: CursorScope,
  secret: string,
  mapNode: (item: T) => N = (item) => item as unknown as N,
): Omit<ConnectionShape<N>, "edges"> & { edges: Array<Edge<N> & { item: T }> } {
  const edges = page.items.map(
    ({ node, sortKey }) => new LazyEdge(mapNode(node), node, () => encodeCursor(scope, sortKey, secret)),
  );
  const first = edges[0];
  const last = edges[edges.length - 1];
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      get startCursor() {
        return first?.cursor ?? null;
      },
      get endCursor() {
        return last?.cursor ?? null;
      },
    },
    totalCount: page.totalCount,
    notices: [],
  };
}
