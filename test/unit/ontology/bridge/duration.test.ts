import { DAY_MS, MONTH_MS, parseDuration, parseWindow, YEAR_MS } from "../../../../ontology/bridge/duration";

const HOUR_MS = 3_600_000;

describe("parseDuration", () => {
  it.each([
    ["P90D", 90 * DAY_MS],
    ["PT12H", 12 * HOUR_MS],
    ["P1Y", 31_556_952_000], // 365.2425 days, the mean Gregorian year
    ["P1M", 2_629_746_000], // 30.436875 days, a twelfth of it
    ["P12M", YEAR_MS],
    ["P2W", 14 * DAY_MS],
    ["P1M2W", MONTH_MS + 14 * DAY_MS],
    ["P1DT12H", 36 * HOUR_MS],
    ["PT30M", 30 * 60_000],
    ["PT45S", 45_000],
    ["PT1.5H", 1.5 * HOUR_MS],
    ["PT0,5S", 500],
    ["P1Y2M3W4DT5H6M7S", YEAR_MS + 2 * MONTH_MS + 25 * DAY_MS + 5 * HOUR_MS + 6 * 60_000 + 7_000],
    ["P0D", 0],
  ])("parses %s", (text, expected) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", "not an ISO-8601 duration"],
    ["90D", "not an ISO-8601 duration"],
    ["P", "no components"],
    ["PT", "no components"],
    ["P1DT", 'has a "T" but no hours'],
    ["p90d", "upper-case"],
    ["P90d", "upper-case"],
    ["-P1D", "not an ISO-8601 duration"],
    ["P1H", "not an ISO-8601 duration"],
    ["PT1D", "not an ISO-8601 duration"],
    ["P1D2Y", "not an ISO-8601 duration"],
    ["P1.5DT2H", "fraction"],
    ["P 1D", "not an ISO-8601 duration"],
    ["P90D ", "not an ISO-8601 duration"],
  ])("rejects %p", (text, expected) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(expected);
  });

  it("rejects a value that is not text", () => {
    expect(parseDuration(90)).toEqual({ ok: false, problem: expect.stringContaining("received the number 90") });
    expect(parseDuration(null)).toEqual({ ok: false, problem: expect.stringContaining("received null") });
  });

  it("rejects a duration too long to represent", () => {
    const result = parseDuration(`P${"9".repeat(400)}Y`);
    expect(result).toEqual({ ok: false, problem: expect.stringContaining("too long") });
  });
});

describe("parseWindow", () => {
  it("accepts a positive duration", () => {
    expect(parseWindow("P90D")).toEqual({ ok: true, value: 90 * DAY_MS });
  });

  it("rejects an empty window", () => {
    expect(parseWindow("PT0S")).toEqual({ ok: false, problem: expect.stringContaining("must be longer than zero") });
  });

  it("passes on syntax problems", () => {
    expect(parseWindow("90 days").ok).toBe(false);
  });
});
