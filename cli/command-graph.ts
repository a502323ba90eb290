import pino, { Logger } from "pino";
import { loadConfig, RelataConfig } from "../app/config";
import { ContextFactory } from "../app/context-factory";
import { GraphDatabase } from "../graph/graph-database";
import { runMigrations } from "../graph/migrations/run-migrations";
import { RequestContext, Role } from "../resolvers/context";
import { connectForCommand } from "./db/command-connection";

/** A command's way into one tenant's graph: the same services a request gets, in-process. */
export interface CommandGraph {
  readonly config: RelataConfig;
  /** The services of one tenant, as a caller with `role` would get them from the API. */
  context(tenant: string, role: Role, subject: string): RequestContext;
  /** Closes the driver and stops a Neo4j started for the command. */
  close(): Promise<void>;
}

/**
 * Opens the Neo4j the application uses (NEO4J_URI's, else the managed one, started for the command when
 * it is not running), brings its schema up to date and builds contexts as the server does, so a command
 * takes the same code path as the API.
 */
export async function openCommandGraph(env: NodeJS.ProcessEnv, say: (message: string) => void): Promise<CommandGraph> {
  const config = loadConfig(env);
  // Warnings and errors only, on stderr: stdout may be the command's data.
  const log: Logger = pino({ level: env.LOG_LEVEL || "warn" }, pino.destination(2));
  const target = await connectForCommand(env, say);
  let database: GraphDatabase;
  try {
    database = await GraphDatabase.open(target.connection);
  } catch (error) {
    await target.release();
    throw error;
  }
  try {
    await runMigrations(database.executor(300_000), (message) => log.info({ component: "migrations" }, message));
  } catch (error) {
    await database.close();
    await target.release();
    throw error;
  }
  const contexts = new ContextFactory(database, config, log);
  return {
    config,
    context: (tenant, role, subject) => contexts.forPrincipal({ tenant, role, subject }),
    async close() {
      await database.close();
      await target.release();
    },
  };
}
