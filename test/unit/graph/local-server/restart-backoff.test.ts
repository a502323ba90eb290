import {
  DEFAULT_RESTART_BACKOFF,
  nextRestartAttempt,
  restartDelayMs,
  STABLE_RUN_MS,
} from "../../../../graph/local-server/restart-backoff";

describe("restartDelayMs", () => {
  it("waits one second before the first restart and doubles per failed attempt", () => {
    expect([1, 2, 3, 4, 5].map((attempt) => restartDelayMs(attempt))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it("never waits longer than the cap, however many attempts failed", () => {
    expect(restartDelayMs(6)).toBe(DEFAULT_RESTART_BACKOFF.maxMs);
    expect(restartDelayMs(10_000)).toBe(DEFAULT_RESTART_BACKOFF.maxMs);
  });

  it("follows a custom schedule", () => {
    expect([1, 2, 3].map((attempt) => restartDelayMs(attempt, { initialMs: 100, maxMs: 250 }))).toEqual([
      100, 200, 250,
    ]);
  });

  it("rejects an attempt number below 1", () => {
    expect(() => restartDelayMs(0)).toThrow(RangeError);
    expect(() => restartDelayMs(1.5)).toThrow("attempt must be a positive integer");
  });
});

describe("nextRestartAttempt", () => {
  it("starts a new crash loop after a server that ran stably", () => {
    expect(nextRestartAttempt(5, STABLE_RUN_MS)).toBe(1);
  });

  it("continues the crash loop when the server died soon after it came back", () => {
    expect(nextRestartAttempt(3, STABLE_RUN_MS - 1)).toBe(4);
    expect(nextRestartAttempt(0, 100)).toBe(1);
  });
});
