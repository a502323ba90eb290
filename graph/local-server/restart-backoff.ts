/** How long the supervisor waits before each restart of a managed Neo4j that exited unexpectedly. */
export interface RestartBackoff {
  /** Wait before the first restart of a crash. */
  readonly initialMs: number;
  /** Longest wait, however many restarts failed in a row. */
  readonly maxMs: number;
}

/** One second, doubling per failed attempt, at most 30 s: quick after a one-off crash, calm in a crash loop. */
export const DEFAULT_RESTART_BACKOFF: RestartBackoff = { initialMs: 1_000, maxMs: 30_000 };

/** A server that stayed up this long before exiting starts its restarts from the first step again. */
export const STABLE_RUN_MS = 60_000;

/**
 * The wait before restart number `attempt` (1-based) of the current crash loop: `initialMs`, doubled per
 * earlier attempt, capped at `maxMs`. Pure, so the schedule is unit-tested.
 */
export function restartDelayMs(attempt: number, backoff: RestartBackoff = DEFAULT_RESTART_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be a positive integer, but received ${String(attempt)}.`);
  }
  // Capping the exponent keeps 2 ** n finite for absurd attempt counts.
  const doubled = backoff.initialMs * 2 ** Math.min(attempt - 1, 30);
  return Math.min(doubled, backoff.maxMs);
}

/**
 * The attempt number of the next restart: a server that ran at least {@link STABLE_RUN_MS} before it
 * exited starts a new crash loop (attempt 1); one that died sooner continues the loop it is in.
 */
export function nextRestartAttempt(previousAttempts: number, ranForMs: number): number {
  return ranForMs >= STABLE_RUN_MS ? 1 : previousAttempts + 1;
}
