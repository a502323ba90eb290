import neo4j from "neo4j-driver";
import { CypherExecutor, PlainRow } from "../executor";
import { ChildListQuery } from "./child-list.query";

interface Pending {
  query: ChildListQuery;
  keys: readonly Record<string, unknown>[];
  limit: number;
  resolve: (rows: PlainRow[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Reads the child lists one request asks for at the same time (an account's contacts, opportunities,
 * assets, network and signals) in ONE round trip: every list's DataLoader dispatches its batch in the
 * same tick, so the reads queued until the next turn of the event loop go out as one UNION ALL of the
 * lists' queries. A request's round trips then follow the depth of its query, not how many lists it
 * names. Switched off (one query per list) when DataLoader batching is off, to measure what both buy.
 */
export class ChildListBatch {
  private pending: Pending[] = [];

  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
    private readonly together: boolean,
  ) {}

  /** The rows (`index`, `items`, `total`) of `query` for `keys`, with `limit` items at most per key. */
  read(query: ChildListQuery, keys: readonly Record<string, unknown>[], limit: number): Promise<PlainRow[]> {
    if (!this.together) return this.executor.read(query, { tenant: this.tenant, keys, limit: neo4j.int(limit) });
    return new Promise<PlainRow[]>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ query, keys, limit, resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 1) {
      const [only] = batch as [Pending];
      this.executor
        .read(only.query, { tenant: this.tenant, keys: only.keys, limit: neo4j.int(only.limit) })
        .then(only.resolve, only.reject);
      return;
    }
    // A fixed order of the parts, so the same combination of lists is the same statement (plan cache).
    const parts = [...batch].sort((a, b) => (a.query.name < b.query.name ? -1 : a.query.name > b.query.name ? 1 : 0));
    const params: Record<string, unknown> = { tenant: this.tenant };
    parts.forEach((part, i) => {
      params[`keys_${i}`] = part.keys;
      params[`limit_${i}`] = neo4j.int(part.limit);
    });
    const query = {
      name: parts.map((p) => p.query.name).join("+"),
      text: parts.map((p, i) => p.query.part(i)).join("\nUNION ALL\n"),
    };
    this.executor.read(query, params).then(
      (rows) => {
        const byPart = parts.map((): PlainRow[] => []);
        for (const row of rows) byPart[row.part as number]?.push(row);
        parts.forEach((part, i) => part.resolve(byPart[i] as PlainRow[]));
      },
      (error: unknown) => parts.forEach((part) => part.reject(error)),
    );
  }
}
