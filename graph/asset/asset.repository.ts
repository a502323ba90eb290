import { Asset, Page } from "../../domain/model";
import { childListQuery } from "../common/child-list.query";
import { ChildPageRequest, readChildPages } from "../common/child-list.reader";
import { instant, optionalText, text } from "../common/row-mapping";
import { NodeProperties, PROVENANCE_PROPERTIES, selectedNodeProjection } from "../common/node-projection";
import { ChildListBatch } from "../common/child-list.batch";

/** The stored properties an asset read may select. */
export const ASSET_PROPERTIES = [
  ...PROVENANCE_PROPERTIES,
  "name",
  "serialNumber",
  "model",
  "installedOn",
  "region",
  "batch",
] as const;
export type AssetProperty = (typeof ASSET_PROPERTIES)[number];
export const ASSET_NODE: NodeProperties<AssetProperty> = {
  allowed: ASSET_PROPERTIES,
  instants: ["firstSeenAt", "lastUpdatedAt"],
};

const ASSETS_OF_ACCOUNTS = childListQuery({
  name: "account.assets",
  parentLabel: "Account",
  pattern: "(parent)<-[r:INSTALLED_AT]-(child:Asset)",
  sortKeys: ["child.name", "child.id"],
  direction: "ASC",
  projection: (selection) => selectedNodeProjection("child", selection, ASSET_NODE, "accountId: parent.id"),
});

export function toAsset(row: Record<string, unknown>): Asset {
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
    serialNumber: optionalText(row, "serialNumber"),
    model: optionalText(row, "model"),
    installedOn: optionalText(row, "installedOn"),
    region: optionalText(row, "region"),
    batchCode: optionalText(row, "batch"),
  };
}

/** Reads installed assets of one tenant. */
export class AssetRepository {
  constructor(private readonly lists: ChildListBatch) {}

  pageByAccounts(requests: readonly ChildPageRequest[]): Promise<Array<Page<Asset>>> {
    return readChildPages(this.lists, ASSETS_OF_ACCOUNTS, requests, toAsset);
  }
}
