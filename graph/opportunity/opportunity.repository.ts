import { OpportunityStage } from "../../domain/records";
import { Opportunity, Page } from "../../domain/model";
import { childListQuery } from "../common/child-list.query";
import { ChildPageRequest, readChildPages } from "../common/child-list.reader";
import { instant, optionalNumber, optionalText, text } from "../common/row-mapping";
import { NodeProperties, PROVENANCE_PROPERTIES, selectedNodeProjection } from "../common/node-projection";
import { ChildListBatch } from "../common/child-list.batch";

/** The stored properties an opportunity read may select. */
export const OPPORTUNITY_PROPERTIES = [
  ...PROVENANCE_PROPERTIES,
  "name",
  "stage",
  "amount",
  "currency",
  "closeDate",
] as const;
export type OpportunityProperty = (typeof OPPORTUNITY_PROPERTIES)[number];
export const OPPORTUNITY_NODE: NodeProperties<OpportunityProperty> = {
  allowed: OPPORTUNITY_PROPERTIES,
  instants: ["firstSeenAt", "lastUpdatedAt"],
};

const OPPORTUNITIES_OF_ACCOUNTS = childListQuery({
  name: "account.opportunities",
  parentLabel: "Account",
  pattern: "(parent)<-[r:FOR_ACCOUNT]-(child:Opportunity)",
  // Most recent close date first; opportunities without one sort last.
  sortKeys: ["coalesce(child.closeDate, '0000-00-00')", "child.id"],
  direction: "DESC",
  projection: (selection) => selectedNodeProjection("child", selection, OPPORTUNITY_NODE, "accountId: parent.id"),
  filter: "key.stages IS NULL OR child.stage IN key.stages",
});

export function toOpportunity(row: Record<string, unknown>): Opportunity {
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
    stage: text(row, "stage") as OpportunityStage,
    amount: optionalNumber(row, "amount"),
    currency: optionalText(row, "currency"),
    closeDate: optionalText(row, "closeDate"),
  };
}

/** Reads opportunities of one tenant. */
export class OpportunityRepository {
  constructor(private readonly lists: ChildListBatch) {}

  /** Pages of opportunities for many accounts in one round trip; `stages` in a request filters. */
  pageByAccounts(requests: readonly ChildPageRequest[]): Promise<Array<Page<Opportunity>>> {
    return readChildPages(this.lists, OPPORTUNITIES_OF_ACCOUNTS, requests, toOpportunity);
  }
}
