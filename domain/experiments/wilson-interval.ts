import { ArmCounts } from "./arm-counts";

/** A two-sided confidence interval. */
export interface Interval {
  lower: number;
  upper: number;
}

/**
 * The Wilson score interval for one proportion (Wilson 1927; method 3 of Newcombe 1998, "Two-sided
 * confidence intervals for the single proportion"), without continuity correction, for the normal quantile
 * `z` (1.959963984540054 for 95%). It stays inside [0, 1] and behaves well at 0 and n successes.
 */
export function wilsonInterval({ n, successes }: ArmCounts, z: number): Interval {
  if (n <= 0) return { lower: 0, upper: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    lower: successes === 0 ? 0 : (centre - spread) / denominator,
    upper: successes === n ? 1 : (centre + spread) / denominator,
  };
}
