import {
  readManagedNeo4jStatus,
  startManagedNeo4j,
  stopManagedNeo4j,
  type ManagedNeo4jStatus,
} from "../../graph/local-server/managed-neo4j";
import { ensureNeo4jDistribution } from "../../graph/local-server/neo4j-distribution";
import { readManagedNeo4jSettings } from "../../graph/local-server/resolve-neo4j";
import { progressTo, type CommandIo } from "./command-io";

/** `status`, `start` and `stop` of the managed Neo4j. */
export async function runServerCommand(
  command: "status" | "start" | "stop",
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  const settings = readManagedNeo4jSettings(env);
  const log = progressTo(io);
  const external = env.NEO4J_URI?.trim();
  if (external) {
    log(`Note: NEO4J_URI is set, so the application uses the external Neo4j at ${external}, not this one.`);
  }
  switch (command) {
    case "status": {
      printStatus(await readManagedNeo4jStatus(settings.home), io);
      return 0;
    }
    case "start": {
      const distribution = await ensureNeo4jDistribution({ log, env });
      // No supervision: this command exits right away; `npm start` attached to the server supervises it.
      const server = await startManagedNeo4j({ ...settings, distribution, log, detached: true, supervise: false });
      if (!server.owned) log("It was already running.");
      printStatus(await readManagedNeo4jStatus(settings.home), io);
      return 0;
    }
    case "stop": {
      await stopManagedNeo4j(settings.home, log);
      io.stdout.write(`Stopped. Data is kept in ${settings.home}/data.\n`);
      return 0;
    }
  }
}

/** The status block of `db status`, `db start` and `db browser`. */
export function printStatus(status: ManagedNeo4jStatus, io: CommandIo): void {
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
  io.stdout.write(`${lines.join("\n")}\n`);
}
