import * as path from "node:path";

import { acquireFileLock } from "./file-lock";
import { LocalNeo4jError } from "./local-server.errors";
import { parseMemorySize } from "./neo4j-conf";
import { ensureNeo4jDistribution, type Neo4jDistribution } from "./neo4j-distribution";
import { launchNeo4j, secureHome, type LaunchedNeo4j } from "./neo4j-launch";
import { terminate, untie } from "./neo4j-process";
import { waitForBolt } from "./neo4j-readiness";
import { Neo4jSupervisor, type ManagedNeo4jRunState } from "./neo4j-supervisor";
import { readCredentials, readRunningRecord, removeServerRecord, type ManagedNeo4jServerRecord } from "./server-record";
import {
  chooseBoltPort,
  findFreePort,
  isPortFree,
  markStopRequested,
  readServerState,
  STATE_FILE,
  wasStopRequested,
  type BoltPortChoice,
} from "./server-state";
import { DEFAULT_STARTUP_LIMITS, type StartupLimits } from "./startup-progress";

export { MANAGED_NEO4J_USER } from "./neo4j-launch";
export type { ManagedNeo4jServerRecord } from "./server-record";
export type { ManagedNeo4jRunState } from "./neo4j-supervisor";

/** Default JVM heap of a managed server. */
export const DEFAULT_MANAGED_HEAP = "1g";
/** Default page cache of a managed server. */
export const DEFAULT_MANAGED_PAGE_CACHE = "512m";

/** Receives human-readable progress lines; problems (an unexpected exit) come with a level. */
export type ManagedNeo4jLog = (message: string, level?: "info" | "warn" | "error") => void;

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
}

/** A running Neo4j that Relata started (or found already running in the same home). */
export interface ManagedNeo4j {
  /** Bolt URI, always on 127.0.0.1; the same after a supervised restart. */
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly home: string;
  readonly dataDir: string;
  /** Process id of the JVM; a new one after a supervised restart. */
  readonly pid: number;
  /**
   * `false` when this handle attached to a server another process started (`npm run db -- start`, or a
   * second `npm start`); {@link stop} then leaves that server running.
   */
  readonly owned: boolean;
  /** `restarting` between an unexpected exit and the server being ready again; `stopped` after {@link stop}. */
  readonly state: ManagedNeo4jRunState;
  /**
   * Ends supervision and stops the server if this handle owns it: SIGTERM, up to 30 s for a clean shutdown,
   * then SIGKILL. A stop is deliberate: no supervisor (here or in another process) restarts it.
   */
  stop(): Promise<void>;
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
    };

/** What starts and restarts of one home share. */
interface ServerSettings {
  readonly home: string;
  readonly heap: string;
  readonly pageCache: string;
  readonly limits: StartupLimits;
  readonly log: ManagedNeo4jLog;
  readonly distribution?: Neo4jDistribution;
}

/** A server this handle uses; `owned` when this process launched it and may stop it. */
interface RunningServer extends LaunchedNeo4j {
  readonly owned: boolean;
}

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
  const settings: ServerSettings = {
    home: path.resolve(options.home),
    heap: parseMemorySize(options.heap ?? DEFAULT_MANAGED_HEAP, "heap"),
    pageCache: parseMemorySize(options.pageCache ?? DEFAULT_MANAGED_PAGE_CACHE, "pageCache"),
    limits: {
      idleTimeoutMs: options.startTimeoutMs ?? DEFAULT_STARTUP_LIMITS.idleTimeoutMs,
      ceilingMs: options.startCeilingMs ?? DEFAULT_STARTUP_LIMITS.ceilingMs,
    },
    log: options.log,
    distribution: options.distribution,
  };
  secureHome(settings.home);
  const server = await withStartLock(settings, async () => {
    const running = readRunningRecord(settings.home);
    if (running) return attach(running, settings);
    const distribution = settings.distribution ?? (await ensureNeo4jDistribution({ log: settings.log }));
    return launchFresh({ ...settings, distribution }, options.port, options.detached ?? false);
  });
  return new ManagedNeo4jHandle(server, settings, options.supervise ?? true);
}

/**
 * Reports whether a managed server runs in `home` (its JVM is alive), with its connection details; when
 * stopped, the credentials and URI the next start will reuse. Does not contact the server.
 */
export function readManagedNeo4jStatus(home: string): Promise<ManagedNeo4jStatus> {
  const resolved = path.resolve(home);
  const running = readRunningRecord(resolved);
  if (running) return Promise.resolve({ state: "running", home: resolved, ...running });
  const { boltPort } = readServerState(resolved);
  return Promise.resolve({
    state: "stopped",
    home: resolved,
    dataDir: path.join(resolved, "data"),
    ...readCredentials(resolved),
    ...(boltPort === undefined ? {} : { uri: `bolt://127.0.0.1:${boltPort}` }),
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

// ---------------------------------------------------------------------------------------------------------

class ManagedNeo4jHandle implements ManagedNeo4j {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly home: string;
  readonly dataDir: string;
  private server: RunningServer;
  private runState: ManagedNeo4jRunState = "running";
  private stopping: Promise<void> | undefined;
  private readonly supervisor: Neo4jSupervisor<RunningServer> | undefined;

  constructor(
    server: RunningServer,
    private readonly settings: ServerSettings,
    supervise: boolean,
  ) {
    this.server = server;
    ({ uri: this.uri, user: this.user, password: this.password, dataDir: this.dataDir } = server.record);
    this.home = settings.home;
    if (!supervise) return;
    this.supervisor = new Neo4jSupervisor<RunningServer>({
      uri: this.uri,
      log: settings.log,
      stopRequested: (pid) => wasStopRequested(readServerState(this.home), pid),
      restart: () => this.restart(),
      onChange: (state, next) => {
        if (next) this.server = next;
        if (!this.stopping) this.runState = state;
      },
    });
    this.supervisor.watch(server);
  }

  get pid(): number {
    return this.server.pid;
  }

  get owned(): boolean {
    return this.server.owned;
  }

  get state(): ManagedNeo4jRunState {
    return this.runState;
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.runState = "stopped";
      await this.supervisor?.stop();
      if (this.server.owned) await stopServer(this.home, this.server.pid);
    })();
    return this.stopping;
  }

  /** The supervisor's way back: the same port, so every client's driver reconnects by itself. */
  private restart(): Promise<RunningServer> {
    const { home, log } = this.settings;
    return withStartLock(this.settings, async () => {
      const running = readRunningRecord(home);
      if (running) {
        if (running.uri !== this.uri) {
          log(`Another process started Neo4j on ${running.uri} instead of ${this.uri}; restart Relata.`, "warn");
        }
        return attach(running, this.settings);
      }
      const port = Number(new URL(this.uri).port);
      if (!(await isPortFree(port))) {
        throw new LocalNeo4jError(
          "PORT_IN_USE",
          `Port ${port} was taken by another program while Neo4j was down. Neo4j must come back on the same ` +
            "port for connected clients to reconnect by themselves; free the port and the next attempt uses it.",
        );
      }
      const distribution = this.settings.distribution ?? (await ensureNeo4jDistribution({ log }));
      const detached = this.server.record.detached;
      const launched = await launchNeo4j({ ...this.settings, distribution, port, detached });
      // A restarted detached server (from `npm run db -- start`) stays the user's; a tied one is ours.
      return { ...launched, owned: this.server.owned || !detached };
    });
  }
}

async function launchFresh(
  settings: ServerSettings & { readonly distribution: Neo4jDistribution },
  requested: number | undefined,
  detached: boolean,
): Promise<RunningServer> {
  const { home, log } = settings;
  let choice: BoltPortChoice = await chooseBoltPort({
    requested,
    stored: readServerState(home).boltPort,
    stateFile: path.join(home, STATE_FILE),
    isFree: isPortFree,
    findFree: findFreePort,
  });
  for (let attempt = 1; ; attempt++) {
    if (choice.notice) log(choice.notice, "warn");
    try {
      const launched = await launchNeo4j({ ...settings, port: choice.port, detached });
      return { ...launched, owned: true };
    } catch (error) {
      // A port we picked can be taken by someone else before the JVM binds it; pick another.
      const retry = requested === undefined && attempt < 3;
      if (!(retry && error instanceof LocalNeo4jError && error.code === "PORT_IN_USE")) throw error;
      const port = await findFreePort();
      choice = { port, notice: `Port ${choice.port} was taken before Neo4j could bind it; retrying on port ${port}.` };
    }
  }
}

async function attach(record: ManagedNeo4jServerRecord, settings: ServerSettings): Promise<RunningServer> {
  settings.log(`Using the Neo4j already running in ${settings.home} (pid ${record.pid}, ${record.uri}).`);
  await waitForBolt(record, settings.home, settings.limits, settings.log);
  return { pid: record.pid, record, owned: false };
}

/** Marks the stop as deliberate (for supervisors), then stops the JVM and removes its record. */
async function stopServer(home: string, pid: number): Promise<void> {
  markStopRequested(home, pid);
  await terminate(pid);
  removeServerRecord(home, pid);
  untie(pid);
}

/** Serialises starts of one home across processes (two jest runs, `npm start` beside `npm run db`). */
async function withStartLock<T>(settings: ServerSettings, work: () => Promise<T>): Promise<T> {
  const { home, log } = settings;
  const release = await acquireFileLock(path.join(home, "start.lock"), {
    timeoutMs: settings.limits.ceilingMs + 30_000,
    onWait: (pid) => log(`Another process (pid ${pid ?? "unknown"}) is starting Neo4j in ${home}; waiting.`),
    onTimeout: (pid) =>
      new LocalNeo4jError(
        "START_FAILED",
        `Timed out waiting for process ${pid ?? "unknown"} to start Neo4j in ${home}. If no such process runs, ` +
          `delete ${path.join(home, "start.lock")} and try again.`,
      ),
  });
  try {
    return await work();
  } finally {
    release();
  }
}
