import { contentHash } from "../../../../domain/ingest/content-hash";
import {
  assetRow,
  completeOrganizationRow,
  completeRow,
  organizationRow,
} from "../../../../services/ingest/record-rows";

const ASSET = {
  sourceSystem: "crm",
  externalId: "V-1",
  name: "Vehicle 1",
  account: { externalId: "A-1" },
  serialNumber: "SN-1",
  model: null,
  installedOn: null,
};

describe("content hashes of records stored before region, batch and servesRegions existed (issue 11)", () => {
  it("hashes an asset without region and batch as it did before they were added", () => {
    const row = completeRow(assetRow("t", 0, ASSET), null, "REPLACE");
    const before = { name: "Vehicle 1", serialNumber: "SN-1", model: null, installedOn: null };
    expect(row.hash).toBe(contentHash({ props: before, targetId: row.targetId }));
    expect(row.props).toMatchObject({ region: null, batch: null });
    expect(row).not.toHaveProperty("addedFields");
  });

  it("hashes an asset with a batch differently from one without", () => {
    const without = completeRow(assetRow("t", 0, ASSET), null, "REPLACE");
    const withBatch = completeRow(assetRow("t", 0, { ...ASSET, batch: "CELL-7" }), null, "REPLACE");
    expect(withBatch.hash).not.toBe(without.hash);
    expect(withBatch.props.batch).toBe("CELL-7");
  });

  it("stores an organization's regions as a sorted, trimmed set", () => {
    const sent = organizationRow("t", 0, {
      sourceSystem: "crm",
      externalId: "P-1",
      name: "Partner",
      kind: "PARTNER",
      servesRegions: ["b", " a", "b "],
      links: [],
    });
    expect(completeOrganizationRow(sent, null, "REPLACE").props.servesRegions).toEqual(["a", "b"]);
  });
});
