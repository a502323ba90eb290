import { CalibrationError } from "../../../../../domain/health/calibration/calibration.errors";
import { rocAuc } from "../../../../../domain/health/calibration/roc-auc";
import { seededRandom } from "../../../../../domain/health/calibration/seeded-random";

/** The definition: the share of (outcome 1, outcome 0) pairs ranked correctly, ties counting half. */
function pairwiseAuc(scores: number[], outcomes: number[]): number {
  let correct = 0;
  let pairs = 0;
  scores.forEach((p, i) => {
    if (outcomes[i] !== 1) return;
    scores.forEach((n, j) => {
      if (outcomes[j] !== 0) return;
      pairs += 1;
      correct += p > n ? 1 : p === n ? 0.5 : 0;
    });
  });
  return correct / pairs;
}

describe("rocAuc", () => {
  it("is 1 for a perfect ranking, 0 for a reversed one and 0.5 when every score ties", () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([3, 3, 3, 3], [0, 1, 0, 1])).toBe(0.5);
  });

  it("counts tied pairs as one half", () => {
    // Pairs (outcome 1 vs 0): (1 vs 1) tie = 0.5, (2 vs 1) = 1; AUC = 1.5 / 2.
    expect(rocAuc([1, 1, 2], [0, 1, 1])).toBe(0.75);
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it("agrees with the pairwise definition on data with many ties", () => {
    const random = seededRandom(3);
    const scores = Array.from({ length: 300 }, () => Math.floor(random() * 20));
    const outcomes = scores.map((s) => (random() < s / 25 ? 1 : 0));
    expect(rocAuc(scores, outcomes)).toBeCloseTo(pairwiseAuc(scores, outcomes), 12);
  });

  it("needs both outcomes, one outcome per score and finite scores", () => {
    expect(() => rocAuc([1, 2], [1, 1])).toThrow(expect.objectContaining({ code: "TOO_FEW_OUTCOMES" }));
    expect(() => rocAuc([1, 2], [1])).toThrow(CalibrationError);
    expect(() => rocAuc([1, Number.NaN], [0, 1])).toThrow(/finite scores/);
    expect(() => rocAuc([1, 2], [0, 2])).toThrow(/outcomes 0 or 1/);
  });
});
