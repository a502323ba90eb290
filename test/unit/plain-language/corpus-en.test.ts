/**
 * The English half of the development corpus (issue 12), drafted by the offline grammar and scored as
 * test/fixtures/plain-language/README.md says. Reads development.json only; the held-out half is never
 * read here.
 */
import { loadCorpusContext, loadCorpusHalf, reportOf, scoreEntries } from "../../../cli/nl";
import { rolesAllowedByMatrix } from "../../../app/automation/roles-allowed";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";

const context = loadCorpusContext();
const english = loadCorpusHalf("development").filter((entry) => entry.lang === "en");

describe("the English development corpus", () => {
  it("has English entries to draft", () => {
    expect(english.length).toBeGreaterThanOrEqual(15);
  });

  it("drafts at least 90 % of them with the exact expected structure", () => {
    const scored = scoreEntries(english, context);
    const report = reportOf("development", scored);
    const misses = scored.filter((s) => !s.score.exact).map((s) => `${s.entry.id}: ${s.score.differences.join("; ")}`);
    expect(misses).toEqual([]);
    expect(report.en.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("names the unknown words of an entry instead of guessing (dev-02: the tenant has no Midwest region)", () => {
    const entry = english.find((e) => e.id === "dev-02")!;
    const draft = draftPlaybookFromText(entry.text, context, "en");
    expect(draft.unrecognised.some((p) => /midwest/i.test(p))).toBe(true);
    expect(draft.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "segment", op: "EQUALS", values: ["SMB"] }]);
    expect(draft.warnings.map((w) => w.code)).toContain("UNRECOGNISED");
  });

  it("names unknown places, grades, people and actions in sentences of its own", () => {
    const cases: Array<[string, RegExp]> = [
      ["If NPS falls below 6 for a customer in Bavaria, create a call-back task for the owner.", /bavaria/i],
      ["When an account's health drops to grade B, give the CS team a rescue task.", /grade b/i],
      ["When a hospital's remote QC check fails, ask Peter Miller to visit the site.", /peter miller/i],
      ["When CSAT drops below 2, fax the customer and open a service review.", /fax the customer/i],
    ];
    for (const [text, unknown] of cases) {
      const draft = draftPlaybookFromText(text, context, "en");
      expect({ text, named: draft.unrecognised.some((p) => unknown.test(p)) }).toEqual({ text, named: true });
      expect(draft.trigger).not.toBeNull();
    }
  });

  it("flags the actions the author's role may not have done (ROLE_NOT_ALLOWED)", () => {
    const text =
      "If the mean time between failures of a manufacturer's machines falls under 1,000 hours, give Tom Becker a " +
      "maintenance-planning task and post it to ServiceNow.";
    const analyst = draftPlaybookFromText(text, context, "en", {
      author: { roles: ["analyst"] },
      rolesAllowed: rolesAllowedByMatrix,
    });
    const refused = analyst.warnings.filter((w) => w.code === "ROLE_NOT_ALLOWED");
    expect(refused).toHaveLength(1);
    expect(analyst.actions[refused[0]!.actionIndex as number]).toMatchObject({ kind: "CALL_WEBHOOK" });

    const viewer = draftPlaybookFromText(text, context, "en", {
      author: { roles: ["viewer"] },
      rolesAllowed: rolesAllowedByMatrix,
    });
    const viewerRefusals = viewer.warnings.filter((w) => w.code === "ROLE_NOT_ALLOWED");
    // Saving a playbook at all, and each of the two actions.
    expect(viewerRefusals).toHaveLength(3);
    expect(viewerRefusals.some((w) => w.actionIndex === undefined && /savePlaybook/.test(w.message))).toBe(true);

    const admin = draftPlaybookFromText(text, context, "en", {
      author: { roles: ["admin"] },
      rolesAllowed: rolesAllowedByMatrix,
    });
    expect(admin.warnings.filter((w) => w.code === "ROLE_NOT_ALLOWED")).toEqual([]);
  });
});
