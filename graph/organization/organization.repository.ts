import { NETWORK_RELATIONSHIPS, NetworkRelationship, OrganizationKind } from "../../domain/records";
import { NetworkLink, Organization, Page } from "../../domain/model";
import { childListQuery } from "../common/child-list.query";
import { ChildPageRequest, readChildPages } from "../common/child-list.reader";
import { instant, optionalText, text } from "../common/row-mapping";
import { NodeProperties, PROVENANCE_PROPERTIES, selectedNodeProjection } from "../common/node-projection";
import { ChildListBatch } from "../common/child-list.batch";

/** `PARTNER_OF|SUPPLIES|...`, from the whitelist in the domain model. */
export const NETWORK_TYPES = NETWORK_RELATIONSHIPS.join("|");

/** The stored properties an organization read may select. */
export const ORGANIZATION_PROPERTIES = [...PROVENANCE_PROPERTIES, "name", "kind", "region", "servesRegions"] as const;
export type OrganizationProperty = (typeof ORGANIZATION_PROPERTIES)[number];
export const ORGANIZATION_NODE: NodeProperties<OrganizationProperty> = {
  allowed: ORGANIZATION_PROPERTIES,
  instants: ["firstSeenAt", "lastUpdatedAt"],
};

const NETWORK_OF_ACCOUNTS = childListQuery({
  name: "account.network",
  parentLabel: "Account",
  pattern: `(parent)<-[r:${NETWORK_TYPES}]-(child:Organization)`,
  // An organization can relate to one account in several ways; the type makes the order total.
  sortKeys: ["child.name", "child.id + '|' + type(r)"],
  direction: "ASC",
  projection: (selection) =>
    `{organization: ${selectedNodeProjection("child", selection, ORGANIZATION_NODE)}, relationship: type(r)}`,
  filter: "key.relationships IS NULL OR type(r) IN key.relationships",
});

export function toOrganization(row: Record<string, unknown>): Organization {
  return {
    // The provenance fields written out, not spread from provenance(row): spreading one object into a
    // literal with more fields costs about eight times as much per row (npm run bench:conversions).
    id: text(row, "id"),
    sourceSystem: text(row, "sourceSystem"),
    externalId: text(row, "externalId"),
    firstSeenAt: instant(row, "firstSeenAt"),
    lastUpdatedAt: instant(row, "lastUpdatedAt"),
    name: text(row, "name"),
    kind: text(row, "kind") as OrganizationKind,
    region: optionalText(row, "region"),
    servesRegions: Array.isArray(row.servesRegions) ? row.servesRegions.map(String) : [],
  };
}

function toNetworkLink(row: Record<string, unknown>): NetworkLink {
  return {
    organization: toOrganization(row.organization as Record<string, unknown>),
    relationship: text(row, "relationship") as NetworkRelationship,
  };
}

/** Reads the value network (partners, suppliers, service providers, resellers) of one tenant. */
export class OrganizationRepository {
  constructor(private readonly lists: ChildListBatch) {}

  /** Pages of the organizations around many accounts, with how each relates to the account. */
  networkByAccounts(requests: readonly ChildPageRequest[]): Promise<Array<Page<NetworkLink>>> {
    return readChildPages(this.lists, NETWORK_OF_ACCOUNTS, requests, toNetworkLink);
  }
}
