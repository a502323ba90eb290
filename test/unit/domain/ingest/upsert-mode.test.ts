import { mergeProperties } from "../../../../domain/ingest/upsert-mode";
import { completeRow } from "../../../../services/ingest/record-rows";

const SENT = { name: "Pike", industry: undefined, segment: null, region: "EMEA" };
const STORED = { name: "Pike", industry: "LOGISTICS", segment: "SMB", region: "NA", tenant: "t", contentHash: "x" };

describe("mergeProperties", () => {
  it("keeps the stored value of an omitted field when merging, and clears a field sent as null", () => {
    expect(mergeProperties(SENT, STORED, "MERGE")).toEqual({
      name: "Pike",
      industry: "LOGISTICS",
      segment: null,
      region: "EMEA",
    });
  });

  it("clears every omitted field when replacing", () => {
    expect(mergeProperties(SENT, STORED, "REPLACE")).toEqual({
      name: "Pike",
      industry: null,
      segment: null,
      region: "EMEA",
    });
  });

  it("gives a new record null for an omitted field in either mode", () => {
    expect(mergeProperties(SENT, null, "MERGE")).toEqual(mergeProperties(SENT, null, "REPLACE"));
    expect(mergeProperties(SENT, null, "MERGE").industry).toBeNull();
  });

  it("takes only the record's own fields from what is stored, not bookkeeping properties", () => {
    expect(Object.keys(mergeProperties(SENT, STORED, "MERGE")).sort()).toEqual(
      ["industry", "name", "region", "segment"].sort(),
    );
  });
});

describe("completeRow", () => {
  const key = { index: 0, id: "acc_x", sourceSystem: "crm", externalId: "P-1" };

  it("hashes the merged record, so a partial resend equals the full record it leaves unchanged", () => {
    const full = completeRow({ ...key, sent: { name: "Pike", industry: "LOGISTICS", region: null } }, null, "MERGE");
    const partial = completeRow(
      { ...key, sent: { name: "Pike", industry: undefined, region: undefined } },
      full.props,
      "MERGE",
    );
    expect(partial.hash).toBe(full.hash);
    expect(partial.props).toEqual(full.props);
  });

  it("gives a different hash when a kept field is cleared", () => {
    const stored = { name: "Pike", industry: "LOGISTICS" };
    const kept = completeRow({ ...key, sent: { name: "Pike", industry: undefined } }, stored, "MERGE");
    const cleared = completeRow({ ...key, sent: { name: "Pike", industry: null } }, stored, "MERGE");
    expect(kept.hash).not.toBe(cleared.hash);
  });

  it("carries the link target into the hash", () => {
    const a = completeRow({ ...key, targetId: "acc_a", sent: { name: "C" } }, null, "MERGE");
    const b = completeRow({ ...key, targetId: "acc_b", sent: { name: "C" } }, null, "MERGE");
    expect(a.hash).not.toBe(b.hash);
    expect(a.targetId).toBe("acc_a");
  });
});
