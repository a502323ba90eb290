import { katzRelativeLiftInterval } from "../../../../domain/experiments/katz-risk-ratio-interval";
import { newcombeDifferenceInterval } from "../../../../domain/experiments/newcombe-difference-interval";
import { normalQuantile } from "../../../../domain/experiments/normal-distribution";
import { wilsonInterval } from "../../../../domain/experiments/wilson-interval";

const Z = normalQuantile(0.975);

describe("the Wilson score interval (golden)", () => {
  // Newcombe RG (1998) "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17:857–872, Table II, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%p/%p → %p to %p", (successes, n, lower, upper) => {
    const interval = wilsonInterval({ n, successes }, Z);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });
});

describe("Newcombe's hybrid score interval for the absolute lift (golden)", () => {
  // Newcombe RG (1998) "Interval estimation for the difference between independent proportions: comparison
  // of eleven methods", Statistics in Medicine 17:873–890, Table II, method 10, examples (a)–(h).
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])("%p/%p − %p/%p → %p to %p", (x1, n1, x2, n2, lower, upper) => {
    const interval = newcombeDifferenceInterval(
      { treatment: { n: n1, successes: x1 }, control: { n: n2, successes: x2 } },
      Z,
    );
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });
});

describe("the Katz log risk-ratio interval for the relative lift (golden)", () => {
  it("gives RR 1.7353 (0.2623 to 1.3855 as a lift) for 59/100 vs 34/100", () => {
    // ln RR = ln(0.59/0.34) = 0.551169; SE = √(1/59 − 1/100 + 1/34 − 1/100) = 0.161236 (by hand);
    // exp(0.551169 ± 1.959964 × 0.161236) = 1.26233, 2.38547 (mpmath, 40 digits).
    const interval = katzRelativeLiftInterval(
      { treatment: { n: 100, successes: 59 }, control: { n: 100, successes: 34 } },
      Z,
    );
    expect(interval!.lower).toBeCloseTo(0.26233, 5);
    expect(interval!.upper).toBeCloseTo(1.38547, 5);
  });

  it("is absent when an arm has no success (the ratio's variance is undefined)", () => {
    expect(
      katzRelativeLiftInterval({ treatment: { n: 10, successes: 3 }, control: { n: 10, successes: 0 } }, Z),
    ).toBeNull();
  });
});
