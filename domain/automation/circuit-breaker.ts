import { PlaybookLimits } from "./playbook";
import { DAY_MS } from "./signal-window";

/** Why a firing was held back, or null when it may go ahead. */
export type BreakerVerdict =
  | { tripped: false }
  | { tripped: true; breaker: "SUBJECT_LIMIT" | "TENANT_RATE"; reason: string; facts: Record<string, unknown> };

/**
 * At most `maxFiringsPerSubject` firings of one playbook per subject (account, or region) in `periodDays`.
 * `previousFirings` are the epoch-ms times of the subject's earlier firings (any age; older ones are ignored).
 */
export function subjectBreaker(
  limits: PlaybookLimits,
  subject: string,
  previousFirings: readonly number[],
  now: number,
): BreakerVerdict {
  const since = now - limits.periodDays * DAY_MS;
  const recent = previousFirings.filter((at) => at > since && at <= now).length;
  if (recent < limits.maxFiringsPerSubject) return { tripped: false };
  return {
    tripped: true,
    breaker: "SUBJECT_LIMIT",
    reason:
      `${subject} had ${recent} firings in the last ${limits.periodDays} days, the most this playbook allows ` +
      `(limits.maxFiringsPerSubject ${limits.maxFiringsPerSubject}); it fires again once the oldest is older than that.`,
    facts: {
      subject,
      firingsInPeriod: recent,
      maxFiringsPerSubject: limits.maxFiringsPerSubject,
      periodDays: limits.periodDays,
    },
  };
}

/**
 * The tenant-wide rate: at most `ratePerHour` firings of all the tenant's playbooks in the last hour
 * (RELATA_AUTOMATION_TENANT_RATE_PER_HOUR). `firedInLastHour` counts those already made.
 */
export function tenantRateBreaker(firedInLastHour: number, ratePerHour: number): BreakerVerdict {
  if (firedInLastHour < ratePerHour) return { tripped: false };
  return {
    tripped: true,
    breaker: "TENANT_RATE",
    reason:
      `The tenant's playbooks fired ${firedInLastHour} times in the last hour, the most allowed ` +
      `(RELATA_AUTOMATION_TENANT_RATE_PER_HOUR ${ratePerHour}); this firing was skipped. Look for a runaway playbook.`,
    facts: { firedInLastHour, ratePerHour },
  };
}

/** What a firing's outcome does to the playbook's run of failures. */
export interface FailureVerdict {
  consecutiveFailures: number;
  /** The playbook pauses itself: its actions kept failing. */
  pause: boolean;
  reason: string | null;
}

/** Outcomes that count as a failure: nothing (or not everything) the playbook meant to do was done. */
const FAILURES: ReadonlySet<string> = new Set(["FAILED", "PARTIAL", "REFUSED"]);

/**
 * Counts consecutive failed firings; at `pauseAfterFailures` the playbook pauses. A firing that executes or
 * is proposed resets the count.
 */
export function failureBreaker(
  limits: PlaybookLimits,
  consecutiveFailures: number,
  outcome: string,
  lastReason: string | null,
): FailureVerdict {
  if (!FAILURES.has(outcome)) return { consecutiveFailures: 0, pause: false, reason: null };
  const count = consecutiveFailures + 1;
  if (count < limits.pauseAfterFailures) return { consecutiveFailures: count, pause: false, reason: null };
  return {
    consecutiveFailures: count,
    pause: true,
    reason:
      `Paused automatically: ${count} firings in a row ended ${outcome}` +
      `${lastReason ? ` (last: ${lastReason})` : ""} (limits.pauseAfterFailures ${limits.pauseAfterFailures}). ` +
      `Fix the cause, then activatePlaybook.`,
  };
}
