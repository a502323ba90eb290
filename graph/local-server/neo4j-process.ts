import { type ChildProcess, spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { PRIVATE_FILE_MODE, PRIVATE_UMASK } from "./file-permissions";
import type { Neo4jDistribution } from "./neo4j-distribution";
import { isProcessAlive } from "./process-liveness";
import { NEO4J_ENTRY_POINT, removeServerRecord } from "./server-record";
import { markStopRequested } from "./server-state";

const STOP_GRACE_MS = 30_000;

/** What {@link spawnNeo4j} needs to run a server. */
export interface Neo4jProcessPlan {
  readonly home: string;
  readonly confDir: string;
  readonly heap: string;
  readonly distribution: Neo4jDistribution;
  /** Outlive this process; otherwise the JVM gets SIGTERM when this process dies. */
  readonly detached: boolean;
  /** Jars beside the server's, e.g. Neo4j Browser's. */
  readonly extraJars?: readonly string[];
}

/** The JVM of a server: its pid and, for one this process spawned, its handle (for the exit status). */
export interface Neo4jProcess {
  readonly pid: number;
  readonly child?: ChildProcess;
}

/**
 * Spawns the server's JVM with a private umask (everything it creates is 0600 / 0700), its output appended
 * to `logs/console.log`, in a new session (Ctrl-C in the terminal reaches only Node, which stops the app
 * first and the server after). Unless detached, the JVM is tied to this process with PR_SET_PDEATHSIG.
 */
export async function spawnNeo4j(plan: Neo4jProcessPlan): Promise<Neo4jProcess | Error> {
  const { home, confDir, heap, distribution } = plan;
  const javaArgs = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    // A subset of the JVM options Neo4j's own launcher passes; the add-opens are required on Java 17+.
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-cp",
    [path.join(distribution.libDir, "*"), ...(plan.extraJars ?? [])].join(path.delimiter),
    NEO4J_ENTRY_POINT,
    `--home-dir=${home}`,
    `--config-dir=${confDir}`,
  ];
  // Without pdeathsig a SIGKILLed parent (a killed jest run) would leave the JVM running forever.
  const tie = !plan.detached && hasPdeathsig();
  const command = tie
    ? ["setpriv", "--pdeathsig", "TERM", "--", distribution.javaCommand, ...javaArgs]
    : [distribution.javaCommand, ...javaArgs];
  const consoleLog = path.join(home, "logs", "console.log");
  const out = fs.openSync(consoleLog, "a", PRIVATE_FILE_MODE);
  let child: ChildProcess;
  try {
    // `exec` keeps one pid from the shell to the JVM, so pid, pdeathsig and the exit status are the JVM's.
    child = spawn("/bin/sh", ["-c", `umask ${umaskText()} && exec "$@"`, "sh", ...command], {
      cwd: home,
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: confDir },
    });
  } finally {
    fs.closeSync(out);
  }
  child.unref();
  let spawnError: Error | undefined;
  child.on("error", (error) => {
    spawnError = error;
  });
  if (child.pid === undefined) {
    await sleep(0);
    return spawnError ?? new Error("no process id");
  }
  return { pid: child.pid, child };
}

/** Runs Neo4j's admin tool (`neo4j-admin`) synchronously with the same private umask. */
export function runNeo4jAdmin(
  home: string,
  confDir: string,
  distribution: Neo4jDistribution,
  args: readonly string[],
): SpawnSyncReturns<string> {
  const { command, args: shellArgs, env } = neo4jAdminCommand(home, confDir, distribution, args);
  return spawnSync(command, shellArgs, { cwd: home, encoding: "utf8", env, timeout: 120_000 });
}

/**
 * The command line of Neo4j's admin tool (org.neo4j.cli.AdminTool from the same jars as the server), run
 * through a shell that sets the private umask first, so dumps and stores it writes are 0600 / 0700.
 */
export function neo4jAdminCommand(
  home: string,
  confDir: string,
  distribution: Neo4jDistribution,
  args: readonly string[],
  heap = "256m",
): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  const java = [
    distribution.javaCommand,
    `-Xmx${heap}`,
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "-cp",
    path.join(distribution.libDir, "*"),
    "org.neo4j.cli.AdminTool",
    ...args,
  ];
  return {
    command: "/bin/sh",
    args: ["-c", `umask ${umaskText()} && exec "$@"`, "sh", ...java],
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: confDir },
  };
}

function umaskText(): string {
  return PRIVATE_UMASK.toString(8).padStart(3, "0");
}

/** SIGTERM, then SIGKILL after the grace period. Resolves once the process is gone. */
export async function terminate(pid: number): Promise<void> {
  if (!signal(pid, "SIGTERM")) return;
  if (await waitForExit(pid, STOP_GRACE_MS)) return;
  signal(pid, "SIGKILL");
  await waitForExit(pid, 10_000);
}

/** Sends a signal; `false` when the process is gone (or not ours). */
export function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await sleep(100);
  }
  return !isProcessAlive(pid);
}

let pdeathsigSupport: boolean | undefined;

function hasPdeathsig(): boolean {
  pdeathsigSupport ??= spawnSync("setpriv", ["--pdeathsig", "TERM", "--", "true"], { stdio: "ignore" }).status === 0;
  return pdeathsigSupport;
}

// --- Servers tied to this process --------------------------------------------------------------------------

/** Non-detached servers started by this process, by pid, with their home. */
const tiedServers = new Map<number, string>();
let hooksInstalled = false;

/** Stops the server when this process exits or is stopped by a signal it does not handle itself. */
export function tieToThisProcess(pid: number, home: string): void {
  tiedServers.set(pid, home);
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", stopTiedServersNow);
  for (const name of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = (): void => {
      // When the application handles the signal itself, it stops the server through `stop()` (or the
      // "exit" hook does). Only when we are the sole listener do we restore the default: stop and die.
      if (process.listenerCount(name) > 1) return;
      stopTiedServersNow();
      process.removeListener(name, onSignal);
      process.kill(process.pid, name);
    };
    process.on(name, onSignal);
  }
}

export function untie(pid: number): void {
  tiedServers.delete(pid);
}

function stopTiedServersNow(): void {
  for (const [pid, home] of tiedServers) {
    // Deliberate: supervisors in other processes attached to it must not bring it back.
    markStopRequested(home, pid);
    signal(pid, "SIGTERM");
    removeServerRecord(home, pid);
  }
  tiedServers.clear();
}
