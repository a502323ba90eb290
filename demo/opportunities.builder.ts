/**
 * An account's opportunities: a mix of closed deals from the past year and open ones closing in the
 * next months. Healthy accounts win more of their closed deals.
 */
import type { OpportunityRecord, OpportunityStage } from "../domain/records";
import type { AccountIdentity } from "./account.builder";
import type { AccountProfile } from "./account-profile.builder";
import { DAY_MS, DEMO_SOURCE_KEYS, REGION_CURRENCY, STREAM } from "./demo-data.constants";
import { opportunityExternalId } from "./demo-ids.helper";
import { INDUSTRY_DEALS } from "./demo-words.constants";
import { deriveSeed, SeededRandom, type Weighted } from "./seeded-random";

const OPEN_STAGES: readonly Weighted<OpportunityStage>[] = [
  ["PROSPECTING", 25],
  ["QUALIFICATION", 30],
  ["PROPOSAL", 25],
  ["NEGOTIATION", 20],
];

const isoDate = (timeMs: number): string => new Date(timeMs).toISOString().slice(0, 10);

export function buildOpportunities(
  seed: number,
  profile: AccountProfile,
  identity: AccountIdentity,
): OpportunityRecord[] {
  const rng = new SeededRandom(deriveSeed(seed, STREAM.opportunities, profile.index));
  const deals = INDUSTRY_DEALS[profile.industry];
  // Distinct deal names within an account, cycling only if an account ever has more deals than names.
  const dealOrder = rng.sampleIndices(deals.length, deals.length);
  const [currency, perUsd] = REGION_CURRENCY[profile.region];
  const opportunities: OpportunityRecord[] = [];
  for (let position = 0; position < profile.opportunityCount; position += 1) {
    const deal = deals[dealOrder[position % dealOrder.length] as number] as string;
    const closed = rng.chance(0.5);
    let stage: OpportunityStage;
    let closeTimeMs: number;
    if (closed) {
      stage = rng.chance(0.2 + 0.65 * profile.healthEnd) ? "CLOSED_WON" : "CLOSED_LOST";
      closeTimeMs = profile.referenceMs - rng.int(5, 360) * DAY_MS;
    } else {
      stage = rng.weighted(OPEN_STAGES);
      closeTimeMs = profile.referenceMs + rng.int(10, 200) * DAY_MS;
    }
    const amountUsd = profile.arrUsd * rng.between(0.2, 1.5);
    opportunities.push({
      sourceSystem: DEMO_SOURCE_KEYS.crm,
      externalId: opportunityExternalId(profile.index, position),
      account: { externalId: identity.externalId, sourceSystem: DEMO_SOURCE_KEYS.crm },
      name: `${identity.brand} – ${deal}`,
      stage,
      amount: Math.max(100, Math.round((amountUsd * perUsd) / 100) * 100),
      currency,
      closeDate: isoDate(closeTimeMs),
    });
  }
  return opportunities;
}
