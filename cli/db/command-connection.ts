import { readManagedNeo4jStatus, startManagedNeo4j } from "../../graph/local-server/managed-neo4j";
import { ensureNeo4jDistribution } from "../../graph/local-server/neo4j-distribution";
import { readManagedNeo4jSettings } from "../../graph/local-server/resolve-neo4j";
import type { Neo4jConnection } from "../../graph/neo4j-driver";

/** The Neo4j a command talks to, and how to let go of it afterwards. */
export interface CommandConnection {
  readonly connection: Neo4jConnection;
  /** Stops a server started only for this command; otherwise nothing. */
  release(): Promise<void>;
}

/**
 * The Neo4j the application would use: NEO4J_URI's server, else the managed one. A managed server that is
 * not running is started for the command alone and stopped again when it ends, so a command never leaves
 * a server behind that the user did not ask for.
 */
export async function connectForCommand(
  env: NodeJS.ProcessEnv,
  log: (message: string) => void,
): Promise<CommandConnection> {
  const external = env.NEO4J_URI?.trim();
  if (external) {
    return {
      connection: {
        uri: external,
        user: env.NEO4J_USER?.trim() || "neo4j",
        password: env.NEO4J_PASSWORD ?? "",
        database: env.NEO4J_DATABASE?.trim() || "neo4j",
      },
      release: () => Promise.resolve(),
    };
  }
  const settings = readManagedNeo4jSettings(env);
  const status = await readManagedNeo4jStatus(settings.home);
  if (status.state === "running") {
    const { uri, user, password } = status;
    return { connection: { uri, user, password, database: "neo4j" }, release: () => Promise.resolve() };
  }
  log(
    "The managed Neo4j is not running; starting it for this command (it stops again when the command ends; " +
      "`npm run db -- start` keeps it running).",
  );
  const distribution = await ensureNeo4jDistribution({ log, env });
  const server = await startManagedNeo4j({ ...settings, distribution, log, supervise: false });
  return {
    connection: { uri: server.uri, user: server.user, password: server.password, database: "neo4j" },
    release: () => server.stop(),
  };
}
