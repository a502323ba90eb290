import { SituationMatch } from "./situation-match";

/** The resolved uses of a unit: SUCCEEDED against FAILED and BROKEN (PENDING uses are not counted). */
export interface UseCounts {
  succeeded: number;
  resolved: number;
}

/** How strongly the prior pulls: as many pseudo-uses as this. */
export const PRIOR_WEIGHT = 5;
/** The prior when the tenant has no resolved use yet. */
export const DEFAULT_PRIOR = 0.5;
/** Situation fit and measured effect weigh this much in the rank (they add up to 1). */
export const MATCH_WEIGHT = 0.6;
export const EFFECT_WEIGHT = 0.4;

/**
 * A success rate shrunk toward the prior: (successes + k·prior) ÷ (resolved + k), a beta-binomial posterior
 * mean. One lucky use moves a unit from the prior by a sixth of the way, not to 100 %.
 */
export function shrunkSuccessRate(counts: UseCounts, prior: number, weight = PRIOR_WEIGHT): number {
  return (counts.succeeded + weight * prior) / (counts.resolved + weight);
}

/** The tenant's prior: the success rate of all its resolved uses, or {@link DEFAULT_PRIOR} without any. */
export function tenantPrior(all: UseCounts): number {
  return all.resolved === 0 ? DEFAULT_PRIOR : all.succeeded / all.resolved;
}

export interface RankedMpu<T> {
  item: T;
  match: SituationMatch;
  effect: number;
  counts: UseCounts;
  rank: number;
}

/**
 * Ranks eligible units for an account: MATCH_WEIGHT × situation score + EFFECT_WEIGHT × shrunk success rate,
 * highest first (ties by more resolved uses, then by the order given).
 */
export function rankMpus<T>(
  candidates: ReadonlyArray<{ item: T; match: SituationMatch; counts: UseCounts }>,
  prior: number,
): Array<RankedMpu<T>> {
  return candidates
    .filter((c) => c.match.eligible)
    .map((c) => {
      const effect = shrunkSuccessRate(c.counts, prior);
      return { ...c, effect, rank: MATCH_WEIGHT * c.match.score + EFFECT_WEIGHT * effect };
    })
    .map((c, index) => ({ c, index }))
    .sort((a, b) => b.c.rank - a.c.rank || b.c.counts.resolved - a.c.counts.resolved || a.index - b.index)
    .map(({ c }) => c);
}
