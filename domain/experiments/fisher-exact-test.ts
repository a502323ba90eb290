import { TwoArms } from "./arm-counts";
import { logFactorial } from "./log-gamma";

/** R's tolerance: tables as likely as the observed one within a relative 1e-7 count as "as extreme". */
const RELATIVE_TOLERANCE = 1 + 1e-7;

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * Fisher's exact test of a 2×2 table, two-sided as R's `fisher.test`: conditional on both margins, the
 * number of treatment successes is hypergeometric, and the p-value is the total probability of the tables
 * no more likely than the observed one. Computed in log space relative to the most likely table, so it
 * stays exact for tables of tens of thousands of units (no factorial is ever formed).
 */
export function fisherExactTest({ control, treatment }: TwoArms): { pValue: number } {
  const successes = control.successes + treatment.successes;
  const n = control.n + treatment.n;
  const low = Math.max(0, successes - control.n);
  const high = Math.min(treatment.n, successes);
  const logDensity: number[] = [];
  let max = Number.NEGATIVE_INFINITY;
  for (let x = low; x <= high; x += 1) {
    const value = logChoose(treatment.n, x) + logChoose(control.n, successes - x) - logChoose(n, successes);
    logDensity.push(value);
    if (value > max) max = value;
  }
  const observed = logDensity[treatment.successes - low]!;
  const threshold = observed + Math.log(RELATIVE_TOLERANCE);
  let total = 0;
  let extreme = 0;
  for (const value of logDensity) {
    const relative = Math.exp(value - max);
    total += relative;
    if (value <= threshold) extreme += relative;
  }
  return { pValue: Math.min(1, extreme / total) };
}
