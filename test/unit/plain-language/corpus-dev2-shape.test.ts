/**
 * The shape of the second development corpus of the plain-language parser (issue 12),
 * `test/fixtures/plain-language/development-2.json`: ids, counts per language, known kinds, concept ids
 * against `ontology/packs/*.pack.yaml`, event types against `CHANGE_TYPES`, ids against `directory.json`.
 * It checks the corpus only and reads no other half of it.
 */
import { Entry, loadCorpus, Obj, problemsOf, TRIGGER_KINDS } from "../../support/plain-language-corpus";

const entries: Entry[] = loadCorpus("development-2.json");

describe("plain-language corpus: development-2.json", () => {
  it("has 40 entries, 20 English and 20 Chinese, with unique ids of the d2- series", () => {
    expect(entries).toHaveLength(40);
    const en = entries.filter((e) => e.lang === "en");
    const zh = entries.filter((e) => e.lang === "zh");
    expect(en).toHaveLength(20);
    expect(zh).toHaveLength(20);
    expect(en.map((e) => e.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `d2-en-${String(i + 1).padStart(2, "0")}`),
    );
    expect(zh.map((e) => e.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `d2-zh-${String(i + 1).padStart(2, "0")}`),
    );
    for (const e of entries) {
      expect(Object.keys(e).every((k) => ["id", "lang", "text", "expected", "notes"].includes(k))).toBe(true);
      expect(e.text.trim()).not.toBe("");
    }
  });

  it("names only pack concepts, change types and directory ids, with known kinds", () => {
    expect(entries.flatMap((e) => problemsOf(e))).toEqual([]);
  });

  it("covers every trigger kind in both languages and has 6-8 entries with unrecognised phrases", () => {
    for (const lang of ["en", "zh"]) {
      const kinds = new Set(entries.filter((e) => e.lang === lang).map((e) => (e.expected.trigger as Obj).kind));
      expect([...kinds].sort()).toEqual([...TRIGGER_KINDS].sort());
    }
    const withUnrecognised = entries.filter((e) => e.expected.unrecognised !== undefined).length;
    expect(withUnrecognised).toBeGreaterThanOrEqual(6);
    expect(withUnrecognised).toBeLessThanOrEqual(8);
  });

  it("shows the arithmetic of every converted threshold in its notes", () => {
    for (const e of entries) {
      const t = e.expected.trigger as Obj;
      if (t.kind === "CONCEPT_THRESHOLD" && t.value !== 0.5) expect(e.notes ?? "").toMatch(/threshold/i);
    }
  });
});
