import { analyseExperiment } from "../../../../domain/experiments/analyse-experiment";

const fixed = { minimumPerArm: 10, interimLooks: [] };
const planted = { control: { n: 200, successes: 68 }, treatment: { n: 200, successes: 118 } };

describe("the verdict of an experiment", () => {
  it("is 'not enough data yet' before the horizon of a fixed-horizon test, with the numbers", () => {
    const a = analyseExperiment(planted, fixed, { horizonPassed: false, elapsedFraction: 0.9 });
    expect(a.verdict).toBe("NOT_ENOUGH_DATA");
    expect(a.bound).toBeNull();
    expect(a.summary).toMatch(/^Not enough data yet: this is a fixed-horizon test/);
    expect(a.summary).toContain("treatment 59.0% (118/200) vs control 34.0% (68/200)");
  });

  it("is 'not enough data yet' while an arm is below the minimum, even after the horizon", () => {
    const a = analyseExperiment({ control: { n: 9, successes: 0 }, treatment: { n: 30, successes: 30 } }, fixed, {
      horizonPassed: true,
      elapsedFraction: 1,
    });
    expect(a.verdict).toBe("NOT_ENOUGH_DATA");
    expect(a.summary).toMatch(/an arm has 9 units, fewer than the 10 needed/);
  });

  it("is a significant lift at the horizon: 59% vs 34% of 200 each, z-test, Newcombe and Katz intervals", () => {
    const a = analyseExperiment(planted, fixed, { horizonPassed: true, elapsedFraction: 1 });
    expect(a.verdict).toBe("SIGNIFICANT_LIFT");
    expect(a.test).toBe("Z_TEST");
    expect(a.absoluteLift).toBeCloseTo(0.25, 12);
    expect(a.absoluteLiftInterval!.lower).toBeGreaterThan(0.15);
    expect(a.absoluteLiftInterval!.upper).toBeLessThan(0.35);
    expect(a.relativeLift).toBeCloseTo(118 / 68 - 1, 12);
    expect(a.pValue).toBeLessThan(1e-5);
    expect(a.summary).toMatch(
      /^Significant lift: treatment 59\.0% \(118\/200\) vs control 34\.0% \(68\/200\); lift \+25\.0 points/,
    );
    expect(a.summary).toMatch(/two-proportion z-test, p < 0\.0001\.$/);
  });

  it("is a significant drop when the treatment does worse", () => {
    const a = analyseExperiment({ control: planted.treatment, treatment: planted.control }, fixed, {
      horizonPassed: true,
      elapsedFraction: 1,
    });
    expect(a.verdict).toBe("SIGNIFICANT_DROP");
    expect(a.absoluteLift).toBeCloseTo(-0.25, 12);
  });

  it("is no significant difference at the horizon when p > 0.05", () => {
    const a = analyseExperiment({ control: { n: 100, successes: 34 }, treatment: { n: 100, successes: 38 } }, fixed, {
      horizonPassed: true,
      elapsedFraction: 1,
    });
    expect(a.verdict).toBe("NO_SIGNIFICANT_DIFFERENCE");
    expect(a.pValue).toBeGreaterThan(0.05);
    expect(a.absoluteLiftInterval!.lower).toBeLessThan(0);
  });

  it("uses Fisher's exact test for small counts", () => {
    const a = analyseExperiment({ control: { n: 10, successes: 1 }, treatment: { n: 10, successes: 3 } }, fixed, {
      horizonPassed: true,
      elapsedFraction: 1,
    });
    expect(a.test).toBe("FISHER_EXACT");
    expect(a.summary).toContain("Fisher's exact test");
  });
});

describe("interim looks with Lan–DeMets O'Brien–Fleming bounds", () => {
  const plan = { minimumPerArm: 10, interimLooks: [0.5] };

  it("gives no verdict before the first look", () => {
    const a = analyseExperiment(planted, plan, { horizonPassed: false, elapsedFraction: 0.3 });
    expect(a.verdict).toBe("NOT_ENOUGH_DATA");
    expect(a.summary).toMatch(/first interim look is at 50%/);
  });

  it("stops early for an effect that crosses the look's bound (|z| ≥ 2.963)", () => {
    const a = analyseExperiment(planted, plan, { horizonPassed: false, elapsedFraction: 0.6 });
    expect(a.verdict).toBe("SIGNIFICANT_LIFT");
    expect(a.bound).toMatchObject({ look: 1, looks: 2, informationFraction: 0.5 });
    expect(a.bound!.nominalAlpha).toBeCloseTo(0.00305, 4);
  });

  it("continues when p is below 0.05 but above the early bound", () => {
    // 45/100 vs 31/100: z ≈ 2.04, p ≈ 0.041: significant at a fixed horizon, not at the half-way look.
    const arms = { control: { n: 100, successes: 31 }, treatment: { n: 100, successes: 45 } };
    const a = analyseExperiment(arms, plan, { horizonPassed: false, elapsedFraction: 0.6 });
    expect(a.pValue).toBeLessThan(0.05);
    expect(a.verdict).toBe("NOT_ENOUGH_DATA");
    expect(a.summary).toMatch(/look 1 of 2 did not cross its O'Brien–Fleming bound/);
    // At the horizon the final bound is |z| ≥ 1.969 (p ≤ 0.049).
    expect(analyseExperiment(arms, plan, { horizonPassed: true, elapsedFraction: 1 }).verdict).toBe("SIGNIFICANT_LIFT");
  });
});
