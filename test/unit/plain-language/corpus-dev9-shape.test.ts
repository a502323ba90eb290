/**
 * The shape of the ninth development corpus of the plain-language parser (issue 12),
 * `test/fixtures/plain-language/development-9.json` (16 English and 16 Chinese sentences written blind to the
 * parser, its tests and the other blind sets, on 2026-12-03, and kept unmeasured for the next session): the shared
 * blind-set checks (ids, counts, known kinds, pack concepts, change types, directory ids, completed drafts valid for
 * `validatePlaybook`, arithmetic in the notes), its own mix of trigger kinds and modes, success criteria of every
 * feedback kind, two sentences in traditional characters, three entries per language naming something unknown, and
 * no id or sentence shared with the other corpus files. It checks the corpus only and runs no parser on it.
 */
import { describeBlindCorpusShape } from "../../support/blind-corpus-shape";
import { loadCorpus, Obj, TRIGGER_KINDS } from "../../support/plain-language-corpus";

const entries = describeBlindCorpusShape("development-9.json", "d9b", {
  perLanguage: 16,
  unrecognised: { min: 6, max: 6 },
});

/** Sentences compared without case and whitespace, so a re-spaced copy still counts as the same sentence. */
const normalised = (text: string) => text.toLowerCase().replace(/\s+/g, "");

/**
 * Every other development file; loaded by the test only, never read by the author of development-9 (except
 * development.json and development-2.json, read for the format). The held-out half is left out: it is never read,
 * even by a test of another file.
 */
const OTHER_SETS = [
  "development.json",
  "development-probe.json",
  "development-2.json",
  "development-3.json",
  "development-zh-4.json",
  "development-4.json",
  "development-5.json",
  "development-6.json",
  "development-7.json",
  "development-8.json",
];

describe("plain-language corpus: development-9.json, its own mix", () => {
  it("mixes the trigger kinds per language: thresholds 4, signal counts 3, events 4, grade changes 2, trends 3", () => {
    for (const lang of ["en", "zh"]) {
      const byKind = new Map<string, number>(TRIGGER_KINDS.map((k) => [k, 0]));
      for (const e of entries.filter((x) => x.lang === lang)) {
        const kind = (e.expected.trigger as Obj).kind as string;
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      }
      expect(Object.fromEntries(byKind)).toEqual({
        CONCEPT_THRESHOLD: 4,
        SIGNAL_COUNT: 3,
        EVENT: 4,
        HEALTH_GRADE_CHANGE: 2,
        CONCEPT_TREND: 3,
      });
    }
  });

  it("asks first and runs automatically in both languages, and has two Chinese sentences in traditional characters", () => {
    for (const lang of ["en", "zh"]) {
      const modes = new Set(entries.filter((e) => e.lang === lang).map((e) => e.expected.mode));
      expect(modes).toEqual(new Set(["SUGGEST", "AUTO", undefined]));
    }
    const traditional = entries.filter((e) => e.lang === "zh" && /[戶時請並內週業]/.test(e.text));
    expect(traditional.map((e) => e.id)).toEqual(["d9b-zh-03", "d9b-zh-11"]);
  });

  it("names something unknown in three sentences of each language", () => {
    for (const lang of ["en", "zh"]) {
      const n = entries.filter((e) => e.lang === lang && e.expected.unrecognised !== undefined).length;
      expect(n).toBe(3);
    }
  });

  it("has success criteria of every feedback kind in both languages", () => {
    for (const lang of ["en", "zh"]) {
      const kinds = entries
        .filter((e) => e.lang === lang && e.expected.feedback !== undefined)
        .map((e) => (e.expected.feedback as Obj).kind as string);
      expect(new Set(kinds)).toEqual(new Set(["TASK_COMPLETED", "SIGNAL_OBSERVED", "HEALTH_IMPROVED"]));
    }
  });

  it("shares no id and no sentence with any other development file", () => {
    const others = OTHER_SETS.flatMap((f) => loadCorpus(f));
    const otherIds = new Set(others.map((e) => e.id));
    const otherTexts = new Set(others.map((e) => normalised(e.text)));
    expect(entries.filter((e) => otherIds.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(entries.filter((e) => otherTexts.has(normalised(e.text))).map((e) => e.id)).toEqual([]);
    expect(new Set(entries.map((e) => normalised(e.text))).size).toBe(entries.length);
  });
});
