/**
 * An account's buying committee: contacts with names, titles, e-mail, phone and buying role.
 */
import type { BuyingRole, ContactRecord } from "../domain/records";
import type { AccountIdentity } from "./account.builder";
import type { AccountProfile } from "./account-profile.builder";
import { DEMO_SOURCE_KEYS, STREAM } from "./demo-data.constants";
import { contactExternalId } from "./demo-ids.helper";
import {
  COMMITTEE_ROLES,
  INDUSTRY_ROLE_TITLES,
  PERSON_NAMES,
  PHONE_PATTERNS,
  ROLE_TITLES,
} from "./demo-words.constants";
import { deriveSeed, SeededRandom } from "./seeded-random";

/** Roles for committees larger than the canonical list: extra users and influencers. */
const EXTRA_ROLES: readonly BuyingRole[] = ["USER", "INFLUENCER"];

const emailLabel = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "");

function fillDigits(rng: SeededRandom, pattern: string): string {
  return pattern.replace(/#/g, () => String(rng.int(0, 9)));
}

export function buildContacts(seed: number, profile: AccountProfile, identity: AccountIdentity): ContactRecord[] {
  const rng = new SeededRandom(deriveSeed(seed, STREAM.contacts, profile.index));
  const names = PERSON_NAMES[profile.region];
  const roles = COMMITTEE_ROLES[profile.segment];
  const usedEmails = new Set<string>();
  const contacts: ContactRecord[] = [];
  for (let position = 0; position < profile.contactCount; position += 1) {
    const buyingRole = roles[position] ?? rng.pick(EXTRA_ROLES);
    const given = rng.pick(names.given);
    const family = rng.pick(names.family);
    const titles = INDUSTRY_ROLE_TITLES[profile.industry][buyingRole] ?? ROLE_TITLES[buyingRole];
    const title = rng.pick(titles);
    const phone = fillDigits(rng, PHONE_PATTERNS[profile.region]);
    let localPart = `${emailLabel(given)}.${emailLabel(family)}`;
    // Two people with the same name in one company get numbered addresses, as mail servers do.
    if (usedEmails.has(localPart)) {
      localPart = `${localPart}${position + 1}`;
    }
    usedEmails.add(localPart);
    contacts.push({
      sourceSystem: DEMO_SOURCE_KEYS.crm,
      externalId: contactExternalId(profile.index, position),
      account: { externalId: identity.externalId, sourceSystem: DEMO_SOURCE_KEYS.crm },
      name: names.familyNameFirst ? `${family} ${given}` : `${given} ${family}`,
      title,
      email: `${localPart}@${identity.emailDomain}`,
      phone,
      buyingRole,
    });
  }
  return contacts;
}
