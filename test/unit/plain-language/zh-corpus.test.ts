/**
 * The Chinese half of the development corpus (issue 12), drafted by the offline grammar and scored with
 * the shared scorer as test/fixtures/plain-language/README.md says. Reads development.json only; the
 * held-out half is never read here.
 */
import { loadCorpusContext, loadCorpusHalf, reportOf, scoreEntries } from "../../../cli/nl";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";

const context = loadCorpusContext();
const chinese = loadCorpusHalf("development").filter((entry) => entry.lang === "zh");

describe("the Chinese development corpus", () => {
  it("has fifteen Chinese entries, each detected as Chinese", () => {
    expect(chinese).toHaveLength(15);
    expect(chinese.every((e) => draftPlaybookFromText(e.text, context).language === "zh")).toBe(true);
  });

  it("drafts at least 90 % of them with the exact expected structure", () => {
    const scored = scoreEntries(chinese, context);
    const report = reportOf("development", scored);
    const misses = scored.filter((s) => !s.score.exact).map((s) => `${s.entry.id}: ${s.score.differences.join("; ")}`);
    expect(misses).toEqual([]);
    expect(report.zh.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("names what the schema cannot hold instead of dropping it silently (dev-23, dev-29)", () => {
    const weekend = draftPlaybookFromText(chinese.find((e) => e.id === "dev-23")!.text, context);
    expect(weekend.unrecognised.some((p) => p.includes("周末"))).toBe(true);
    expect(weekend.warnings.map((w) => w.code)).toContain("UNRECOGNISED");
    const hours = draftPlaybookFromText(chinese.find((e) => e.id === "dev-29")!.text, context);
    expect(hours.unrecognised.some((p) => p.includes("工作时间"))).toBe(true);
    expect(hours.actions).toEqual([{ kind: "CALL_WEBHOOK", endpointId: "wh-erp" }]);
  });

  it("is confident about the sentences it understood whole", () => {
    const quote = draftPlaybookFromText(chinese.find((e) => e.id === "dev-19")!.text, context);
    expect(quote.unrecognised).toEqual([]);
    expect(quote.confidence).toBeGreaterThan(0.8);
  });
});
