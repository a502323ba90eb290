import { aggregate, percentile } from "../../../domain/anchors/aggregate";
import { anchorStatus, projectToDeadline, SeriesPoint } from "../../../domain/anchors/anchor-projection";
import { addWeeks, weekSpans, weekStartOf } from "../../../domain/anchors/anchor-weeks";
import { differenceInDifferences, EffectItem } from "../../../domain/anchors/anchor-effect";

describe("aggregations", () => {
  it("interpolates percentiles as Cypher's percentileCont does", () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 1, 5], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([], 0.5)).toBeNull();
  });

  it("computes every aggregation", () => {
    const v = [0, 1, 1, 0, 1];
    expect(aggregate("RATE", v)).toBe(0.6);
    expect(aggregate("COUNT", v)).toBe(5);
    expect(aggregate("SUM", [2, 3])).toBe(5);
    expect(aggregate("MEAN", [2, 3])).toBe(2.5);
    expect(aggregate("MEDIAN", [9, 1, 5])).toBe(5);
    expect(aggregate("MEAN", [])).toBeNull();
  });
});

describe("weeks", () => {
  it("names a week by its Monday (UTC)", () => {
    expect(weekStartOf(new Date("2026-12-02T16:00:00Z"))).toBe("2026-11-30");
    expect(weekStartOf(new Date("2026-11-29T23:59:59Z"))).toBe("2026-11-23");
    expect(addWeeks("2026-11-30", -2)).toBe("2026-11-16");
  });

  it("splits a backfill into Monday-aligned spans that cover it exactly once", () => {
    const spans = weekSpans("2026-06-08", 26, 4);
    expect(spans).toHaveLength(7);
    expect(spans[0]).toEqual({ from: "2026-06-08T00:00:00.000Z", to: "2026-07-06T00:00:00.000Z" });
    expect(spans[6]).toEqual({ from: "2026-11-23T00:00:00.000Z", to: "2026-12-07T00:00:00.000Z" });
    for (let i = 1; i < spans.length; i++) expect(spans[i].from).toBe(spans[i - 1].to);
    expect(weekSpans("2026-11-30", 1, 4)).toEqual([
      { from: "2026-11-30T00:00:00.000Z", to: "2026-12-07T00:00:00.000Z" },
    ]);
    expect(weekSpans("2026-11-30", 0, 4)).toEqual([]);
    expect(() => weekSpans("2026-11-30", 4, 0)).toThrow("span size must be a positive integer; received 0");
  });
});

const series = (values: Array<number | null>, from = "2026-09-07"): SeriesPoint[] =>
  values.map((value, i) => ({ weekStart: addWeeks(from, i), value, n: value === null ? 0 : 10 }));

describe("projection and status", () => {
  it("follows a steady trend and is not thrown by one outlying week (Theil–Sen)", () => {
    const points = series([70, 66, 62, 200, 54, 50, 46, 42]);
    const p = projectToDeadline(points, addWeeks("2026-09-07", 10), { min: 0, max: Infinity });
    expect(p.method).toBe("THEIL_SEN");
    expect(p.slopePerWeek).toBeCloseTo(-4, 6);
    expect(p.valueAtDeadline).toBeCloseTo(30, 6);
  });

  it("keeps the last value when there are too few weeks, and bounds rates", () => {
    expect(projectToDeadline(series([0.8, null, 0.9]), "2027-01-04", { min: 0, max: 1 })).toMatchObject({
      method: "LAST_VALUE",
      valueAtDeadline: 0.9,
    });
    const rising = projectToDeadline(series([0.5, 0.7, 0.9]), "2027-06-07", { min: 0, max: 1 });
    expect(rising.valueAtDeadline).toBe(1);
  });

  it("is AT_RISK when the trend misses the target, ON_TRACK when it meets it, MET and MISSED by the latest week", () => {
    const now = new Date("2026-11-01T00:00:00Z");
    const base = { target: 4, direction: "DECREASE" as const, deadline: "2026-12-31", now };
    const flat = series([72, 70, 73, 71]);
    const flatProjection = projectToDeadline(flat, base.deadline, { min: 0, max: Infinity });
    expect(anchorStatus({ ...base, latest: flat[3]!, projection: flatProjection }).status).toBe("AT_RISK");
    const falling = series([40, 30, 20, 10]);
    const fallingProjection = projectToDeadline(falling, base.deadline, { min: 0, max: Infinity });
    expect(anchorStatus({ ...base, latest: falling[3]!, projection: fallingProjection }).status).toBe("ON_TRACK");
    expect(anchorStatus({ ...base, latest: series([3])[0]!, projection: flatProjection }).status).toBe("MET");
    expect(
      anchorStatus({ ...base, now: new Date("2027-01-02T00:00:00Z"), latest: flat[3]!, projection: flatProjection })
        .status,
    ).toBe("MISSED");
  });
});

describe("difference in differences", () => {
  const items: EffectItem[] = [];
  const pivot = Date.parse("2026-06-01T00:00:00Z");
  // Touched accounts drop from 50 h to 20 h; untouched ones from 50 h to 45 h.
  for (let a = 0; a < 20; a += 1) {
    const touched = a < 10;
    for (let k = 0; k < 6; k += 1) {
      const before = new Date(pivot - (k + 1) * 86_400_000 * 5).toISOString();
      const after = new Date(pivot + (k + 1) * 86_400_000 * 5).toISOString();
      items.push({ accountId: `a${a}`, at: before, value: 50 + (k % 3) });
      items.push({ accountId: `a${a}`, at: after, value: (touched ? 20 : 45) + (k % 3) + (a % 2) });
    }
  }
  const touched = new Map<string, string>(
    [...Array(10).keys()].map((a) => [`a${a}`, new Date(pivot).toISOString()] as const),
  );
  const options = { aggregation: "MEAN" as const, direction: "DECREASE" as const, weeks: 8, resamples: 500, seed: 7 };

  it("estimates the effect of the touch against untouched accounts, with an interval around it", () => {
    const result = differenceInDifferences(items, touched, options);
    expect(result.treatedAccounts).toBe(10);
    expect(result.controlAccounts).toBe(10);
    expect(result.difference).toBeCloseTo(-25, 6);
    expect(result.low!).toBeLessThan(-25 + 1e-9);
    expect(result.high!).toBeGreaterThan(-25 - 1e-9);
    expect(result.high!).toBeLessThan(0);
    expect(result.improved).toBe(true);
  });

  it("gives the same interval for the same seed, and says so when there is no comparison group", () => {
    expect(differenceInDifferences(items, touched, options)).toEqual(differenceInDifferences(items, touched, options));
    const onlyTouched = items.filter((i) => touched.has(i.accountId));
    const result = differenceInDifferences(onlyTouched, touched, options);
    expect(result.difference).toBeNull();
    expect(result.note).toMatch(/no untouched account/);
  });
});
