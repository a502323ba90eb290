import { backtest, calibrateWeights, CalibrationRow } from "../../../../../domain/health/calibration/calibrate";
import { rocAuc } from "../../../../../domain/health/calibration/roc-auc";
import { seededRandom } from "../../../../../domain/health/calibration/seeded-random";
import { generateAccounts } from "./calibration.fixtures";

describe("calibrateWeights", () => {
  describe("on generated data with a known signal", () => {
    // Churn risk falls with adoption (−4) and satisfaction (−2); "noise" has no effect.
    const data = generateAccounts(5_000, 21, 2, { "core:adoption": -4, "core:satisfaction": -2 }, ["core:noise"]);
    const result = calibrateWeights(data.rows);
    const trueAuc = rocAuc(data.trueLogits, data.outcomes);

    it("separates the outcomes about as well as the true model", () => {
      expect(trueAuc).toBeGreaterThan(0.7);
      expect(Math.abs(result.cvAuc - trueAuc)).toBeLessThan(0.02);
      expect(result.foldAucs).toHaveLength(5);
      expect(result.converged).toBe(true);
    });

    it("gives a health score from the weights that separates as well as the regression", () => {
      expect(Math.abs(result.scoreCvAuc - result.cvAuc)).toBeLessThan(0.01);
    });

    it("weighs the informative concepts by their effect and the noise at about 0", () => {
      const { weights } = result;
      expect(Object.keys(weights)).toEqual(["core:adoption", "core:noise", "core:satisfaction"]);
      expect(weights["core:adoption"] + weights["core:noise"] + weights["core:satisfaction"]).toBeCloseTo(1, 12);
      expect(weights["core:noise"]).toBeLessThan(0.05);
      // True weights: 4/6 and 2/6.
      expect(weights["core:adoption"]).toBeCloseTo(2 / 3, 1);
      expect(weights["core:satisfaction"]).toBeCloseTo(1 / 3, 1);
    });

    it("reports importance with the right signs, strongest first", () => {
      expect(result.importance.map((i) => [i.concept, i.direction])).toEqual([
        ["core:adoption", "HIGHER_IS_BETTER"],
        ["core:satisfaction", "HIGHER_IS_BETTER"],
        ["core:noise", expect.any(String)],
      ]);
      expect(Math.abs(result.importance[2].standardizedCoefficient)).toBeLessThan(0.1);
      expect(result.trainingRows).toBe(5_000);
      expect(result.badOutcomes).toBe(data.outcomes.filter((o) => o === 1).length);
    });

    it("is deterministic", () => {
      expect(calibrateWeights(data.rows)).toEqual(result);
    });
  });

  describe("imperfect data", () => {
    it("imputes missing values with the training mean and says so", () => {
      const data = generateAccounts(3_000, 8, 1.5, { "core:adoption": -3, "core:support": -3 });
      const random = seededRandom(99);
      const rows: CalibrationRow[] = data.rows.map((row) =>
        random() < 0.2 ? { ...row, features: { ...row.features, "core:support": null } } : row,
      );
      const result = calibrateWeights(rows);
      expect(result.missingRate["core:support"]).toBeCloseTo(0.2, 1);
      expect(result.missingRate["core:adoption"]).toBe(0);
      expect(result.imputedMeans["core:support"]).toBeCloseTo(0.5, 1);
      expect(result.notes).toContainEqual(
        expect.stringMatching(/^core:support: 2\d(\.\d)?% of accounts had no value; the training mean/),
      );
      expect(result.importance.every((i) => i.direction === "HIGHER_IS_BETTER")).toBe(true);
      expect(result.weights["core:support"]).toBeGreaterThan(0.3);
    });

    it("gives weight 0 to a concept whose higher values go with the bad outcome, and explains why", () => {
      const data = generateAccounts(3_000, 4, 0, { "core:adoption": -3, "core:tickets": 3 });
      const result = calibrateWeights(data.rows);
      expect(result.weights).toEqual({ "core:adoption": 1, "core:tickets": 0 });
      expect(result.importance.find((i) => i.concept === "core:tickets")?.direction).toBe("HIGHER_IS_WORSE");
      expect(result.notes).toContainEqual(
        expect.stringContaining("core:tickets: higher values went with the bad outcome"),
      );
    });

    it("gives weight 0 to a concept no account has a value for", () => {
      const data = generateAccounts(500, 4, 0, { "core:adoption": -3 });
      const rows = data.rows.map((row) => ({ ...row, features: { ...row.features, "core:empty": null } }));
      const result = calibrateWeights(rows);
      expect(result.weights).toEqual({ "core:adoption": 1, "core:empty": 0 });
      expect(result.missingRate["core:empty"]).toBe(1);
      expect(result.notes).toContain("core:empty: no account has a value, so it cannot be learned; it gets weight 0");
    });

    it("needs enough accounts of each outcome to cross-validate", () => {
      const rows: CalibrationRow[] = Array.from({ length: 50 }, (_, i) => ({
        features: { "core:a": i / 50 },
        outcome: i < 3 ? 1 : 0,
      }));
      expect(() => calibrateWeights(rows)).toThrow(expect.objectContaining({ code: "TOO_FEW_OUTCOMES" }));
    });

    it("rejects malformed rows", () => {
      expect(() => calibrateWeights([])).toThrow(expect.objectContaining({ code: "INVALID_TRAINING_DATA" }));
      const bad = [{ features: { "core:a": Number.NaN }, outcome: 1 as const }];
      expect(() => calibrateWeights(bad)).toThrow(/row 0: core:a is NaN; expected a finite number/);
    });
  });

  it("calibrates 50,000 accounts × 10 concepts", () => {
    const coefficients = Object.fromEntries(Array.from({ length: 10 }, (_, j) => [`core:c${j}`, j < 5 ? -1 - j : 0]));
    const data = generateAccounts(50_000, 77, 3, coefficients);
    const result = calibrateWeights(data.rows);
    expect(result.converged).toBe(true);
    expect(Math.abs(result.cvAuc - rocAuc(data.trueLogits, data.outcomes))).toBeLessThan(0.01);
  });
});

describe("backtest", () => {
  it("compares two versions' AUCs on the accounts both scored, a lower score being riskier", () => {
    const outcomes: Array<0 | 1> = [1, 1, 0, 0, 1, 0];
    const scoresNew = [10, 20, 80, 90, 30, null];
    const scoresOld = [90, 20, 10, 80, 50, 40];
    expect(backtest(scoresOld, scoresNew, outcomes)).toEqual({
      // Old on the 5 compared accounts: pairs (bad, good) ranked riskier-first: (20 < 80), (50 < 80) → 2 of 6.
      oldAuc: 2 / 6,
      newAuc: 1,
      accounts: 5,
      skipped: 1,
    });
  });

  it("has no AUC when the compared accounts have one outcome", () => {
    expect(backtest([1, null], [2, 3], [1, 0])).toEqual({ oldAuc: null, newAuc: null, accounts: 1, skipped: 1 });
  });

  it("needs one score of each version per outcome", () => {
    expect(() => backtest([1], [1, 2], [0, 1])).toThrow(expect.objectContaining({ code: "INVALID_TRAINING_DATA" }));
  });
});
