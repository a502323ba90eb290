import * as path from "node:path";

import { LocalNeo4jError } from "./local-server.errors";
import { activeMaintenance, type MaintenanceHold } from "./maintenance-hold";
import { ManagedNeo4jHandle, type ManagedNeo4j, type ManagedNeo4jLog } from "./managed-neo4j-handle";
import { parseMemorySize } from "./neo4j-conf";
import { ensureNeo4jDistribution, type Neo4jDistribution } from "./neo4j-distribution";
import { secureHome } from "./neo4j-launch";
import { attach, launchFresh, stopServer, withStartLock, type ServerSettings } from "./server-lifecycle";
import { readCredentials, readRunningRecord, type ManagedNeo4jServerRecord } from "./server-record";
import { readServerState } from "./server-state";
import { DEFAULT_STARTUP_LIMITS } from "./startup-progress";

export type { ManagedNeo4j, ManagedNeo4jLog } from "./managed-neo4j-handle";
export { MANAGED_NEO4J_USER } from "./neo4j-launch";
export type { ManagedNeo4jServerRecord } from "./server-record";
export type { ManagedNeo4jRunState } from "./neo4j-supervisor";

/** Default JVM heap of a managed server. */
export const DEFAULT_MANAGED_HEAP = "1g";
/** Default page cache of a managed server. */
export const DEFAULT_MANAGED_PAGE_CACHE = "512m";

/** Inputs of {@link startManagedNeo4j}. */
export interface StartManagedNeo4jOptions {
  /** Server home: conf, data, logs, credentials.json, state.json and server.json live here. Created if missing. */
  readonly home: string;
  /**
   * Bolt port; an explicit port that is taken fails with PORT_IN_USE. When omitted, the port of the previous
   * start (kept in `<home>/state.json`) is reused if free, else a free one is picked and the change logged.
   */
  readonly port?: number;
  /** JVM heap in Neo4j's size syntax; default {@link DEFAULT_MANAGED_HEAP}. */
  readonly heap?: string;
  /** Page cache in Neo4j's size syntax; default {@link DEFAULT_MANAGED_PAGE_CACHE}. */
  readonly pageCache?: string;
  readonly log: ManagedNeo4jLog;
  /**
   * `true` lets the server outlive this process (for `npm run db -- start`). Otherwise the JVM is tied to
   * this process: it gets SIGTERM when this process exits or dies, so it never lingers as an orphan.
   */
  readonly detached?: boolean;
  /** The jars to run; resolved with `ensureNeo4jDistribution` when omitted. */
  readonly distribution?: Neo4jDistribution;
  /** How long a start may go without progress in the server's debug.log; default 90 s. */
  readonly startTimeoutMs?: number;
  /** Longest start, progress or not; default 15 min. */
  readonly startCeilingMs?: number;
  /**
   * Restart the server, on the same port, whenever it exits unexpectedly while this handle is open;
   * default `true`. Off for a command that exits right after starting it.
   */
  readonly supervise?: boolean;
  /** Serve Neo4j Browser over HTTP on 127.0.0.1 too; default `false` (the HTTP connector stays off). */
  readonly browser?: boolean;
  /** HTTP port for Neo4j Browser; by default the last one (kept in state.json) or a free one. */
  readonly httpPort?: number;
}

/** Whether a managed server runs in a home, for `npm run db -- status`. */
export type ManagedNeo4jStatus =
  | ({ readonly state: "running"; readonly home: string } & ManagedNeo4jServerRecord)
  | {
      readonly state: "stopped";
      readonly home: string;
      readonly dataDir: string;
      /** Known when the home has been used before; the next start reuses them. */
      readonly user?: string;
      readonly password?: string;
      /** The URI of the last start, which the next start reuses while its port is free. */
      readonly uri?: string;
      /** Set while a backup or restore holds the server down. */
      readonly maintenance?: MaintenanceHold;
    };

/**
 * Starts a real Neo4j server in `home`, or attaches to the one already running there, and resolves once
 * it accepts Bolt connections with the persisted credentials. The home's folders are made private first.
 *
 * The password is generated on first use and kept in `<home>/credentials.json`, so data survives restarts;
 * the Bolt port is kept in `<home>/state.json`. While running, `<home>/server.json` names the JVM.
 *
 * @throws {LocalNeo4jError} `JAVA_MISSING`, `MAVEN_MISSING`, `DOWNLOAD_FAILED`, `PORT_IN_USE`,
 *   `START_FAILED` or `INVALID_SETTING`.
 */
export async function startManagedNeo4j(options: StartManagedNeo4jOptions): Promise<ManagedNeo4j> {
  const settings = serverSettings(options);
  secureHome(settings.home);
  const server = await withStartLock(settings, async () => {
    const running = readRunningRecord(settings.home);
    if (running) return attach(running, settings);
    const distribution = settings.distribution ?? (await ensureNeo4jDistribution({ log: settings.log }));
    return launchFresh({ ...settings, distribution }, options.port, options.detached ?? false);
  });
  return new ManagedNeo4jHandle(server, settings, options.supervise ?? true);
}

/** The settings every start and restart of a home share, from the options of a start. */
export function serverSettings(
  options: Pick<
    StartManagedNeo4jOptions,
    | "home"
    | "heap"
    | "pageCache"
    | "startTimeoutMs"
    | "startCeilingMs"
    | "log"
    | "distribution"
    | "browser"
    | "httpPort"
  >,
): ServerSettings {
  return {
    home: path.resolve(options.home),
    heap: parseMemorySize(options.heap ?? DEFAULT_MANAGED_HEAP, "heap"),
    pageCache: parseMemorySize(options.pageCache ?? DEFAULT_MANAGED_PAGE_CACHE, "pageCache"),
    limits: {
      idleTimeoutMs: options.startTimeoutMs ?? DEFAULT_STARTUP_LIMITS.idleTimeoutMs,
      ceilingMs: options.startCeilingMs ?? DEFAULT_STARTUP_LIMITS.ceilingMs,
    },
    log: options.log,
    distribution: options.distribution,
    ...(options.browser ? { browser: { httpPort: options.httpPort } } : {}),
  };
}

/**
 * Reports whether a managed server runs in `home` (its JVM is alive), with its connection details; when
 * stopped, the credentials and URI the next start will reuse. Does not contact the server.
 */
export function readManagedNeo4jStatus(home: string): Promise<ManagedNeo4jStatus> {
  const resolved = path.resolve(home);
  const running = readRunningRecord(resolved);
  if (running) return Promise.resolve({ state: "running", home: resolved, ...running });
  const state = readServerState(resolved);
  const maintenance = activeMaintenance(state);
  return Promise.resolve({
    state: "stopped",
    home: resolved,
    dataDir: path.join(resolved, "data"),
    ...readCredentials(resolved),
    ...(state.boltPort === undefined ? {} : { uri: `bolt://127.0.0.1:${state.boltPort}` }),
    ...(maintenance ? { maintenance } : {}),
  });
}

/**
 * Stops the managed server running in `home`, whichever process started it. The stop is deliberate:
 * supervisors attached to it leave it down.
 *
 * @throws {LocalNeo4jError} `NOT_RUNNING` when no managed server runs there.
 */
export async function stopManagedNeo4j(home: string, log: ManagedNeo4jLog = () => {}): Promise<void> {
  const resolved = path.resolve(home);
  const running = readRunningRecord(resolved);
  if (!running) {
    throw new LocalNeo4jError(
      "NOT_RUNNING",
      `No managed Neo4j is running in ${resolved} (no live server recorded in server.json). ` +
        "Start one with `npm run db -- start`, or check RELATA_NEO4J_HOME if you expected another folder.",
    );
  }
  log(`Stopping Neo4j (pid ${running.pid}) in ${resolved}.`);
  await stopServer(resolved, running.pid);
}
