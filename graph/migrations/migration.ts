/** A versioned, idempotent change to the database schema (constraints, indexes). */
export interface Migration {
  /** Increasing; applied versions are recorded in the graph as `(:RelataMigration {version})`. */
  readonly version: number;
  readonly description: string;
  /** Each statement runs in its own transaction and must be idempotent (`IF NOT EXISTS`). */
  readonly statements: readonly string[];
}
