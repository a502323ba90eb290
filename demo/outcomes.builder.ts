/**
 * What happened to each account after the signal window: renewed or churned. Outcomes follow the
 * latent health (and its trend) with noise, so a health model can learn its weights from them.
 */
import type { AccountRef } from "../domain/records";
import type { AccountProfile } from "./account-profile.builder";
import { DAY_MS, DEMO_SOURCE_KEYS, STREAM } from "./demo-data.constants";
import { accountExternalId } from "./demo-ids.helper";
import { deriveSeed, SeededRandom } from "./seeded-random";

export type DemoOutcomeKind = "RENEWED" | "CHURNED";

/** The ground truth for one account; not part of the records integrators send. */
export interface DemoAccountOutcome {
  account: AccountRef;
  accountIndex: number;
  /** Latent health in [0, 1] at the reference date. */
  latentHealth: number;
  /** Latent health in [0, 1] 365 days before the reference date. */
  latentHealthYearAgo: number;
  outcome: DemoOutcomeKind;
  /** ISO date, YYYY-MM-DD, within 120 days after the reference date. */
  decidedOn: string;
}

export function churnProbability(profile: AccountProfile): number {
  const decline = profile.healthStart - profile.healthEnd;
  return Math.min(0.95, Math.max(0.02, 0.8 - 0.95 * profile.healthEnd + 1.5 * decline));
}

export function buildOutcome(seed: number, profile: AccountProfile): DemoAccountOutcome {
  const rng = new SeededRandom(deriveSeed(seed, STREAM.outcomes, profile.index));
  const churned = rng.chance(churnProbability(profile));
  return {
    account: { externalId: accountExternalId(profile.index), sourceSystem: DEMO_SOURCE_KEYS.crm },
    accountIndex: profile.index,
    latentHealth: profile.healthEnd,
    latentHealthYearAgo: profile.healthStart,
    outcome: churned ? "CHURNED" : "RENEWED",
    decidedOn: new Date(profile.referenceMs + rng.int(1, 120) * DAY_MS).toISOString().slice(0, 10),
  };
}
