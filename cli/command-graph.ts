import pino, { Logger } from "pino";
import { loadConfig, RelataConfig } from "../app/config";
import { ContextFactory } from "../app/context-factory";
import { GraphDatabase } from "../graph/graph-database";
import { runMigrations } from "../graph/migrations/run-migrations";
import { RequestContext, Role } from "../resolvers/context";
import { isTenant } from "../app/auth/token";
import { ParsedArgs, singleOption } from "./db/command-args";
import { connectForCommand } from "./db/command-connection";
import { CommandIo, progressTo, UsageError } from "./db/command-io";

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

/** A command that works on one tenant's graph: how it reads its arguments and what it does. */
export interface GraphCommand<A> {
  readonly usage: string;
  /** Reads the arguments; throws a UsageError for bad ones (printed with the usage, exit code 2). */
  parse(argv: readonly string[]): A;
  run(args: A, graph: CommandGraph, say: (message: string) => void): Promise<number>;
  /** The exit code of an error the command expects (its message is printed alone), or null. */
  expected(error: unknown): number | null;
}

/**
 * Runs a graph command: `--help`, arguments, the database opened and closed, and errors printed without
 * a stack (RELATA_DEV_ERRORS=1 shows it). Exit codes: the command's own, 1 failed, 2 bad arguments.
 */
export async function runGraphCommand<A>(
  command: GraphCommand<A>,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  const say = progressTo(io);
  let args: A;
  try {
    args = command.parse(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    throw error;
  }
  let graph: CommandGraph;
  try {
    graph = await openCommandGraph(env, say);
  } catch (error) {
    io.stderr.write(`Could not reach Neo4j: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    return await command.run(args, graph, say);
  } catch (error) {
    const code = command.expected(error);
    if (code !== null) {
      io.stderr.write(`${(error as Error).message}\n`);
      return code;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      env.RELATA_DEV_ERRORS === "1" && error instanceof Error ? `${error.stack}\n` : `The command failed: ${detail}\n`,
    );
    return 1;
  } finally {
    await graph.close();
  }
}

/** The required `--tenant` option, checked as a tenant name. */
export function tenantOption(args: ParsedArgs, purpose: string): string {
  const tenant = singleOption(args, "tenant");
  if (tenant === undefined) throw new UsageError(`--tenant is required: the tenant to ${purpose}, e.g. --tenant acme.`);
  if (!isTenant(tenant)) {
    throw new UsageError(
      `--tenant "${tenant}" is not a tenant name: use 1-63 lower-case letters, digits, "_" or "-", starting with a letter or digit.`,
    );
  }
  return tenant;
}
