/**
 * The English grammar (issue 12) on sentences of its own, phrased unlike the corpus, to check that it
 * generalises: each case pins the structure the corpus conventions give (README of the corpus).
 */
import { loadCorpusContext } from "../../../cli/nl";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";
import { PlaybookDraft } from "../../../domain/plain-language/draft";

const context = loadCorpusContext();
const draft = (text: string): PlaybookDraft => draftPlaybookFromText(text, context, "en");
const owner = { kind: "ACCOUNT_OWNER" };

describe("the English grammar", () => {
  it("reads page views by an account's people with a count and a window", () => {
    const d = draft(
      "When contacts from a bank visit the pricing page 4 times within two weeks, give Sarah Kim a follow-up task.",
    );
    expect(d.trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { field: "viewed_page", valueEquals: "/pricing", subjectKinds: ["CONTACT"] },
      count: 4,
      withinDays: 14,
      scope: "ACCOUNT",
    });
    expect(d.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: ["FINANCE"] }]);
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", template: "follow-up", assignee: { kind: "USER", userId: "u-sarah-kim" } },
    ]);
  });

  it("converts a threshold said in another unit and flips it for lower-is-better concepts", () => {
    const d = draft(
      "When first response time exceeds 2 hours for an enterprise account, create an escalation task for the support lead due tomorrow.",
    );
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:first-response-time", op: "BELOW" });
    // log10(120) = 2.079 on 1..3 → 0.540, lower is better → 0.460
    expect((d.trigger as { value: number }).value).toBeCloseTo(0.4586, 3);
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "support-lead" }, dueInDays: 1 },
    ]);
  });

  it("reads a trend with a rate per period, a window, a region scope and a number of assets", () => {
    const d = draft(
      "If at least 5 vehicles in the same region show a battery state of health dropping by more than 1 percent a week " +
        "over 30 days, tell the battery R&D team to analyse the cells and flag the batch.",
    );
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "automotive:battery-state-of-health",
      direction: "FALLING",
      withinDays: 30,
      scope: "REGION",
      minSubjects: 5,
    });
    expect((d.trigger as { ratePerDay: number }).ratePerDay).toBeCloseTo(1 / 7, 4);
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-battery-rnd" } },
      { kind: "FLAG_RECORDS", target: "BATCH" },
    ]);
  });

  it("reads grade changes with and without a direction, and several grades", () => {
    expect(
      draft("If an account drops from green to yellow, ask Anna and David to review the account within a week."),
    ).toMatchObject({
      trigger: { kind: "HEALTH_GRADE_CHANGE", from: ["GREEN"], to: ["YELLOW"], direction: "DOWN" },
      actions: [
        { kind: "OPEN_REVIEW", assignee: { kind: "USER", userId: "u-anna-schmidt" }, dueInDays: 7 },
        { kind: "OPEN_REVIEW", assignee: { kind: "USER", userId: "u-david-okafor" }, dueInDays: 7 },
      ],
    });
    const amber = draft("When the health of an account becomes amber, ask the CS team to check in.");
    expect(amber.trigger).toEqual({ kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW"] });
    const several = draft(
      "When a customer's health drops to yellow or red, automatically create a churn-risk review for the account manager.",
    );
    expect(several).toMatchObject({
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW", "RED"], direction: "DOWN" },
      actions: [{ kind: "OPEN_REVIEW", reviewType: "churn-risk-review", assignee: owner }],
      mode: "AUTO",
    });
  });

  it("reads change events, several of them, and conditions on region", () => {
    expect(
      draft("When an account is deleted or restored, have compliance review it and sync to the risk engine."),
    ).toMatchObject({
      trigger: { kind: "EVENT", eventTypes: ["ACCOUNT_DELETED", "ACCOUNT_RESTORED"] },
      actions: [
        { kind: "OPEN_REVIEW", assignee: { kind: "ROLE", role: "compliance" } },
        { kind: "CALL_WEBHOOK", endpointId: "wh-risk-engine" },
      ],
    });
    expect(draft("Every time a new deal is created in LATAM, post it to DingTalk.")).toMatchObject({
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_CREATED"] },
      conditions: [{ kind: "ACCOUNT_FIELD", field: "region", op: "EQUALS", values: ["LATAM"] }],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-dingtalk" }],
      unrecognised: [],
    });
  });

  it("reads categorical values and counted boolean events", () => {
    expect(
      draft("If a bank's AML risk rating changes to HIGH, open an EDD review for the KYC analyst within 2 days.")
        .trigger,
    ).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { concept: "finance:aml-risk-rating", valueEquals: "HIGH" },
      count: 1,
      withinDays: 30,
      scope: "ACCOUNT",
    });
    expect(
      draft("When a customer is held at customs twice in a month, ask Meridian Logistics to fix the clearance."),
    ).toMatchObject({
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "ecommerce:customs-clearance", valueEquals: "true" },
        count: 2,
        withinDays: 30,
      },
      actions: [{ kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", organizationId: "org-meridian-logistics" } }],
    });
    expect(
      draft("When a customer's PEP screening returns a match, automatically notify the compliance team."),
    ).toMatchObject({
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:pep-screening", op: "BELOW", value: 0.5 },
      mode: "AUTO",
    });
  });

  it("reads conditions joined to the trigger, a health score trigger, and the region's partner as assignee", () => {
    expect(
      draft(
        "If a fleet customer's vehicle availability is under 90% and the account is red, ask the regional manager to visit the customer within 3 days.",
      ),
    ).toMatchObject({
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "automotive:vehicle-availability", op: "BELOW" },
      conditions: [
        { kind: "ACCOUNT_FIELD", field: "industry", values: ["AUTOMOTIVE"] },
        { kind: "HEALTH_GRADE", grades: ["RED"] },
      ],
      actions: [
        {
          kind: "CREATE_TASK",
          template: "customer-visit",
          assignee: { kind: "ROLE", role: "regional-manager" },
          dueInDays: 3,
        },
      ],
    });
    const score = draft(
      "If the health score drops below 40 for a hospital in China, create an urgent visit task for the regional manager due in 1 day.",
    );
    expect(score.trigger).toEqual({ kind: "EVENT", eventTypes: ["HEALTH_SCORE_CHANGED"] });
    expect(score.conditions).toContainEqual({ kind: "HEALTH_SCORE", op: "BELOW", value: 40 });
    expect(score.conditions).toContainEqual({
      kind: "ACCOUNT_FIELD",
      field: "region",
      op: "EQUALS",
      values: ["APAC-CN"],
    });
    const partner = draft(
      "When a scanner's service response time goes over 24 hours, have the local service provider inspect the scanner within 48 hours.",
    );
    expect(partner.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", servingRegion: true }, dueInDays: 2 },
    ]);
    expect(partner.unrecognised).toEqual([]);
  });

  it("finds the actions of a trigger clause with no comma, and the success criterion and mode", () => {
    const d = draft(
      "Whenever a factory's OEE drops under 60% create a root-cause analysis task for the quality team and notify Slack. " +
        "Consider it a success if the task is completed within 10 days; let me confirm first.",
    );
    expect(d).toMatchObject({
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" },
      actions: [
        { kind: "CREATE_TASK", template: "root-cause-analysis", assignee: { kind: "TEAM", teamId: "t-quality" } },
        { kind: "CALL_WEBHOOK", endpointId: "wh-slack-cs" },
      ],
      feedback: { kind: "TASK_COMPLETED", withinDays: 10 },
      mode: "SUGGEST",
    });
  });

  it("warns when nothing starts the playbook or nothing happens", () => {
    const d = draft("Please be nice to our customers.");
    expect(d.trigger).toBeNull();
    expect(d.warnings.filter((w) => w.code === "INCOMPLETE")).toHaveLength(2);
    expect(d.confidence).toBeLessThan(0.3);
  });
});

describe("the English grammar's clause forms", () => {
  it("reads 'more than twice', a 'within a 14-day window' window and any mention of a webhook endpoint", () => {
    const d = draft(
      "When a hospital's contacts view the pricing page more than twice within a 14-day window, open a ticket in ServiceNow.",
    );
    expect(d.trigger).toMatchObject({ kind: "SIGNAL_COUNT", count: 3, withinDays: 14 });
    expect(d.actions).toEqual([{ kind: "CALL_WEBHOOK", endpointId: "wh-servicenow" }]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads conditions said after the actions, a success criterion after a colon and a mode sentence", () => {
    const only = draft(
      "When an account's health turns red, create a rescue task for the account owner, but only for enterprise accounts.",
    );
    expect(only.conditions).toEqual([
      { kind: "ACCOUNT_FIELD", field: "segment", op: "EQUALS", values: ["ENTERPRISE"] },
    ]);
    const success = draft(
      "If CSAT drops below 3, create a call-back task for the support lead. Success: health back to green within 60 days.",
    );
    expect(success.feedback).toEqual({ kind: "HEALTH_IMPROVED", withinDays: 60 });
    const auto = draft(
      "When a new SaaS customer is added in APAC, create an onboarding task for the implementation team. Run it automatically.",
    );
    expect(auto).toMatchObject({ trigger: { kind: "EVENT", eventTypes: ["ACCOUNT_CREATED"] }, mode: "AUTO" });
    // APAC is broader than any region the tenant has: named, not mapped.
    expect(auto.unrecognised).toEqual(["in APAC"]);
    expect(auto.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: ["SAAS"] }]);
  });

  it("reads 'N or lower' comparisons and a verb that is the task itself", () => {
    const d = draft("If an SMB customer's CSAT is 2 or lower, call them back within a day.");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW", value: 0.25 });
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", template: "call-back", assignee: owner, dueInDays: 1 }]);
  });
});

describe("the English grammar's doers and partners", () => {
  it("reads an action said with its doer first", () => {
    const d = draft("When a key account's health falls to red, Sarah should call them within 24 hours.");
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-sarah-kim" }, dueInDays: 1 },
    ]);
    const owner = draft(
      "When an account in EMEA goes yellow, the account owner should schedule a check-in within 7 days.",
    );
    expect(owner.actions).toMatchObject([
      { kind: "CREATE_TASK", template: "check-in", assignee: { kind: "ACCOUNT_OWNER" }, dueInDays: 7 },
    ]);
  });

  it("reads the region's partner and a person named with their team", () => {
    const d = draft(
      "When the vibration of a machine keeps going up over two weeks, notify the service partner of the region and flag the machine's batch.",
    );
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "manufacturing:vibration-severity",
      direction: "RISING",
      withinDays: 14,
    });
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", servingRegion: true } },
      { kind: "FLAG_RECORDS", target: "BATCH" },
    ]);
    const tom = draft(
      "When customer complaints at a manufacturer go above 4 in a month, give Tom Becker from Quality an 8D task due in 5 days.",
    );
    expect(tom.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-tom-becker" }, dueInDays: 5 },
    ]);
  });
});
