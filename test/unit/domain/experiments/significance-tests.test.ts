import { TwoArms } from "../../../../domain/experiments/arm-counts";
import { chooseTest, minExpectedCellCount } from "../../../../domain/experiments/choose-test";
import { fisherExactTest } from "../../../../domain/experiments/fisher-exact-test";
import { twoProportionZTest } from "../../../../domain/experiments/two-proportion-z-test";

/** A 2×2 table written as R's matrix rows: treatment successes, failures; control successes, failures. */
function table(a: number, b: number, c: number, d: number): TwoArms {
  return { treatment: { n: a + b, successes: a }, control: { n: c + d, successes: c } };
}

describe("Fisher's exact test, two-sided (golden)", () => {
  it("gives p = 0.4857 for Fisher's tea-tasting table 3/1/1/3 (R: fisher.test(TeaTasting); exactly 34/70)", () => {
    expect(fisherExactTest(table(3, 1, 1, 3)).pValue).toBeCloseTo(34 / 70, 12);
  });

  it("gives p = 0.0005367 for the Convictions table 2/10/15/3 (R: fisher.test(Convictions), ?fisher.test)", () => {
    expect(fisherExactTest(table(2, 10, 15, 3)).pValue).toBeCloseTo(0.0005367241191, 12);
  });

  it("is 1 for a table exactly at its expectation", () => {
    expect(fisherExactTest(table(5, 5, 5, 5)).pValue).toBeCloseTo(1, 12);
  });

  it("stays exact for 60 000 units: 10300/30000 vs 10000/30000 (mpmath, 40 digits: 0.0098819284123052)", () => {
    expect(Math.abs(fisherExactTest(table(10300, 19700, 10000, 20000)).pValue / 0.0098819284123052 - 1)).toBeLessThan(
      1e-9,
    );
  });

  it("does not depend on which arm is called treatment", () => {
    expect(fisherExactTest(table(2, 10, 15, 3)).pValue).toBeCloseTo(fisherExactTest(table(15, 3, 2, 10)).pValue, 14);
  });
});

describe("the two-proportion z-test, pooled, without continuity correction (golden)", () => {
  it("reproduces Pearson's X² = 25.01 for the Physicians' Health Study aspirin table (Agresti, Categorical Data Analysis, 2nd ed., §3.2): 104/11037 vs 189/11034", () => {
    // R: prop.test(c(104, 189), c(11037, 11034), correct = FALSE) → X-squared = 25.014, p-value = 5.692e-07.
    const { z, pValue } = twoProportionZTest(table(104, 11037 - 104, 189, 11034 - 189));
    expect(z * z).toBeCloseTo(25.01388396719414, 9);
    expect(z).toBeLessThan(0);
    expect(Math.abs(pValue / 5.691896973740856e-7 - 1)).toBeLessThan(1e-9);
  });

  it("gives z = 3.5442, p = 0.00039376 for 59/100 vs 34/100 (mpmath from the formula; R prop.test X-squared = 12.562)", () => {
    const { z, pValue } = twoProportionZTest(table(59, 41, 34, 66));
    expect(z).toBeCloseTo(3.544227927610467, 12);
    expect(pValue).toBeCloseTo(0.000393764675649534, 15);
  });

  it("says there is no evidence when every unit had the same outcome", () => {
    expect(twoProportionZTest(table(10, 0, 10, 0))).toEqual({ z: 0, pValue: 1 });
  });
});

describe("which test a report uses", () => {
  it("uses Fisher's exact test when an expected cell count is below 5", () => {
    // 20 units, 8 successes: expected successes per arm 10 × 8 / 20 = 4.
    expect(minExpectedCellCount(table(6, 4, 2, 8))).toBe(4);
    expect(chooseTest(table(6, 4, 2, 8))).toBe("FISHER_EXACT");
  });

  it("uses the z-test when every expected cell count is at least 5", () => {
    expect(minExpectedCellCount(table(6, 4, 4, 6))).toBe(5);
    expect(chooseTest(table(6, 4, 4, 6))).toBe("Z_TEST");
    expect(chooseTest(table(118, 82, 68, 132))).toBe("Z_TEST");
  });
});
