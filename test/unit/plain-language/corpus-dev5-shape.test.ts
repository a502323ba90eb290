/**
 * The shape of the fifth development corpus of the plain-language parser (issue 12),
 * `test/fixtures/plain-language/development-5.json` (24 English and 24 Chinese sentences written blind to the
 * parser, its tests and the other blind sets, on 2026-12-03): ids, counts per language, known kinds, concept
 * ids against `ontology/packs/*.pack.yaml`, event types against `CHANGE_TYPES`, ids against `directory.json`,
 * every expected draft, completed with the fields a sentence does not determine, valid for `validatePlaybook`,
 * a mix of trigger kinds, and a few sentences in traditional characters. It checks the corpus only and runs
 * no parser on it.
 */
import { describeBlindCorpusShape } from "../../support/blind-corpus-shape";
import { Obj, TRIGGER_KINDS } from "../../support/plain-language-corpus";

const entries = describeBlindCorpusShape("development-5.json", "d5b");

describe("plain-language corpus: development-5.json, its own mix", () => {
  it("mixes the trigger kinds in each language: no kind above a third, none below three", () => {
    for (const lang of ["en", "zh"]) {
      const byKind = new Map<string, number>();
      for (const e of entries.filter((x) => x.lang === lang)) {
        const kind = (e.expected.trigger as Obj).kind as string;
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      }
      for (const kind of TRIGGER_KINDS) {
        expect(byKind.get(kind) ?? 0).toBeGreaterThanOrEqual(3);
        expect(byKind.get(kind) ?? 0).toBeLessThanOrEqual(8);
      }
    }
  });

  it("asks first and runs automatically in both languages, and has some Chinese in traditional characters", () => {
    for (const lang of ["en", "zh"]) {
      const modes = new Set(entries.filter((e) => e.lang === lang).map((e) => e.expected.mode));
      expect(modes).toEqual(new Set(["SUGGEST", "AUTO", undefined]));
    }
    const traditional = entries.filter((e) => e.lang === "zh" && /[醫戶週營團聯經療務門夥]/.test(e.text));
    expect(traditional.length).toBeGreaterThanOrEqual(2);
  });
});
