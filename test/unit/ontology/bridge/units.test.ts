import {
  convertUnit,
  isKnownUnit,
  unitConversionProblem,
  unitDimension,
  UNITS,
} from "../../../../ontology/bridge/units";

describe("unit catalogue", () => {
  it("knows every unit the README lists", () => {
    const listed = [
      "seconds",
      "minutes",
      "hours",
      "days",
      "months",
      "years",
      "percent",
      "ratio",
      "USD",
      "USD_cents",
      "EUR",
      "EUR_cents",
      "CNY",
      "CNY_fen",
      "km",
      "m",
      "count",
      "score_1_5",
      "score_0_10",
      "score_0_100",
      "mm_per_s",
      "kwh",
      "celsius",
    ];
    expect([...UNITS].sort()).toEqual([...listed].sort());
    for (const unit of listed) expect(isKnownUnit(unit)).toBe(true);
  });

  it("rejects unknown units, other spellings and inherited object keys", () => {
    for (const unit of ["minute", "usd", "toString", "constructor", "", "__proto__"]) {
      expect(isKnownUnit(unit)).toBe(false);
    }
    expect(isKnownUnit(42)).toBe(false);
    expect(isKnownUnit(null)).toBe(false);
  });

  it("gives each unit its dimension", () => {
    expect(unitDimension("minutes")).toBe("time");
    expect(unitDimension("percent")).toBe("ratio");
    expect(unitDimension("CNY_fen")).toBe("money");
    expect(unitDimension("km")).toBe("distance");
    expect(unitDimension("score_0_10")).toBe("score");
    expect(unitDimension("celsius")).toBe("temperature");
    expect(unitDimension("furlongs")).toBeNull();
  });
});

describe("convertUnit", () => {
  describe("within a dimension", () => {
    it.each([
      [90, "minutes", "hours", 1.5],
      [1.5, "hours", "minutes", 90],
      [2, "days", "hours", 48],
      [3600, "seconds", "hours", 1],
      [36, "hours", "days", 1.5],
      [50, "percent", "ratio", 0.5],
      [0.25, "ratio", "percent", 25],
      [12345, "USD_cents", "USD", 123.45],
      [1999, "EUR_cents", "EUR", 19.99],
      [250, "CNY_fen", "CNY", 2.5],
      [123.45, "USD", "USD_cents", 12345],
      [1500, "m", "km", 1.5],
      [0, "minutes", "hours", 0],
      [-30, "minutes", "hours", -0.5],
      [12, "months", "years", 1],
      [18, "months", "years", 1.5],
      [2, "years", "months", 24],
      [1, "years", "days", 365.2425],
      [1, "months", "days", 30.436875],
    ])("converts %p %s to %s", (value, from, to, expected) => {
      expect(convertUnit(value, from, to)).toEqual({ ok: true, value: expected });
    });

    it("keeps a value in the same unit unchanged, convertible or not", () => {
      expect(convertUnit(4, "score_1_5", "score_1_5")).toEqual({ ok: true, value: 4 });
      expect(convertUnit(7, "hours", "hours")).toEqual({ ok: true, value: 7 });
    });
  });

  describe("rejections", () => {
    it("rejects conversion across dimensions", () => {
      const result = convertUnit(90, "minutes", "percent");
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem).toBe(unitConversionProblem("minutes", "percent"));
      expect(unitConversionProblem("minutes", "percent")).toMatch(
        /minutes \(time\) to percent \(ratio\).*different dimensions/,
      );
      expect(convertUnit(1, "km", "hours").ok).toBe(false);
    });

    it("does not convert between currencies", () => {
      const result = convertUnit(100, "USD", "EUR");
      expect(result).toEqual({ ok: false, problem: expect.stringContaining("does not convert between currencies") });
      expect(convertUnit(100, "USD_cents", "CNY").ok).toBe(false);
    });

    it("does not convert between unconvertible units of one dimension", () => {
      expect(convertUnit(4, "score_1_5", "score_0_10")).toEqual({
        ok: false,
        problem: expect.stringContaining("do not convert"),
      });
    });

    it("names unknown units and lists the known ones", () => {
      const result = convertUnit(1, "minute", "hours");
      expect(result).toEqual({
        ok: false,
        problem: expect.stringMatching(/^unknown unit "minute"; known units are seconds, minutes/),
      });
      expect(convertUnit(1, "hours", "weeks").ok).toBe(false);
    });

    it.each([NaN, Infinity, -Infinity])("rejects %p instead of returning NaN", (value) => {
      const result = convertUnit(value, "minutes", "hours");
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem).toContain("expected a finite number");
    });

    it("rejects a value that is not a number at all", () => {
      const result = convertUnit("90" as unknown as number, "minutes", "hours");
      expect(result).toEqual({ ok: false, problem: expect.stringContaining('the string "90"') });
    });

    it("rejects a result too large to represent", () => {
      expect(convertUnit(1e308, "days", "seconds")).toEqual({
        ok: false,
        problem: expect.stringContaining("too large"),
      });
    });
  });
});
