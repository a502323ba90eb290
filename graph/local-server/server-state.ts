import * as net from "node:net";
import * as path from "node:path";

import { LocalNeo4jError } from "./local-server.errors";
import { readJsonFile, writeJsonFile } from "./server-record";

/**
 * What `<home>/state.json` keeps about a managed server between runs, unlike server.json, which exists only
 * while it runs.
 */
export interface StoredServerState {
  /** The Bolt port the server listened on last; the next start reuses it, so clients keep their URI. */
  readonly boltPort?: number;
  /** The HTTP port Neo4j Browser was served on last; reused while free, so its URL stays the same. */
  readonly httpPort?: number;
  /** Written just before a deliberate stop signals the JVM, so no supervisor restarts that process. */
  readonly stopRequested?: { readonly pid: number; readonly at: string };
  /**
   * Set while a backup or restore holds the server down (by the process `pid`): supervisors wait for it to
   * end instead of restarting the server.
   */
  readonly maintenance?: MaintenanceHold;
}

/** A backup or restore that holds a managed server down. */
export interface MaintenanceHold {
  readonly pid: number;
  readonly operation: "backup" | "restore";
  readonly since: string;
}

/** Name of the state file inside a server's home. */
export const STATE_FILE = "state.json";

/**
 * Reads a state file's content, keeping only well-formed fields: a damaged or hand-edited file loses the
 * fields it got wrong, never the start. Pure.
 */
export function parseServerState(value: unknown): StoredServerState {
  if (typeof value !== "object" || value === null) return {};
  const { boltPort, httpPort, stopRequested, maintenance } = value as Record<string, unknown>;
  const state: {
    boltPort?: number;
    httpPort?: number;
    stopRequested?: { pid: number; at: string };
    maintenance?: MaintenanceHold;
  } = {};
  if (isPort(boltPort)) state.boltPort = boltPort;
  if (isPort(httpPort)) state.httpPort = httpPort;
  if (typeof stopRequested === "object" && stopRequested !== null) {
    const { pid, at } = stopRequested as Record<string, unknown>;
    if (typeof pid === "number" && Number.isInteger(pid) && pid > 0 && typeof at === "string") {
      state.stopRequested = { pid, at };
    }
  }
  if (typeof maintenance === "object" && maintenance !== null) {
    const { pid, operation, since } = maintenance as Record<string, unknown>;
    if (
      typeof pid === "number" &&
      Number.isInteger(pid) &&
      pid > 0 &&
      (operation === "backup" || operation === "restore") &&
      typeof since === "string"
    ) {
      state.maintenance = { pid, operation, since };
    }
  }
  return state;
}

function isPort(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;
}

export function readServerState(home: string): StoredServerState {
  return parseServerState(readJsonFile(path.join(home, STATE_FILE)));
}

/** Merges `change` into the state file (written atomically, 0600). */
export function updateServerState(home: string, change: StoredServerState): void {
  writeJsonFile(path.join(home, STATE_FILE), { ...readServerState(home), ...change });
}

/** Records that the JVM `pid` is being stopped on purpose; supervisors then leave it down. */
export function markStopRequested(home: string, pid: number): void {
  try {
    updateServerState(home, { stopRequested: { pid, at: new Date().toISOString() } });
  } catch {
    // A home that vanished (a test removing its temp folder) has no supervisor left to tell.
  }
}

/** Whether the state says that `pid` was stopped on purpose. */
export function wasStopRequested(state: StoredServerState, pid: number): boolean {
  return state.stopRequested?.pid === pid;
}

/** The port a start will use, and what to tell the operator about it. */
export interface BoltPortChoice {
  readonly port: number;
  /** Set when the stored port could not be reused. */
  readonly notice?: string;
}

/** Inputs of {@link chooseBoltPort}; the probes are parameters so the decision is unit-tested. */
export interface BoltPortChoiceInput {
  /** RELATA_NEO4J_PORT: wins, and must be free. */
  readonly requested?: number;
  /** The port in state.json. */
  readonly stored?: number;
  /** Where the stored port is kept, for the notice. */
  readonly stateFile: string;
  readonly isFree: (port: number) => Promise<boolean>;
  readonly findFree: () => Promise<number>;
}

/**
 * Picks the Bolt port of a fresh start: the requested port (PORT_IN_USE if taken), else the stored one if
 * it is still free, else a free one; when the stored port was taken by another program it says so.
 *
 * @throws {LocalNeo4jError} `PORT_IN_USE` when the requested port is taken.
 */
export async function chooseBoltPort(input: BoltPortChoiceInput): Promise<BoltPortChoice> {
  if (input.requested !== undefined) {
    if (!(await input.isFree(input.requested))) throw portInUse(input.requested);
    return { port: input.requested };
  }
  if (input.stored === undefined) return { port: await input.findFree() };
  if (await input.isFree(input.stored)) return { port: input.stored };
  const port = await input.findFree();
  return {
    port,
    notice:
      `Port ${input.stored}, where this Neo4j listened before (kept in ${input.stateFile}), is now used by another ` +
      `program, so Neo4j listens on port ${port} instead. Point clients that used bolt://127.0.0.1:${input.stored} ` +
      "at the new port, or set RELATA_NEO4J_PORT to pin one.",
  };
}

/** PORT_IN_USE with what to do about it. */
export function portInUse(port: number, cause?: unknown): LocalNeo4jError {
  return new LocalNeo4jError(
    "PORT_IN_USE",
    `Port ${port} on 127.0.0.1 is already in use, so Neo4j cannot listen for Bolt there. ` +
      "Stop whatever uses it, choose another port with RELATA_NEO4J_PORT, or unset RELATA_NEO4J_PORT " +
      "to let Relata pick a free one.",
    { cause },
  );
}

/** A port on 127.0.0.1 that was free a moment ago. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Whether nothing listens on `port` of 127.0.0.1 right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
