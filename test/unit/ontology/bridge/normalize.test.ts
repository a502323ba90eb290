import {
  applyPolarity,
  normalize,
  normalizationProblems,
  normalizeFixed,
  percentileRank,
  sortPopulation,
} from "../../../../ontology/bridge/normalize";
import { NormalizationSpec } from "../../../../ontology/model/mapping.model";

describe("normalizeFixed", () => {
  it("maps [min, max] onto [0, 1]", () => {
    expect(normalizeFixed(4, 1, 5)).toEqual({ ok: true, value: 0.75 });
    expect(normalizeFixed(1, 1, 5)).toEqual({ ok: true, value: 0 });
    expect(normalizeFixed(5, 1, 5)).toEqual({ ok: true, value: 1 });
    expect(normalizeFixed(1.5, 0, 24)).toEqual({ ok: true, value: 0.0625 });
  });

  it("clamps values outside the bounds", () => {
    expect(normalizeFixed(-3, 1, 5)).toEqual({ ok: true, value: 0 });
    expect(normalizeFixed(99, 1, 5)).toEqual({ ok: true, value: 1 });
    expect(normalizeFixed(Infinity, 1, 5)).toEqual({ ok: true, value: 1 });
  });

  it("stays finite with bounds far apart", () => {
    expect(normalizeFixed(0, -1e308, 1e308)).toEqual({ ok: true, value: 0.5 });
  });

  it("treats min == max and min > max as spec problems", () => {
    expect(normalizeFixed(3, 2, 2)).toEqual({ ok: false, problem: expect.stringContaining("min below max") });
    expect(normalizeFixed(3, 5, 1).ok).toBe(false);
    expect(normalizeFixed(3, NaN, 1).ok).toBe(false);
  });

  it("rejects NaN", () => {
    expect(normalizeFixed(NaN, 0, 1)).toEqual({ ok: false, problem: expect.stringContaining("received NaN") });
  });
});

describe("percentileRank", () => {
  it("ranks the lowest member 0 and the highest 1", () => {
    const population = [10, 20, 30, 40, 50];
    expect(percentileRank(10, population)).toEqual({ ok: true, value: 0 });
    expect(percentileRank(30, population)).toEqual({ ok: true, value: 0.5 });
    expect(percentileRank(50, population)).toEqual({ ok: true, value: 1 });
    expect(percentileRank(20, population)).toEqual({ ok: true, value: 0.25 });
  });

  it("gives tied members the mean of their ranks", () => {
    // Ranks 0, 1, 2, 3 → the two 2s share (1 + 2) / 2 = 1.5 of 3.
    expect(percentileRank(2, [1, 2, 2, 3])).toEqual({ ok: true, value: 0.5 });
    // Ranks 0..4 → the three 5s share (1 + 2 + 3) / 3 = 2 of 4.
    expect(percentileRank(5, [1, 5, 5, 5, 9])).toEqual({ ok: true, value: 0.5 });
    expect(percentileRank(1, [1, 1, 3])).toEqual({ ok: true, value: 0.25 });
  });

  it("ranks a value shared by the whole population 0.5", () => {
    expect(percentileRank(7, [7, 7, 7])).toEqual({ ok: true, value: 0.5 });
    expect(percentileRank(7, [7])).toEqual({ ok: true, value: 0.5 });
  });

  it("ranks a value between members halfway between them", () => {
    expect(percentileRank(15, [10, 20, 30])).toEqual({ ok: true, value: 0.25 });
  });

  it("ranks values outside the population 0 or 1", () => {
    expect(percentileRank(1, [10, 20, 30])).toEqual({ ok: true, value: 0 });
    expect(percentileRank(99, [10, 20, 30])).toEqual({ ok: true, value: 1 });
    expect(percentileRank(1, [10])).toEqual({ ok: true, value: 0 });
    expect(percentileRank(99, [10])).toEqual({ ok: true, value: 1 });
  });

  it("rejects an empty population", () => {
    expect(percentileRank(5, [])).toEqual({ ok: false, problem: expect.stringContaining("population is empty") });
  });

  it("rejects a value that is not finite", () => {
    expect(percentileRank(NaN, [1, 2]).ok).toBe(false);
    expect(percentileRank(Infinity, [1, 2]).ok).toBe(false);
  });
});

describe("sortPopulation", () => {
  it("keeps finite numbers, sorted ascending", () => {
    expect(sortPopulation([3, NaN, 1, "2", Infinity, null, 2, -1])).toEqual([-1, 1, 2, 3]);
  });

  it("sorts numerically, not as text", () => {
    expect(sortPopulation([10, 9, 100])).toEqual([9, 10, 100]);
  });
});

describe("applyPolarity", () => {
  it("keeps the value when higher is better", () => {
    expect(applyPolarity(0.2, "HIGHER_IS_BETTER")).toBe(0.2);
  });

  it("inverts the value when lower is better", () => {
    expect(applyPolarity(0.0625, "LOWER_IS_BETTER")).toBe(0.9375);
    expect(applyPolarity(0, "LOWER_IS_BETTER")).toBe(1);
    expect(applyPolarity(1, "LOWER_IS_BETTER")).toBe(0);
  });
});

describe("normalize", () => {
  it("explains fixed normalisation", () => {
    expect(normalize({ kind: "fixed", min: 1, max: 5 }, 4)).toEqual({
      ok: true,
      value: 0.75,
      note: "fixed normalisation on 1..5: (4 − 1) / (5 − 1) = 0.75",
    });
    expect(normalize({ kind: "fixed", min: 1, max: 5 }, 7)).toMatchObject({
      value: 1,
      note: "fixed normalisation on 1..5: 7 is at or above the maximum, so 1",
    });
  });

  it("ranks within the population for percentile normalisation", () => {
    expect(normalize({ kind: "percentile" }, 30, [10, 20, 30])).toEqual({
      ok: true,
      value: 1,
      note: "percentile normalisation: 30 ranks 1 among 3 values (0 = lowest, 1 = highest)",
    });
  });

  it("needs a population for percentile normalisation", () => {
    expect(normalize({ kind: "percentile" }, 30)).toEqual({
      ok: false,
      problem: expect.stringContaining("none were given"),
    });
    expect(normalize({ kind: "percentile" }, 30, [])).toEqual({
      ok: false,
      problem: expect.stringContaining("population is empty"),
    });
  });

  it("rejects an invalid spec", () => {
    const flat = { kind: "fixed", min: 3, max: 3 } as NormalizationSpec;
    expect(normalize(flat, 3)).toEqual({ ok: false, problem: expect.stringContaining("min must be below max") });
  });
});

describe("normalizationProblems", () => {
  it("accepts both kinds", () => {
    expect(normalizationProblems({ kind: "fixed", min: 0, max: 24 }, "n")).toEqual([]);
    expect(normalizationProblems({ kind: "percentile" }, "n")).toEqual([]);
  });

  it("locates each problem", () => {
    expect(normalizationProblems({ kind: "fixed", min: 0 }, "mappings[2].normalization")).toEqual([
      { where: "mappings[2].normalization.max", message: "is required and must be a finite number" },
    ]);
    expect(normalizationProblems({ kind: "zscore" }, "n")).toEqual([
      { where: "n.kind", message: 'unknown normalization kind "zscore"; expected one of fixed, percentile' },
    ]);
    expect(normalizationProblems({ kind: "percentile", min: 0 }, "n")).toEqual([
      { where: "n.min", message: "is not a field of a percentile normalization; expected kind" },
    ]);
  });
});
