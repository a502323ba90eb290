/**
 * The hidden profile of one demo account: everything the other builders need to know about it (industry,
 * size, latent health, how many records of each kind it has), drawn from the account's own random
 * stream. Profiles are cheap and never stored, so exact counts can be computed for 100,000 accounts
 * without generating a single record.
 */
import {
  ASSET_INDUSTRIES,
  DAY_MS,
  DEMO_SIGNAL_WINDOW_DAYS,
  INDUSTRY_WEIGHTS,
  REGION_WEIGHTS,
  SEGMENT_ACTIVITY,
  SEGMENT_ARR_USD,
  SEGMENT_ASSETS,
  SEGMENT_CONTACTS,
  SEGMENT_OPPORTUNITIES,
  SEGMENT_REVENUE_USD,
  SEGMENT_SCALE,
  SEGMENT_WEIGHTS,
  STREAM,
  type DemoIndustry,
  type DemoRegion,
  type DemoSegment,
} from "./demo-data.constants";
import { deriveSeed, SeededRandom } from "./seeded-random";

export interface AccountProfile {
  index: number;
  industry: DemoIndustry;
  segment: DemoSegment;
  region: DemoRegion;
  annualRevenueUsd: number;
  /** What the account pays the tenant per year, in USD. */
  arrUsd: number;
  /** Seats, learners or weekly orders, depending on the industry. */
  scale: number;
  /** Latent health in [0, 1] at the start of the signal window (365 days before the reference date). */
  healthStart: number;
  /** Latent health in [0, 1] at the reference date. */
  healthEnd: number;
  contactCount: number;
  opportunityCount: number;
  assetCount: number;
  signalCount: number;
  /** The data set's reference instant (epoch ms): signals fall in the year before it, outcomes after. */
  referenceMs: number;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

const intInRange = (rng: SeededRandom, range: readonly [number, number]): number => rng.int(range[0], range[1]);

/** Rounds to three significant digits, the precision a CRM's revenue field usually has. */
function roundToSignificant(value: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 2);
  return Math.round(value / magnitude) * magnitude;
}

/** The mean of {@link SEGMENT_ACTIVITY} under {@link SEGMENT_WEIGHTS}, to normalise signal volume. */
const MEAN_ACTIVITY = (() => {
  let weighted = 0;
  let total = 0;
  for (const [segment, weight] of SEGMENT_WEIGHTS) {
    weighted += SEGMENT_ACTIVITY[segment] * weight;
    total += weight;
  }
  return weighted / total;
})();

/**
 * Draws the profile of account `index`. The draws happen in a fixed order from the account's own
 * stream, so a profile depends only on (seed, index, signalsPerAccount).
 */
export function buildAccountProfile(
  seed: number,
  signalsPerAccount: number,
  index: number,
  referenceMs: number,
): AccountProfile {
  const rng = new SeededRandom(deriveSeed(seed, STREAM.profile, index));
  const industry = rng.weighted(INDUSTRY_WEIGHTS);
  const segment = rng.weighted(SEGMENT_WEIGHTS);
  const region = rng.weighted(REGION_WEIGHTS[industry]);
  const [revenueMin, revenueMax] = SEGMENT_REVENUE_USD[segment];
  const annualRevenueUsd = roundToSignificant(rng.logUniform(revenueMin, revenueMax));
  const [arrMin, arrMax] = SEGMENT_ARR_USD[segment];
  const arrUsd = Math.round(rng.logUniform(arrMin, arrMax) / 100) * 100;
  const [scaleMin, scaleMax] = SEGMENT_SCALE[segment];
  const scale = Math.round(rng.logUniform(scaleMin, scaleMax));
  const healthEnd = clamp(rng.normal(0.62, 0.2), 0.03, 0.98);
  // Most accounts drift a little over the year; a few improve or decline sharply, which is what
  // makes the renewal-rate slope and the churn outcomes interesting.
  const healthStart = clamp(healthEnd - rng.normal(0, 0.12), 0.03, 0.98);
  const contactCount = intInRange(rng, SEGMENT_CONTACTS[segment]);
  const opportunityCount = intInRange(rng, SEGMENT_OPPORTUNITIES[segment]);
  const assetCount = ASSET_INDUSTRIES.has(industry) ? intInRange(rng, SEGMENT_ASSETS[segment]) : 0;
  const volume = (signalsPerAccount * SEGMENT_ACTIVITY[segment]) / MEAN_ACTIVITY;
  const signalCount = Math.max(0, Math.round(volume * rng.between(0.7, 1.3)));
  return {
    index,
    industry,
    segment,
    region,
    annualRevenueUsd,
    arrUsd,
    scale,
    healthStart,
    healthEnd,
    contactCount,
    opportunityCount,
    assetCount,
    signalCount,
    referenceMs,
  };
}

/**
 * Latent health at a point of the signal window: 0 is its start, 1 the reference date. Health moves
 * linearly between the two anchors.
 */
export function healthAt(profile: AccountProfile, windowFraction: number): number {
  const fraction = clamp(windowFraction, 0, 1);
  return profile.healthStart + (profile.healthEnd - profile.healthStart) * fraction;
}

/** How far into the signal window an instant lies, in [0, 1]. */
export function windowFraction(observedAtMs: number, referenceTimeMs: number): number {
  const windowMs = DEMO_SIGNAL_WINDOW_DAYS * DAY_MS;
  return clamp(1 - (referenceTimeMs - observedAtMs) / windowMs, 0, 1);
}
