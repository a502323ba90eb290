import { setTimeout as sleep } from "node:timers/promises";

/**
 * Polls `probe` until it returns something other than `undefined`, and returns that. Tests of a server
 * that restarts wait for states this way instead of sleeping fixed times; the timeout is generous, for a
 * busy machine, and the error says what never happened and what was seen last.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let last: unknown = "no attempt yet";
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      last = "not yet";
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${options.timeoutMs / 1000} s waiting until ${what} (last: ${String(last)}).`);
    }
    await sleep(options.intervalMs ?? 250);
  }
}
