import { checkMapping, isValidMapping, mappingProblems } from "../../../../ontology/bridge/check-mapping";

/** A valid mapping as a pack's YAML parses: plain data, no static types. */
function csat(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    system: "callcenter",
    field: "csat_score",
    concept: "core:satisfaction",
    dataType: "NUMBER",
    unit: "score_1_5",
    targetUnit: "score_1_5",
    transform: { kind: "linear" },
    polarity: "HIGHER_IS_BETTER",
    normalization: { kind: "fixed", min: 1, max: 5 },
    aggregation: { kind: "mean", window: "P90D" },
    weight: 1.0,
    predicate: "exact",
    author: "relata",
    justification: "manual-curation",
    confidence: 0.95,
    date: "2026-11-25",
    comment: "optional note for humans",
    ...overrides,
  };
}

const WHERE = "mappings[4]";

/** The problems of a mapping with one change, as "<location>: <message>". */
function problemsWith(overrides: Record<string, unknown>): string[] {
  return checkMapping(csat(overrides), WHERE);
}

describe("checkMapping", () => {
  describe("valid mappings", () => {
    it("accepts the README's example", () => {
      expect(checkMapping(csat(), WHERE)).toEqual([]);
      expect(isValidMapping(csat())).toBe(true);
    });

    it("accepts a mapping without the optional fields", () => {
      expect(problemsWith({ unit: undefined, targetUnit: undefined, comment: undefined })).toEqual([]);
      expect(problemsWith({ unit: null, targetUnit: null, comment: null })).toEqual([]);
    });

    it("accepts a unit conversion within a dimension", () => {
      expect(problemsWith({ unit: "minutes", targetUnit: "hours" })).toEqual([]);
      expect(problemsWith({ unit: "USD_cents", targetUnit: "USD" })).toEqual([]);
    });

    it("accepts categorical and boolean fields with fitting transforms", () => {
      const categorical = {
        dataType: "STRING",
        unit: undefined,
        targetUnit: undefined,
        transform: { kind: "lookup", table: { gold: 1, silver: 0.5 }, default: 0 },
        aggregation: { kind: "latest", window: "P1Y" },
      };
      expect(problemsWith(categorical)).toEqual([]);
      expect(problemsWith({ ...categorical, transform: { kind: "boolean" } })).toEqual([]);
      expect(problemsWith({ ...categorical, dataType: "BOOLEAN", transform: { kind: "boolean" } })).toEqual([]);
    });

    it("accepts a count of a categorical field with a numeric transform", () => {
      expect(
        problemsWith({
          dataType: "STRING",
          unit: undefined,
          targetUnit: undefined,
          aggregation: { kind: "count", window: "P30D" },
          transform: { kind: "log" },
        }),
      ).toEqual([]);
    });

    it("accepts every transform kind, normalisation and aggregation", () => {
      const piecewise = {
        kind: "piecewise",
        points: [
          [0, 1],
          [24, 0],
        ],
      };
      expect(problemsWith({ transform: piecewise, normalization: { kind: "percentile" } })).toEqual([]);
      for (const kind of ["latest", "mean", "sum", "count", "trend"]) {
        expect(problemsWith({ aggregation: { kind, window: "PT12H" } })).toEqual([]);
      }
    });
  });

  describe("problems", () => {
    it("locates a piecewise transform whose x values do not increase", () => {
      const transform = {
        kind: "piecewise",
        points: [
          [0, 0],
          [10, 1],
          [5, 2],
        ],
      };
      expect(problemsWith({ transform })).toEqual([
        "mappings[4].transform.points: x values must increase; received 0, 10, 5",
      ]);
    });

    it("rejects a mapping that is not an object", () => {
      expect(checkMapping("csat_score", WHERE)).toEqual([
        'mappings[4]: must be a mapping with system, field, concept, …; received the string "csat_score"',
      ]);
      expect(checkMapping(null, WHERE)).toHaveLength(1);
      expect(checkMapping([], WHERE)).toHaveLength(1);
      expect(isValidMapping(undefined)).toBe(false);
    });

    it("reports every missing required field at once", () => {
      const problems = checkMapping({}, WHERE).map((p) => p.split(":")[0]);
      expect(problems).toEqual([
        "mappings[4].system",
        "mappings[4].field",
        "mappings[4].concept",
        "mappings[4].dataType",
        "mappings[4].aggregation",
        "mappings[4].transform",
        "mappings[4].polarity",
        "mappings[4].normalization",
        "mappings[4].weight",
        "mappings[4].predicate",
        "mappings[4].author",
        "mappings[4].justification",
        "mappings[4].confidence",
        "mappings[4].date",
      ]);
    });

    it("reports unknown keys, which are usually typos", () => {
      expect(problemsWith({ polarty: "LOWER_IS_BETTER" })).toEqual([
        expect.stringMatching(/^mappings\[4\]\.polarty: is not a field of a mapping; expected system, field/),
      ]);
    });

    it.each([
      [{ transform: { kind: "sigmoid" } }, 'mappings[4].transform.kind: unknown transform kind "sigmoid"'],
      [
        { aggregation: { kind: "median", window: "P90D" } },
        'mappings[4].aggregation.kind: unknown aggregation kind "median"',
      ],
      [{ normalization: { kind: "zscore" } }, 'mappings[4].normalization.kind: unknown normalization kind "zscore"'],
      [
        { predicate: "same" },
        'mappings[4].predicate: unknown predicate "same"; expected one of exact, close, broad, narrow, related',
      ],
      [{ justification: "guess" }, 'mappings[4].justification: unknown justification "guess"'],
      [{ polarity: "higher" }, 'mappings[4].polarity: unknown polarity "higher"'],
      [{ dataType: "INTEGER" }, 'mappings[4].dataType: unknown data type "INTEGER"'],
    ])("rejects unknown enumerations (%p)", (overrides, expected) => {
      expect(problemsWith(overrides)).toEqual([expect.stringContaining(expected)]);
    });

    it("rejects unknown units", () => {
      expect(problemsWith({ unit: "minute", targetUnit: undefined })).toEqual([
        expect.stringMatching(/^mappings\[4\]\.unit: unknown unit "minute"; known units are seconds/),
      ]);
      expect(problemsWith({ targetUnit: "stars" })).toEqual([
        expect.stringMatching(/^mappings\[4\]\.targetUnit: unknown unit/),
      ]);
    });

    it("rejects conversions across dimensions and currencies", () => {
      expect(problemsWith({ unit: "minutes", targetUnit: "percent" })).toEqual([
        "mappings[4].targetUnit: cannot convert minutes (time) to percent (ratio): units of different dimensions do not convert",
      ]);
      expect(problemsWith({ unit: "USD", targetUnit: "EUR" })).toEqual([
        expect.stringContaining("does not convert between currencies"),
      ]);
      expect(problemsWith({ unit: "score_1_5", targetUnit: "score_0_100" })).toEqual([
        expect.stringContaining("do not convert"),
      ]);
    });

    it("rejects a target unit without a unit", () => {
      expect(problemsWith({ unit: undefined, targetUnit: "hours" })).toEqual([
        "mappings[4].targetUnit: needs unit: say which unit the field is in so it can be converted",
      ]);
    });

    it("rejects units on STRING and BOOLEAN fields", () => {
      const categorical = {
        dataType: "STRING",
        transform: { kind: "lookup", table: { gold: 1 } },
        aggregation: { kind: "latest", window: "P1Y" },
      };
      expect(problemsWith(categorical)).toEqual([
        "mappings[4].unit: omit it for STRING fields; units apply to NUMBER fields only",
        "mappings[4].targetUnit: omit it for STRING fields; units apply to NUMBER fields only",
      ]);
      expect(
        problemsWith({ ...categorical, dataType: "BOOLEAN", transform: { kind: "boolean" }, targetUnit: null }),
      ).toEqual(["mappings[4].unit: omit it for BOOLEAN fields; units apply to NUMBER fields only"]);
    });

    it("rejects transforms that do not fit the field's type", () => {
      expect(problemsWith({ transform: { kind: "lookup", table: { a: 1 } } })).toEqual([
        "mappings[4].transform.kind: a lookup transform takes STRING values, but csat_score is a NUMBER; use linear, log, piecewise",
      ]);
      expect(
        problemsWith({
          dataType: "BOOLEAN",
          unit: null,
          targetUnit: null,
          aggregation: { kind: "latest", window: "P1D" },
        }),
      ).toEqual([
        "mappings[4].transform.kind: a linear transform takes NUMBER values, but csat_score is a BOOLEAN; use boolean",
      ]);
    });

    it("rejects a lookup on a count, which yields a number", () => {
      expect(
        problemsWith({
          dataType: "STRING",
          unit: null,
          targetUnit: null,
          transform: { kind: "lookup", table: { a: 1 } },
          aggregation: { kind: "count", window: "P30D" },
        }),
      ).toEqual([
        "mappings[4].transform.kind: a lookup transform takes STRING values, but a count aggregation yields a NUMBER; use linear, log, piecewise",
      ]);
    });

    it("rejects arithmetic aggregations of non-numbers", () => {
      expect(
        problemsWith({
          dataType: "STRING",
          unit: null,
          targetUnit: null,
          transform: { kind: "lookup", table: { a: 1 } },
          aggregation: { kind: "mean", window: "P30D" },
        }),
      ).toEqual([
        "mappings[4].aggregation.kind: mean needs NUMBER values, but csat_score is a STRING; use latest or count",
      ]);
    });

    it("rejects lookup tables with non-finite numbers", () => {
      const transform = { kind: "lookup", table: { gold: Infinity, silver: NaN, bronze: "low" } };
      expect(
        problemsWith({
          dataType: "STRING",
          unit: null,
          targetUnit: null,
          transform,
          aggregation: { kind: "latest", window: "P1D" },
        }),
      ).toEqual([
        "mappings[4].transform.table.gold: must be a finite number; received Infinity",
        "mappings[4].transform.table.silver: must be a finite number; received NaN",
        'mappings[4].transform.table.bronze: must be a finite number; received the string "low"',
      ]);
    });

    it("rejects a log base that cannot be a base", () => {
      expect(problemsWith({ transform: { kind: "log", base: 1 } })).toEqual([
        "mappings[4].transform.base: must be a positive number other than 1; received 1",
      ]);
    });

    it.each([
      ["90D", "is not an ISO-8601 duration"],
      ["P0D", "must be longer than zero"],
      ["p90d", "upper-case"],
      [90, "must be ISO-8601 text"],
    ])("rejects the window %p", (window, expected) => {
      expect(problemsWith({ aggregation: { kind: "mean", window } })).toEqual([
        expect.stringMatching(new RegExp(`^mappings\\[4\\]\\.aggregation\\.window: .*${expected}`)),
      ]);
    });

    it("rejects fixed bounds that are equal or reversed", () => {
      expect(problemsWith({ normalization: { kind: "fixed", min: 5, max: 5 } })).toEqual([
        expect.stringMatching(/^mappings\[4\]\.normalization: min must be below max/),
      ]);
      expect(problemsWith({ normalization: { kind: "fixed", min: 5, max: 1 } })).toHaveLength(1);
    });

    it.each([
      [{ weight: -0.5 }, "mappings[4].weight: must be 0 or more; received -0.5"],
      [{ weight: "1" }, 'mappings[4].weight: must be a finite number; received the string "1"'],
      [{ weight: Infinity }, "mappings[4].weight: must be a finite number; received Infinity"],
      [{ confidence: 1.2 }, "mappings[4].confidence: must be between 0 and 1; received 1.2"],
      [{ confidence: -0.1 }, "mappings[4].confidence: must be between 0 and 1; received -0.1"],
      [{ confidence: NaN }, "mappings[4].confidence: must be a finite number; received NaN"],
    ])("rejects weights and confidences out of range (%p)", (overrides, expected) => {
      expect(problemsWith(overrides)).toEqual([expected]);
    });

    it("accepts a weight of 0 and confidences of 0 and 1", () => {
      expect(problemsWith({ weight: 0, confidence: 0 })).toEqual([]);
      expect(problemsWith({ confidence: 1 })).toEqual([]);
    });

    it.each([
      ["2026-02-30", "is not a calendar date"],
      ["2026-13-01", "is not a calendar date"],
      ["2026-11-25T10:00:00Z", "must be a date written YYYY-MM-DD"],
      ["25.11.2026", "must be a date written YYYY-MM-DD"],
      [20261125, "must be a date written YYYY-MM-DD"],
      [new Date("2026-11-25"), "quote the date in YAML"],
    ])("rejects the date %p", (date, expected) => {
      expect(problemsWith({ date })).toEqual([expect.stringContaining(expected)]);
    });

    it("accepts a leap day", () => {
      expect(problemsWith({ date: "2028-02-29" })).toEqual([]);
    });

    it.each([
      [{ system: "Call Center" }, "mappings[4].system: must be a source system key"],
      [{ field: "" }, "mappings[4].field: must not be empty"],
      [{ field: "csat_score " }, "mappings[4].field: must not start or end with spaces"],
      [{ concept: "satisfaction" }, 'mappings[4].concept: must be a concept id "<pack>:<local-id>"'],
      [{ concept: "core:Satisfaction" }, "mappings[4].concept: must be a concept id"],
      [{ author: 7 }, "mappings[4].author: must be text; received the number 7"],
      [{ comment: 7 }, "mappings[4].comment: must be text; received the number 7"],
    ])("rejects malformed names and text (%p)", (overrides, expected) => {
      expect(problemsWith(overrides)).toEqual([expect.stringContaining(expected)]);
    });

    it("reports several problems of one mapping together", () => {
      expect(problemsWith({ weight: -1, confidence: 2, predicate: "same" })).toHaveLength(3);
    });

    it("separates location and message for pack problems", () => {
      expect(mappingProblems(csat({ weight: -1 }), WHERE)).toEqual([
        { where: "mappings[4].weight", message: "must be 0 or more; received -1" },
      ]);
    });

    it("writes locations without a prefix at the top level", () => {
      expect(checkMapping(csat({ weight: -1 }), "")).toEqual(["weight: must be 0 or more; received -1"]);
    });
  });
});
