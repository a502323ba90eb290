/**
 * Why Relata could not provide its own local Neo4j.
 *
 * - `JAVA_MISSING`: no Java 17+ runtime on PATH (or under JAVA_HOME).
 * - `MAVEN_MISSING`: the Neo4j jars are not cached yet and `mvn` is not available to fetch them.
 * - `DOWNLOAD_FAILED`: Maven could not resolve the Neo4j jars, or another process holds the download lock.
 * - `PORT_IN_USE`: the requested Bolt port is taken.
 * - `START_FAILED`: the JVM exited or did not accept Bolt connections before the deadline.
 * - `NOT_RUNNING`: a command needed a running managed server and there is none.
 * - `INVALID_SETTING`: a RELATA_NEO4J_* setting (port, heap, page cache) is malformed.
 * - `WOULD_OVERWRITE`: a backup file exists, or a restore would replace data, and `--force` was not given.
 * - `BACKUP_FAILED`: the database could not be dumped to the backup file.
 * - `RESTORE_FAILED`: the backup file could not be loaded (not a dump, or the load failed).
 */
export type LocalNeo4jErrorCode =
  | "JAVA_MISSING"
  | "MAVEN_MISSING"
  | "DOWNLOAD_FAILED"
  | "PORT_IN_USE"
  | "START_FAILED"
  | "NOT_RUNNING"
  | "INVALID_SETTING"
  | "WOULD_OVERWRITE"
  | "BACKUP_FAILED"
  | "RESTORE_FAILED";

/**
 * Thrown by `graph/local-server/` when provisioning, starting or stopping the managed Neo4j fails. The
 * message is one actionable paragraph meant to be printed as-is (CLIs print it without a stack).
 */
export class LocalNeo4jError extends Error {
  override readonly name = "LocalNeo4jError";

  constructor(
    readonly code: LocalNeo4jErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Remedy appended to messages where an external Neo4j is a way out. */
export const USE_EXTERNAL_NEO4J_HINT =
  "Alternatively set NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD) to use an existing Neo4j 5 server.";

/** Narrows an unknown thrown value to a {@link LocalNeo4jError}. */
export function isLocalNeo4jError(error: unknown): error is LocalNeo4jError {
  return error instanceof LocalNeo4jError;
}
