/**
 * The English entries of the development probe (fresh sentences the lead wrote to check that the grammar
 * generalises beyond development.json), drafted by the offline grammar and scored as
 * test/fixtures/plain-language/README.md says. The held-out half is never read here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCorpusContext, scoreEntries, type CorpusEntry } from "../../../cli/nl";
import { summariseScores } from "../../../domain/plain-language/corpus-score";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";

const context = loadCorpusContext();
const probe = (
  JSON.parse(
    readFileSync(join(__dirname, "..", "..", "fixtures", "plain-language", "development-probe.json"), "utf8"),
  ) as CorpusEntry[]
).filter((entry) => entry.lang === "en");

const draft = (text: string) => draftPlaybookFromText(text, context, "en");

describe("the English development probe", () => {
  it("has English entries to draft", () => {
    expect(probe.length).toBeGreaterThanOrEqual(8);
  });

  it("drafts at least 90 % of them with the exact expected structure", () => {
    const scored = scoreEntries(probe, context);
    const misses = scored.filter((s) => !s.score.exact).map((s) => `${s.entry.id}: ${s.score.differences.join("; ")}`);
    expect(misses).toEqual([]);
    expect(summariseScores(scored.map((s) => s.score)).accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("counts verbs of falling short (breach, violate, miss, fail) as the flag's bad signals", () => {
    const cases: Array<[string, number, number]> = [
      ["If an SMB customer violates its SLA twice in a week, create a task for David.", 2, 7],
      ["If a customer misses its SLA 3 times in a month, create a task for David.", 3, 30],
      ["When an account fails its SLA more than twice within 14 days, create a task for David.", 3, 14],
    ];
    for (const [text, count, withinDays] of cases) {
      expect({ text, trigger: draft(text).trigger }).toEqual({
        text,
        trigger: {
          kind: "SIGNAL_COUNT",
          signals: { concept: "core:sla-compliance", valueEquals: "true" },
          count,
          withinDays,
          scope: "ACCOUNT",
        },
      });
    }
  });

  it("drafts the action said inside a mode phrase (let me confirm before creating …, after I approve, …)", () => {
    const cases: Array<[string, object]> = [
      [
        "When an account's health drops to red, let me confirm before creating a check-in task for David.",
        { kind: "CREATE_TASK", template: "check-in", assignee: { kind: "USER", userId: "u-david-okafor" } },
      ],
      [
        "When CSAT drops below 2, wait for my approval before opening a service review for the support lead.",
        { kind: "OPEN_REVIEW", reviewType: "service-review", assignee: { kind: "ROLE", role: "support-lead" } },
      ],
      [
        "When CSAT drops below 2, let me approve before you open a service review for the support lead.",
        { kind: "OPEN_REVIEW", reviewType: "service-review", assignee: { kind: "ROLE", role: "support-lead" } },
      ],
      [
        "When CSAT drops below 2, after I approve it, give David a call-back task.",
        { kind: "CREATE_TASK", template: "call-back", assignee: { kind: "USER", userId: "u-david-okafor" } },
      ],
    ];
    for (const [text, action] of cases) {
      const d = draft(text);
      expect({ text, mode: d.mode, actions: d.actions, unrecognised: d.unrecognised }).toMatchObject({
        text,
        mode: "SUGGEST",
        actions: [action],
        unrecognised: [],
      });
    }
  });

  it("names an action it cannot draft instead of making it a task for the account owner", () => {
    const cases: Array<[string, RegExp]> = [
      ["When CSAT drops below 2, send a carrier pigeon to the board.", /carrier pigeon to the board/i],
      ["When CSAT drops below 2, send a task to the board.", /to the board/i],
      ["When CSAT drops below 2, sync it to Salesforce.", /sync it to salesforce/i],
      ["When CSAT drops below 2, fax the customer.", /fax the customer/i],
      ["When CSAT drops below 2, text the principal.", /text the principal/i],
    ];
    for (const [text, unknown] of cases) {
      const d = draft(text);
      expect({ text, actions: d.actions, named: d.unrecognised.some((p) => unknown.test(p)) }).toEqual({
        text,
        actions: [],
        named: true,
      });
      expect(d.trigger).not.toBeNull();
    }
  });

  it("keeps the account owner for a task whose sentence names no assignee, and the other actions", () => {
    const owner = { kind: "ACCOUNT_OWNER" };
    expect(draft("When CSAT drops below 2, create a follow-up task.").actions).toMatchObject([
      { kind: "CREATE_TASK", template: "follow-up", assignee: owner },
    ]);
    expect(draft("When CSAT drops below 2, send the customer a satisfaction survey.").actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: owner },
    ]);
    expect(draft("When CSAT drops below 2, give a task to the support lead.").actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "support-lead" } },
    ]);
    const mixed = draft(
      "When CSAT drops below 2, give David a call-back task, post it to ServiceNow and send a carrier pigeon to the board.",
    );
    expect(mixed.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-david-okafor" } },
      { kind: "CALL_WEBHOOK", endpointId: "wh-servicenow" },
    ]);
    expect(mixed.unrecognised).toEqual(["send a carrier pigeon to the board"]);
  });

  it("names a delegated review or task by what is opened, not by the verb (have Anna open a churn-risk review)", () => {
    expect(draft("When NPS falls below 6, have Anna open a churn-risk review.").actions).toMatchObject([
      { kind: "OPEN_REVIEW", reviewType: "churn-risk-review", assignee: { kind: "USER", userId: "u-anna-schmidt" } },
    ]);
    expect(draft("When NPS falls below 6, have Anna create a follow-up task.").actions).toMatchObject([
      { kind: "CREATE_TASK", template: "follow-up" },
    ]);
  });

  it("keeps a hyphenated intent name whole (a buying-intent signal)", () => {
    expect(draft("When NPS rises above 9, raise a buying-intent signal.").actions).toEqual([
      { kind: "RAISE_INTENT_SIGNAL", intent: "buying-intent" },
    ]);
    expect(draft("When NPS rises above 9, raise an expansion intent signal.").actions).toEqual([
      { kind: "RAISE_INTENT_SIGNAL", intent: "expansion" },
    ]);
  });
});
