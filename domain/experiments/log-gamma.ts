/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, nine coefficients; relative error below 1e-15),
 * so ln n! = logGamma(n + 1) stays exact enough for hypergeometric probabilities with n in the tens of
 * thousands.
 */
const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = COEFFICIENTS[0]!;
  for (let i = 1; i < G + 2; i += 1) sum += COEFFICIENTS[i]! / (z + i);
  const t = z + G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln n! for a whole n ≥ 0. */
export function logFactorial(n: number): number {
  return n < 2 ? 0 : logGamma(n + 1);
}
