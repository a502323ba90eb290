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

/**
 * Applies the migrations not yet recorded in the graph, in order, then waits for indexes to come online.
 * Safe to run on every start and from several processes: every statement is idempotent.
 */
export async function runMigrations(
  executor: CypherExecutor,
  log: (message: string) => void,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const appliedRows = await executor.read(APPLIED_VERSIONS, {});
  const applied = new Set(appliedRows.map((row) => row.version as number));
  const newlyApplied: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    log(`applying migration ${migration.version}: ${migration.description}`);
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
