/**
 * The shape of the sixth development corpus of the plain-language parser (issue 12),
 * `test/fixtures/plain-language/development-6.json` (24 English and 24 Chinese sentences written blind to the
 * parser, its tests and the other blind sets, on 2026-12-03): the shared blind-set checks (ids, counts, known
 * kinds, pack concepts, change types, directory ids, completed drafts valid for `validatePlaybook`, arithmetic in
 * the notes), its own mix of trigger kinds and modes, a few sentences in traditional characters, and no id or
 * sentence shared with development-5 or the sets it took its format from. It checks the corpus only and runs no
 * parser on it.
 */
import { describeBlindCorpusShape } from "../../support/blind-corpus-shape";
import { loadCorpus, Obj, TRIGGER_KINDS } from "../../support/plain-language-corpus";

const entries = describeBlindCorpusShape("development-6.json", "d6b");

/** Sentences compared without case and whitespace, so a re-spaced copy still counts as the same sentence. */
const normalised = (text: string) => text.toLowerCase().replace(/\s+/g, "");

describe("plain-language corpus: development-6.json, its own mix", () => {
  it("mixes the trigger kinds per language: thresholds 6, signal counts 5, events 5, grade changes 4, trends 4", () => {
    for (const lang of ["en", "zh"]) {
      const byKind = new Map<string, number>(TRIGGER_KINDS.map((k) => [k, 0]));
      for (const e of entries.filter((x) => x.lang === lang)) {
        const kind = (e.expected.trigger as Obj).kind as string;
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      }
      expect(Object.fromEntries(byKind)).toEqual({
        CONCEPT_THRESHOLD: 6,
        SIGNAL_COUNT: 5,
        EVENT: 5,
        HEALTH_GRADE_CHANGE: 4,
        CONCEPT_TREND: 4,
      });
    }
  });

  it("asks first and runs automatically in both languages, and has some Chinese in traditional characters", () => {
    for (const lang of ["en", "zh"]) {
      const modes = new Set(entries.filter((e) => e.lang === lang).map((e) => e.expected.mode));
      expect(modes).toEqual(new Set(["SUGGEST", "AUTO", undefined]));
    }
    const traditional = entries.filter((e) => e.lang === "zh" && /[醫戶週團聯經銀務請並瀏覽]/.test(e.text));
    expect(traditional.length).toBeGreaterThanOrEqual(2);
    expect(traditional.length).toBeLessThanOrEqual(3);
  });

  it("names something unknown in four or five sentences of each language", () => {
    for (const lang of ["en", "zh"]) {
      const n = entries.filter((e) => e.lang === lang && e.expected.unrecognised !== undefined).length;
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(5);
    }
  });

  it("shares no id and no sentence with development-5 or the sets its format was taken from", () => {
    const others = ["development-5.json", "development.json", "development-2.json"].flatMap((f) => loadCorpus(f));
    const otherIds = new Set(others.map((e) => e.id));
    const otherTexts = new Set(others.map((e) => normalised(e.text)));
    expect(entries.filter((e) => otherIds.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(entries.filter((e) => otherTexts.has(normalised(e.text))).map((e) => e.id)).toEqual([]);
    expect(new Set(entries.map((e) => normalised(e.text))).size).toBe(entries.length);
  });
});
