import { GraphDatabase } from "../../graph/graph-database";
import {
  latestMigrationVersion,
  planMigrations,
  runMigrations,
  unknownVersionsNotice,
} from "../../graph/migrations/run-migrations";
import { parseArgs } from "./command-args";
import { connectForCommand } from "./command-connection";
import { progressTo, UsageError, type CommandIo } from "./command-io";

/** Longest a migration statement may run (index builds on a large graph). */
const MIGRATION_TIMEOUT_MS = 300_000;

/**
 * `npm run db -- migrate [--dry-run]`: applies the schema migrations the database lacks, as `npm start`
 * does before it listens; with `--dry-run`, lists them with their statements and changes nothing.
 */
export async function runMigrateCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  const args = parseArgs("migrate", argv, { flags: ["dry-run"], options: [] });
  if (args.positionals.length > 0) {
    throw new UsageError(`\`migrate\` takes only --dry-run, but received "${args.positionals.join(" ")}".`);
  }
  const dryRun = args.flags.has("dry-run");
  const log = progressTo(io);
  const target = await connectForCommand(env, log);
  try {
    const database = await GraphDatabase.open(target.connection);
    try {
      const executor = database.executor(MIGRATION_TIMEOUT_MS);
      const where = `${target.connection.uri} (database ${target.connection.database})`;
      const latest = latestMigrationVersion();
      if (dryRun) {
        const plan = await planMigrations(executor);
        const lines = [
          `Relata knows migrations 1 to ${latest}; the database at ${where} has ` +
            `${plan.applied.length === 0 ? "none" : plan.applied.join(", ")}.`,
        ];
        if (plan.unknown.length > 0) lines.push(`Warning: ${unknownVersionsNotice(plan.unknown)}`);
        if (plan.pending.length === 0) {
          lines.push("Nothing to apply: the schema is up to date.");
        } else {
          lines.push(
            `${plan.pending.length} pending ${plan.pending.length === 1 ? "migration" : "migrations"} ` +
              "(dry run: nothing is applied):",
          );
          for (const migration of plan.pending) {
            lines.push("", `Migration ${migration.version}: ${migration.description}`);
            for (const statement of migration.statements) lines.push(`  ${statement};`);
          }
          lines.push("", "Apply them with `npm run db -- migrate`, or start Relata (it applies them at start).");
        }
        io.stdout.write(`${lines.join("\n")}\n`);
        return 0;
      }
      const applied = await runMigrations(executor, log);
      io.stdout.write(
        applied.length === 0
          ? `Nothing to apply: the schema at ${where} is up to date (version ${latest}).\n`
          : `Applied ${applied.length === 1 ? "migration" : "migrations"} ${applied.join(", ")} to ${where}; ` +
              `the schema is at version ${latest}.\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  } finally {
    await target.release();
  }
}
