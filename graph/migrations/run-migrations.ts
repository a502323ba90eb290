import { CypherExecutor } from "../executor";
import { GraphError } from "../graph.errors";
import { Migration } from "./migration";
import { MIGRATIONS } from "./migrations";

const APPLIED_VERSIONS = {
  name: "migrations.applied",
  text: "MATCH (m:RelataMigration) RETURN m.version AS version",
};

const RECORD_VERSION = {
  name: "migrations.record",
  text:
    "MERGE (m:RelataMigration {version: $version}) " +
    "ON CREATE SET m.description = $description, m.appliedAt = datetime()",
};

/** Where a database stands against the migrations this version of Relata knows. */
export interface MigrationPlan {
  /** Versions recorded in the database, ascending. */
  readonly applied: readonly number[];
  /** Migrations not yet applied, in the order they would run. */
  readonly pending: readonly Migration[];
  /**
   * Applied versions this Relata does not know: the database was used by a newer version. Nothing is
   * undone; a downgrade means restoring a backup taken before the upgrade.
   */
  readonly unknown: readonly number[];
}

/**
 * Another process applying the same migration at the same moment makes `IF NOT EXISTS` statements fail
 * with "equivalent rule exists" and the version record conflict; both mean the work is done.
 */
async function tolerateConcurrentRun(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const cause = error instanceof GraphError ? (error.cause as { code?: string } | undefined) : undefined;
    const code = cause?.code ?? "";
    if (code.includes("EquivalentSchemaRuleAlreadyExists") || code.includes("ConstraintValidationFailed")) return;
    if (error instanceof GraphError && error.code === "CONFLICT") return;
    throw error;
  }
}

/** Reads which migrations a database has and which would run; changes nothing (the dry run). */
export async function planMigrations(
  executor: CypherExecutor,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationPlan> {
  const rows = await executor.read(APPLIED_VERSIONS, {});
  const applied = [...new Set(rows.map((row) => row.version as number))].sort((a, b) => a - b);
  const known = new Set(migrations.map((migration) => migration.version));
  return {
    applied,
    pending: migrations.filter((migration) => !applied.includes(migration.version)),
    unknown: applied.filter((version) => !known.has(version)),
  };
}

/**
 * Applies the migrations not yet recorded in the graph, in order, then waits for indexes to come online.
 * Safe to run on every start and from several processes: every statement is idempotent.
 * Returns the versions it applied.
 */
export async function runMigrations(
  executor: CypherExecutor,
  log: (message: string) => void,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const plan = await planMigrations(executor, migrations);
  if (plan.unknown.length > 0) log(unknownVersionsNotice(plan.unknown));
  const newlyApplied: number[] = [];
  for (const migration of plan.pending) {
    log(
      `applying migration ${migration.version}: ${migration.description} (${migration.statements.length} statements)`,
    );
    for (const [i, statement] of migration.statements.entries()) {
      await tolerateConcurrentRun(() =>
        executor.write({ name: `migration.${migration.version}.${i}`, text: statement }, {}),
      );
    }
    await tolerateConcurrentRun(() =>
      executor.write(RECORD_VERSION, { version: migration.version, description: migration.description }),
    );
    newlyApplied.push(migration.version);
  }
  await executor.write({ name: "migrations.await-indexes", text: "CALL db.awaitIndexes(300)" }, {});
  return newlyApplied;
}

/** The newest migration version this Relata knows. */
export function latestMigrationVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return Math.max(0, ...migrations.map((migration) => migration.version));
}

/** What to tell an operator whose database was migrated by a newer Relata. */
export function unknownVersionsNotice(unknown: readonly number[]): string {
  return (
    `the database has migration ${unknown.join(", ")}, which this version of Relata does not know: a newer ` +
    "version used it. Downgrades are not supported; run the newer version, or restore a backup taken before " +
    "the upgrade (docs/operations.md, Upgrading)."
  );
}
