import { TwoArms } from "./arm-counts";

export const SIGNIFICANCE_TESTS = ["Z_TEST", "FISHER_EXACT"] as const;
/** The test a report used: the two-proportion z-test, or Fisher's exact test for small counts. */
export type SignificanceTest = (typeof SIGNIFICANCE_TESTS)[number];

/** Below this expected count in any cell the normal approximation is not trusted (Cochran's rule). */
export const MIN_EXPECTED_CELL_COUNT = 5;

/**
 * The smallest of the four expected cell counts of the 2×2 table (arm × success/failure) under equal rates:
 * row total × column total ÷ n.
 */
export function minExpectedCellCount({ control, treatment }: TwoArms): number {
  const n = control.n + treatment.n;
  if (n === 0) return 0;
  const successes = control.successes + treatment.successes;
  const failures = n - successes;
  return (Math.min(control.n, treatment.n) * Math.min(successes, failures)) / n;
}

/** Fisher's exact test when any expected cell count is below 5, else the two-proportion z-test. */
export function chooseTest(arms: TwoArms): SignificanceTest {
  return minExpectedCellCount(arms) < MIN_EXPECTED_CELL_COUNT ? "FISHER_EXACT" : "Z_TEST";
}
