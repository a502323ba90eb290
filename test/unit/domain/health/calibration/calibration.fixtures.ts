import { CalibrationRow } from "../../../../../domain/health/calibration/calibrate";
import { seededRandom } from "../../../../../domain/health/calibration/seeded-random";

export interface GeneratedAccounts {
  rows: CalibrationRow[];
  /** The log-odds of the bad outcome under the true model, per row. */
  trueLogits: number[];
  outcomes: Array<0 | 1>;
}

/**
 * Accounts with concept values uniform in 0..1 and a bad outcome drawn from a known logistic model:
 * P(outcome = 1) = 1 / (1 + e^−(intercept + Σ coefficient·value)). Concepts absent from `coefficients`
 * are pure noise. Deterministic for a seed.
 */
export function generateAccounts(
  n: number,
  seed: number,
  intercept: number,
  coefficients: Record<string, number>,
  noise: readonly string[] = [],
): GeneratedAccounts {
  const random = seededRandom(seed);
  const concepts = [...Object.keys(coefficients), ...noise];
  const rows: CalibrationRow[] = [];
  const trueLogits: number[] = [];
  const outcomes: Array<0 | 1> = [];
  for (let i = 0; i < n; i += 1) {
    const features: Record<string, number> = {};
    for (const concept of concepts) features[concept] = random();
    const logit = Object.entries(coefficients).reduce((sum, [c, beta]) => sum + beta * features[c], intercept);
    const outcome: 0 | 1 = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    rows.push({ features, outcome });
    trueLogits.push(logit);
    outcomes.push(outcome);
  }
  return { rows, trueLogits, outcomes };
}
