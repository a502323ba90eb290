/**
 * How long to wait before each retry of a failed delivery. The default runs a little over 24 hours in 8
 * attempts (Standard Webhooks' and Svix's schedule, longer at the end); RELATA_WEBHOOK_RETRY_SCHEDULE
 * replaces it (e.g. `1s,1s,2s` in tests).
 */
export const DEFAULT_RETRY_SCHEDULE = "5s,5m,30m,2h,5h,10h,10h";

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `5s,5m,30m,2h`; throws with what is wrong (the config names the variable). */
export function parseRetrySchedule(text: string): number[] {
  const delays = text.split(",").map((part) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(part);
    if (match === null) {
      throw new Error(
        `"${part.trim()}" is not a delay; write a number and a unit (ms, s, m, h or d), e.g. ${DEFAULT_RETRY_SCHEDULE}`,
      );
    }
    return Math.round(Number(match[1]) * (UNITS[match[2] as string] as number));
  });
  if (delays.length === 0 || delays.length > 50) throw new Error("give between 1 and 50 delays");
  return delays;
}

/**
 * When to try again after `attemptsMade` attempts failed, in ms from now, or null when the schedule is used
 * up (the delivery has failed for good). Each delay is spread by ±20 % (`random` in [0, 1)) so endpoints that
 * failed together do not all come back at once.
 */
export function retryDelayMs(attemptsMade: number, schedule: readonly number[], random: number): number | null {
  if (attemptsMade < 1 || attemptsMade > schedule.length) return null;
  const base = schedule[attemptsMade - 1] as number;
  return Math.max(0, Math.round(base * (0.8 + 0.4 * random)));
}
