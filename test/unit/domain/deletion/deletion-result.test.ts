import {
  DeletionOutcome,
  NO_CASCADE,
  purgeCutoff,
  restorableUntil,
  summarizeDeletion,
} from "../../../../domain/deletion/deletion-result";

const outcome = (index: number, status: DeletionOutcome["status"]): DeletionOutcome => ({
  index,
  id: `acc_${index}`,
  kind: "Account",
  status,
  deletedAt: null,
  restorableUntil: null,
  cascaded: NO_CASCADE,
  changedIds: [],
});

describe("summarizeDeletion", () => {
  it("counts changed and unchanged records and sorts both lists by batch index", () => {
    const result = summarizeDeletion(
      [outcome(3, "ALREADY_DELETED"), outcome(0, "DELETED"), outcome(2, "RESTORED"), outcome(4, "NOT_DELETED")],
      [
        { index: 5, ref: null, code: "NOT_FOUND", reason: "x" },
        { index: 1, ref: null, code: "INVALID_REF", reason: "y" },
      ],
    );
    expect(result).toMatchObject({ changed: 2, unchanged: 2, rejected: 2 });
    expect(result.records.map((r) => r.index)).toEqual([0, 2, 3, 4]);
    expect(result.rejections.map((r) => r.index)).toEqual([1, 5]);
  });
});

describe("retention", () => {
  it("keeps a record restorable for the retention period after its deletion", () => {
    expect(restorableUntil("2026-11-01T10:00:00.000Z", 30)).toBe("2026-12-01T10:00:00.000Z");
  });

  it("purges what was deleted before now minus the retention; 0 days purges everything deleted", () => {
    const now = new Date("2026-12-01T10:00:00.000Z");
    expect(purgeCutoff(now, 7)).toBe("2026-11-24T10:00:00.000Z");
    expect(purgeCutoff(now, 0)).toBe(now.toISOString());
  });
});
