import { crossValidate, stratifiedFolds } from "../../../../../domain/health/calibration/cross-validate";

const outcomes = Array.from({ length: 103 }, (_, i) => (i % 4 === 0 ? 1 : 0));

describe("stratifiedFolds", () => {
  it("gives every fold the same share of each outcome, to within one row", () => {
    const folds = stratifiedFolds(outcomes, 5, 1);
    for (let fold = 0; fold < 5; fold += 1) {
      const rows = outcomes.filter((_, i) => folds[i] === fold);
      const bad = rows.filter((o) => o === 1).length;
      expect(bad === 5 || bad === 6).toBe(true); // 26 rows with outcome 1
      expect(rows.length === 20 || rows.length === 21).toBe(true);
    }
  });

  it("is deterministic for a seed and different for another", () => {
    expect(stratifiedFolds(outcomes, 5, 7)).toEqual(stratifiedFolds(outcomes, 5, 7));
    expect(stratifiedFolds(outcomes, 5, 7)).not.toEqual(stratifiedFolds(outcomes, 5, 8));
  });

  it("needs at least one row of each outcome per fold", () => {
    expect(() => stratifiedFolds([1, 1, 1, 1, 0, 0, 0, 0, 0, 0], 5, 1)).toThrow(
      expect.objectContaining({ code: "TOO_FEW_OUTCOMES" }),
    );
    expect(() => stratifiedFolds(outcomes, 1, 1)).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
  });
});

describe("crossValidate", () => {
  it("fits on the other folds and scores each held-out fold once", () => {
    const seen: number[] = [];
    const result = crossValidate(
      outcomes,
      (train, test) => {
        const held = new Set(test);
        expect(Array.from(train).some((row) => held.has(row))).toBe(false);
        expect(train.length + test.length).toBe(outcomes.length);
        seen.push(...test);
        return Array.from(test, (row) => outcomes[row]);
      },
      { folds: 5, seed: 1 },
    );
    expect(seen.sort((a, b) => a - b)).toEqual(outcomes.map((_, i) => i));
    expect(result).toEqual({ meanAuc: 1, foldAucs: [1, 1, 1, 1, 1] });
  });
});
