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

/** The driver's own codes for a server it cannot reach or lost mid-transaction. */
const CONNECTION_CODES = new Set(["ServiceUnavailable", "SessionExpired"]);
/** Socket errors that can surface raw, or as the cause of a driver error, when the server is gone. */
const SOCKET_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTCONN"]);
/** The driver raises these with no code ("N/A") while its pool is broken or closed. */
const BROKEN_POOL_MESSAGES = [/^Connection acquisition timed out/, /^Pool is closed/];

/**
 * Whether `error` means the database could not be reached or went away: the driver's connection codes,
 * a database that is starting or stopping, a refused or reset socket, a broken pool. Such a statement
 * may succeed later, once the server is back.
 */
export function isUnavailableError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = current instanceof Neo4jError ? current.code : "";
    if (CONNECTION_CODES.has(code) || code.startsWith("Neo.TransientError.General") || code.endsWith("Unavailable")) {
      return true;
    }
    const errno = (current as NodeJS.ErrnoException).code;
    if (typeof errno === "string" && SOCKET_ERRNOS.has(errno)) return true;
    if (BROKEN_POOL_MESSAGES.some((pattern) => pattern.test(current instanceof Error ? current.message : ""))) {
      return true;
    }
    current = current.cause;
  }
  return false;
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
  // Both the server's (TransactionTimedOut) and the client-configured timeout's code
  // (TransactionTimedOutClientConfiguration) end here.
  if (code.includes("TransactionTimedOut")) {
    return new GraphError(
      "TIMEOUT",
      `The query "${queryName}" took longer than the configured timeout; narrow the request (fewer items per page, ` +
        `a shorter time range) and try again.`,
      { cause: error },
    );
  }
  if (isUnavailableError(error)) {
    return new GraphError(
      "UNAVAILABLE",
      "The graph database is unavailable (it may be restarting); try again in a few seconds.",
      { cause: error },
    );
  }
  return new GraphError("INTERNAL", `The query "${queryName}" failed.`, { cause: error });
}
