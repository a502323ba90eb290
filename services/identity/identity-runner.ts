import { randomBytes } from "node:crypto";
import { StoredRun } from "../../domain/identity-graph/stored-identity";
import { IdentityRunRepository } from "../../graph/identity/identity-run.repository";
import { IdentityResolution, StopSignal } from "./identity-resolution";

export interface RunnerLogger {
  error(details: Record<string, unknown>, message: string): void;
}

/** What a full run needs, on an executor of its own (no request deadline). */
export interface BackgroundResolution {
  resolution: IdentityResolution;
  runs: IdentityRunRepository;
}

/**
 * Runs full resolutions in the background of this process, one promise per run. Each process has its own
 * owner token, written on the runs it carries out: a RUNNING run whose owner is not carrying it out (this
 * process after a restart, or another process that stopped updating it for `staleMs`) is taken over and
 * continued from its checkpoint.
 */
export class IdentityRunner implements StopSignal {
  readonly owner = `proc:${randomBytes(9).toString("base64url")}`;
  private readonly active = new Map<string, Promise<void>>();
  private stopRequested = false;

  constructor(
    private readonly log: RunnerLogger,
    /** How long a run may go without an update before another process may take it over. */
    readonly staleMs = 10 * 60_000,
  ) {}

  get stopped(): boolean {
    return this.stopRequested;
  }

  isCarrying(runId: string): boolean {
    return this.active.has(runId);
  }

  /** Whether a RUNNING run is orphaned: nobody carries it out any more. */
  isOrphaned(run: StoredRun, owner: string, now: number): boolean {
    if (run.status !== "RUNNING") return false;
    if (owner === this.owner) return !this.active.has(run.id);
    return now - Date.parse(run.updatedAt) > this.staleMs;
  }

  /** Carries out a full run in the background; a failure marks the run FAILED with its message. */
  launch(background: BackgroundResolution, run: StoredRun): void {
    if (this.active.has(run.id) || this.stopRequested) return;
    const work = (async () => {
      try {
        await background.resolution.full(run, this);
      } catch (error) {
        this.log.error(
          { err: error, runId: run.id, tenant: background.resolution.tenant },
          "identity resolution run failed",
        );
        const message = error instanceof Error ? error.message : String(error);
        await background.runs
          .update(run.id, { status: "FAILED", error: message.slice(0, 500) }, new Date().toISOString())
          .catch(() => undefined);
      } finally {
        this.active.delete(run.id);
      }
    })();
    this.active.set(run.id, work);
  }

  /** Asks the runs to stop after their current chunk and waits for them; they stay RUNNING, to be resumed. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    await Promise.allSettled([...this.active.values()]);
  }

  /** Waits for the runs under way (tests and shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.active.values()]);
  }
}
