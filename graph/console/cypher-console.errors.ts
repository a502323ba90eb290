/**
 * Why `npm run db -- cypher` did not run a statement, or why it failed.
 *
 * - `EMPTY`: no statement was given.
 * - `SYNTAX`: Neo4j could not parse it; the message has the line and column in the user's text.
 * - `WRITE_REFUSED`: it writes, and the console was not started with `--write`; nothing ran.
 * - `PARAMETER_MISSING`: it uses a `$parameter` that was not passed.
 * - `TIMEOUT`: it ran longer than the console's timeout and was rolled back.
 * - `UNAUTHORIZED`: Neo4j rejected the login.
 * - `UNAVAILABLE`: Neo4j could not be reached.
 * - `FAILED`: Neo4j refused or failed it for another reason, given in its own words.
 */
export type CypherConsoleErrorCode =
  "EMPTY" | "SYNTAX" | "WRITE_REFUSED" | "PARAMETER_MISSING" | "TIMEOUT" | "UNAUTHORIZED" | "UNAVAILABLE" | "FAILED";

/** A console failure whose message is meant to be printed as-is, without a stack. */
export class CypherConsoleError extends Error {
  override readonly name = "CypherConsoleError";

  constructor(
    readonly code: CypherConsoleErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Narrows an unknown thrown value to a {@link CypherConsoleError}. */
export function isCypherConsoleError(error: unknown): error is CypherConsoleError {
  return error instanceof CypherConsoleError;
}
