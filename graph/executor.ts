import { setTimeout as sleep } from "node:timers/promises";
import { Driver, isRetryableError, session as sessionModes } from "neo4j-driver";
import { translateNeo4jError } from "./graph.errors";
import { toPlain } from "./neo4j-values";

/** Attempts of a read that fails with a transient error (cluster leader switch, deadlock, lost connection). */
const READ_ATTEMPTS = 4;
const RETRY_DELAY_MS = 100;

/** A fixed Cypher statement with a name that shows in logs, stats and Neo4j's query log. */
export interface CypherQuery {
  readonly name: string;
  readonly text: string;
}

export type PlainRow = Record<string, unknown>;

/** What one GraphQL request cost the database; reported in `extensions` for admins who ask for it. */
export class QueryStats {
  queries = 0;
  dbTimeMs = 0;
  readonly log: Array<{ name: string; ms: number; rows: number }> = [];

  record(name: string, ms: number, rows: number): void {
    this.queries += 1;
    this.dbTimeMs += ms;
    this.log.push({ name, ms: Math.round(ms * 100) / 100, rows });
  }
}

export interface ExecutorOptions {
  database: string;
  timeoutMs: number;
  /** Shows in Neo4j's query log and `SHOW TRANSACTIONS` as tx metadata. */
  operationName?: string | null;
  stats?: QueryStats;
}

/**
 * The one place that runs Cypher. Each query runs in its own short session, with the database named, a
 * timeout and metadata, and is retried on transient errors: writes as managed transactions (the driver
 * retries them), single-statement reads as auto-commit transactions (retried here). Results come back as
 * plain objects.
 */
export class CypherExecutor {
  constructor(
    private readonly driver: Driver,
    private readonly options: ExecutorOptions,
  ) {}

  /** An executor for one request, counting that request's queries. */
  forRequest(operationName: string | null, stats: QueryStats): CypherExecutor {
    return new CypherExecutor(this.driver, { ...this.options, operationName, stats });
  }

  read(query: CypherQuery, params: Record<string, unknown>): Promise<PlainRow[]> {
    return this.run("READ", query, params);
  }

  write(query: CypherQuery, params: Record<string, unknown>): Promise<PlainRow[]> {
    return this.run("WRITE", query, params);
  }

  /**
   * Runs several statements in ONE write transaction, in order: all of them commit or none. The list is
   * fixed before the transaction starts, so a retry replays exactly the same work.
   */
  async writeAll(
    name: string,
    statements: ReadonlyArray<{ query: CypherQuery; params: Record<string, unknown> }>,
  ): Promise<PlainRow[][]> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: sessionModes.WRITE });
    const started = performance.now();
    try {
      const results = await session.executeWrite(
        async (tx) => {
          const all: PlainRow[][] = [];
          for (const { query, params } of statements) {
            const result = await tx.run(query.text, params);
            all.push(result.records.map((record) => toPlain(record.toObject()) as PlainRow));
          }
          return all;
        },
        {
          timeout: this.options.timeoutMs,
          metadata: { app: "relata", query: name, operation: this.options.operationName ?? "" },
        },
      );
      this.options.stats?.record(
        name,
        performance.now() - started,
        results.reduce((n, rows) => n + rows.length, 0),
      );
      return results;
    } catch (error) {
      this.options.stats?.record(name, performance.now() - started, 0);
      throw translateNeo4jError(error, name);
    } finally {
      await session.close();
    }
  }

  private async run(mode: "READ" | "WRITE", query: CypherQuery, params: Record<string, unknown>): Promise<PlainRow[]> {
    const config = {
      timeout: this.options.timeoutMs,
      metadata: { app: "relata", query: query.name, operation: this.options.operationName ?? "" },
    };
    const started = performance.now();
    try {
      const rows =
        mode === "READ"
          ? await this.readAutoCommit(query, params, config)
          : await this.writeManaged(query, params, config);
      this.options.stats?.record(query.name, performance.now() - started, rows.length);
      return rows;
    } catch (error) {
      this.options.stats?.record(query.name, performance.now() - started, 0);
      throw translateNeo4jError(error, query.name);
    }
  }

  /**
   * A read is one statement, so it runs as an auto-commit transaction: one network round trip instead of
   * BEGIN / RUN / COMMIT, about half the client and server CPU of a transaction function for a point
   * lookup. Transient failures are retried here, as a transaction function would.
   */
  private async readAutoCommit(
    query: CypherQuery,
    params: Record<string, unknown>,
    config: { timeout: number; metadata: Record<string, string> },
  ): Promise<PlainRow[]> {
    for (let attempt = 1; ; attempt += 1) {
      const session = this.driver.session({ database: this.options.database, defaultAccessMode: sessionModes.READ });
      try {
        const result = await session.run(query.text, params, config);
        return result.records.map((record) => toPlain(record.toObject()) as PlainRow);
      } catch (error) {
        if (attempt >= READ_ATTEMPTS || !isRetryableError(error)) throw error;
      } finally {
        await session.close();
      }
      await sleep(RETRY_DELAY_MS * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }

  private async writeManaged(
    query: CypherQuery,
    params: Record<string, unknown>,
    config: { timeout: number; metadata: Record<string, string> },
  ): Promise<PlainRow[]> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: sessionModes.WRITE });
    try {
      return await session.executeWrite(async (tx) => {
        const result = await tx.run(query.text, params);
        return result.records.map((record) => toPlain(record.toObject()) as PlainRow);
      }, config);
    } finally {
      await session.close();
    }
  }
}
