/**
 * The shape of the fourth development corpus of the plain-language parser (issue 12),
 * `test/fixtures/plain-language/development-4.json` (24 English and 24 Chinese sentences written blind to the
 * parser, its tests and the other blind sets): ids, counts per language, known kinds, concept ids against
 * `ontology/packs/*.pack.yaml`, event types against `CHANGE_TYPES`, ids against `directory.json`, and every
 * expected draft, completed with the fields a sentence does not determine, valid for `validatePlaybook`. It
 * checks the corpus only and reads no other half of it. The checks are shared with the other blind sets
 * (test/support/blind-corpus-shape.ts).
 */
import { describeBlindCorpusShape } from "../../support/blind-corpus-shape";
import { loadCorpus } from "../../support/plain-language-corpus";

const entries = describeBlindCorpusShape("development-4.json", "d4b");

describe("plain-language corpus: development-4.json beside development-zh-4.json", () => {
  it("shares no id or sentence with the Chinese set whose d4-zh- series it avoids", () => {
    const zh4 = loadCorpus("development-zh-4.json");
    const ids = new Set(zh4.map((e) => e.id));
    const texts = new Set(zh4.map((e) => e.text));
    expect(entries.filter((e) => ids.has(e.id) || texts.has(e.text)).map((e) => e.id)).toEqual([]);
  });
});
