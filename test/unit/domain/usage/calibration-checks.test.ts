import {
  calibrationChecks,
  anchorQueriesCheck,
  checkCalibrationPeriod,
  mpuAdoptionCheck,
  mpuCreationCheck,
  technologyCheck,
  trendOf,
  WeeklyUsage,
} from "../../../../domain/usage/calibration-checks";

const week = (w: string, automationCalls: number, automationRuns = 0, aiCalls = 0, anchorCalls = 0): WeeklyUsage => ({
  week: w,
  automationCalls,
  automationRuns,
  aiCalls,
  anchorCalls,
});
const WEEKS = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"];
const at = (day: string) => Date.parse(`${day}T12:00:00Z`);

describe("technologyCheck", () => {
  it("judges the last full week's growth against the one before (healthy at 25% or more)", () => {
    const check = technologyCheck([
      week(WEEKS[0]!, 10),
      week(WEEKS[1]!, 20),
      week(WEEKS[2]!, 40),
      week(WEEKS[3]!, 30, 10, 10),
    ]);
    expect(check.value).toBeCloseTo(0.25, 9);
    expect(check.healthy).toBe(true);
    expect(check.trend).toBe("RISING");
    expect(check.sentence).toMatch(/grew 25% week over week \(40 → 50/);
  });

  it("has no value without use in the week before", () => {
    const check = technologyCheck([week(WEEKS[2]!, 0), week(WEEKS[3]!, 5)]);
    expect(check.value).toBeNull();
    expect(check.healthy).toBeNull();
    expect(check.sentence).toMatch(/from 0 to 5/);
  });
});

describe("mpuCreationCheck and mpuAdoptionCheck", () => {
  it("say no data when the tenant has no MPUs", () => {
    expect(mpuCreationCheck(WEEKS, null, 3).value).toBeNull();
    const adoption = mpuAdoptionCheck(WEEKS, null);
    expect(adoption.value).toBeNull();
    expect(adoption.sentence).toMatch(/No data/);
  });

  it("count units created per person per month over the period", () => {
    const mpus = [at("2026-11-03"), at("2026-11-10"), at("2026-11-24"), at("2026-10-01")].map((createdAt) => ({
      createdAt,
      publishedAt: null,
      usesByOthers: [],
    }));
    const check = mpuCreationCheck(WEEKS, mpus, 2);
    // 3 units in the period, 2 people, 28 days = 28 / 30.4375 months.
    expect(check.value).toBeCloseTo(3 / 2 / (28 / 30.4375), 9);
    expect(check.healthy).toBe(true);
  });

  it("adoption: published units applied by someone other than the author in the period ÷ published units", () => {
    const mpus = [
      { createdAt: at("2026-10-01"), publishedAt: at("2026-10-02"), usesByOthers: [at("2026-11-20")] },
      { createdAt: at("2026-10-01"), publishedAt: at("2026-10-02"), usesByOthers: [] },
      { createdAt: at("2026-10-01"), publishedAt: at("2026-11-25"), usesByOthers: [at("2026-11-26")] },
      { createdAt: at("2026-10-01"), publishedAt: null, usesByOthers: [] },
    ];
    const check = mpuAdoptionCheck(WEEKS, mpus);
    expect(check.value).toBeCloseTo(2 / 3, 9);
    expect(check.healthy).toBe(true);
    expect(check.series[3]).toEqual({ week: "2026-11-23", value: 1 / 3 });
  });
});

describe("issue 16's definitions in the organisation check", () => {
  it("does not count a unit retired before the period as published, nor one published after it", () => {
    const mpus = [
      { createdAt: at("2026-10-01"), publishedAt: at("2026-10-02"), usesByOthers: [at("2026-11-20")] },
      { createdAt: at("2026-10-01"), publishedAt: at("2026-10-02"), retiredAt: at("2026-10-20"), usesByOthers: [] },
      { createdAt: at("2026-10-01"), publishedAt: at("2026-10-02"), retiredAt: at("2026-11-12"), usesByOthers: [] },
      { createdAt: at("2026-10-01"), publishedAt: at("2026-12-02"), usesByOthers: [] },
    ];
    const check = mpuAdoptionCheck(WEEKS, mpus);
    // Published during the period: the first and the one retired within it; the first was adopted.
    expect(check.value).toBeCloseTo(1 / 2, 9);
    expect(check.healthy).toBe(false);
    // The week after the retirement holds only the first unit.
    expect(check.series[3]).toEqual({ week: "2026-11-23", value: 0 });
  });

  it("divides MPU creation by field people (the rep role) when users hold it, and says so", () => {
    const mpus = [at("2026-11-03"), at("2026-11-10")].map((createdAt) => ({
      createdAt,
      publishedAt: null,
      usesByOthers: [],
    }));
    const usage = WEEKS.map((w) => week(w, 0, 0, 0, 0));
    const [, creation] = calibrationChecks(WEEKS, { usage, people: 10, mpus, fieldPeople: 2 });
    expect(creation!.value).toBeCloseTo(2 / 2 / (28 / 30.4375), 9);
    expect(creation!.sentence).toMatch(/by 2 field people \(rep role\)/);
    const [, everyone] = calibrationChecks(WEEKS, { usage, people: 10, mpus, fieldPeople: null });
    expect(everyone!.value).toBeCloseTo(2 / 10 / (28 / 30.4375), 9);
  });
});

describe("anchorQueriesCheck", () => {
  it("divides anchor queries by people and weeks (healthy above 5)", () => {
    const check = anchorQueriesCheck([week(WEEKS[2]!, 0, 0, 0, 20), week(WEEKS[3]!, 0, 0, 0, 22)], 4);
    expect(check.value).toBeCloseTo(42 / 4 / 2, 9);
    expect(check.healthy).toBe(true);
    expect(check.series.map((p) => p.value)).toEqual([5, 5.5]);
  });

  it("is no data without people", () => {
    expect(anchorQueriesCheck([week(WEEKS[3]!, 0, 0, 0, 5)], null).healthy).toBeNull();
  });
});

describe("trendOf and checkCalibrationPeriod", () => {
  it("reads a trend from the slope relative to the mean", () => {
    expect(trendOf([1, 2, 3])).toBe("RISING");
    expect(trendOf([3, 2, 1])).toBe("FALLING");
    expect(trendOf([5, 5.1, 5])).toBe("FLAT");
    expect(trendOf([null, 4])).toBeNull();
  });

  it("rejects a period of one week or a date that is no date", () => {
    expect(() => checkCalibrationPeriod(1, "soon", new Date())).toThrow(
      /weeks must be an integer from 2 to 52.*"soon" is not/,
    );
  });
});
