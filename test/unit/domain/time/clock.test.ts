import { clockStartingAt, systemClock } from "../../../../domain/time/clock";

describe("clockStartingAt", () => {
  it("starts at the given instant and runs at the speed of the real clock", () => {
    let real = 1_000;
    const clock = clockStartingAt("2026-11-01T00:00:00Z", () => real);
    expect(clock().toISOString()).toBe("2026-11-01T00:00:00.000Z");
    real += 1_500;
    expect(clock().toISOString()).toBe("2026-11-01T00:00:01.500Z");
  });

  it("takes epoch milliseconds too", () => {
    expect(clockStartingAt(0, () => 5)().getTime()).toBe(0);
  });

  it("rejects what is not an instant, naming it", () => {
    expect(() => clockStartingAt("soon")).toThrow(/"soon" is not an instant/);
  });
});

describe("systemClock", () => {
  it("reads the real time", () => {
    const before = Date.now();
    const now = systemClock().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
