/**
 * `npm run db -- status|start|stop`: manage the Neo4j that Relata runs for itself when NEO4J_URI is unset.
 *
 * `start` leaves the server running after the command exits; `npm start` then attaches to it instead of
 * starting its own, and restarts it should it die. Settings come from RELATA_NEO4J_HOME, RELATA_NEO4J_PORT,
 * RELATA_NEO4J_HEAP, RELATA_NEO4J_PAGECACHE and the RELATA_NEO4J_START_* limits.
 */
import { isLocalNeo4jError } from "../graph/local-server/local-server.errors";
import {
  readManagedNeo4jStatus,
  startManagedNeo4j,
  stopManagedNeo4j,
  type ManagedNeo4jStatus,
} from "../graph/local-server/managed-neo4j";
import { ensureNeo4jDistribution } from "../graph/local-server/neo4j-distribution";
import { readManagedNeo4jSettings } from "../graph/local-server/resolve-neo4j";

const USAGE = `Usage: npm run db -- <command>

Commands:
  status   Show whether Relata's managed Neo4j runs, with its Bolt URI, credentials and data folder.
  start    Start the managed Neo4j in the background (it keeps running after this command exits).
  stop     Stop the managed Neo4j.

Environment: RELATA_NEO4J_HOME (default ~/.relata/neo4j), RELATA_NEO4J_PORT (default: the port of the
previous start), RELATA_NEO4J_HEAP (1g), RELATA_NEO4J_PAGECACHE (512m), RELATA_NEO4J_START_TIMEOUT_MS (90000),
RELATA_NEO4J_START_CEILING_MS (900000). With NEO4J_URI set, the application uses that server instead.`;

const progress = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** Runs one `db` command and returns the process exit code. */
export async function runDbCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (rest.length > 0 || (command !== "status" && command !== "start" && command !== "stop")) {
    process.stderr.write(
      `Expected one command (status, start or stop), but received "${argv.join(" ")}".\n\n${USAGE}\n`,
    );
    return 2;
  }
  const settings = readManagedNeo4jSettings(env);
  const external = env.NEO4J_URI?.trim();
  if (external) {
    progress(`Note: NEO4J_URI is set, so the application uses the external Neo4j at ${external}, not this one.`);
  }
  switch (command) {
    case "status": {
      printStatus(await readManagedNeo4jStatus(settings.home));
      return 0;
    }
    case "start": {
      const distribution = await ensureNeo4jDistribution({ log: progress, env });
      // No supervision: this command exits right away; `npm start` attached to the server supervises it.
      const server = await startManagedNeo4j({
        ...settings,
        distribution,
        log: progress,
        detached: true,
        supervise: false,
      });
      if (!server.owned) progress("It was already running.");
      printStatus(await readManagedNeo4jStatus(settings.home));
      return 0;
    }
    case "stop": {
      await stopManagedNeo4j(settings.home, progress);
      process.stdout.write(`Stopped. Data is kept in ${settings.home}/data.\n`);
      return 0;
    }
  }
}

function printStatus(status: ManagedNeo4jStatus): void {
  const lines =
    status.state === "running"
      ? [
          `Managed Neo4j ${status.neo4jVersion}: running (pid ${status.pid}, since ${status.startedAt})`,
          `  Bolt URI:  ${status.uri}`,
          `  User:      ${status.user}`,
          `  Password:  ${status.password}`,
          `  Data:      ${status.dataDir}`,
        ]
      : [
          "Managed Neo4j: not running",
          ...(status.uri ? [`  Bolt URI:  ${status.uri} (reused by the next start while the port is free)`] : []),
          ...(status.password ? [`  User:      ${status.user}`, `  Password:  ${status.password}`] : []),
          `  Data:      ${status.dataDir}`,
          "  Start it with `npm run db -- start` (npm start also starts it on demand).",
        ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (require.main === module) {
  runDbCommand(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        isLocalNeo4jError(error) ? `${error.message}\n` : `${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
