import { BuyingRole } from "../../domain/records";
import { Contact, Page } from "../../domain/model";
import { childListQuery } from "../common/child-list.query";
import { ChildPageRequest, readChildPages } from "../common/child-list.reader";
import { instant, optionalText, text } from "../common/row-mapping";
import { NodeProperties, PROVENANCE_PROPERTIES, selectedNodeProjection } from "../common/node-projection";
import { ChildListBatch } from "../common/child-list.batch";

/** The stored properties a contact read may select. */
export const CONTACT_PROPERTIES = [...PROVENANCE_PROPERTIES, "name", "title", "email", "phone", "buyingRole"] as const;
export type ContactProperty = (typeof CONTACT_PROPERTIES)[number];
export const CONTACT_NODE: NodeProperties<ContactProperty> = {
  allowed: CONTACT_PROPERTIES,
  instants: ["firstSeenAt", "lastUpdatedAt"],
};

const CONTACTS_OF_ACCOUNTS = childListQuery({
  name: "account.contacts",
  parentLabel: "Account",
  pattern: "(parent)<-[r:WORKS_AT]-(child:Contact)",
  sortKeys: ["child.name", "child.id"],
  direction: "ASC",
  projection: (selection) => selectedNodeProjection("child", selection, CONTACT_NODE, "accountId: parent.id"),
});

export function toContact(row: Record<string, unknown>): Contact {
  return {
    // The provenance fields written out, not spread from provenance(row): spreading one object into a
    // literal with more fields costs about eight times as much per row (npm run bench:conversions).
    id: text(row, "id"),
    sourceSystem: text(row, "sourceSystem"),
    externalId: text(row, "externalId"),
    firstSeenAt: instant(row, "firstSeenAt"),
    lastUpdatedAt: instant(row, "lastUpdatedAt"),
    accountId: text(row, "accountId"),
    name: text(row, "name"),
    title: optionalText(row, "title"),
    email: optionalText(row, "email"),
    phone: optionalText(row, "phone"),
    buyingRole: optionalText(row, "buyingRole") as BuyingRole | null,
  };
}

/** Reads contacts of one tenant. */
export class ContactRepository {
  constructor(private readonly lists: ChildListBatch) {}

  /** Pages of contacts for many accounts in one round trip, ordered by name. */
  pageByAccounts(requests: readonly ChildPageRequest[]): Promise<Array<Page<Contact>>> {
    return readChildPages(this.lists, CONTACTS_OF_ACCOUNTS, requests, toContact);
  }
}
