import { erfc, normalCdf, normalQuantile, normalUpperTail } from "../../../../domain/experiments/normal-distribution";

// Reference values: R 4.x `qnorm` / `pnorm` (the same digits as Abramowitz & Stegun table 26.1 where it has
// them), and checked to 40 digits with mpmath 1.3.0 (`sqrt(2)*erfinv(2p-1)`, `ncdf`).
describe("the standard normal distribution (golden)", () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489],
    [0.9, 1.2815515655446004],
    [0.5, 0],
    [0.025, -1.959963984540054],
    [1e-10, -6.361340902404056],
  ])("qnorm(%p) = %p", (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-12);
  });

  it.each([
    [1.96, 0.9750021048517795],
    [-3, 0.001349898031630094],
    [0, 0.5],
  ])("pnorm(%p) = %p", (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 15);
  });

  it("keeps its relative precision far in the upper tail: pnorm(8, lower.tail = FALSE) = 6.220960574271784e-16", () => {
    expect(Math.abs(normalUpperTail(8) / 6.220960574271784e-16 - 1)).toBeLessThan(1e-12);
  });

  it("is continuous where erfc switches from the series to the continued fraction (x = 2.5)", () => {
    // erfc(2.5) = 4.069520174449590e-4 (mpmath erfc(2.5)).
    expect(Math.abs(erfc(2.5 - 1e-12) / 4.06952017444959e-4 - 1)).toBeLessThan(1e-11);
    expect(Math.abs(erfc(2.5) / 4.06952017444959e-4 - 1)).toBeLessThan(1e-12);
  });

  it("round-trips quantile and distribution function", () => {
    for (const p of [1e-8, 0.001, 0.2, 0.6, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
  });
});
