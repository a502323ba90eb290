import { Neo4jError, session as sessionModes, type Driver, type Result, type ResultSummary } from "neo4j-driver";

import { isUnavailableError } from "../graph.errors";
import { openDriver, type Neo4jConnection } from "../neo4j-driver";
import { CypherConsoleError } from "./cypher-console.errors";
import { toCypherParameter, toConsoleJson, toDisplayText, type JsonValue } from "./console-values";
import {
  describeQueryType,
  explainPlan,
  normaliseStatement,
  shiftErrorPositions,
  writesData,
  type ExplainPlan,
} from "./cypher-statement";

/** How one console statement runs. */
export interface ConsoleRunOptions {
  /** Run in a write session; otherwise a statement that writes is refused before it runs. */
  readonly write: boolean;
  /** Transaction timeout; the statement is rolled back after it. */
  readonly timeoutMs: number;
}

/** One result row, both as JSON (for `--json`) and as table cells in Cypher notation. */
export interface ConsoleRow {
  readonly json: Record<string, JsonValue>;
  readonly cells: readonly string[];
}

/** Receives the result as it streams in. */
export interface ConsoleSink {
  columns(keys: readonly string[]): void;
  row(row: ConsoleRow): void;
}

/** What a statement did, from Neo4j's summary. */
export interface ConsoleSummary {
  /** `r`, `rw`, `w` or `s` (see {@link describeQueryType}). */
  readonly queryType: string;
  readonly rows: number;
  /** Non-zero update counters, e.g. `{ nodesCreated: 2 }`. */
  readonly counters: Readonly<Record<string, number>>;
  /** Neo4j's warnings about the statement (deprecations, cartesian products, unknown labels). */
  readonly notifications: readonly string[];
}

/**
 * Runs statements typed by an operator (`npm run db -- cypher`) against Neo4j. Unlike the application's
 * {@link CypherExecutor}, which runs Relata's own fixed statements, this takes arbitrary text, so it
 * checks a statement with EXPLAIN first, runs it in a READ session unless writing was asked for (Neo4j
 * then refuses writes itself, on a single server too), streams rows, and reports Neo4j's errors in its
 * own words with positions in the user's text (docs/decisions/0011).
 */
export class CypherConsole {
  private constructor(
    private readonly driver: Driver,
    private readonly connection: Neo4jConnection,
  ) {}

  /**
   * Connects and verifies the login.
   *
   * @throws {CypherConsoleError} `UNAUTHORIZED` or `UNAVAILABLE`.
   */
  static async open(connection: Neo4jConnection): Promise<CypherConsole> {
    try {
      return new CypherConsole(await openDriver(connection), connection);
    } catch (error) {
      throw connectionError(error, connection);
    }
  }

  /**
   * Runs one statement with `parameters` and streams its rows into `sink`.
   *
   * @throws {CypherConsoleError} for every failure, with an actionable message.
   */
  async run(
    statement: string,
    parameters: Readonly<Record<string, unknown>>,
    options: ConsoleRunOptions,
    sink: ConsoleSink,
  ): Promise<ConsoleSummary> {
    const text = normaliseStatement(statement);
    if (text === "") {
      throw new CypherConsoleError(
        "EMPTY",
        'No statement was given. Pass one Cypher statement in quotes, e.g. npm run db -- cypher "MATCH (n) RETURN count(n)".',
      );
    }
    const params = toCypherParameter(parameters) as Record<string, unknown>;
    if (!options.write) await this.refuseWrites(text, params, options);
    const session = this.driver.session({
      database: this.connection.database,
      defaultAccessMode: options.write ? sessionModes.WRITE : sessionModes.READ,
    });
    try {
      return await streamResult(
        session.run(text, params, { timeout: options.timeoutMs, metadata: { app: "relata", query: "console" } }),
        sink,
      );
    } catch (error) {
      throw translateConsoleError(error, options);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** EXPLAIN plans without running: a statement that writes data is refused before any of it runs. */
  private async refuseWrites(text: string, params: Record<string, unknown>, options: ConsoleRunOptions): Promise<void> {
    const plan = explainPlan(text);
    const session = this.driver.session({ database: this.connection.database, defaultAccessMode: sessionModes.READ });
    let queryType: string;
    try {
      queryType = (await session.run(plan.text, params, { timeout: options.timeoutMs })).summary.queryType;
    } catch (error) {
      throw translateConsoleError(error, options, plan);
    } finally {
      await session.close();
    }
    if (writesData(queryType)) {
      throw new CypherConsoleError(
        "WRITE_REFUSED",
        `This statement ${describeQueryType(queryType)} (Neo4j's EXPLAIN reports query type "${queryType}"), and ` +
          "`npm run db -- cypher` only reads unless you pass --write. Nothing was run. Add --write to run it.",
      );
    }
  }
}

function streamResult(result: Result, sink: ConsoleSink): Promise<ConsoleSummary> {
  return new Promise((resolve, reject) => {
    let keys: readonly string[] = [];
    let rows = 0;
    result.subscribe({
      onKeys: (received) => {
        keys = received;
        sink.columns(received);
      },
      onNext: (record) => {
        rows += 1;
        const values = keys.map((key) => record.get(key) as unknown);
        sink.row({
          json: Object.fromEntries(keys.map((key, i) => [key, toConsoleJson(values[i])])),
          cells: values.map(toDisplayText),
        });
      },
      onCompleted: (summary: ResultSummary) => {
        const counters = Object.fromEntries(
          Object.entries(summary.counters.updates()).filter(([, count]) => count !== 0),
        );
        const systemUpdates = summary.counters.systemUpdates();
        resolve({
          queryType: summary.queryType,
          rows,
          counters: systemUpdates > 0 ? { ...counters, systemUpdates } : counters,
          notifications: summary.notifications.map((n) => `${n.title} ${n.description}`.trim()),
        });
      },
      onError: reject,
    });
  });
}

/** Neo4j's failure in words a console user can act on; positions point into the user's statement. */
export function translateConsoleError(
  error: unknown,
  options: ConsoleRunOptions,
  plan?: ExplainPlan,
): CypherConsoleError {
  if (error instanceof CypherConsoleError) return error;
  const code = error instanceof Neo4jError ? error.code : "";
  const message = error instanceof Error ? error.message : String(error);
  if (code === "Neo.ClientError.Statement.SyntaxError") {
    return new CypherConsoleError(
      "SYNTAX",
      `Cypher syntax error: ${plan ? shiftErrorPositions(message, plan) : message}`,
      { cause: error },
    );
  }
  if (code === "Neo.ClientError.Statement.AccessMode") {
    return new CypherConsoleError(
      "WRITE_REFUSED",
      `Neo4j refused a write in this read-only session (${message}). Nothing was changed. ` +
        "Add --write to run a statement that writes or changes the schema.",
      { cause: error },
    );
  }
  if (code === "Neo.ClientError.Statement.ParameterMissing") {
    return new CypherConsoleError(
      "PARAMETER_MISSING",
      `${message}. Pass parameters with --param name=value (values are read as JSON when they parse, else as ` +
        "text), and $tenant with --tenant T.",
      { cause: error },
    );
  }
  if (code.includes("TransactionTimedOut")) {
    return new CypherConsoleError(
      "TIMEOUT",
      `The statement ran longer than ${options.timeoutMs / 1000} s and was rolled back. Narrow it (a LIMIT, a ` +
        "label, an indexed property) or allow more time with --timeout SECONDS.",
      { cause: error },
    );
  }
  if (isUnavailableError(error)) {
    return new CypherConsoleError(
      "UNAVAILABLE",
      `Neo4j became unreachable while running the statement (${message}); check \`npm run db -- status\` and try again.`,
      { cause: error },
    );
  }
  return new CypherConsoleError("FAILED", code ? `Neo4j refused the statement: ${message} (${code})` : message, {
    cause: error,
  });
}

function connectionError(error: unknown, connection: Neo4jConnection): CypherConsoleError {
  const code = error instanceof Neo4jError ? error.code : "";
  if (code === "Neo.ClientError.Security.Unauthorized" || code === "Neo.ClientError.Security.AuthenticationRateLimit") {
    return new CypherConsoleError(
      "UNAUTHORIZED",
      `Neo4j at ${connection.uri} rejected the login of user "${connection.user}". Check NEO4J_USER and ` +
        "NEO4J_PASSWORD (for the managed server, `npm run db -- status` shows its login).",
      { cause: error },
    );
  }
  return new CypherConsoleError(
    "UNAVAILABLE",
    `Could not reach Neo4j at ${connection.uri}: ${error instanceof Error ? error.message : String(error)}. ` +
      "Check that it runs (`npm run db -- status`) or that NEO4J_URI is right.",
    { cause: error },
  );
}
