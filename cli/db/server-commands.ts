import {
  readManagedNeo4jStatus,
  startManagedNeo4j,
  stopManagedNeo4j,
  type ManagedNeo4jStatus,
} from "../../graph/local-server/managed-neo4j";
import { LocalNeo4jError } from "../../graph/local-server/local-server.errors";
import { describeMaintenance } from "../../graph/local-server/maintenance-hold";
import { ensureNeo4jDistribution } from "../../graph/local-server/neo4j-distribution";
import { BROWSER_NOT_SERVED, readManagedNeo4jSettings } from "../../graph/local-server/resolve-neo4j";
import { progressTo, type CommandIo } from "./command-io";

/**
 * `status`, `start`, `stop` and `browser` of the managed Neo4j. `browser` is `start` with Neo4j Browser
 * served over HTTP on 127.0.0.1 (RELATA_NEO4J_BROWSER=1 does the same for every start).
 */
export async function runServerCommand(
  command: "status" | "start" | "stop" | "browser",
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
    case "start":
    case "browser": {
      if (external && command === "browser") {
        throw new LocalNeo4jError(
          "INVALID_SETTING",
          `Neo4j Browser is served by the Neo4j that Relata manages, but NEO4J_URI points at ${external}. Open the ` +
            "browser that server serves (if its HTTP connector is on), or unset NEO4J_URI.",
        );
      }
      const browser = command === "browser" || settings.browser;
      const distribution = await ensureNeo4jDistribution({ log, env });
      // No supervision: this command exits right away; `npm start` attached to the server supervises it.
      const server = await startManagedNeo4j({
        ...settings,
        browser,
        distribution,
        log,
        detached: true,
        supervise: false,
      });
      if (!server.owned) log("It was already running.");
      printStatus(await readManagedNeo4jStatus(settings.home), io);
      if (browser && !server.browserUrl) {
        if (command === "browser") throw new LocalNeo4jError("INVALID_SETTING", BROWSER_NOT_SERVED);
        log(BROWSER_NOT_SERVED);
      }
      if (command === "browser" && server.browserUrl) {
        io.stdout.write(
          `\nOpen ${server.browserUrl} and connect to ${server.uri} as ${server.user} with the password above.\n`,
        );
      }
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
          ...(status.browserUrl ? [`  Browser:   ${status.browserUrl}`] : []),
        ]
      : [
          status.maintenance
            ? `Managed Neo4j: stopped for ${describeMaintenance(status.maintenance)}; it comes back when that ends`
            : "Managed Neo4j: not running",
          ...(status.uri ? [`  Bolt URI:  ${status.uri} (reused by the next start while the port is free)`] : []),
          ...(status.password ? [`  User:      ${status.user}`, `  Password:  ${status.password}`] : []),
          `  Data:      ${status.dataDir}`,
          ...(status.maintenance
            ? []
            : ["  Start it with `npm run db -- start` (npm start also starts it on demand)."]),
        ];
  io.stdout.write(`${lines.join("\n")}\n`);
}
