import { applyTransform, transformProblems } from "../../../../ontology/bridge/transform";
import { RawValue, TransformSpec } from "../../../../ontology/model/mapping.model";

/** Specs and values that arrive from YAML or GraphQL may break the static types; the bridge must cope. */
function loose<T>(value: unknown): T {
  return value as T;
}

function valueOf(spec: TransformSpec, value: RawValue | null | undefined): number {
  const result = applyTransform(spec, value);
  if (!result.ok) throw new Error(`expected a value, got the problem: ${result.problem}`);
  return result.value;
}

function problemOf(spec: TransformSpec, value: RawValue | null | undefined): string {
  const result = applyTransform(spec, value);
  if (result.ok) throw new Error(`expected a problem, got ${result.value}`);
  return result.problem;
}

describe("applyTransform", () => {
  describe("linear", () => {
    it("leaves the value unchanged by default and says so", () => {
      expect(applyTransform({ kind: "linear" }, 4)).toEqual({
        ok: true,
        value: 4,
        note: "linear transform leaves 4 unchanged",
      });
    });

    it("scales and offsets", () => {
      expect(applyTransform({ kind: "linear", scale: 2, offset: -1 }, 4)).toEqual({
        ok: true,
        value: 7,
        note: "linear transform: 4 × 2 − 1 = 7",
      });
      expect(valueOf({ kind: "linear", scale: 0.5 }, 3)).toBe(1.5);
      expect(valueOf({ kind: "linear", offset: 10 }, 3)).toBe(13);
    });

    it("treats null parameters as their defaults", () => {
      expect(valueOf({ kind: "linear", scale: null, offset: null }, 3)).toBe(3);
    });

    it.each([
      [null, "received null"],
      [undefined, "received nothing"],
      [NaN, "received NaN"],
      [Infinity, "received Infinity"],
      [-Infinity, "received -Infinity"],
      ["4", 'received the string "4"'],
      [true, "received the boolean true"],
    ])("rejects %p", (value, expected) => {
      expect(problemOf({ kind: "linear" }, value)).toBe(`a linear transform needs a finite number; ${expected}`);
    });

    it("rejects a result too large to represent", () => {
      expect(problemOf({ kind: "linear", scale: 1e308 }, 1e10)).toContain("too large");
    });

    it("rejects a non-finite parameter instead of producing NaN", () => {
      expect(problemOf(loose({ kind: "linear", scale: NaN }), 1)).toContain("transform.scale: must be a finite number");
    });
  });

  describe("log", () => {
    it("takes the natural log of x + 1 by default", () => {
      expect(valueOf({ kind: "log" }, 0)).toBe(0);
      expect(valueOf({ kind: "log" }, Math.E - 1)).toBeCloseTo(1, 12);
    });

    it("uses the base exactly on its powers", () => {
      expect(valueOf({ kind: "log", base: 10 }, 999)).toBe(3);
      expect(valueOf({ kind: "log", base: 2, offset: 0 }, 8)).toBe(3);
      expect(valueOf({ kind: "log", base: 3, offset: 0 }, 9)).toBeCloseTo(2, 12);
    });

    it("explains the formula", () => {
      expect(applyTransform({ kind: "log", base: 10 }, 99)).toEqual({
        ok: true,
        value: 2,
        note: "log transform: log10(99 + 1) = 2",
      });
    });

    it.each([
      [-1, 1],
      [-5, 1],
      [0, 0],
      [3, -3],
    ])("rejects x + offset ≤ 0 (x %p, offset %p)", (x, offset) => {
      expect(problemOf({ kind: "log", offset }, x)).toMatch(/^a log transform needs x \+ offset above 0; received/);
    });

    it("rejects missing and non-finite values", () => {
      expect(problemOf({ kind: "log" }, null)).toContain("needs a finite number");
      expect(problemOf({ kind: "log" }, NaN)).toContain("received NaN");
      expect(problemOf({ kind: "log" }, Infinity)).toContain("received Infinity");
      expect(problemOf({ kind: "log" }, "10")).toContain('the string "10"');
    });

    it.each([1, 0, -2])("rejects base %p as an invalid spec", (base) => {
      expect(problemOf({ kind: "log", base }, 5)).toContain("transform.base: must be a positive number other than 1");
    });
  });

  describe("piecewise", () => {
    const thresholds: TransformSpec = {
      kind: "piecewise",
      points: [
        [0, 1],
        [4, 1],
        [24, 0.5],
        [72, 0],
      ],
    };

    it("interpolates between points", () => {
      expect(valueOf(thresholds, 14)).toBe(0.75);
      expect(valueOf(thresholds, 48)).toBe(0.25);
      expect(applyTransform(thresholds, 14)).toEqual({
        ok: true,
        value: 0.75,
        note: "piecewise transform: 14 lies between (4, 1) and (24, 0.5), interpolated to 0.75",
      });
    });

    it("returns a point's y on the point", () => {
      expect(valueOf(thresholds, 4)).toBe(1);
      expect(valueOf(thresholds, 24)).toBe(0.5);
    });

    it("clamps at both ends", () => {
      expect(valueOf(thresholds, -10)).toBe(1);
      expect(valueOf(thresholds, 500)).toBe(0);
      expect(applyTransform(thresholds, 500)).toEqual({
        ok: true,
        value: 0,
        note: "piecewise transform: 500 is at or above the last point (72, 0), so 0",
      });
      expect(applyTransform(thresholds, -10)).toMatchObject({
        note: expect.stringContaining("at or below the first point"),
      });
    });

    it("stays finite between extreme points", () => {
      const wide: TransformSpec = {
        kind: "piecewise",
        points: [
          [-1e308, -1e308],
          [1e308, 1e308],
        ],
      };
      expect(valueOf(wide, 0)).toBe(0);
      expect(valueOf(wide, 1e307)).toBeCloseTo(1e307, -295);
    });

    it("rejects missing, non-finite and textual values", () => {
      expect(problemOf(thresholds, undefined)).toContain("a piecewise transform needs a finite number");
      expect(problemOf(thresholds, NaN)).toContain("NaN");
      expect(problemOf(thresholds, Infinity)).toContain("Infinity");
      expect(problemOf(thresholds, "high")).toContain('the string "high"');
    });

    it("rejects points whose x values do not increase", () => {
      const bad = loose<TransformSpec>({
        kind: "piecewise",
        points: [
          [0, 0],
          [0, 1],
        ],
      });
      expect(problemOf(bad, 1)).toContain("transform.points: x values must increase");
    });
  });

  describe("lookup", () => {
    const tiers: TransformSpec = { kind: "lookup", table: { gold: 1, silver: 0.6, bronze: 0.3 } };

    it("looks up categorical values", () => {
      expect(applyTransform(tiers, "silver")).toEqual({
        ok: true,
        value: 0.6,
        note: 'lookup transform: "silver" → 0.6',
      });
    });

    it("rejects an unknown value without a default, listing the known ones", () => {
      expect(problemOf(tiers, "platinum")).toBe(
        '"platinum" is not in the lookup table (known values: bronze, gold, silver) and the mapping has no default',
      );
    });

    it("uses the default for an unknown value when there is one", () => {
      expect(applyTransform({ ...tiers, default: 0.1 }, "platinum")).toEqual({
        ok: true,
        value: 0.1,
        note: 'lookup transform: "platinum" is not in the table, so the default 0.1',
      });
    });

    it("matches exactly, including case", () => {
      expect(problemOf(tiers, "Gold")).toContain('"Gold" is not in the lookup table');
    });

    it("does not find members of Object.prototype", () => {
      expect(problemOf(tiers, "constructor")).toContain("is not in the lookup table");
      expect(problemOf(tiers, "toString")).toContain("is not in the lookup table");
    });

    it("rejects values that are not text, even with a default", () => {
      expect(problemOf({ ...tiers, default: 0 }, 1)).toBe(
        "a lookup transform needs a text value; received the number 1",
      );
      expect(problemOf(tiers, null)).toContain("received null");
      expect(problemOf(tiers, true)).toContain("received the boolean true");
    });

    it("rejects a table with non-finite numbers", () => {
      const bad = loose<TransformSpec>({ kind: "lookup", table: { gold: Infinity, silver: "0.6" } });
      const found = problemOf(bad, "gold");
      expect(found).toContain("transform.table.gold: must be a finite number; received Infinity");
      expect(found).toContain('transform.table.silver: must be a finite number; received the string "0.6"');
    });
  });

  describe("boolean", () => {
    it("maps booleans to 1 and 0 by default", () => {
      expect(applyTransform({ kind: "boolean" }, true)).toEqual({
        ok: true,
        value: 1,
        note: "boolean transform: true → 1",
      });
      expect(valueOf({ kind: "boolean" }, false)).toBe(0);
    });

    it("uses whenTrue and whenFalse", () => {
      expect(valueOf({ kind: "boolean", whenTrue: 0, whenFalse: 1 }, true)).toBe(0);
      expect(valueOf({ kind: "boolean", whenTrue: 0, whenFalse: 1 }, false)).toBe(1);
    });

    it('accepts "true" and "false" in any case', () => {
      expect(valueOf({ kind: "boolean" }, "true")).toBe(1);
      expect(valueOf({ kind: "boolean" }, " FALSE ")).toBe(0);
      expect(applyTransform({ kind: "boolean" }, "True")).toMatchObject({ note: 'boolean transform: "True" → 1' });
    });

    it.each([
      ["yes", 'the string "yes"'],
      [1, "the number 1"],
      [null, "null"],
      [undefined, "nothing"],
    ])("rejects %p", (value, expected) => {
      expect(problemOf({ kind: "boolean" }, value)).toBe(
        `a boolean transform needs true, false, "true" or "false"; received ${expected}`,
      );
    });
  });

  it("rejects an unknown kind instead of throwing", () => {
    expect(problemOf(loose({ kind: "sigmoid" }), 1)).toContain('transform.kind: unknown transform kind "sigmoid"');
  });
});

describe("transformProblems", () => {
  it("accepts each kind with valid fields", () => {
    const valid: TransformSpec[] = [
      { kind: "linear", scale: 2, offset: 1 },
      { kind: "log", base: 10, offset: 1 },
      {
        kind: "piecewise",
        points: [
          [0, 0],
          [1, 1],
        ],
      },
      { kind: "lookup", table: { a: 1 }, default: null },
      { kind: "boolean", whenTrue: 1, whenFalse: 0 },
    ];
    for (const spec of valid) expect(transformProblems(spec, "t")).toEqual([]);
  });

  it("reports misspelt fields with their location", () => {
    expect(transformProblems({ kind: "linear", scael: 2 }, "mappings[0].transform")).toEqual([
      {
        where: "mappings[0].transform.scael",
        message: "is not a field of a linear transform; expected kind, scale, offset",
      },
    ]);
  });

  it("requires at least two well-formed points", () => {
    expect(transformProblems({ kind: "piecewise", points: [[0, 0]] }, "t")).toEqual([
      { where: "t.points", message: "must list at least two [x, y] points; received a list" },
    ]);
    expect(transformProblems({ kind: "piecewise", points: [[0, 0], [1], [2, NaN]] }, "t")).toEqual([
      { where: "t.points[1]", message: "must be a pair [x, y] of finite numbers" },
      { where: "t.points[2]", message: "must be a pair [x, y] of finite numbers" },
    ]);
  });

  it("requires a non-empty lookup table", () => {
    expect(transformProblems({ kind: "lookup", table: {} }, "t")[0]).toMatchObject({ where: "t.table" });
    expect(transformProblems({ kind: "lookup" }, "t")[0]).toMatchObject({ where: "t.table" });
  });

  it("rejects a default that is not a finite number", () => {
    expect(transformProblems({ kind: "lookup", table: { a: 1 }, default: "low" }, "t")).toEqual([
      { where: "t.default", message: 'must be a finite number; received the string "low"' },
    ]);
  });

  it("rejects a transform that is not an object", () => {
    expect(transformProblems("linear", "t")).toEqual([
      { where: "t", message: 'must be a transform such as { kind: linear }; received the string "linear"' },
    ]);
  });
});
