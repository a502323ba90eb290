import { TwoArms } from "./arm-counts";
import { Interval } from "./wilson-interval";

/**
 * The interval for the relative lift, treatment rate ÷ control rate − 1, from the log risk ratio (Katz,
 * Baptista, Azen and Pike 1978, "Obtaining confidence intervals for the risk ratio in cohort studies",
 * Biometrics 34:469–474): ln RR ± z·√(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂), exponentiated, minus 1. Null when the
 * ratio or its variance is undefined (no success in an arm): the report then says so instead of inventing
 * a bound.
 */
export function katzRelativeLiftInterval({ control, treatment }: TwoArms, z: number): Interval | null {
  if (control.successes === 0 || treatment.successes === 0 || control.n === 0 || treatment.n === 0) return null;
  const logRatio = Math.log(treatment.successes / treatment.n / (control.successes / control.n));
  const se = Math.sqrt(1 / treatment.successes - 1 / treatment.n + 1 / control.successes - 1 / control.n);
  return { lower: Math.exp(logRatio - z * se) - 1, upper: Math.exp(logRatio + z * se) - 1 };
}
