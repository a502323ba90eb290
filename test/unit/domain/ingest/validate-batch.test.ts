import { BatchRules, validateBatch } from "../../../../domain/ingest/validate-batch";

interface Item {
  source: string;
  id: string;
  name: string;
}

const RULES: BatchRules<Item> = {
  check: (item) => (item.name.trim() === "" ? "name must not be empty" : null),
  keyOf: (item) => `${item.source}\u0000${item.id}`,
  externalIdOf: (item) => item.id,
};

describe("validateBatch", () => {
  describe("valid batches", () => {
    it("keeps every valid record with its index, in order", () => {
      const items = [
        { source: "crm", id: "1", name: "a" },
        { source: "crm", id: "2", name: "b" },
      ];
      expect(validateBatch(items, RULES)).toEqual({
        valid: [
          { index: 0, record: items[0] },
          { index: 1, record: items[1] },
        ],
        rejections: [],
      });
    });

    it("accepts an empty batch", () => {
      expect(validateBatch([], RULES)).toEqual({ valid: [], rejections: [] });
    });

    it("treats the same id from two source systems as two records", () => {
      const items = [
        { source: "crm", id: "1", name: "a" },
        { source: "erp", id: "1", name: "a" },
      ];
      expect(validateBatch(items, RULES).valid).toHaveLength(2);
    });
  });

  describe("rejections", () => {
    it("rejects an invalid record with its index, external id and reason, and keeps the others", () => {
      const items = [
        { source: "crm", id: "1", name: "a" },
        { source: "crm", id: "2", name: " " },
        { source: "crm", id: "3", name: "c" },
      ];
      const result = validateBatch(items, RULES);
      expect(result.valid.map((v) => v.index)).toEqual([0, 2]);
      expect(result.rejections).toEqual([{ index: 1, externalId: "2", reason: "name must not be empty" }]);
    });

    it("rejects a later record with the key of an earlier one, naming the earlier index", () => {
      const items = [
        { source: "crm", id: "1", name: "first" },
        { source: "crm", id: "2", name: "other" },
        { source: "crm", id: "1", name: "second" },
      ];
      const result = validateBatch(items, RULES);
      expect(result.valid.map((v) => v.record.name)).toEqual(["first", "other"]);
      expect(result.rejections).toEqual([
        {
          index: 2,
          externalId: "1",
          reason: "duplicate of record 0 in this batch (same source system and id); send each record once",
        },
      ]);
    });

    it("rejects every repetition of a key, each pointing at the first record", () => {
      const items = [0, 1, 2].map(() => ({ source: "crm", id: "1", name: "x" }));
      const reasons = validateBatch(items, RULES).rejections.map((r) => [r.index, r.reason.slice(0, 22)]);
      expect(reasons).toEqual([
        [1, "duplicate of record 0 "],
        [2, "duplicate of record 0 "],
      ]);
    });

    it("accepts a record that repeats the key of an earlier rejected record", () => {
      const items = [
        { source: "crm", id: "1", name: "" },
        { source: "crm", id: "1", name: "fixed" },
      ];
      const result = validateBatch(items, RULES);
      expect(result.valid).toEqual([{ index: 1, record: items[1] }]);
      expect(result.rejections.map((r) => r.index)).toEqual([0]);
    });

    it("rejects a record that is not an object without calling the rules on it", () => {
      const check = jest.fn(RULES.check);
      const items = [null, 42, { source: "crm", id: "1", name: "a" }] as unknown as Item[];
      const result = validateBatch(items, { ...RULES, check });
      expect(result.rejections).toEqual([
        { index: 0, externalId: null, reason: "the record must be an object" },
        { index: 1, externalId: null, reason: "the record must be an object" },
      ]);
      expect(check).toHaveBeenCalledTimes(1);
    });

    it("shows no external id when the record's is not text", () => {
      const items = [{ source: "crm", id: 7, name: "" }] as unknown as Item[];
      expect(validateBatch(items, RULES).rejections[0]?.externalId).toBeNull();
    });
  });
});
