import { aggregate, aggregationProblems, Observation } from "../../../../ontology/bridge/aggregate";
import { DAY_MS } from "../../../../ontology/bridge/duration";
import { AggregationSpec, RawValue } from "../../../../ontology/model/mapping.model";

const AS_OF = Date.UTC(2026, 10, 25);
const daysAgo = (days: number): number => AS_OF - days * DAY_MS;
const at = (days: number, value: number): Observation => ({ value, observedAt: daysAgo(days) });
const spec = (kind: AggregationSpec["kind"], window = "P90D"): AggregationSpec => ({ kind, window });

describe("aggregate", () => {
  const series = [at(60, 3), at(30, 4), at(1, 5)];

  describe("each kind", () => {
    it("latest takes the value observed last, whatever the input order", () => {
      expect(aggregate(spec("latest"), [at(1, 5), at(60, 3), at(30, 4)], AS_OF)).toMatchObject({
        ok: true,
        value: 5,
        used: 1,
      });
    });

    it("latest takes the one listed last among equal times", () => {
      expect(aggregate(spec("latest"), [at(1, 5), at(1, 6)], AS_OF)).toMatchObject({ value: 6 });
    });

    it("latest keeps text and boolean values of categorical fields", () => {
      const tiers: Array<Observation<RawValue>> = [
        { value: "silver", observedAt: daysAgo(10) },
        { value: "gold", observedAt: daysAgo(2) },
      ];
      expect(aggregate(spec("latest"), tiers, AS_OF)).toMatchObject({ ok: true, value: "gold" });
    });

    it("mean averages", () => {
      expect(aggregate(spec("mean"), series, AS_OF)).toMatchObject({ ok: true, value: 4, used: 3, skipped: 0 });
    });

    it("sum adds", () => {
      expect(aggregate(spec("sum"), series, AS_OF)).toMatchObject({ ok: true, value: 12, used: 3 });
    });

    it("count counts", () => {
      expect(aggregate(spec("count"), series, AS_OF)).toMatchObject({ ok: true, value: 3 });
    });

    it("trend is the least-squares slope per day on a known line", () => {
      // 10, 12, 14 on days 0, 1, 2: slope 2 per day.
      const line = [at(2, 10), at(1, 12), at(0, 14)];
      const result = aggregate(spec("trend"), line, AS_OF);
      expect(result).toMatchObject({ ok: true, used: 3 });
      if (result.ok) expect(result.value).toBeCloseTo(2, 12);
    });

    it("trend fits noisy points by least squares", () => {
      // Days 0..3 with values 1, 3, 2, 4: slope = 0.8 per day.
      const noisy = [at(3, 1), at(2, 3), at(1, 2), at(0, 4)];
      const result = aggregate(spec("trend"), noisy, AS_OF);
      if (!result.ok) throw new Error(result.problem);
      expect(result.value).toBeCloseTo(0.8, 12);
    });

    it("trend is negative for a falling line and 0 for a flat one", () => {
      const falling = aggregate(spec("trend"), [at(10, 100), at(0, 50)], AS_OF);
      if (!falling.ok) throw new Error(falling.problem);
      expect(falling.value).toBeCloseTo(-5, 12);
      expect(aggregate(spec("trend"), [at(10, 7), at(0, 7)], AS_OF)).toMatchObject({ value: 0 });
    });

    it("trend needs two distinct times", () => {
      expect(aggregate(spec("trend"), [at(1, 5)], AS_OF)).toEqual({
        ok: false,
        problem: "a trend needs observations at two or more different times; the window has only one observation",
      });
      expect(aggregate(spec("trend"), [at(1, 5), at(1, 6)], AS_OF)).toEqual({
        ok: false,
        problem: expect.stringContaining("2 observations, all at one time"),
      });
    });
  });

  describe("the window", () => {
    const window = "P30D";

    it("includes an observation exactly at the evaluation time", () => {
      expect(aggregate(spec("count", window), [at(0, 1)], AS_OF)).toMatchObject({ value: 1 });
    });

    it("excludes an observation exactly at the window's start", () => {
      expect(aggregate(spec("count", window), [at(30, 1)], AS_OF)).toMatchObject({ value: 0 });
    });

    it("includes an observation just after the start", () => {
      const justAfter = { value: 1, observedAt: daysAgo(30) + 1 };
      expect(aggregate(spec("count", window), [justAfter], AS_OF)).toMatchObject({ value: 1 });
    });

    it("excludes observations after the evaluation time", () => {
      const future = { value: 1, observedAt: AS_OF + 1 };
      expect(aggregate(spec("sum", window), [future, at(5, 2)], AS_OF)).toMatchObject({ value: 2, used: 1 });
    });

    it("reports the window's bounds", () => {
      expect(aggregate(spec("count", window), [], AS_OF)).toEqual({
        ok: true,
        value: 0,
        used: 0,
        skipped: 0,
        from: daysAgo(30),
        to: AS_OF,
      });
    });

    it("uses hour windows", () => {
      const recent = { value: 1, observedAt: AS_OF - 11 * 3_600_000 };
      const older = { value: 1, observedAt: AS_OF - 13 * 3_600_000 };
      expect(aggregate(spec("count", "PT12H"), [recent, older], AS_OF)).toMatchObject({ value: 1 });
    });
  });

  describe("empty windows and bad data", () => {
    it.each(["latest", "mean", "sum", "trend"] as const)("%s reports an empty window", (kind) => {
      expect(aggregate(spec(kind), [at(200, 1)], AS_OF)).toEqual({
        ok: false,
        problem: "no observations in the window",
      });
      expect(aggregate(spec(kind), [], AS_OF)).toEqual({ ok: false, problem: "no observations in the window" });
    });

    it("count of an empty window is 0, a valid value", () => {
      expect(aggregate(spec("count"), [], AS_OF)).toMatchObject({ ok: true, value: 0 });
    });

    it("skips values that are not finite numbers and says how many", () => {
      const messy: Array<Observation<RawValue>> = [
        at(3, 2),
        at(2, NaN),
        { value: "n/a", observedAt: daysAgo(1) },
        at(1, 4),
      ];
      expect(aggregate(spec("mean"), messy, AS_OF)).toMatchObject({ ok: true, value: 3, used: 2, skipped: 2 });
      expect(aggregate(spec("latest"), [at(2, 4), at(1, Infinity)], AS_OF)).toMatchObject({ value: 4, skipped: 1 });
    });

    it("count counts every observation in the window, whatever its value", () => {
      expect(aggregate(spec("count"), [at(2, NaN), at(1, 4)], AS_OF)).toMatchObject({ value: 2 });
    });

    it("reports a window whose observations have no finite number", () => {
      expect(aggregate(spec("mean"), [at(2, NaN)], AS_OF)).toEqual({
        ok: false,
        problem: "no observations in the window: the 1 observation in it has no finite number",
      });
    });

    it("ignores observations without a valid time", () => {
      const undated = { value: 9, observedAt: NaN };
      expect(aggregate(spec("sum"), [undated, at(1, 1)], AS_OF)).toMatchObject({ value: 1 });
    });

    it("keeps a mean of huge values finite and rejects a sum that overflows", () => {
      const huge = [at(2, 1e308), at(1, 1e308)];
      expect(aggregate(spec("mean"), huge, AS_OF)).toMatchObject({ ok: true, value: 1e308 });
      expect(aggregate(spec("sum"), huge, AS_OF)).toEqual({ ok: false, problem: expect.stringContaining("too large") });
    });

    it("rejects an invalid window and evaluation time", () => {
      expect(aggregate(spec("mean", "90 days"), series, AS_OF)).toEqual({
        ok: false,
        problem: expect.stringContaining("aggregation.window"),
      });
      expect(aggregate(spec("mean"), series, NaN)).toEqual({
        ok: false,
        problem: expect.stringContaining("evaluation time"),
      });
    });
  });
});

describe("aggregationProblems", () => {
  it("accepts a valid spec", () => {
    expect(aggregationProblems({ kind: "trend", window: "P1Y" }, "a")).toEqual([]);
  });

  it("locates each problem", () => {
    expect(aggregationProblems({ kind: "median", window: "P0D", size: 3 }, "mappings[1].aggregation")).toEqual([
      { where: "mappings[1].aggregation.size", message: "is not a field of an aggregation; expected kind, window" },
      {
        where: "mappings[1].aggregation.kind",
        message: 'unknown aggregation kind "median"; expected one of latest, mean, sum, count, trend',
      },
      { where: "mappings[1].aggregation.window", message: expect.stringContaining("must be longer than zero") },
    ]);
  });
});
