/**
 * The Chinese grammar never throws, whatever part of a sentence it is given: every cut of every Chinese
 * development sentence, and odd inputs, become a draft (possibly empty, with what was not understood named).
 */
import { loadCorpusContext, loadCorpusHalf } from "../../../cli/nl";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";

const context = loadCorpusContext();
const sentences = loadCorpusHalf("development")
  .filter((e) => e.lang === "zh")
  .map((e) => e.text);

describe("the Chinese grammar on broken input", () => {
  it("drafts every prefix and suffix of the development sentences without throwing", () => {
    let drafted = 0;
    for (const text of sentences) {
      for (let cut = 1; cut < text.length; cut += 3) {
        for (const part of [text.slice(0, cut), text.slice(cut)]) {
          const d = draftPlaybookFromText(part, context, "zh");
          expect(d.confidence).toBeGreaterThanOrEqual(0);
          expect(d.confidence).toBeLessThanOrEqual(1);
          drafted += 1;
        }
      }
    }
    expect(drafted).toBeGreaterThan(300);
  });

  it.each(["", "，，，。", "时时时就就", "当时", "99999999999次", "百分之", "“”", "从红色", "每天每周每月"])(
    "drafts %j without throwing",
    (text) => {
      const d = draftPlaybookFromText(text, context, "zh");
      expect(Array.isArray(d.unrecognised)).toBe(true);
    },
  );
});
