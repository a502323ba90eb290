import * as path from "node:path";

import { acquireFileLock } from "./file-lock";
import { LocalNeo4jError } from "./local-server.errors";
import { activeMaintenance, describeMaintenance } from "./maintenance-hold";
import { ensureNeo4jDistribution, type Neo4jDistribution } from "./neo4j-distribution";
import { launchNeo4j, type LaunchedNeo4j } from "./neo4j-launch";
import { terminate, untie } from "./neo4j-process";
import { waitForBolt } from "./neo4j-readiness";
import type { ManagedNeo4jLog } from "./neo4j-supervisor";
import { readRunningRecord, removeServerRecord, type ManagedNeo4jServerRecord } from "./server-record";
import {
  chooseBoltPort,
  findFreePort,
  isPortFree,
  markStopRequested,
  readServerState,
  STATE_FILE,
  type BoltPortChoice,
} from "./server-state";
import type { StartupLimits } from "./startup-progress";

/** What starts and restarts of one home share. */
export interface ServerSettings {
  readonly home: string;
  readonly heap: string;
  readonly pageCache: string;
  readonly limits: StartupLimits;
  readonly log: ManagedNeo4jLog;
  readonly distribution?: Neo4jDistribution;
  /** Serve Neo4j Browser (on this HTTP port, or the last one, or a free one). */
  readonly browser?: { readonly httpPort?: number };
}

/** A server this handle uses; `owned` when this process launched it and may stop it. */
export interface RunningServer extends LaunchedNeo4j {
  readonly owned: boolean;
}

/** A first start in a home: the requested, stored or a free port (retrying if another process took it). */
export async function launchFresh(
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

export async function attach(record: ManagedNeo4jServerRecord, settings: ServerSettings): Promise<RunningServer> {
  settings.log(`Using the Neo4j already running in ${settings.home} (pid ${record.pid}, ${record.uri}).`);
  await waitForBolt(record, settings.home, settings.limits, settings.log);
  return { pid: record.pid, record, owned: false };
}

/** Marks the stop as deliberate (for supervisors), then stops the JVM and removes its record. */
export async function stopServer(home: string, pid: number): Promise<void> {
  markStopRequested(home, pid);
  await terminate(pid);
  removeServerRecord(home, pid);
  untie(pid);
}

/** Serialises starts of one home across processes (two jest runs, `npm start` beside `npm run db`). */
export async function withStartLock<T>(settings: ServerSettings, work: () => Promise<T>): Promise<T> {
  const { home, log } = settings;
  const release = await acquireFileLock(path.join(home, "start.lock"), {
    timeoutMs: settings.limits.ceilingMs + 30_000,
    onWait: (pid) => {
      const hold = activeMaintenance(readServerState(home));
      log(
        hold
          ? `Neo4j in ${home} is held down for ${describeMaintenance(hold)}; waiting for it to end.`
          : `Another process (pid ${pid ?? "unknown"}) is starting Neo4j in ${home}; waiting.`,
      );
    },
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

/**
 * A supervised restart: attaches to a server another process already brought back, or launches one on the
 * same port, which must be free (clients reconnect only to the port they know).
 */
export function restartOnSamePort(
  settings: ServerSettings,
  uri: string,
  previous: RunningServer,
): Promise<RunningServer> {
  const { home, log } = settings;
  return withStartLock(settings, async () => {
    const running = readRunningRecord(home);
    if (running) {
      if (running.uri !== uri) {
        log(`Another process started Neo4j on ${running.uri} instead of ${uri}; restart Relata.`, "warn");
      }
      return attach(running, settings);
    }
    const port = Number(new URL(uri).port);
    if (!(await isPortFree(port))) {
      throw new LocalNeo4jError(
        "PORT_IN_USE",
        `Port ${port} was taken by another program while Neo4j was down. Neo4j must come back on the same ` +
          "port for connected clients to reconnect by themselves; free the port and the next attempt uses it.",
      );
    }
    const distribution = settings.distribution ?? (await ensureNeo4jDistribution({ log }));
    const detached = previous.record.detached;
    const launched = await launchNeo4j({ ...settings, distribution, port, detached });
    // A restarted detached server (from `npm run db -- start`) stays the user's; a tied one is ours.
    return { ...launched, owned: previous.owned || !detached };
  });
}
