import { manualMeasureChange, outcomeChange } from "../../../domain/events/account-fact-changes";

const account = { accountId: "acc-1", externalId: "A-1", sourceSystem: "crm" };

describe("outcomeChange", () => {
  it("records a new outcome with its date and label", () => {
    expect(outcomeChange(account, { occurredOn: "2026-11-01", label: "CHURNED" }, null)).toEqual({
      type: "OUTCOME_RECORDED",
      recordId: "acc-1",
      externalId: "A-1",
      sourceSystem: "crm",
      changes: [
        { field: "occurredOn", old: null, new: "2026-11-01" },
        { field: "label", old: null, new: "CHURNED" },
      ],
    });
  });

  it("records a relabelled outcome, naming its date", () => {
    expect(outcomeChange(account, { occurredOn: "2026-11-01", label: "RENEWED" }, "CHURNED")?.changes).toEqual([
      { field: "occurredOn", old: "2026-11-01", new: "2026-11-01" },
      { field: "label", old: "CHURNED", new: "RENEWED" },
    ]);
  });

  it("stays silent when the label is the one stored", () => {
    expect(outcomeChange(account, { occurredOn: "2026-11-01", label: "CHURNED" }, "CHURNED")).toBeNull();
  });
});

describe("manualMeasureChange", () => {
  const measure = { id: "mm_2", value: 0.6, author: "ana", comment: null, expiresAt: null };

  it("lists the concept, the fields that differ and the new measure's id", () => {
    const change = manualMeasureChange(account, "core:adoption", measure, { ...measure, id: "mm_1", value: 0.3 });
    expect(change).toEqual({
      type: "MANUAL_MEASURE_SET",
      recordId: "acc-1",
      externalId: "A-1",
      sourceSystem: "crm",
      changes: [
        { field: "concept", old: "core:adoption", new: "core:adoption" },
        { field: "value", old: 0.3, new: 0.6 },
        { field: "measureId", old: "mm_1", new: "mm_2" },
      ],
    });
  });

  it("lists every set field of a first measure", () => {
    const change = manualMeasureChange(account, "core:adoption", { ...measure, comment: "call went well" }, null);
    expect(change?.changes.map((c) => [c.field, c.old, c.new])).toEqual([
      ["concept", null, "core:adoption"],
      ["value", null, 0.6],
      ["comment", null, "call went well"],
      ["author", null, "ana"],
      ["measureId", null, "mm_2"],
    ]);
  });

  it("stays silent when the same judgement is set again", () => {
    expect(manualMeasureChange(account, "core:adoption", measure, { ...measure, id: "mm_1" })).toBeNull();
  });

  it("compares expiry instants, not their spelling", () => {
    const expiring = { ...measure, expiresAt: "2027-01-01T00:00:00Z" };
    const stored = { ...measure, id: "mm_1", expiresAt: "2027-01-01T00:00:00.000Z" };
    expect(manualMeasureChange(account, "core:adoption", expiring, stored)).toBeNull();
  });
});
