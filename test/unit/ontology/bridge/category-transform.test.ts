import { bridgeValue } from "../../../../ontology/bridge/bridge-value";
import { checkMapping } from "../../../../ontology/bridge/check-mapping";
import { applyTransform, transformProblems } from "../../../../ontology/bridge/transform";
import { CategoryTransform, MappingSpec } from "../../../../ontology/model/mapping.model";
import { mappingSpec } from "../../domain/health/health.fixtures";

/** Categorical fields as a public churn data set has them (issue 19). */
const CONTRACT: CategoryTransform = {
  kind: "category",
  levels: { "Month-to-month": 0, "One year": 0.6, "Two year": 1 },
};

const MAPPING: MappingSpec = mappingSpec({
  system: "billing",
  field: "contract",
  concept: "telco:contract",
  dataType: "STRING",
  transform: { ...CONTRACT, default: 0.5 },
  aggregation: { kind: "latest", window: "P1Y" },
});

describe("the category transform", () => {
  it("gives each level its value and says which level it is", () => {
    expect(applyTransform(CONTRACT, "One year")).toEqual({
      ok: true,
      value: 0.6,
      note: 'category transform: "One year" (level 2 of 3) → 0.6',
    });
  });

  it("gives a value that is not a level the default, and says so", () => {
    expect(applyTransform({ ...CONTRACT, default: 0.5 }, "Weekly")).toEqual({
      ok: true,
      value: 0.5,
      note: 'category transform: "Weekly" is not one of the 3 levels, so the default 0.5',
    });
  });

  it("rejects a value that is not a level without a default, saying what to do", () => {
    const result = applyTransform(CONTRACT, "Weekly");
    expect(result).toEqual({
      ok: false,
      problem:
        '"Weekly" is not a level of the category (levels: Month-to-month, One year, Two year) and the mapping has ' +
        "no default; add it to levels or set default",
    });
    expect(applyTransform(CONTRACT, "constructor").ok).toBe(false);
    expect(applyTransform(CONTRACT, 2)).toMatchObject({ ok: false, problem: expect.stringContaining("needs a text") });
  });

  it("is validated like other transforms, every problem with its location", () => {
    expect(transformProblems(CONTRACT, "t")).toEqual([]);
    expect(transformProblems({ kind: "category", levels: { only: 1 } }, "t")).toEqual([
      {
        where: "t.levels",
        message: "must map at least two levels to numbers, e.g. { Month-to-month: 0, Two year: 1 }; received 1 level",
      },
    ]);
    expect(
      transformProblems(
        { kind: "category", levels: { a: 1, " b": 0, "(other)": 1, c: "x" }, default: "low", extra: 1 },
        "t",
      ),
    ).toEqual([
      { where: "t.extra", message: "is not a field of a category transform; expected kind, levels, default" },
      { where: "t.levels. b", message: "must be a level name without leading or trailing spaces" },
      { where: "t.levels.(other)", message: "is reserved for values that are not a level; use default instead" },
      { where: "t.levels.c", message: 'must be a finite number; received the string "x"' },
      { where: "t.default", message: 'must be a finite number; received the string "low"' },
    ]);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`level-${i}`, i / 50]));
    expect(transformProblems({ kind: "category", levels: many }, "t")[0]!.message).toContain("at most 50");
  });

  it("fits STRING fields only, and not the number a count yields", () => {
    expect(checkMapping(MAPPING, "m")).toEqual([]);
    expect(checkMapping({ ...MAPPING, dataType: "NUMBER" }, "m")).toContainEqual(
      expect.stringContaining("m.transform.kind: a category transform takes STRING values, but contract is a NUMBER"),
    );
    expect(checkMapping({ ...MAPPING, aggregation: { kind: "count", window: "P1Y" } }, "m")).toContainEqual(
      expect.stringContaining("a category transform takes STRING values, but a count aggregation yields a NUMBER"),
    );
  });

  it("bridges with the declared values through normalisation and polarity", () => {
    const result = bridgeValue({ ...MAPPING, polarity: "LOWER_IS_BETTER" }, "Two year");
    expect(result).toMatchObject({ ok: true, value: 0 });
  });
});

describe("a category with the values a model version learned", () => {
  const learnedLevels = {
    values: { "Month-to-month": 0, "One year": 0.7, "Two year": 1 },
    other: 0.4,
    source: "model version 4 learned it from outcomes",
  };

  it("reads the learned value, says so, and skips normalisation and polarity", () => {
    const result = bridgeValue({ ...MAPPING, polarity: "LOWER_IS_BETTER" }, "One year", { learnedLevels });
    expect(result.ok).toBe(true);
    expect(result).toMatchObject({ value: 0.7 });
    expect(result.steps.map((s) => s.step)).toEqual(["input", "transform", "normalize", "polarity"]);
    expect(result.steps[1]!.note).toBe(
      'category transform: the level "One year" is worth 0.7 on the 0..1 scale, as model version 4 learned it ' +
        "from outcomes (the pack declares 0.6)",
    );
    expect(result.steps[3]!.note).toContain("the mapping's polarity does not apply");
  });

  it("gives a value that is not a level the learned value of the others", () => {
    expect(bridgeValue(MAPPING, "Weekly", { learnedLevels })).toMatchObject({ ok: true, value: 0.4 });
  });

  it("rejects a level it has no learned value for", () => {
    const partial = { ...learnedLevels, values: { "Two year": 1 } };
    expect(bridgeValue(MAPPING, "One year", { learnedLevels: partial })).toMatchObject({
      ok: false,
      step: "transform",
      reason: 'contract: the health model has no learned value for "One year"; calibrate it again',
    });
  });
});
