import * as path from "node:path";

import { ensurePrivateDir } from "./file-permissions";
import {
  DEFAULT_MANAGED_PAGE_CACHE,
  startManagedNeo4j,
  type ManagedNeo4j,
  type ManagedNeo4jLog,
} from "./managed-neo4j";
import { parseMemorySize, parseMilliseconds, parseNeo4jPort, parseSwitch } from "./neo4j-conf";
import { ensureNeo4jDistribution, resolveRelataHome } from "./neo4j-distribution";
import { DEFAULT_STARTUP_LIMITS } from "./startup-progress";

/** Where the application's Neo4j is and how to log in. */
export interface Neo4jConnection {
  readonly uri: string;
  readonly user: string;
  /** Empty when NEO4J_URI is set without NEO4J_PASSWORD (a server with auth disabled). */
  readonly password: string;
  readonly database: string;
  /** The server Relata started (or attached to); `null` when NEO4J_URI points at an external server. */
  readonly managed: ManagedNeo4j | null;
}

/** Settings of the managed server, as read from the environment. */
export interface ManagedNeo4jSettings {
  /** `RELATA_NEO4J_HOME`, else `$RELATA_HOME/neo4j` (`~/.relata/neo4j`). */
  readonly home: string;
  /** `RELATA_NEO4J_PORT`; when unset, the port of the previous start (or a free one). */
  readonly port: number | undefined;
  /** `RELATA_NEO4J_HEAP`, default `1g`. */
  readonly heap: string;
  /** `RELATA_NEO4J_PAGECACHE`, default `512m`. */
  readonly pageCache: string;
  /** `RELATA_NEO4J_START_TIMEOUT_MS`: how long a start may show no progress in debug.log; default 90 s. */
  readonly startTimeoutMs: number;
  /** `RELATA_NEO4J_START_CEILING_MS`: the longest start, progress or not; default 15 min. */
  readonly startCeilingMs: number;
  /** `RELATA_NEO4J_BROWSER=1`: serve Neo4j Browser over HTTP on 127.0.0.1. */
  readonly browser: boolean;
  /** `RELATA_NEO4J_HTTP_PORT`: its port; when unset, the previous one or a free one. */
  readonly httpPort: number | undefined;
}

/** Said when Neo4j Browser was asked for but the server found running was started without it. */
export const BROWSER_NOT_SERVED =
  "RELATA_NEO4J_BROWSER=1, but the managed Neo4j was already running without Neo4j Browser. Stop it " +
  "(`npm run db -- stop`, or the `npm start` that runs it) and start it again with RELATA_NEO4J_BROWSER=1, " +
  "or run `npm run db -- browser`.";

/** Default JVM heap of the application's managed server. */
const DEFAULT_HEAP = "1g";

/**
 * Reads the managed server's settings from the environment.
 *
 * @throws {LocalNeo4jError} `INVALID_SETTING` for a malformed port or memory size.
 */
export function readManagedNeo4jSettings(env: NodeJS.ProcessEnv = process.env): ManagedNeo4jSettings {
  const home = env.RELATA_NEO4J_HOME?.trim();
  return {
    home: home ? path.resolve(home) : path.join(resolveRelataHome(env), "neo4j"),
    port: parseNeo4jPort(env.RELATA_NEO4J_PORT),
    heap: parseMemorySize(env.RELATA_NEO4J_HEAP?.trim() || DEFAULT_HEAP, "RELATA_NEO4J_HEAP"),
    pageCache: parseMemorySize(
      env.RELATA_NEO4J_PAGECACHE?.trim() || DEFAULT_MANAGED_PAGE_CACHE,
      "RELATA_NEO4J_PAGECACHE",
    ),
    startTimeoutMs: parseMilliseconds(
      env.RELATA_NEO4J_START_TIMEOUT_MS,
      "RELATA_NEO4J_START_TIMEOUT_MS",
      DEFAULT_STARTUP_LIMITS.idleTimeoutMs,
    ),
    startCeilingMs: parseMilliseconds(
      env.RELATA_NEO4J_START_CEILING_MS,
      "RELATA_NEO4J_START_CEILING_MS",
      DEFAULT_STARTUP_LIMITS.ceilingMs,
    ),
    browser: parseSwitch(env.RELATA_NEO4J_BROWSER, "RELATA_NEO4J_BROWSER"),
    httpPort: parseNeo4jPort(env.RELATA_NEO4J_HTTP_PORT, "RELATA_NEO4J_HTTP_PORT"),
  };
}

/**
 * Decides which Neo4j the application uses. With `NEO4J_URI` set, that server (`NEO4J_USER` default
 * `neo4j`, `NEO4J_PASSWORD`, `NEO4J_DATABASE` default `neo4j`). Otherwise Relata provisions Neo4j
 * 5.26 itself and starts it in `RELATA_NEO4J_HOME` (or attaches to the one already running there); the
 * caller must `await connection.managed?.stop()` on shutdown.
 *
 * @throws {LocalNeo4jError} when the managed server cannot be provisioned or started.
 */
export async function resolveNeo4j(
  env: NodeJS.ProcessEnv = process.env,
  log: ManagedNeo4jLog = (message) => process.stderr.write(`[relata:neo4j] ${message}\n`),
): Promise<Neo4jConnection> {
  const database = env.NEO4J_DATABASE?.trim() || "neo4j";
  const externalUri = env.NEO4J_URI?.trim();
  if (externalUri) {
    return {
      uri: externalUri,
      user: env.NEO4J_USER?.trim() || "neo4j",
      password: env.NEO4J_PASSWORD ?? "",
      database,
      managed: null,
    };
  }
  const settings = readManagedNeo4jSettings(env);
  // Relata's state folder holds the managed server's home and the local token secret: the owner's only.
  ensurePrivateDir(resolveRelataHome(env));
  const distribution = await ensureNeo4jDistribution({ log, env });
  const managed = await startManagedNeo4j({ ...settings, distribution, log });
  if (settings.browser && !managed.browserUrl) log(BROWSER_NOT_SERVED, "warn");
  return { uri: managed.uri, user: managed.user, password: managed.password, database: "neo4j", managed };
}
