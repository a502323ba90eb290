import { setTimeout as sleep } from "node:timers/promises";

import type { Neo4jProcess } from "./neo4j-process";
import { isProcessAlive } from "./process-liveness";
import { DEFAULT_RESTART_BACKOFF, nextRestartAttempt, restartDelayMs, type RestartBackoff } from "./restart-backoff";

/** Receives human-readable progress lines; problems (an unexpected exit) come with a level. */
export type ManagedNeo4jLog = (message: string, level?: "info" | "warn" | "error") => void;

/** What a supervised server is doing, as far as its handle knows. */
export type ManagedNeo4jRunState = "running" | "restarting" | "stopped";

/** How a {@link Neo4jSupervisor} watches and brings back one managed server. */
export interface Neo4jSupervisorOptions<S extends Neo4jProcess> {
  /** Bolt URI, the same before and after a restart; for messages. */
  readonly uri: string;
  readonly log: ManagedNeo4jLog;
  /** Whether `pid` was stopped on purpose (by a handle or `npm run db -- stop`): then it stays down. */
  readonly stopRequested: (pid: number) => boolean;
  /** Brings the server back on the same port (or attaches to one another process brought back). */
  readonly restart: () => Promise<S>;
  /** Told of every change, with the new server once one runs. */
  readonly onChange: (state: ManagedNeo4jRunState, server?: S) => void;
  /**
   * What holds the server down on purpose right now (a backup or restore), in words for the log, or
   * `undefined`. While it holds, the server is not restarted; afterwards it is, or attached to.
   */
  readonly heldDown?: () => string | undefined;
  /** How often a server that is not our child is checked, and a hold; default 1 s. */
  readonly pollIntervalMs?: number;
  readonly backoff?: RestartBackoff;
}

/**
 * Restarts a managed Neo4j that exits unexpectedly, with backoff, until it is back or the supervisor is
 * stopped. A child's exit is seen at once, with its code or signal; a server another process started is
 * polled for. Timers are unref'd: supervision never keeps a process alive on its own.
 */
export class Neo4jSupervisor<S extends Neo4jProcess = Neo4jProcess> {
  private stopped = false;
  private readonly abort = new AbortController();
  private watchedPid: number | undefined;
  private poll: NodeJS.Timeout | undefined;
  private upSince = Date.now();
  private attempts = 0;
  private recovering: Promise<void> = Promise.resolve();

  constructor(private readonly options: Neo4jSupervisorOptions<S>) {}

  /** Watches `server` from now on. */
  watch(server: S): void {
    this.watchedPid = server.pid;
    this.upSince = Date.now();
    clearInterval(this.poll);
    if (server.child) {
      server.child.once("exit", (code, signal) => this.exited(server.pid, describeExit(code, signal)));
      return;
    }
    this.poll = setInterval(() => {
      if (!isProcessAlive(server.pid)) {
        this.exited(server.pid, "its process is gone (another process started it, so the exit status is unknown)");
      }
    }, this.options.pollIntervalMs ?? 1_000);
    this.poll.unref();
  }

  /** Stops watching and cancels a pending restart; resolves once a restart already under way has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    this.abort.abort();
    await this.recovering;
  }

  private exited(pid: number, how: string): void {
    if (this.stopped || pid !== this.watchedPid) return;
    this.watchedPid = undefined;
    clearInterval(this.poll);
    if (this.options.stopRequested(pid)) {
      this.options.log(`Neo4j (pid ${pid}) was stopped on request (${how}); not restarting it.`);
      this.options.onChange("stopped");
      return;
    }
    this.recovering = this.recover(pid, how);
  }

  private async recover(pid: number, how: string): Promise<void> {
    const { log, uri } = this.options;
    const downSince = Date.now();
    const ranFor = downSince - this.upSince;
    this.options.onChange("restarting");
    const hold = this.options.heldDown?.();
    if (hold) {
      log(
        `Neo4j (pid ${pid}) was stopped for ${hold}; it is started again on ${uri} when that ends. Until then ` +
          "requests answer SERVICE_UNAVAILABLE and /readyz 503.",
        "warn",
      );
      // A deliberate hold is not a crash: the restart after it starts a new series.
      this.attempts = 1;
    } else {
      log(
        `Neo4j (pid ${pid}) exited unexpectedly: ${how}, after ${formatSeconds(ranFor)} s up. Restarting it on ` +
          `${uri}; until it is back, requests answer SERVICE_UNAVAILABLE and /readyz 503.`,
        "error",
      );
      this.attempts = nextRestartAttempt(this.attempts, ranFor);
    }
    for (let attempt = 1; !this.stopped; attempt++, this.attempts++) {
      if (!(await this.waitWhileHeldDown())) return;
      const delay = restartDelayMs(this.attempts, this.options.backoff ?? DEFAULT_RESTART_BACKOFF);
      log(`Neo4j restart attempt ${attempt} in ${formatSeconds(delay)} s.`, "warn");
      try {
        await sleep(delay, undefined, { signal: this.abort.signal, ref: false });
      } catch {
        return;
      }
      let server: S;
      try {
        server = await this.options.restart();
      } catch (error) {
        log(`Neo4j restart attempt ${attempt} failed: ${(error as Error).message}`, "error");
        continue;
      }
      // Reported even when stop() came meanwhile, so the handle stops the server this restart started.
      this.options.onChange("running", server);
      if (this.stopped) return;
      log(
        `Neo4j is ready again on ${uri} (pid ${server.pid}) after restart attempt ${attempt}; it was down ` +
          `${formatSeconds(Date.now() - downSince)} s.`,
      );
      this.watch(server);
      return;
    }
  }

  /** Polls while a backup or restore holds the server down; `false` when this supervisor was stopped. */
  private async waitWhileHeldDown(): Promise<boolean> {
    while (!this.stopped && this.options.heldDown?.()) {
      try {
        await sleep(this.options.pollIntervalMs ?? 1_000, undefined, { signal: this.abort.signal, ref: false });
      } catch {
        return false;
      }
    }
    return !this.stopped;
  }
}

/** "killed by SIGKILL" / "exit code 1", for the log. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `killed by ${signal}`;
  return code === null ? "exit status unknown" : `exit code ${code}`;
}

function formatSeconds(ms: number): string {
  return (ms / 1000).toFixed(1).replace(/\.0$/, "");
}
