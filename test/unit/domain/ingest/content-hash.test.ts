import { contentHash } from "../../../../domain/ingest/content-hash";

describe("contentHash", () => {
  describe("same content, same hash", () => {
    it("is independent of key order, at every depth", () => {
      const a = { name: "Acme", props: { region: "EMEA", industry: "HEALTHCARE" }, links: [{ id: "1", type: "X" }] };
      const b = { links: [{ type: "X", id: "1" }], props: { industry: "HEALTHCARE", region: "EMEA" }, name: "Acme" };
      expect(contentHash(a)).toBe(contentHash(b));
    });

    it("is stable across calls (a short URL-safe digest)", () => {
      const value = { name: "Acme", revenue: 1.5 };
      expect(contentHash(value)).toBe(contentHash({ ...value }));
      expect(contentHash(value)).toMatch(/^[A-Za-z0-9_-]{27}$/);
    });

    it("treats an undefined property like a missing one", () => {
      expect(contentHash({ name: "Acme", region: undefined })).toBe(contentHash({ name: "Acme" }));
    });
  });

  describe("different content, different hash", () => {
    it("changes when a value changes", () => {
      expect(contentHash({ name: "Acme" })).not.toBe(contentHash({ name: "Acme " }));
      expect(contentHash({ revenue: 1 })).not.toBe(contentHash({ revenue: 2 }));
    });

    it("distinguishes types that print alike", () => {
      expect(contentHash({ value: 1 })).not.toBe(contentHash({ value: "1" }));
      expect(contentHash({ value: true })).not.toBe(contentHash({ value: "true" }));
    });

    it("keeps the order of list items, which is content", () => {
      expect(contentHash({ links: ["a", "b"] })).not.toBe(contentHash({ links: ["b", "a"] }));
    });

    it("distinguishes null from a missing property", () => {
      expect(contentHash({ name: "Acme", region: null })).not.toBe(contentHash({ name: "Acme" }));
    });
  });
});
