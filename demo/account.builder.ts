/**
 * Builds an account's identity (external id, unique name, e-mail domain) and its CRM record.
 */
import type { AccountRecord } from "../domain/records";
import type { AccountProfile } from "./account-profile.builder";
import { DEMO_SOURCE_KEYS, STREAM } from "./demo-data.constants";
import { accountExternalId } from "./demo-ids.helper";
import { INDUSTRIES_WITHOUT_LEGAL_FORM, INDUSTRY_NOUNS, LEGAL_FORMS } from "./demo-words.constants";
import { deriveSeed, SeededRandom } from "./seeded-random";
import type { UniqueNameBuilder } from "./unique-name.builder";

/** How other records refer to an account and address its people. */
export interface AccountIdentity {
  externalId: string;
  /** Full legal name, e.g. "Silver Lake Robotics (Shenzhen) Co., Ltd."; unique per account index. */
  name: string;
  /** The two-word brand, e.g. "Silver Lake"; used in opportunity names. */
  brand: string;
  /** E-mail domain of the account's contacts, under the reserved `.example` top-level domain. */
  emailDomain: string;
}

export function buildAccountIdentity(seed: number, profile: AccountProfile, names: UniqueNameBuilder): AccountIdentity {
  const rng = new SeededRandom(deriveSeed(seed, STREAM.names, profile.index));
  const parts = names.build(profile.index, profile.region);
  const noun = rng.pick(INDUSTRY_NOUNS[profile.industry]);
  const legalForm = INDUSTRIES_WITHOUT_LEGAL_FORM.has(profile.industry) ? null : rng.pick(LEGAL_FORMS[profile.region]);
  const qualifier = parts.qualifier === null ? "" : ` (${parts.qualifier})`;
  const legal = legalForm === null ? "" : ` ${legalForm}`;
  return {
    externalId: accountExternalId(profile.index),
    name: `${parts.brand} ${noun}${qualifier}${legal}`,
    brand: parts.brand,
    emailDomain: `${parts.slug}.example`,
  };
}

export function buildAccountRecord(profile: AccountProfile, identity: AccountIdentity): AccountRecord {
  return {
    sourceSystem: DEMO_SOURCE_KEYS.crm,
    externalId: identity.externalId,
    name: identity.name,
    industry: profile.industry,
    segment: profile.segment,
    region: profile.region,
    annualRevenue: profile.annualRevenueUsd,
  };
}
