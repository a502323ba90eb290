import { aggregate, Observation } from "../../../../ontology/bridge/aggregate";
import { DAY_MS } from "../../../../ontology/bridge/duration";
import { RawValue } from "../../../../ontology/model/mapping.model";
import {
  aggregatePopulation,
  aggregateValue,
  bridgeAggregate,
  emptyAggregate,
  FieldAggregate,
  populationOfLatestValues,
} from "../../../../domain/health/field-aggregate";
import { aggregateOf, AS_OF, mappingSpec, WINDOW_START } from "./health.fixtures";

const CSAT = mappingSpec({
  field: "csat_score",
  unit: "score_1_5",
  normalization: { kind: "fixed", min: 1, max: 5 },
});
const kind = (k: "latest" | "mean" | "sum" | "count" | "trend", window = "P90D") =>
  mappingSpec({ ...CSAT, aggregation: { kind: k, window } });

describe("aggregateValue", () => {
  describe("each kind from the sums", () => {
    const series = aggregateOf(CSAT, [
      [10, 3],
      [40, 4],
      [80, 5],
    ]);

    it("mean divides the sum by the numeric observations and says what it aggregated", () => {
      expect(aggregateValue(kind("mean"), series)).toEqual({
        ok: true,
        value: 4,
        observations: 3,
        note: "mean of 3 observations in the 90 days to 2026-11-01: 4 score_1_5",
      });
    });

    it("sum is the sum", () => {
      expect(aggregateValue(kind("sum"), series)).toMatchObject({ ok: true, value: 12, observations: 3 });
    });

    it("count counts every observation, numeric or not", () => {
      const mixed = aggregateOf(CSAT, [
        [1, 4],
        [2, "n/a"],
      ]);
      expect(aggregateValue(kind("count"), mixed)).toMatchObject({ ok: true, value: 2 });
    });

    it("count of an empty window is the value 0, not missing data", () => {
      expect(aggregateValue(kind("count"), aggregateOf(CSAT, []))).toEqual({
        ok: true,
        value: 0,
        observations: 0,
        note: "count of 0 observations in the 90 days to 2026-11-01: 0",
      });
    });

    it("latest is the latest value, whatever its type, with when it was observed", () => {
      const tier = mappingSpec({ dataType: "STRING", field: "tier", aggregation: { kind: "latest", window: "P90D" } });
      const result = aggregateValue(
        tier,
        aggregateOf(tier, [
          [3, "silver"],
          [60.5, "gold"],
        ]),
      );
      expect(result).toEqual({
        ok: true,
        value: "gold",
        observations: 2,
        note: 'latest of 2 observations in the 90 days to 2026-11-01: "gold" (observed 2026-10-02T12:00:00.000Z)',
      });
    });

    it("trend is the least-squares slope per day: 10, 12, 14 on days 0, 1, 2 rise by exactly 2 a day", () => {
      // n = 3, Σt = 3, Σt² = 5, Σv = 36, Σtv = 40: (3·40 − 3·36) / (3·5 − 3²) = 12 / 6 = 2.
      const line = aggregateOf(CSAT, [
        [0, 10],
        [1, 12],
        [2, 14],
      ]);
      expect(aggregateValue(kind("trend"), line)).toEqual({
        ok: true,
        value: 2,
        observations: 3,
        note: "trend (least-squares slope) of 3 observations in the 90 days to 2026-11-01: 2 score_1_5 per day",
      });
    });

    it("trend from the sums agrees with the bridge's slope computed from the observations", () => {
      const points: Array<readonly [number, number]> = [
        [0.25, 3.1],
        [7.5, 2.4],
        [30, 4.2],
        [31, 3.9],
        [88.75, 1.5],
      ];
      const fromSums = aggregateValue(kind("trend"), aggregateOf(CSAT, points));
      const observations: Observation[] = points.map(([t, value]) => ({
        value,
        observedAt: WINDOW_START + t * DAY_MS,
      }));
      const direct = aggregate({ kind: "trend", window: "P90D" }, observations, AS_OF);
      if (!fromSums.ok || !direct.ok) throw new Error("expected both to compute a trend");
      expect(fromSums.value).toBeCloseTo(direct.value, 12);
    });

    it("mean and trend leave non-numeric observations out and say so", () => {
      const mixed = aggregateOf(CSAT, [
        [1, 2],
        [2, "n/a"],
        [3, 4],
      ]);
      expect(aggregateValue(kind("mean"), mixed)).toMatchObject({
        value: 3,
        observations: 2,
        note: "mean of 2 observations in the 90 days to 2026-11-01: 3 score_1_5; 1 observation without a numeric value left out",
      });
    });
  });

  describe("no value", () => {
    it("an empty window has no observations", () => {
      for (const k of ["latest", "mean", "sum", "trend"] as const) {
        expect(aggregateValue(kind(k), aggregateOf(CSAT, []))).toEqual({
          ok: false,
          reason: "no observations in the 90-day window",
        });
      }
    });

    it("names windows that are not whole days by hours, or by their ISO duration", () => {
      expect(aggregateValue(kind("mean", "PT12H"), aggregateOf(CSAT, []))).toEqual({
        ok: false,
        reason: "no observations in the 12-hour window",
      });
      expect(aggregateValue(kind("mean", "PT90M"), aggregateOf(CSAT, []))).toEqual({
        ok: false,
        reason: "no observations in the PT90M window",
      });
    });

    it("a window of text values has no numbers to average", () => {
      expect(aggregateValue(kind("mean"), aggregateOf(CSAT, [[1, "n/a"]]))).toEqual({
        ok: false,
        reason: "none of the 1 observation in the 90-day window has a numeric value",
      });
    });

    it("a trend needs two observations at different times", () => {
      expect(aggregateValue(kind("trend"), aggregateOf(CSAT, [[5, 3]]))).toEqual({
        ok: false,
        reason: "trend needs at least two observations at different times; the 90-day window has only one",
      });
      const sameTime = aggregateOf(CSAT, [
        [33.3, 3],
        [33.3, 4],
        [33.3, 5],
      ]);
      expect(aggregateValue(kind("trend"), sameTime)).toEqual({
        ok: false,
        reason: "trend needs at least two observations at different times; the 90-day window has 3, all at one time",
      });
    });

    it("rejects malformed sums and another field's aggregate instead of computing NaN", () => {
      const good = aggregateOf(CSAT, [[1, 3]]);
      const broken: FieldAggregate[] = [
        { ...good, numericCount: 2 },
        { ...good, count: -1 },
        { ...good, count: 1.5 },
        { ...good, sum: Number.NaN },
      ];
      for (const agg of broken) {
        expect(aggregateValue(kind("mean"), agg)).toEqual({
          ok: false,
          reason: expect.stringContaining("the aggregate of callcenter.csat_score is malformed"),
        });
      }
      expect(aggregateValue(kind("mean"), { ...good, field: "nps" })).toEqual({
        ok: false,
        reason: expect.stringContaining("was given the aggregate of callcenter.nps"),
      });
    });

    it("reports an invalid window instead of throwing", () => {
      expect(aggregateValue(kind("mean", "90 days"), aggregateOf(CSAT, [[1, 3]]))).toEqual({
        ok: false,
        reason: expect.stringContaining("the mapping's aggregation window is invalid"),
      });
    });
  });
});

describe("bridgeAggregate", () => {
  it("bridges the aggregate and carries the aggregate note and every step", () => {
    const result = bridgeAggregate(
      kind("mean"),
      aggregateOf(CSAT, [
        [1, 4],
        [2, 5],
      ]),
    );
    expect(result).toMatchObject({
      ok: true,
      value: 0.875,
      aggregate: { kind: "mean", value: 4.5, observations: 2, note: expect.stringContaining("mean of 2 observations") },
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.steps.map((s) => s.step)).toEqual(["input", "transform", "normalize", "polarity"]);
  });

  it("bridges a count as a unit-less number, whatever the field's type", () => {
    const escalations = mappingSpec({
      field: "escalated",
      dataType: "BOOLEAN",
      transform: { kind: "boolean" },
      polarity: "LOWER_IS_BETTER",
      normalization: { kind: "fixed", min: 0, max: 10 },
      aggregation: { kind: "count", window: "P90D" },
    });
    // The copy keeps the mapping's transform, which must accept a number (pack validation checks it):
    // a boolean transform rejects the count.
    const numberCount = { ...escalations, transform: { kind: "linear" as const } };
    const agg = aggregateOf(escalations, [
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(bridgeAggregate(numberCount, agg)).toMatchObject({ ok: true, value: 0.7, aggregate: { value: 3 } });
    expect(bridgeAggregate(escalations, agg)).toMatchObject({ ok: false, step: "transform", aggregate: { value: 3 } });
  });

  it("converts a trend's unit per day like a value: 60 minutes a day is 1 hour a day", () => {
    const responseTime = mappingSpec({
      field: "first_response",
      unit: "minutes",
      targetUnit: "hours",
      normalization: { kind: "fixed", min: -2, max: 2 },
      polarity: "LOWER_IS_BETTER",
      aggregation: { kind: "trend", window: "P90D" },
    });
    const result = bridgeAggregate(
      responseTime,
      aggregateOf(responseTime, [
        [0, 30],
        [1, 90],
      ]),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.aggregate.value).toBe(60);
    expect(result.steps[1]).toEqual({
      step: "unit",
      value: 1,
      note: "converted 60 minutes per day to 1 hours per day",
    });
    // (1 − (−2)) / 4 = 0.75 normalised; lower is better: 0.25.
    expect(result.value).toBe(0.25);
  });

  it("a failed aggregation is rejected at the aggregate step, before any bridge step", () => {
    expect(bridgeAggregate(kind("mean"), aggregateOf(CSAT, []))).toEqual({
      ok: false,
      reason: "no observations in the 90-day window",
      step: "aggregate",
      aggregate: null,
      steps: [],
    });
  });

  it("percentile normalisation ranks among the population of aggregates", () => {
    const tickets = mappingSpec({
      field: "tickets",
      normalization: { kind: "percentile" },
      aggregation: { kind: "count", window: "P90D" },
    });
    const accounts = [0, 1, 2, 3, 4].map((n) =>
      aggregateOf(
        tickets,
        Array.from({ length: n }, (_, i): readonly [number, RawValue] => [i, "ticket"]),
      ),
    );
    const population = aggregatePopulation(tickets, accounts);
    expect(population).toEqual([0, 1, 2, 3, 4]);
    expect(bridgeAggregate(tickets, accounts[3], population)).toMatchObject({ ok: true, value: 0.75 });
  });
});

describe("emptyAggregate and populationOfLatestValues", () => {
  it("gives a window without signals: nothing counted, no latest value", () => {
    expect(emptyAggregate("support", "csat_score", WINDOW_START)).toEqual({
      system: "support",
      field: "csat_score",
      from: WINDOW_START,
      count: 0,
      numericCount: 0,
      sum: 0,
      sumT: 0,
      sumTT: 0,
      sumTV: 0,
      latestValue: null,
      latestAt: null,
    });
    expect(bridgeAggregate(kind("mean"), emptyAggregate("support", "csat_score", WINDOW_START))).toMatchObject({
      ok: false,
      step: "aggregate",
    });
  });

  it("ranks against each subject's latest value, converted like the values scored, ascending", () => {
    const latest = { ...CSAT, aggregation: { kind: "latest" as const, window: "P90D" } };
    expect(populationOfLatestValues(latest, [4, 2, 5])).toEqual([2, 4, 5]);
  });
});
