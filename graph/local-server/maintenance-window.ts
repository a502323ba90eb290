import { setTimeout as sleep } from "node:timers/promises";

import { LocalNeo4jError } from "./local-server.errors";
import { beginMaintenance, endMaintenance, type MaintenanceHold } from "./maintenance-hold";
import type { Neo4jDistribution } from "./neo4j-distribution";
import { launchNeo4j } from "./neo4j-launch";
import { terminate, untie } from "./neo4j-process";
import { isProcessAlive, readParentPid } from "./process-liveness";
import { withStartLock, type ServerSettings } from "./server-lifecycle";
import { readRunningRecord, removeServerRecord, type ManagedNeo4jServerRecord } from "./server-record";

/**
 * How long a command waits for the owner of a server it stopped to start it again, before saying so. A JVM
 * start on a busy two-core machine can take minutes, so this is generous; the wait ends at once when the
 * owner process is gone.
 */
const OWNER_COMEBACK_WAIT_MS = 300_000;

/**
 * Runs `work` (a dump or a load) while the home's server is down and nothing may start it: under the
 * home's start lock, with a maintenance hold in state.json that supervisors wait on (docs/decisions/0011).
 *
 * A server that was running comes back afterwards. One started alone (`npm run db -- start`, detached)
 * is started again here, on the same port. One tied to the process that started it (`npm start`) is left
 * to that process's supervisor, which starts it again (with its own settings) once the hold ends; this
 * waits a while for that and says what happened. A server that was stopped stays stopped.
 *
 * @throws whatever `work` throws; {@link LocalNeo4jError} `START_FAILED` when the server does not come back.
 */
export async function withServerHeldDown<T>(
  settings: ServerSettings & { readonly distribution: Neo4jDistribution },
  operation: MaintenanceHold["operation"],
  work: () => Promise<T>,
): Promise<T> {
  const { home, log } = settings;
  let running: ManagedNeo4jServerRecord | undefined;
  let owner: number | undefined;
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  let comeback: Error | undefined;
  let downSince = 0;
  await withStartLock(settings, async () => {
    beginMaintenance(home, operation);
    try {
      running = readRunningRecord(home);
      if (running) {
        downSince = Date.now();
        owner = running.detached ? undefined : readParentPid(running.pid);
        log(stopNotice(running, operation, owner));
        await terminate(running.pid);
        removeServerRecord(home, running.pid);
        untie(running.pid);
      }
      try {
        outcome = { ok: true, value: await work() };
      } catch (error) {
        outcome = { ok: false, error };
      }
      if (running?.detached) {
        try {
          const port = Number(new URL(running.uri).port);
          // As it ran before: the same port, and Neo4j Browser on the same HTTP port if it served it.
          const browser = running.browserUrl ? { httpPort: Number(new URL(running.browserUrl).port) } : undefined;
          const back = await launchNeo4j({ ...settings, port, detached: true, browser });
          log(`Neo4j is running again (pid ${back.pid}); it was down ${seconds(Date.now() - downSince)} s.`);
        } catch (error) {
          comeback = error as Error;
        }
      }
    } finally {
      endMaintenance(home);
    }
  });
  if (comeback) {
    throw new LocalNeo4jError(
      "START_FAILED",
      `The ${operation} ${outcome?.ok ? "is complete" : "failed"}, but Neo4j did not start again: ${comeback.message}\n` +
        "Start it with `npm run db -- start`.",
      { cause: comeback },
    );
  }
  if (running && !running.detached) await waitForOwner(home, owner, downSince, log);
  if (!outcome?.ok) throw outcome?.error;
  return outcome.value;
}

function stopNotice(
  running: ManagedNeo4jServerRecord,
  operation: MaintenanceHold["operation"],
  owner: number | undefined,
): string {
  const head = `Stopping Neo4j (pid ${running.pid}, ${running.uri}) for the ${operation}.`;
  if (running.detached) {
    return (
      `${head} It was started with \`npm run db -- start\`, so it is started again here afterwards; an ` +
      "application using it answers 503 SERVICE_UNAVAILABLE meanwhile and reconnects by itself."
    );
  }
  return (
    `${head} It belongs to the process that started it (pid ${owner ?? "unknown"}, e.g. \`npm start\`), which ` +
    `answers 503 SERVICE_UNAVAILABLE meanwhile and starts Neo4j again when the ${operation} is done.`
  );
}

/**
 * Waits until the home's server runs again, the owner process is gone, or `waitMs` has passed, and logs
 * which. Exported for its tests.
 */
export async function waitForOwner(
  home: string,
  owner: number | undefined,
  downSince: number,
  log: (message: string) => void,
  waitMs = OWNER_COMEBACK_WAIT_MS,
): Promise<void> {
  log(`Waiting for its owner${owner ? ` (pid ${owner})` : ""} to start Neo4j again.`);
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const back = readRunningRecord(home);
    if (back) {
      log(`Neo4j is running again (pid ${back.pid}); it was down ${seconds(Date.now() - downSince)} s.`);
      return;
    }
    if (owner !== undefined && !isProcessAlive(owner)) {
      log(
        `The process that ran it (pid ${owner}) has ended, so nothing will start Neo4j again by itself. ` +
          "Start it with `npm run db -- start` (or `npm start`).",
      );
      return;
    }
    await sleep(500);
  }
  log(
    `Neo4j has not been started again within ${waitMs / 1000} s. If the process that ran it has ` +
      "ended, start it with `npm run db -- start` (or `npm start`).",
  );
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}
