import { Neo4jError } from "neo4j-driver";

export type GraphErrorCode = "CONFLICT" | "UNAVAILABLE" | "TIMEOUT" | "INTERNAL";

/** A failure of the database, translated from Neo4j's error codes in one place ({@link translateNeo4jError}). */
export class GraphError extends Error {
  constructor(
    readonly code: GraphErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "GraphError";
  }
}

/** Maps a driver error to a {@link GraphError} by its Neo4j code; unknown errors become INTERNAL. */
export function translateNeo4jError(error: unknown, queryName: string): GraphError {
  if (error instanceof GraphError) return error;
  const code = error instanceof Neo4jError ? error.code : "";
  if (code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
    return new GraphError(
      "CONFLICT",
      "Another write stored the same record at the same moment; send the batch again, it is idempotent.",
      { cause: error },
    );
  }
  if (code === "ServiceUnavailable" || code === "SessionExpired" || code.startsWith("Neo.TransientError.General")) {
    return new GraphError("UNAVAILABLE", "The graph database is unavailable; try again shortly.", { cause: error });
  }
  if (code === "Neo.ClientError.Transaction.TransactionTimedOut" || code.includes("TransactionTimedOut")) {
    return new GraphError(
      "TIMEOUT",
      `The query "${queryName}" took longer than the configured timeout; narrow the request (fewer items per page, ` +
        `a shorter time range) and try again.`,
      { cause: error },
    );
  }
  return new GraphError("INTERNAL", `The query "${queryName}" failed.`, { cause: error });
}
