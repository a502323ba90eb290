/**
 * `npm run db -- <command>`: the managed Neo4j (status, start, stop, browser, backup, restore), Cypher
 * against the configured Neo4j, schema migrations and the purge of deleted records. Each command lives in cli/db/.
 */
import { isCypherConsoleError } from "../graph/console/cypher-console.errors";
import { isLocalNeo4jError } from "../graph/local-server/local-server.errors";
import { PROCESS_IO, UsageError, type CommandIo } from "./db/command-io";
import { runBackupCommand } from "./db/backup-command";
import { runCypherCommand } from "./db/cypher-command";
import { runMigrateCommand } from "./db/migrate-command";
import { runPurgeCommand } from "./db/purge-command";
import { runServerCommand } from "./db/server-commands";

const USAGE = `Usage: npm run db -- <command> [options]

The managed Neo4j (used when NEO4J_URI is unset):
  status                 Whether it runs, with its Bolt URI, credentials and data folder.
  start                  Start it in the background (it keeps running after this command exits).
  stop                   Stop it.
  browser                Start it with Neo4j Browser served on http://127.0.0.1:<port>/browser/ and print
                         the URL and login (RELATA_NEO4J_BROWSER=1 serves it from every start).
  backup FILE [--force]  Dump its database to FILE (0600), stopping it meanwhile and starting it again.
                         --force replaces an existing FILE.
  restore FILE [--force] Replace its database with the dump in FILE, likewise. Existing data is replaced
                         only with --force, after a safety dump into $RELATA_NEO4J_HOME/backups/.

The configured Neo4j (NEO4J_URI's, else the managed one):
  cypher "STATEMENT"     Run one Cypher statement; read-only unless --write.
         [--write] [--json] [--tenant T] [--param name=value]... [--timeout SECONDS]
         Rows print as a table, or as JSON lines with --json. --tenant T sets $tenant; --param values
         are JSON when they parse as JSON, else text. The default timeout is 120 s.
  migrate [--dry-run]    Apply the schema migrations the database lacks (npm start does this too);
                         --dry-run lists them with their statements and applies nothing.
  purge                  Remove for good the records deleted more than RELATA_DELETED_RETENTION_DAYS (30)
                         ago, as the server does every RELATA_PURGE_INTERVAL_MINUTES.

Environment: RELATA_NEO4J_HOME (default ~/.relata/neo4j), RELATA_NEO4J_PORT (default: the port of the
previous start), RELATA_NEO4J_HEAP (1g), RELATA_NEO4J_PAGECACHE (512m), RELATA_NEO4J_START_TIMEOUT_MS (90000),
RELATA_NEO4J_START_CEILING_MS (900000), RELATA_NEO4J_BROWSER (0), RELATA_NEO4J_HTTP_PORT (default: the
port of the previous start with the browser). With NEO4J_URI set, the application uses that server instead.
More in docs/operations.md.`;

const COMMANDS = ["status", "start", "stop", "browser", "backup", "restore", "cypher", "migrate", "purge"] as const;
type DbCommand = (typeof COMMANDS)[number];

function isDbCommand(name: string | undefined): name is DbCommand {
  return (COMMANDS as readonly (string | undefined)[]).includes(name);
}

/** Runs one `db` command and returns the process exit code: 0 done, 1 failed, 2 bad arguments. */
export async function runDbCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CommandIo = PROCESS_IO,
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "help" || command === "--help" || command === "-h") {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (!isDbCommand(command)) {
      throw new UsageError(`Expected a command (${COMMANDS.join(", ")}), but received "${argv.join(" ")}".`);
    }
    return await dispatch(command, rest, env, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (isLocalNeo4jError(error) || isCypherConsoleError(error)) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    // Unexpected: the message still helps; the stack only with RELATA_DEV_ERRORS=1.
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      env.RELATA_DEV_ERRORS === "1" && error instanceof Error
        ? `${error.stack ?? detail}\n`
        : `npm run db -- ${command ?? ""} failed: ${detail}\n`,
    );
    return 1;
  }
}

function dispatch(command: DbCommand, rest: readonly string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  switch (command) {
    case "status":
    case "start":
    case "stop":
    case "browser":
      if (rest.length > 0) throw new UsageError(`\`${command}\` takes no arguments, but received "${rest.join(" ")}".`);
      return runServerCommand(command, env, io);
    case "backup":
    case "restore":
      return runBackupCommand(command, rest, env, io);
    case "cypher":
      return runCypherCommand(rest, env, io);
    case "migrate":
      return runMigrateCommand(rest, env, io);
    case "purge":
      return runPurgeCommand(rest, env, io);
  }
}

if (require.main === module) {
  void runDbCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
