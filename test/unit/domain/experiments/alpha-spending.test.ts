import { obrienFlemingBoundaries, obrienFlemingSpending } from "../../../../domain/experiments/alpha-spending";

describe("Lan–DeMets O'Brien–Fleming boundaries, two-sided α = 0.05 (golden)", () => {
  it("gives 4.877, 3.357, 2.680, 2.290, 2.031 for five equally spaced looks", () => {
    // Reboussin, DeMets, Kim and Lan (2000), Controlled Clinical Trials 21:190–207 (program ld98 / R ldbounds,
    // bounds(t = (1:5)/5, iuse = c(1, 1), alpha = c(0.025, 0.025))); the same as gsDesign with sfLDOF.
    const bounds = obrienFlemingBoundaries([0.2, 0.4, 0.6, 0.8, 1], 0.05).map((b) => b.criticalZ);
    const published = [4.8769, 3.357, 2.6803, 2.2898, 2.031];
    bounds.forEach((bound, i) => expect(bound).toBeCloseTo(published[i]!, 3));
  });

  it("gives 2.963 and 1.969 for one interim look at half the information", () => {
    const [first, last] = obrienFlemingBoundaries([0.5, 1], 0.05);
    expect(first!.criticalZ).toBeCloseTo(2.9626, 3);
    expect(last!.criticalZ).toBeCloseTo(1.9686, 3);
  });

  it("spends the whole α by the horizon and almost none early", () => {
    expect(obrienFlemingSpending(1, 0.05)).toBe(0.05);
    expect(obrienFlemingSpending(0.2, 0.05)).toBeLessThan(2e-6);
    const looks = obrienFlemingBoundaries([0.25, 0.5, 0.75, 1], 0.05);
    expect(looks[looks.length - 1]!.cumulativeAlpha).toBeCloseTo(0.05, 12);
  });

  it("refuses looks that do not increase", () => {
    expect(() => obrienFlemingBoundaries([0.5, 0.5, 1], 0.05)).toThrow(RangeError);
  });
});
