import { isProcessAlive } from "./process-liveness";
import { readServerState, updateServerState, type MaintenanceHold, type StoredServerState } from "./server-state";

export type { MaintenanceHold } from "./server-state";

/**
 * Records in `<home>/state.json` that this process holds the server down for a backup or restore, so every
 * supervisor waits instead of restarting it (docs/decisions/0011).
 */
export function beginMaintenance(home: string, operation: MaintenanceHold["operation"]): void {
  updateServerState(home, { maintenance: { pid: process.pid, operation, since: new Date().toISOString() } });
}

/** Ends this process's hold; a hold another process took meanwhile is left alone. */
export function endMaintenance(home: string): void {
  try {
    if (readServerState(home).maintenance?.pid === process.pid) updateServerState(home, { maintenance: undefined });
  } catch {
    // A home that vanished (a test removing its temp folder) has nobody left to tell.
  }
}

/** The hold in `state` if its process still lives; a crashed backup's hold does not keep a server down. */
export function activeMaintenance(state: StoredServerState): MaintenanceHold | undefined {
  const hold = state.maintenance;
  return hold && isProcessAlive(hold.pid) ? hold : undefined;
}

/** "a backup (`npm run db -- backup`, pid 123, since …)", for log lines and status. */
export function describeMaintenance(hold: MaintenanceHold): string {
  return `a ${hold.operation} (\`npm run db -- ${hold.operation}\`, pid ${hold.pid}, since ${hold.since})`;
}
