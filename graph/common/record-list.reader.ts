import neo4j from "neo4j-driver";
import { Page } from "../../domain/model";
import { CursorKey } from "../../domain/pagination/cursor";
import { PropertySelection } from "../../domain/selection/property-selection";
import { CypherExecutor } from "../executor";
import { RecordListQueries } from "./record-list.query";

/** One page of a top-level list: filter values (null = not filtered on), page size and position. */
export interface RecordPageRequest<F, P extends string = string> {
  filter: F;
  first: number;
  after: CursorKey | null;
  /** The item properties the request selects; every property when absent (decision 0040). */
  select?: PropertySelection<P>;
}

/** Runs {@link recordListQueries} for one tenant: pages and totals of a filtered list. */
export class RecordListReader {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  async page<T>(
    queries: RecordListQueries,
    params: Record<string, unknown>,
    request: { first: number; after: CursorKey | null; select?: PropertySelection },
    toNode: (row: Record<string, unknown>) => T,
  ): Promise<Page<T>> {
    const query = request.select === undefined ? queries.page : queries.pageOf(request.select);
    const rows = await this.executor.read(query, {
      ...params,
      tenant: this.tenant,
      after: request.after === null ? null : [...request.after],
      limit: neo4j.int(request.first + 1),
    });
    return {
      items: rows.slice(0, request.first).map((row) => ({
        node: toNode(row.node as Record<string, unknown>),
        sortKey: row.sortKey as Array<string | number | null>,
      })),
      hasNextPage: rows.length > request.first,
      totalCount: null,
    };
  }

  async count(queries: RecordListQueries, params: Record<string, unknown>): Promise<number> {
    const rows = await this.executor.read(queries.count, { ...params, tenant: this.tenant });
    return (rows[0]?.total as number | undefined) ?? 0;
  }
}
