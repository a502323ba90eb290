import { LocalNeo4jError } from "../../graph/local-server/local-server.errors";
import { backupManagedNeo4j, restoreManagedNeo4j } from "../../graph/local-server/managed-neo4j-backup";
import { ensureNeo4jDistribution } from "../../graph/local-server/neo4j-distribution";
import { readManagedNeo4jSettings } from "../../graph/local-server/resolve-neo4j";
import { parseArgs } from "./command-args";
import { progressTo, UsageError, type CommandIo } from "./command-io";

/**
 * `npm run db -- backup FILE [--force]` and `restore FILE [--force]`: an offline dump or load of the managed
 * Neo4j's database, the server stopped meanwhile and started again afterwards.
 */
export async function runBackupCommand(
  operation: "backup" | "restore",
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  const args = parseArgs(operation, argv, { flags: ["force"], options: [] });
  if (args.positionals.length !== 1) {
    throw new UsageError(
      `\`${operation}\` takes one file, e.g. npm run db -- ${operation} ~/relata-backups/relata-2026-12-01.dump, ` +
        `but received ${args.positionals.length === 0 ? "none" : `"${args.positionals.join(" ")}"`}.`,
    );
  }
  const external = env.NEO4J_URI?.trim();
  if (external) {
    throw new LocalNeo4jError(
      operation === "backup" ? "BACKUP_FAILED" : "RESTORE_FAILED",
      `\`npm run db -- ${operation}\` works on the Neo4j that Relata manages, but NEO4J_URI points at ${external}. ` +
        "Back up and restore that server with its own tools (neo4j-admin database dump / load on that machine, " +
        "or your provider's backups), or unset NEO4J_URI to work on the managed one.",
    );
  }
  const log = progressTo(io);
  const settings = readManagedNeo4jSettings(env);
  const distribution = await ensureNeo4jDistribution({ log, env });
  const options = {
    ...settings,
    file: args.positionals[0] as string,
    force: args.flags.has("force"),
    distribution,
    log,
  };
  const started = Date.now();
  const took = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (operation === "backup") {
    const result = await backupManagedNeo4j(options);
    io.stdout.write(`Backed up the managed Neo4j to ${result.file} in ${took()}.\n`);
  } else {
    const result = await restoreManagedNeo4j(options);
    io.stdout.write(
      `Restored ${result.file} in ${took()}.` +
        (result.safetyDump ? ` The data it replaced is kept in ${result.safetyDump}.` : "") +
        "\nIf the backup came from an older Relata, `npm run db -- migrate` (or the next `npm start`) brings its " +
        "schema up to date.\n",
    );
  }
  return 0;
}
