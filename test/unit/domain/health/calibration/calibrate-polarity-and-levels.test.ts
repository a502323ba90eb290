import { calibrateWeights, CalibrationRow } from "../../../../../domain/health/calibration/calibrate";
import { rocAuc } from "../../../../../domain/health/calibration/roc-auc";
import { seededRandom } from "../../../../../domain/health/calibration/seeded-random";
import { generateAccounts } from "./calibration.fixtures";

describe("calibrateWeights with a concept of opposite effect (issue 19)", () => {
  // Churn risk falls with adoption but rises with "tickets", although tickets is read higher-is-better.
  const data = generateAccounts(3_000, 4, 0, { "core:adoption": -3, "core:tickets": 3 });
  const keep = calibrateWeights(data.rows);
  const follow = calibrateWeights(data.rows, { polarity: "FOLLOW_DATA" });

  it("reports the conflict with its coefficient, the weight it would get and what weight 0 costs", () => {
    expect(keep.polarityConflicts).toHaveLength(1);
    const [conflict] = keep.polarityConflicts;
    expect(conflict).toMatchObject({ concept: "core:tickets" });
    expect(conflict!.coefficient).toBeGreaterThan(2);
    expect(conflict!.weightIfReversed).toBeCloseTo(0.5, 1);
    expect(conflict!.scoreCvAucIfReversed).toBeCloseTo(keep.scoreCvAucFollowingData, 12);
    expect(conflict!.aucCost).toBeGreaterThan(0.05);
    expect(keep.weights).toEqual({ "core:adoption": 1, "core:tickets": 0 });
    expect(keep.reversed).toEqual([]);
    expect(keep.notes).toContainEqual(expect.stringContaining("calibrate with polarity FOLLOW_DATA"));
  });

  it("with FOLLOW_DATA reads the concept reversed, weighs it by its effect and ranks as the regression does", () => {
    expect(follow.reversed).toEqual(["core:tickets"]);
    expect(follow.weights["core:tickets"]).toBeCloseTo(0.5, 1);
    expect(follow.importance.find((i) => i.concept === "core:tickets")).toMatchObject({
      direction: "HIGHER_IS_WORSE",
      reversed: true,
    });
    expect(follow.scoreCvAuc).toBe(follow.scoreCvAucFollowingData);
    expect(follow.scoreCvAuc).toBeGreaterThan(keep.scoreCvAuc + 0.05);
    expect(Math.abs(follow.scoreCvAuc - follow.cvAuc)).toBeLessThan(0.01);
    expect(follow.notes).toContainEqual(expect.stringContaining("so the new version reads it reversed (1 − value)"));
    // Both choices report the same conflict and AUCs: only the weights differ.
    expect(follow.polarityConflicts).toEqual(keep.polarityConflicts);
    expect(follow.scoreCvAucKeepingPolarity).toBe(keep.scoreCvAuc);
  });

  it("scores each row as the new version will, reading reversed concepts as 1 − value", () => {
    const row = data.rows[0]!.features as Record<string, number>;
    const w = follow.weights;
    const expected =
      (100 * (w["core:adoption"]! * row["core:adoption"]! + w["core:tickets"]! * (1 - row["core:tickets"]!))) /
      (w["core:adoption"]! + w["core:tickets"]!);
    expect(follow.scores[0]).toBeCloseTo(expected, 9);
    expect(
      rocAuc(
        follow.scores.map((s) => -s!),
        data.outcomes,
      ),
    ).toBeGreaterThan(
      rocAuc(
        keep.scores.map((s) => -s!),
        data.outcomes,
      ),
    );
  });

  it("has no conflict when every effect agrees with the polarity", () => {
    const agreeing = generateAccounts(1_000, 5, 0, { "core:adoption": -3 });
    const result = calibrateWeights(agreeing.rows, { polarity: "FOLLOW_DATA" });
    expect(result.polarityConflicts).toEqual([]);
    expect(result.scoreCvAucKeepingPolarity).toBe(result.scoreCvAucFollowingData);
  });
});

/**
 * Accounts with a contract type (month-to-month: risky, two-year: safe) and an adoption value; one in
 * ten has no contract recorded. The generator's log-odds: +1.5 / 0 / −1.5 by contract, −3 × adoption.
 */
function contracts(n: number, seed: number): { rows: CalibrationRow[]; outcomes: Array<0 | 1> } {
  const random = seededRandom(seed);
  const effect: Record<string, number> = { "Month-to-month": 1.5, "One year": 0, "Two year": -1.5 };
  const levels = Object.keys(effect);
  const rows: CalibrationRow[] = [];
  const outcomes: Array<0 | 1> = [];
  for (let i = 0; i < n; i += 1) {
    const draw = random();
    const contract = draw < 0.5 ? levels[0]! : draw < 0.8 ? levels[1]! : levels[2]!;
    const adoption = random();
    const known = random() >= 0.1;
    const logit = effect[contract]! - 3 * adoption + 1;
    const outcome: 0 | 1 = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    rows.push({ features: { "core:adoption": adoption, "telco:contract": known ? contract : null }, outcome });
    outcomes.push(outcome);
  }
  return { rows, outcomes };
}

describe("calibrateWeights with a categorical concept", () => {
  const data = contracts(4_000, 12);
  const categories = { "telco:contract": ["Month-to-month", "One year", "Two year", "Weekly"] };
  const result = calibrateWeights(data.rows, { categories });

  it("learns one value per level, 1 for the healthiest and 0 for the riskiest, relative to the most common", () => {
    expect(result.categories).toHaveLength(1);
    const [contract] = result.categories;
    expect(contract!.reference).toBe("Month-to-month");
    const byLevel = Object.fromEntries(contract!.levels.map((l) => [l.level, l]));
    expect(byLevel["Month-to-month"]).toMatchObject({ coefficient: 0, value: 0, learned: true });
    expect(byLevel["Two year"]).toMatchObject({ value: 1, learned: true });
    expect(byLevel["Two year"]!.coefficient).toBeCloseTo(-3, 0);
    // Halfway in truth (log-odds 0 between +1.5 and −1.5); sampling noise moves it a little.
    expect(byLevel["One year"]!.value).toBeGreaterThan(0.3);
    expect(byLevel["One year"]!.value).toBeLessThan(0.7);
    expect(byLevel["Month-to-month"]!.accounts + byLevel["One year"]!.accounts + byLevel["Two year"]!.accounts).toBe(
      data.rows.filter((r) => r.features["telco:contract"] !== null).length,
    );
  });

  it("gives a declared level without accounts the average value and says so", () => {
    const weekly = result.categories[0]!.levels.find((l) => l.level === "Weekly")!;
    expect(weekly).toMatchObject({ accounts: 0, coefficient: null, learned: false });
    expect(weekly.value).toBeGreaterThan(0);
    expect(weekly.value).toBeLessThan(1);
    expect(result.notes).toContainEqual(expect.stringContaining('no labelled account has the level "Weekly"'));
    expect(result.notes).toContainEqual(expect.stringMatching(/^telco:contract: \d+(\.\d)?% of accounts had no level/));
  });

  it("weighs the category by the gap between its levels, so the score ranks as the regression does", () => {
    expect(result.weights["telco:contract"]! + result.weights["core:adoption"]!).toBeCloseTo(1, 12);
    // Gap 3 (log-odds between two-year and month-to-month) against adoption's 3: about half each.
    expect(result.weights["telco:contract"]).toBeCloseTo(0.5, 1);
    expect(result.importance.find((i) => i.concept === "telco:contract")).toMatchObject({ direction: "BY_LEVEL" });
    expect(Math.abs(result.scoreCvAuc - result.cvAuc)).toBeLessThan(0.01);
  });

  it("separates the outcomes better than the category's declared order alone could", () => {
    const withoutCategory = calibrateWeights(
      data.rows.map((r) => ({ ...r, features: { "core:adoption": r.features["core:adoption"] } })),
    );
    expect(result.cvAuc).toBeGreaterThan(withoutCategory.cvAuc + 0.05);
  });

  it("rejects a level name for a concept not listed as a category, and a number for a category", () => {
    expect(() => calibrateWeights(data.rows)).toThrow(
      /row 0: telco:contract is the string "[^"]+"; expected a finite number or null for no data \(list categorical concepts in categories\)/,
    );
    const numeric = [{ features: { "telco:contract": 3 }, outcome: 1 as const }];
    expect(() => calibrateWeights(numeric, { categories: { "telco:contract": [] } })).toThrow(
      /row 0: telco:contract is categorical, so its value must be a level name or null; received the number 3/,
    );
  });
});

describe("calibration options", () => {
  const data = generateAccounts(600, 3, 0, { "core:adoption": -3, "core:satisfaction": -1 });

  it("uses the folds, seed and penalty given and reports them", () => {
    const result = calibrateWeights(data.rows, { folds: 3, seed: 42, l2: 0.5 });
    expect(result).toMatchObject({ folds: 3, seed: 42, l2: 0.5 });
    expect(result.foldAucs).toHaveLength(3);
    const otherSeed = calibrateWeights(data.rows, { folds: 3, seed: 43, l2: 0.5 });
    expect(otherSeed.foldAucs).not.toEqual(result.foldAucs);
  });

  it("rejects a seed that is not a whole number from 0 to 2^32 − 1", () => {
    for (const seed of [-1, 1.5, 2 ** 32]) {
      expect(() => calibrateWeights(data.rows, { seed })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    }
  });
});
