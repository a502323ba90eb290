import { normalCdf, normalDensity, normalQuantile, normalUpperTail } from "./normal-distribution";

/**
 * The Lan–DeMets alpha-spending function of O'Brien–Fleming type (Lan and DeMets 1983, "Discrete
 * sequential boundaries for clinical trials", Biometrika 70:659–663), for a two-sided test of overall
 * level α spent symmetrically, α/2 on each side as in Reboussin, DeMets, Kim and Lan's programs (R's
 * ldbounds) and gsDesign's sfLDOF: each side spends 2 − 2Φ(z₁₋α/₄ / √t) by information fraction t, so
 * the two sides together spend α(t) = 4 − 4Φ(z₁₋α/₄ / √t). It spends almost nothing early, so an early
 * stop needs an overwhelming effect, and leaves nearly the whole α for the final look.
 */
export function obrienFlemingSpending(t: number, alpha: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return alpha;
  return 4 * normalUpperTail(normalQuantile(1 - alpha / 4) / Math.sqrt(t));
}

/** One look of a group-sequential design: its information fraction and two-sided critical |z|. */
export interface LookBoundary {
  informationFraction: number;
  /** Reject equal rates at this look when |z| ≥ this. */
  criticalZ: number;
  /** The same bound as a two-sided nominal p-value: reject when p ≤ this. */
  nominalAlpha: number;
  /** α spent by this look, cumulatively. */
  cumulativeAlpha: number;
}

const GRID_POINTS = 401;

/** Simpson's rule weights over an odd number of equally spaced points. */
function simpsonWeights(points: number, step: number): number[] {
  return Array.from({ length: points }, (_, i) => {
    const w = i === 0 || i === points - 1 ? 1 : i % 2 === 1 ? 4 : 2;
    return (w * step) / 3;
  });
}

/**
 * The two-sided critical values of Lan–DeMets O'Brien–Fleming boundaries at the given increasing
 * information fractions (the last normally 1), for overall level α. Each bound spends exactly the
 * increment α(tₖ) − α(tₖ₋₁): the probability, under equal rates, of crossing it at look k without having
 * crossed before is computed by numerical integration of the z statistic's sub-density over the
 * continuation region (Armitage, McPherson and Rowe 1969; Jennison and Turnbull 2000, ch. 19), and the
 * bound is found by bisection.
 */
export function obrienFlemingBoundaries(fractions: readonly number[], alpha: number): LookBoundary[] {
  const looks: LookBoundary[] = [];
  // The sub-density of Z at the previous look over its continuation region, on a grid.
  let grid: number[] = [];
  let density: number[] = [];
  let weights: number[] = [];
  let previousT = 0;
  let spent = 0;
  for (const t of fractions) {
    if (!(t > previousT && t <= 1)) throw new RangeError("information fractions must increase within (0, 1]");
    const target = obrienFlemingSpending(t, alpha) - spent;
    let critical: number;
    if (looks.length === 0) {
      critical = normalQuantile(1 - target / 2);
    } else {
      const delta = t - previousT;
      const scale = Math.sqrt(delta);
      const crossing = (c: number): number => {
        let total = 0;
        for (let i = 0; i < grid.length; i += 1) {
          const mean = grid[i]! * Math.sqrt(previousT);
          const upper = normalUpperTail((c * Math.sqrt(t) - mean) / scale);
          const lower = normalCdf((-c * Math.sqrt(t) - mean) / scale);
          total += weights[i]! * density[i]! * (upper + lower);
        }
        return total;
      };
      let lo = 0;
      let hi = 40;
      for (let k = 0; k < 60; k += 1) {
        const mid = (lo + hi) / 2;
        if (crossing(mid) > target) lo = mid;
        else hi = mid;
      }
      critical = (lo + hi) / 2;
    }
    // The sub-density at this look over (−critical, critical), for the next look.
    const step = (2 * critical) / (GRID_POINTS - 1);
    const nextGrid = Array.from({ length: GRID_POINTS }, (_, i) => -critical + i * step);
    const nextDensity =
      looks.length === 0
        ? nextGrid.map((z) => normalDensity(z))
        : nextGrid.map((z) => {
            const delta = t - previousT;
            const scale = Math.sqrt(delta);
            let total = 0;
            for (let i = 0; i < grid.length; i += 1) {
              const x = (z * Math.sqrt(t) - grid[i]! * Math.sqrt(previousT)) / scale;
              total += weights[i]! * density[i]! * normalDensity(x);
            }
            return (total * Math.sqrt(t)) / scale;
          });
    grid = nextGrid;
    density = nextDensity;
    weights = simpsonWeights(GRID_POINTS, step);
    spent += target;
    previousT = t;
    looks.push({
      informationFraction: t,
      criticalZ: critical,
      nominalAlpha: 2 * normalUpperTail(critical),
      cumulativeAlpha: spent,
    });
  }
  return looks;
}
