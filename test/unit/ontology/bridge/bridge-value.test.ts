import { Observation } from "../../../../ontology/bridge/aggregate";
import {
  bridgePopulation,
  bridgeSeries,
  bridgeSeriesPopulation,
  bridgeValue,
  BridgeValueResult,
} from "../../../../ontology/bridge/bridge-value";
import { DAY_MS } from "../../../../ontology/bridge/duration";
import { MappingSpec, RawValue } from "../../../../ontology/model/mapping.model";

const BASE: Omit<MappingSpec, "system" | "field" | "dataType" | "transform" | "normalization"> = {
  concept: "core:satisfaction",
  polarity: "HIGHER_IS_BETTER",
  aggregation: { kind: "mean", window: "P90D" },
  weight: 1,
  predicate: "exact",
  author: "relata",
  justification: "manual-curation",
  confidence: 0.95,
  date: "2026-11-25",
};

const CSAT: MappingSpec = {
  ...BASE,
  system: "callcenter",
  field: "csat_score",
  dataType: "NUMBER",
  unit: "score_1_5",
  transform: { kind: "linear" },
  normalization: { kind: "fixed", min: 1, max: 5 },
};

const FIRST_RESPONSE: MappingSpec = {
  ...BASE,
  concept: "core:responsiveness",
  system: "helpdesk",
  field: "first_response_time",
  dataType: "NUMBER",
  unit: "minutes",
  targetUnit: "hours",
  transform: { kind: "linear" },
  polarity: "LOWER_IS_BETTER",
  normalization: { kind: "fixed", min: 0, max: 24 },
};

const TIER: MappingSpec = {
  ...BASE,
  concept: "core:commercial-value",
  system: "crm",
  field: "tier",
  dataType: "STRING",
  transform: { kind: "lookup", table: { gold: 1, silver: 0.5, bronze: 0 } },
  normalization: { kind: "fixed", min: 0, max: 1 },
  aggregation: { kind: "latest", window: "P1Y" },
};

const ESCALATED: MappingSpec = {
  ...BASE,
  concept: "core:support-burden",
  system: "helpdesk",
  field: "escalated",
  dataType: "BOOLEAN",
  transform: { kind: "boolean" },
  polarity: "LOWER_IS_BETTER",
  normalization: { kind: "fixed", min: 0, max: 1 },
};

const AS_OF = Date.UTC(2026, 10, 25);
const AS_OF_TEXT = "2026-11-25T00:00:00.000Z";
const daysAgo = (days: number): number => AS_OF - days * DAY_MS;
const obs = (days: number, value: RawValue): Observation<RawValue> => ({ value, observedAt: daysAgo(days) });

function success(result: BridgeValueResult): Extract<BridgeValueResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a value, got a rejection at ${result.step}: ${result.reason}`);
  return result;
}

function failure(result: BridgeValueResult): Extract<BridgeValueResult, { ok: false }> {
  if (result.ok) throw new Error(`expected a rejection, got ${result.value}`);
  return result;
}

describe("bridgeValue", () => {
  describe("values that bridge", () => {
    it("bridges CSAT 4 on a 1..5 scale to 0.75 and explains each step", () => {
      expect(bridgeValue(CSAT, 4)).toEqual({
        ok: true,
        value: 0.75,
        steps: [
          { step: "input", value: 4, note: "callcenter.csat_score = 4 score_1_5" },
          { step: "transform", value: 4, note: "linear transform leaves 4 unchanged" },
          { step: "normalize", value: 0.75, note: "fixed normalisation on 1..5: (4 − 1) / (5 − 1) = 0.75" },
          { step: "polarity", value: 0.75, note: "higher is better, so 0.75 is kept" },
        ],
      });
    });

    it("bridges a first response of 90 minutes, in hours, lower is better on 0..24 h, to 1 - 1.5/24", () => {
      const result = success(bridgeValue(FIRST_RESPONSE, 90));
      expect(result.value).toBe(1 - 1.5 / 24);
      expect(result.steps).toEqual([
        { step: "input", value: 90, note: "helpdesk.first_response_time = 90 minutes" },
        { step: "unit", value: 1.5, note: "converted 90 minutes to 1.5 hours" },
        { step: "transform", value: 1.5, note: "linear transform leaves 1.5 unchanged" },
        { step: "normalize", value: 0.0625, note: "fixed normalisation on 0..24: (1.5 − 0) / (24 − 0) = 0.0625" },
        { step: "polarity", value: 0.9375, note: "lower is better, so 1 − 0.0625 = 0.9375" },
      ]);
    });

    it("clamps a value beyond the bounds", () => {
      expect(success(bridgeValue(FIRST_RESPONSE, 3 * 24 * 60)).value).toBe(0);
      expect(success(bridgeValue(CSAT, 0)).value).toBe(0);
    });

    it("skips the unit step when the target unit is the field's unit", () => {
      const sameUnit = { ...FIRST_RESPONSE, targetUnit: "minutes" };
      expect(success(bridgeValue(sameUnit, 90)).steps.map((s) => s.step)).toEqual([
        "input",
        "transform",
        "normalize",
        "polarity",
      ]);
    });

    it("bridges categorical values through a lookup", () => {
      const result = success(bridgeValue(TIER, "silver"));
      expect(result.value).toBe(0.5);
      expect(result.steps[0]).toEqual({ step: "input", value: "silver", note: 'crm.tier = "silver"' });
      expect(result.steps[1].note).toBe('lookup transform: "silver" → 0.5');
    });

    it("bridges booleans, with polarity", () => {
      expect(success(bridgeValue(ESCALATED, true)).value).toBe(0);
      expect(success(bridgeValue(ESCALATED, false)).value).toBe(1);
    });

    it("ranks within the population for percentile normalisation, in any order", () => {
      const ranked = { ...CSAT, normalization: { kind: "percentile" } as const };
      const result = success(bridgeValue(ranked, 4, { population: [5, 2, 4, 3, 1] }));
      expect(result.value).toBe(0.75);
      expect(result.steps[2].note).toBe(
        "percentile normalisation: 4 ranks 0.75 among 5 values (0 = lowest, 1 = highest)",
      );
    });
  });

  describe("values that are rejected", () => {
    it("rejects a value of the wrong type, saying what was expected", () => {
      expect(bridgeValue(CSAT, "high")).toEqual({
        ok: false,
        step: "input",
        reason: 'csat_score expects a NUMBER; received the string "high"',
        steps: [],
      });
      expect(failure(bridgeValue(TIER, 3)).reason).toBe("tier expects a STRING; received the number 3");
      expect(failure(bridgeValue(ESCALATED, "true")).reason).toBe(
        'escalated expects a BOOLEAN; received the string "true"',
      );
    });

    it.each([
      [null, "csat_score has no value (received null); expected a NUMBER"],
      [undefined, "csat_score has no value (received nothing); expected a NUMBER"],
      [NaN, "csat_score expects a finite NUMBER; received NaN"],
      [Infinity, "csat_score expects a finite NUMBER; received Infinity"],
    ])("rejects %p at the input step", (raw, reason) => {
      expect(bridgeValue(CSAT, raw)).toEqual({ ok: false, step: "input", reason, steps: [] });
    });

    it("rejects a unit conversion across dimensions at the unit step", () => {
      const wrong = { ...FIRST_RESPONSE, targetUnit: "percent" };
      const result = failure(bridgeValue(wrong, 90));
      expect(result.step).toBe("unit");
      expect(result.reason).toContain("cannot convert minutes (time) to percent (ratio)");
      expect(result.steps.map((s) => s.step)).toEqual(["input"]);
    });

    it("rejects a target unit without a unit", () => {
      const result = failure(bridgeValue({ ...FIRST_RESPONSE, unit: null }, 90));
      expect(result).toMatchObject({ step: "unit", reason: expect.stringContaining("set unit") });
    });

    it("rejects a value the transform does not accept at the transform step", () => {
      const logged = { ...CSAT, transform: { kind: "log", offset: 0 } as const };
      expect(failure(bridgeValue(logged, 0))).toMatchObject({
        step: "transform",
        reason: "csat_score: a log transform needs x + offset above 0; received 0 + 0 = 0",
      });
      expect(failure(bridgeValue(TIER, "platinum"))).toMatchObject({
        step: "transform",
        reason: expect.stringContaining('"platinum" is not in the lookup table'),
      });
    });

    it("rejects percentile normalisation without a population at the normalize step", () => {
      const ranked = { ...CSAT, normalization: { kind: "percentile" } as const };
      const result = failure(bridgeValue(ranked, 4));
      expect(result.step).toBe("normalize");
      expect(result.steps.map((s) => s.step)).toEqual(["input", "transform"]);
      expect(failure(bridgeValue(ranked, 4, { population: [NaN] })).reason).toContain("population is empty");
    });

    it("rejects an unknown polarity instead of throwing", () => {
      const odd = { ...CSAT, polarity: "SIDEWAYS" } as unknown as MappingSpec;
      expect(failure(bridgeValue(odd, 4))).toMatchObject({ step: "polarity" });
    });
  });
});

describe("bridgeSeries", () => {
  it("aggregates, then bridges, noting how many observations were used", () => {
    const result = success(bridgeSeries(CSAT, [obs(60, 3), obs(30, 4), obs(1, 5), obs(200, 1)], AS_OF));
    expect(result.value).toBe(0.75);
    expect(result.steps[0]).toEqual({
      step: "input",
      value: 4,
      note: `mean of 3 observations of callcenter.csat_score in the window P90D ending ${AS_OF_TEXT}: 4 score_1_5`,
    });
  });

  it("notes skipped observations", () => {
    const result = success(bridgeSeries(CSAT, [obs(2, 4), obs(1, NaN)], AS_OF));
    expect(result.steps[0].note).toContain("mean of 1 observation");
    expect(result.steps[0].note).toContain("1 without a finite value skipped");
  });

  it("converts units after aggregating", () => {
    const meanResponse = success(bridgeSeries(FIRST_RESPONSE, [obs(3, 60), obs(2, 120)], AS_OF));
    expect(meanResponse.value).toBe(1 - 1.5 / 24);
    expect(meanResponse.steps[1].note).toBe("converted 90 minutes to 1.5 hours");
  });

  it("takes the latest categorical value", () => {
    const result = success(bridgeSeries(TIER, [obs(100, "bronze"), obs(5, "gold")], AS_OF));
    expect(result.value).toBe(1);
    expect(result.steps[0].note).toBe(`latest value of crm.tier in the window P1Y ending ${AS_OF_TEXT}: "gold"`);
  });

  it("bridges a count like a raw number, without the field's unit", () => {
    const tickets: MappingSpec = {
      ...FIRST_RESPONSE,
      aggregation: { kind: "count", window: "P30D" },
      normalization: { kind: "fixed", min: 0, max: 10 },
    };
    const result = success(bridgeSeries(tickets, [obs(1, 5), obs(2, 7), obs(40, 1)], AS_OF));
    expect(result.value).toBe(0.8);
    expect(result.steps.map((s) => s.step)).toEqual(["input", "transform", "normalize", "polarity"]);
    expect(result.steps[0].note).toBe(
      `count of observations of helpdesk.first_response_time in the window P30D ending ${AS_OF_TEXT}: 2`,
    );
  });

  it("counts observations of a categorical field", () => {
    const changes: MappingSpec = {
      ...TIER,
      aggregation: { kind: "count", window: "P1Y" },
      transform: { kind: "linear" },
      normalization: { kind: "fixed", min: 0, max: 4 },
    };
    expect(success(bridgeSeries(changes, [obs(5, "gold"), obs(50, "silver")], AS_OF)).value).toBe(0.5);
  });

  it("bridges a count of 0 for an empty window", () => {
    const tickets: MappingSpec = { ...CSAT, aggregation: { kind: "count", window: "P30D" } };
    expect(success(bridgeSeries(tickets, [], AS_OF)).steps[0].value).toBe(0);
  });

  it("bridges a trend in the field's unit per day, converted", () => {
    const trend: MappingSpec = {
      ...FIRST_RESPONSE,
      aggregation: { kind: "trend", window: "P7D" },
      normalization: { kind: "fixed", min: -1, max: 1 },
    };
    // 30, 36, 42 minutes on three consecutive days: +6 minutes per day = +0.1 hours per day.
    const result = success(bridgeSeries(trend, [obs(2, 30), obs(1, 36), obs(0, 42)], AS_OF));
    expect(result.steps[0].note).toContain("trend of 3 observations");
    expect(result.steps[0].note).toContain("6 minutes per day (least-squares slope)");
    expect(result.steps[1].note).toBe("converted 6 minutes per day to 0.1 hours per day");
    expect(result.value).toBeCloseTo(1 - 0.55, 12);
  });

  it("rejects an empty window at the input step", () => {
    const result = failure(bridgeSeries(CSAT, [obs(200, 4)], AS_OF));
    expect(result).toEqual({
      ok: false,
      step: "input",
      reason: `no observations in the window (callcenter.csat_score, window P90D ending ${AS_OF_TEXT})`,
      steps: [],
    });
  });

  it("rejects an aggregated value of the wrong type", () => {
    expect(failure(bridgeSeries(TIER, [obs(1, 3)], AS_OF))).toMatchObject({
      step: "input",
      reason: "tier expects a STRING; received the number 3",
    });
  });
});

describe("populations for percentile normalisation", () => {
  it("converts and transforms raw values, drops rejected ones and sorts", () => {
    const logged: MappingSpec = { ...FIRST_RESPONSE, transform: { kind: "linear", scale: 2 } };
    expect(bridgePopulation(logged, [180, 60, "n/a", null, NaN, 120])).toEqual([2, 4, 6]);
  });

  it("aggregates each account's observations first", () => {
    const population = bridgeSeriesPopulation(CSAT, [[obs(1, 5), obs(2, 3)], [], [obs(3, 2)], [obs(400, 5)]], AS_OF);
    expect(population).toEqual([2, 4]);
  });

  it("gives the same ranks as bridging each account", () => {
    const ranked: MappingSpec = { ...FIRST_RESPONSE, normalization: { kind: "percentile" } };
    const raws = [30, 90, 240, 600];
    const population = bridgePopulation(ranked, raws);
    const values = raws.map((raw) => success(bridgeValue(ranked, raw, { population })).value);
    [1, 2 / 3, 1 / 3, 0].forEach((expected, i) => expect(values[i]).toBeCloseTo(expected, 12));
  });
});
