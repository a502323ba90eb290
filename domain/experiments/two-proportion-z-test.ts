import { TwoArms } from "./arm-counts";
import { normalUpperTail } from "./normal-distribution";

/** The two-proportion z-test of equal rates: the statistic and its two-sided p-value. */
export interface ZTestResult {
  /** (treatment rate − control rate) / pooled standard error; positive when treatment does better. */
  z: number;
  pValue: number;
}

/**
 * The two-proportion z-test with the pooled standard error √(p̂(1−p̂)(1/n₁ + 1/n₂)), p̂ the overall rate,
 * two-sided and without continuity correction: z² is the statistic of R's `prop.test(x, n, correct = FALSE)`
 * and the p-values agree. When every unit had the same outcome (p̂ 0 or 1) there is no evidence of a
 * difference: z = 0, p = 1. Both arms must be non-empty.
 */
export function twoProportionZTest({ control, treatment }: TwoArms): ZTestResult {
  if (control.n <= 0 || treatment.n <= 0) throw new RangeError("both arms need at least one unit");
  const pooled = (control.successes + treatment.successes) / (control.n + treatment.n);
  const variance = pooled * (1 - pooled) * (1 / control.n + 1 / treatment.n);
  if (variance <= 0) return { z: 0, pValue: 1 };
  const z = (treatment.successes / treatment.n - control.successes / control.n) / Math.sqrt(variance);
  return { z, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
}
