import { phrasesOverlap, scoreDraft, ScoredDraft, summariseScores } from "../../../domain/plain-language/corpus-score";

const draft = (parts: Partial<ScoredDraft>): ScoredDraft => ({
  trigger: null,
  conditions: [],
  actions: [],
  feedback: null,
  mode: null,
  unrecognised: [],
  ...parts,
});

const threshold = { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW", value: 0.5, scope: "ACCOUNT" };
const task = (assignee: object, extra: object = {}) => ({
  kind: "CREATE_TASK",
  template: "call-back",
  title: "Call back",
  assignee,
  dueInDays: 1,
  ...extra,
});

describe("scoring a draft against a corpus entry (README: How a draft is scored)", () => {
  it("judges only the fields the expected draft gives", () => {
    const score = scoreDraft(
      { trigger: threshold, actions: [{ kind: "CREATE_TASK", assignee: { kind: "ACCOUNT_OWNER" } }] },
      draft({ trigger: threshold, actions: [task({ kind: "ACCOUNT_OWNER" }, { dueInDays: 7 })], mode: "AUTO" }),
    );
    expect(score.exact).toBe(true);
  });

  it("accepts a threshold within ±0.005 and a rate within 2 %, and no more", () => {
    const near = scoreDraft({ trigger: threshold }, draft({ trigger: { ...threshold, value: 0.504 } }));
    const far = scoreDraft({ trigger: threshold }, draft({ trigger: { ...threshold, value: 0.506 } }));
    expect(near.exact).toBe(true);
    expect(far.exact).toBe(false);
    const trend = { kind: "CONCEPT_TREND", concept: "c", direction: "FALLING", ratePerDay: 0.2857, scope: "ACCOUNT" };
    expect(scoreDraft({ trigger: trend }, draft({ trigger: { ...trend, ratePerDay: 0.29 } })).exact).toBe(true);
    expect(scoreDraft({ trigger: trend }, draft({ trigger: { ...trend, ratePerDay: 0.3 } })).exact).toBe(false);
    // Counts are exact.
    const count = {
      kind: "SIGNAL_COUNT",
      signals: { field: "viewed_page" },
      count: 3,
      withinDays: 7,
      scope: "ACCOUNT",
    };
    expect(scoreDraft({ trigger: count }, draft({ trigger: { ...count, count: 4 } })).exact).toBe(false);
  });

  it("compares event types, grades and condition values as sets", () => {
    const expected = { kind: "EVENT", eventTypes: ["ACCOUNT_DELETED", "ACCOUNT_RESTORED"] };
    const drafted = { kind: "EVENT", eventTypes: ["ACCOUNT_RESTORED", "ACCOUNT_DELETED"] };
    expect(scoreDraft({ trigger: expected }, draft({ trigger: drafted })).exact).toBe(true);
    const condition = { kind: "ACCOUNT_FIELD", field: "segment", op: "IN", values: ["SMB", "MID_MARKET"] };
    const swapped = { ...condition, values: ["MID_MARKET", "SMB"] };
    expect(scoreDraft({ conditions: [condition] }, draft({ conditions: [swapped] })).exact).toBe(true);
  });

  it("treats conditions and actions as multisets: order is free, extras and missing ones fail", () => {
    const a = task({ kind: "ACCOUNT_OWNER" });
    const b = { kind: "CALL_WEBHOOK", endpointId: "wh-erp" };
    expect(scoreDraft({ actions: [a, b] }, draft({ actions: [b, a] })).exact).toBe(true);
    expect(scoreDraft({ actions: [a] }, draft({ actions: [a, b] })).exact).toBe(false);
    expect(scoreDraft({ actions: [a, b] }, draft({ actions: [a] })).exact).toBe(false);
    expect(scoreDraft({ actions: [a, a] }, draft({ actions: [a, b] })).exact).toBe(false);
    expect(
      scoreDraft({ conditions: [] }, draft({ conditions: [{ kind: "HEALTH_GRADE", grades: ["RED"] }] })).exact,
    ).toBe(false);
  });

  it("judges an action's assignee, deadline, flag target and endpoint, never its slug or title", () => {
    const expected = {
      kind: "CREATE_TASK",
      template: "call-back",
      assignee: { kind: "ROLE", role: "support-lead" },
      dueInDays: 1,
    };
    const right = task({ kind: "ROLE", role: "support-lead" }, { template: "callback", title: "x" });
    const wrongRole = task({ kind: "ROLE", role: "finance" });
    const late = task({ kind: "ROLE", role: "support-lead" }, { dueInDays: 2 });
    const ok = scoreDraft({ actions: [expected] }, draft({ actions: [right] }));
    expect(ok.exact).toBe(true);
    expect(ok.slugs).toEqual([
      { where: "actions[0].template", expected: "call-back", actual: "callback", agrees: false },
    ]);
    expect(scoreDraft({ actions: [expected] }, draft({ actions: [wrongRole] })).exact).toBe(false);
    expect(scoreDraft({ actions: [expected] }, draft({ actions: [late] })).exact).toBe(false);
    const flag = { kind: "FLAG_RECORDS", target: "ASSET", flag: "inspection-needed" };
    expect(scoreDraft({ actions: [flag] }, draft({ actions: [{ ...flag, flag: "other" }] })).exact).toBe(true);
    expect(scoreDraft({ actions: [flag] }, draft({ actions: [{ ...flag, target: "BATCH" }] })).exact).toBe(false);
    const hook = { kind: "CALL_WEBHOOK", endpointId: "wh-erp" };
    expect(scoreDraft({ actions: [hook] }, draft({ actions: [{ ...hook, endpointId: "wh-mes" }] })).exact).toBe(false);
  });

  it("leaves NO_OPEN_TASK's template to slug agreement", () => {
    const score = scoreDraft(
      { conditions: [{ kind: "NO_OPEN_TASK", template: "customer-visit" }] },
      draft({ conditions: [{ kind: "NO_OPEN_TASK", template: "visit" }] }),
    );
    expect(score.exact).toBe(true);
    expect(score.slugs[0]).toMatchObject({ where: "conditions[0].template", agrees: false });
  });

  it("judges mode and feedback when given", () => {
    expect(scoreDraft({ mode: "SUGGEST" }, draft({ mode: null })).exact).toBe(false);
    const feedback = { kind: "HEALTH_IMPROVED", withinDays: 60 };
    expect(scoreDraft({ feedback }, draft({ feedback: { kind: "HEALTH_IMPROVED", withinDays: 30 } })).exact).toBe(
      false,
    );
    expect(scoreDraft({ feedback }, draft({ feedback })).exact).toBe(true);
  });

  it("needs every expected unrecognised phrase to overlap one the draft names", () => {
    expect(phrasesOverlap("in the Midwest", "the midwest")).toBe(true);
    expect(phrasesOverlap("text the principal", "text  the Principal now")).toBe(true);
    expect(phrasesOverlap("grade B", "Midwest")).toBe(false);
    expect(scoreDraft({ unrecognised: ["in the Midwest"] }, draft({ unrecognised: ["Midwest"] })).exact).toBe(true);
    expect(scoreDraft({ unrecognised: ["in the Midwest"] }, draft({ unrecognised: [] })).exact).toBe(false);
  });

  it("sums accuracy and slug agreement", () => {
    const exact = scoreDraft({ mode: "AUTO" }, draft({ mode: "AUTO" }));
    const wrong = scoreDraft({ mode: "AUTO" }, draft({ mode: "SUGGEST" }));
    expect(summariseScores([exact, wrong])).toMatchObject({ entries: 2, exact: 1, accuracy: 0.5, slugAgreement: 1 });
  });
});
