import { setTimeout as sleep } from "node:timers/promises";
import { Driver, isRetryableError, session as sessionModes } from "neo4j-driver";
import { GraphError, translateNeo4jError } from "./graph.errors";
import { RequestDeadline } from "./request-deadline";
import { toPlain } from "./neo4j-values";
import { StatementEnd, StatementObservers } from "./statement-observer";

/** Attempts of a read that fails with a transient error (cluster leader switch, deadlock, lost connection). */
const READ_ATTEMPTS = 4;
const RETRY_DELAY_MS = 100;
const ignoreEnd = (): void => undefined;

/** Carries a dry run's answer out of its transaction, which the driver then rolls back. */
class RolledBack extends Error {
  constructor(readonly value: unknown) {
    super("rolled back on purpose (a dry run)");
  }
}

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

/**
 * Every statement the process sends to Neo4j, retries included, whoever sends it. Tests read it to prove
 * that a refused request ran no Cypher at all (the per-request {@link QueryStats} exist only for executed
 * requests).
 */
export class StatementCounter {
  private count = 0;

  get statements(): number {
    return this.count;
  }

  add(): void {
    this.count += 1;
  }
}

export interface ExecutorOptions {
  database: string;
  /** The longest any one statement may run. */
  timeoutMs: number;
  /** Shows in Neo4j's query log and `SHOW TRANSACTIONS` as tx metadata. */
  operationName?: string | null;
  stats?: QueryStats;
  /** The request's deadline across all of its statements; each gets min(timeoutMs, time left). */
  deadline?: RequestDeadline;
  counter?: StatementCounter;
  /** Metrics and trace spans of every statement; shared by the process's executors. */
  observers?: StatementObservers;
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

  /** An executor for one request, counting that request's queries and keeping to its deadline. */
  forRequest(operationName: string | null, stats: QueryStats, deadline?: RequestDeadline): CypherExecutor {
    return new CypherExecutor(this.driver, { ...this.options, operationName, stats, deadline });
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
    return this.writeSteps(name, async (run) => {
      const all: PlainRow[][] = [];
      for (const { query, params } of statements) all.push(await run(query, params));
      return all;
    });
  }

  /**
   * Runs `work` as ONE write transaction: every statement it runs commits or none does. A later statement
   * may depend on an earlier one's rows (read what is stored, then write what follows from it). `work`
   * may be retried on a transient error, so it must be a pure function of the rows it reads: no outside
   * I/O, no state kept between attempts. With `rollback`, the transaction is rolled back after `work`
   * returns: nothing it wrote stays, and its answer is what the writes would have done (a dry run).
   */
  async writeSteps<T>(
    name: string,
    work: (run: (query: CypherQuery, params: Record<string, unknown>) => Promise<PlainRow[]>) => Promise<T>,
    options: { rollback?: boolean } = {},
  ): Promise<T> {
    const timeout = this.statementTimeout(name);
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: sessionModes.WRITE });
    const observed = this.observe(name, "WRITE", undefined);
    const started = performance.now();
    let rows = 0;
    try {
      const result = await session.executeWrite(
        (tx) => {
          rows = 0;
          const done = work(async (query, params) => {
            this.options.counter?.add();
            const answer = await tx.run(query.text, params);
            rows += answer.records.length;
            return answer.records.map((record) => toPlain(record.toObject()) as PlainRow);
          });
          // A managed transaction rolls back when its work throws an error that is not transient.
          return options.rollback === true
            ? done.then((value) => {
                throw new RolledBack(value);
              })
            : done;
        },
        {
          timeout,
          metadata: { app: "relata", query: name, operation: this.options.operationName ?? "" },
        },
      );
      const ms = performance.now() - started;
      this.options.stats?.record(name, ms, rows);
      observed({ rows, ms });
      return result;
    } catch (error) {
      const ms = performance.now() - started;
      if (error instanceof RolledBack) {
        this.options.stats?.record(name, ms, rows);
        observed({ rows, ms });
        return error.value as T;
      }
      this.options.stats?.record(name, ms, 0);
      const translated = this.translate(error, name);
      observed({ rows: 0, ms, error: translated.code });
      throw translated;
    } finally {
      await session.close();
    }
  }

  private async run(mode: "READ" | "WRITE", query: CypherQuery, params: Record<string, unknown>): Promise<PlainRow[]> {
    const config = {
      timeout: this.statementTimeout(query.name),
      metadata: { app: "relata", query: query.name, operation: this.options.operationName ?? "" },
    };
    const observed = this.observe(query.name, mode, query.text);
    const started = performance.now();
    try {
      const rows =
        mode === "READ"
          ? await this.readAutoCommit(query, params, config)
          : await this.writeManaged(query, params, config);
      const ms = performance.now() - started;
      this.options.stats?.record(query.name, ms, rows.length);
      observed({ rows: rows.length, ms });
      return rows;
    } catch (error) {
      const ms = performance.now() - started;
      this.options.stats?.record(query.name, ms, 0);
      const translated = this.translate(error, query.name);
      observed({ rows: 0, ms, error: translated.code });
      throw translated;
    }
  }

  private observe(name: string, mode: "READ" | "WRITE", text: string | undefined): (end: StatementEnd) => void {
    const observers = this.options.observers;
    if (observers === undefined) return ignoreEnd;
    const operation = this.options.operationName ?? null;
    return observers.started({ name, mode, database: this.options.database, text, operation });
  }

  /**
   * The timeout of the next statement: the statement limit, or less when the request's deadline is
   * nearer. Past the deadline nothing more is sent.
   */
  private statementTimeout(queryName: string): number {
    const deadline = this.options.deadline;
    if (deadline === undefined) return this.options.timeoutMs;
    const remaining = deadline.remainingMs();
    if (remaining <= 0) throw this.pastDeadline(deadline, queryName);
    return Math.max(1, Math.min(this.options.timeoutMs, Math.ceil(remaining)));
  }

  /** A statement cut short by the request's deadline says so, not that the statement limit was hit. */
  private translate(error: unknown, queryName: string): GraphError {
    const translated = translateNeo4jError(error, queryName);
    const deadline = this.options.deadline;
    if (translated.code === "TIMEOUT" && deadline !== undefined && deadline.expired()) {
      return this.pastDeadline(deadline, queryName, error);
    }
    return translated;
  }

  private pastDeadline(deadline: RequestDeadline, queryName: string, cause?: unknown): GraphError {
    return new GraphError(
      "TIMEOUT",
      `The request used up its ${deadline.limitMs} ms for database work before "${queryName}" could finish; ` +
        `ask for less in one request (smaller pages, fewer nested lists or aliases) or split it into several.`,
      { cause },
    );
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
        // A retry gets only the time its request has left.
        const timeout = attempt === 1 ? config.timeout : this.statementTimeout(query.name);
        this.options.counter?.add();
        const result = await session.run(query.text, params, { ...config, timeout });
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
        this.options.counter?.add();
        const result = await tx.run(query.text, params);
        return result.records.map((record) => toPlain(record.toObject()) as PlainRow);
      }, config);
    } finally {
      await session.close();
    }
  }
}
