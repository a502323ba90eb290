import { DEFAULT_RETRY_SCHEDULE, parseRetrySchedule, retryDelayMs } from "../../../domain/webhooks/retry-schedule";

describe("the retry schedule", () => {
  it("retries for at least 24 hours by default", () => {
    const delays = parseRetrySchedule(DEFAULT_RETRY_SCHEDULE);
    expect(delays).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    // The earliest the last retry can come, with the jitter at its lowest.
    const earliest = delays.reduce((sum, _delay, i) => sum + (retryDelayMs(i + 1, delays, 0) ?? 0), 0);
    expect(earliest).toBeGreaterThanOrEqual(0.8 * 24 * 3_600_000);
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(24 * 3_600_000);
  });

  it("reads units and decimals, and says what a bad entry is", () => {
    expect(parseRetrySchedule("1s, 1s,2s")).toEqual([1_000, 1_000, 2_000]);
    expect(parseRetrySchedule("250ms,1.5m,1d")).toEqual([250, 90_000, 86_400_000]);
    expect(() => parseRetrySchedule("5s,soon")).toThrow('"soon" is not a delay');
    expect(() => parseRetrySchedule("5")).toThrow("number and a unit");
  });

  it("waits each delay in turn, spread by at most 20 %, and gives up after the last", () => {
    const schedule = [1_000, 10_000];
    expect(retryDelayMs(1, schedule, 0)).toBe(800);
    expect(retryDelayMs(1, schedule, 0.5)).toBe(1_000);
    expect(retryDelayMs(1, schedule, 0.999999)).toBe(1_200);
    expect(retryDelayMs(2, schedule, 0.5)).toBe(10_000);
    expect(retryDelayMs(3, schedule, 0.5)).toBeNull();
    expect(retryDelayMs(0, schedule, 0.5)).toBeNull();
  });
});
