/**
 * The value network: partners, suppliers, service providers and resellers, each serving several
 * accounts of one region, mostly in the industry it specialises in.
 */
import {
  NETWORK_RELATIONSHIPS,
  type NetworkRelationship,
  type OrganizationKind,
  type OrganizationLinkRecord,
  type OrganizationRecord,
} from "../domain/records";
import type { AccountProfile } from "./account-profile.builder";
import {
  ACCOUNTS_PER_ORGANIZATION,
  ASSET_INDUSTRIES,
  DEMO_SOURCE_KEYS,
  STREAM,
  type DemoIndustry,
  type DemoRegion,
} from "./demo-data.constants";
import { accountExternalId, organizationExternalId } from "./demo-ids.helper";
import { LEGAL_FORMS, ORGANIZATION_KIND_NOUNS } from "./demo-words.constants";
import { deriveSeed, SeededRandom, type Weighted } from "./seeded-random";
import type { UniqueNameBuilder } from "./unique-name.builder";

/** Account indices grouped by region and by (region, industry), for choosing an organization's accounts. */
export class AccountDirectory {
  private readonly regions = new Map<DemoRegion, number[]>();
  private readonly regionIndustries = new Map<string, number[]>();

  constructor(profiles: Iterable<AccountProfile>) {
    for (const profile of profiles) {
      AccountDirectory.append(this.regions, profile.region, profile.index);
      AccountDirectory.append(this.regionIndustries, `${profile.region}/${profile.industry}`, profile.index);
    }
  }

  inRegion(region: DemoRegion): readonly number[] {
    return this.regions.get(region) ?? [];
  }

  inRegionAndIndustry(region: DemoRegion, industry: DemoIndustry): readonly number[] {
    return this.regionIndustries.get(`${region}/${industry}`) ?? [];
  }

  private static append<K>(map: Map<K, number[]>, key: K, index: number): void {
    const list = map.get(key);
    if (list === undefined) {
      map.set(key, [index]);
    } else {
      list.push(index);
    }
  }
}

/** The relationship an organization of each kind usually has with the accounts it serves. */
const PRIMARY_RELATIONSHIP: Readonly<Record<OrganizationKind, NetworkRelationship>> = {
  PARTNER: "PARTNER_OF",
  SUPPLIER: "SUPPLIES",
  SERVICE_PROVIDER: "SERVICES",
  RESELLER: "RESELLS_TO",
};

function kindWeights(industry: DemoIndustry): Weighted<OrganizationKind>[] {
  const hasInstalledBase = ASSET_INDUSTRIES.has(industry);
  const producesGoods = industry === "MANUFACTURING" || industry === "AUTOMOTIVE";
  const sellsThroughChannels = industry === "SAAS" || industry === "ECOMMERCE";
  return [
    ["PARTNER", 30],
    ["SUPPLIER", producesGoods ? 35 : 15],
    // Installed products need local field service: the partner that gets the work order.
    ["SERVICE_PROVIDER", hasInstalledBase ? 40 : 20],
    ["RESELLER", sellsThroughChannels ? 30 : 15],
  ];
}

/** Number of organizations for a number of accounts: about one per twenty accounts. */
export function organizationCount(accountCount: number): number {
  return accountCount === 0 ? 0 : Math.ceil(accountCount / ACCOUNTS_PER_ORGANIZATION);
}

/** Share of an organization's accounts that come from its own industry rather than any in the region. */
const SAME_INDUSTRY_SHARE = 0.7;

export function buildOrganization(
  seed: number,
  organizationIndex: number,
  accountCount: number,
  directory: AccountDirectory,
  profileOf: (accountIndex: number) => AccountProfile,
  names: UniqueNameBuilder,
): OrganizationRecord {
  const rng = new SeededRandom(deriveSeed(seed, STREAM.organizations, organizationIndex));
  // Each organization is anchored at an account of "its" block of twenty, which spreads organizations
  // over regions and industries in proportion to the accounts.
  const blockStart = organizationIndex * ACCOUNTS_PER_ORGANIZATION;
  const anchorIndex = Math.min(accountCount - 1, blockStart + rng.int(0, ACCOUNTS_PER_ORGANIZATION - 1));
  const anchor = profileOf(anchorIndex);
  const kind = rng.weighted(kindWeights(anchor.industry));
  const sameIndustry = directory.inRegionAndIndustry(anchor.region, anchor.industry);
  const sameRegion = directory.inRegion(anchor.region);

  const wanted = Math.min(rng.int(3, 10), sameRegion.length);
  const linked = new Set<number>([anchorIndex]);
  for (let attempt = 0; linked.size < wanted && attempt < wanted * 20; attempt += 1) {
    const pool = rng.chance(SAME_INDUSTRY_SHARE) ? sameIndustry : sameRegion;
    linked.add(rng.pick(pool));
  }
  const links: OrganizationLinkRecord[] = [...linked].map((accountIndex) => ({
    account: { externalId: accountExternalId(accountIndex), sourceSystem: DEMO_SOURCE_KEYS.crm },
    // Mostly the kind's own relationship; now and then a partner also resells or services.
    relationship: rng.chance(0.85) ? PRIMARY_RELATIONSHIP[kind] : rng.pick(NETWORK_RELATIONSHIPS),
  }));

  const parts = names.build(organizationIndex, anchor.region);
  const noun = rng.pick(ORGANIZATION_KIND_NOUNS[kind]);
  const qualifier = parts.qualifier === null ? "" : ` (${parts.qualifier})`;
  return {
    sourceSystem: DEMO_SOURCE_KEYS.erp,
    externalId: organizationExternalId(organizationIndex),
    name: `${parts.brand} ${noun}${qualifier} ${rng.pick(LEGAL_FORMS[anchor.region])}`,
    kind,
    region: anchor.region,
    links,
  };
}
