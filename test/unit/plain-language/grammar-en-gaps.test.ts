/**
 * Gaps of the English grammar listed in session 10 and closed (issue 12): sentences of our own, at least
 * three per gap, across industries and word orders (none copied from a corpus file). What the playbook
 * schema cannot express — a grade held for a while, a change relative to a past value — is named as not
 * understood and drafts no trigger, never a guess.
 */
import {
  DraftCase,
  draftIn,
  expectDraft,
  industry,
  owner,
  region,
  review,
  role,
  segment,
  task,
  team,
  user,
} from "../../support/plain-language-drafts";

const draft = draftIn("en");

function check(c: DraftCase): void {
  expectDraft(draft, c, "any order");
}

describe("a record's change said in the passive is the event, even when a concept's name shares its words", () => {
  const cases: DraftCase[] = [
    {
      text: "When a support ticket is opened for a hospital, create a task for the account owner.",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_CREATED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner)],
    },
    {
      text: "If a service request is raised at a factory, have Tom Becker look into it within 2 days.",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_CREATED"] },
      conditions: [industry("MANUFACTURING")],
      actions: [task(user("u-tom-becker"), 2)],
    },
    {
      text: "Tell the support lead whenever a case is closed for an enterprise bank.",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_UPDATED"] },
      conditions: [segment("ENTERPRISE"), industry("FINANCE")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "When a ticket gets escalated at a school, loop in the academic success team.",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_UPDATED"] },
      conditions: [industry("EDUCATION")],
      actions: [task(team("t-academic-success"))],
    },
    {
      // "escalated" also says a measure rises; said of one record in the passive, it is that record's change.
      text: "Ask Raj to call them when a support case gets escalated at a SaaS account.",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_UPDATED"] },
      conditions: [industry("SAAS")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "When a support ticket is escalated, tell the support lead.",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_UPDATED"] },
      conditions: [],
      actions: [task(role("support-lead"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("retailers, shops, stores, sellers and merchants are the e-commerce industry", () => {
  const cases: DraftCase[] = [
    {
      text: "For retail accounts in Europe, when CSAT falls below 3, create a task for the account owner.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW", value: 0.5 },
      conditions: [region("EMEA"), industry("ECOMMERCE")],
      actions: [task(owner)],
    },
    {
      text: "If a shop's health turns red, have Raj look into it.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("ECOMMERCE")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "Should an online retail customer's return rate go above 10%, loop in Marketplace Operations.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "ecommerce:return-rate", op: "BELOW" },
      conditions: [industry("ECOMMERCE")],
      actions: [task(team("t-marketplace-ops"))],
    },
    {
      text: "Stores whose health drops to red should get a call from Anna within 3 days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], direction: "DOWN" },
      conditions: [industry("ECOMMERCE")],
      actions: [task(user("u-anna-schmidt"), 3)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("'shop' and 'store' as part of another noun name no industry", () => {
  it.each([
    ["When OEE on the shop floor falls below 60% at a factory, tell the quality team.", ["MANUFACTURING"]],
    ["If a plant's shop floor OEE drops below 55%, have the quality engineer audit the line.", ["MANUFACTURING"]],
    ["When a hospital's app store rating falls below 3, tell Sarah.", ["HEALTHCARE"]],
  ])("%s", (text, industries) => {
    expect(draft(text).conditions).toEqual([
      { kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: industries },
    ]);
  });
});

describe("a rule opened with 'Should …' reads the seller it is about", () => {
  const cases: DraftCase[] = [
    {
      text: "Should a seller's health drop to red, ask Anna to call them by tomorrow.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], direction: "DOWN" },
      conditions: [industry("ECOMMERCE")],
      actions: [task(user("u-anna-schmidt"), 1)],
    },
    {
      text: "Should a merchant's conversion rate fall below 2%, recommend a listing audit to Marketplace Operations.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "ecommerce:conversion-rate", op: "BELOW" },
      conditions: [industry("ECOMMERCE")],
      actions: [task(team("t-marketplace-ops"))],
    },
    {
      text: "Should a retailer turn red, notify Raj.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("ECOMMERCE")],
      actions: [task(user("u-raj-patel"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a record the event vocabulary does not have is named, and no trigger is guessed", () => {
  it.each([
    ["When a contract gets renewed for a school, tell Sarah.", "contract gets renewed"],
    ["If a warranty claim is rejected at a carmaker, have Tom look into it.", "warranty claim is rejected"],
    ["When a shipment is delayed for an online seller, ask Marketplace Operations to check it.", "shipment is delayed"],
  ])("%s", (text, named) => {
    const d = draft(text);
    expect(d.trigger).toBeNull();
    expect(d.unrecognised.some((u) => u.includes(named))).toBe(true);
  });
});

describe("what the schema cannot express is named, and no trigger is guessed", () => {
  // A grade change fires when the grade changes, not after it has held; a trend's rate is absolute, not
  // relative to a past value. Neither can say these, so the draft asks rather than fires on something else.
  const cases: Array<{ text: string; named: string; conditions: unknown[]; assignee: object }> = [
    {
      text: "When an account has been red for two weeks, ask the account owner to call them.",
      named: "red for two weeks",
      conditions: [],
      assignee: owner,
    },
    {
      text: "If a factory has stayed yellow for 30 days, open a review for the quality team.",
      named: "yellow for 30 days",
      conditions: [industry("MANUFACTURING")],
      assignee: team("t-quality"),
    },
    {
      text: "Escalate to legal when a bank has been amber for a month.",
      named: "amber for a month",
      conditions: [industry("FINANCE")],
      assignee: role("legal"),
    },
    {
      text: "When logins are 30 % lower than last month, tell the CS team.",
      named: "30 % lower than last month",
      conditions: [],
      assignee: team("t-customer-success"),
    },
    {
      text: "If a clinic's usage halves within a month, create a task for Sarah.",
      named: "halves",
      conditions: [industry("HEALTHCARE")],
      assignee: user("u-sarah-kim"),
    },
    {
      text: "If ticket volume doubles in a week at a SaaS account, ask the support lead to look into it.",
      named: "doubles",
      conditions: [industry("SAAS")],
      assignee: role("support-lead"),
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => {
    const d = draft(c.text);
    expect(d.trigger).toBeNull();
    expect(d.unrecognised.some((u) => u.includes(c.named))).toBe(true);
    expect(d.conditions).toEqual(c.conditions);
    expect(d.actions).toHaveLength(1);
    expect(d.actions[0]).toMatchObject({ assignee: c.assignee });
  });
});

describe("'suggest X to Y', 'loop in Y', 'keep Y in the loop' and 'bring Y in' are tasks for Y", () => {
  const cases: DraftCase[] = [
    {
      text: "When a school's health drops to red, suggest a business review to the account owner.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], direction: "DOWN" },
      conditions: [industry("EDUCATION")],
      actions: [{ kind: "CREATE_TASK", template: "business-review", assignee: owner }],
    },
    {
      text: "If a factory's OEE falls below 60%, recommend a line audit to the quality engineer within 5 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(role("quality-engineer"), 5)],
    },
    {
      text: "When a clinic's CSAT falls below 3, propose a check-in call to Sarah and loop in the support lead.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW", value: 0.5 },
      conditions: [industry("HEALTHCARE")],
      actions: [task(user("u-sarah-kim")), task(role("support-lead"))],
    },
    {
      text: "If a deal is lost at a carmaker, suggest a win-back call to the account manager within a week.",
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_UPDATED"] },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(owner, 7)],
    },
    {
      text: "When a bank turns red, keep the compliance team in the loop.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("FINANCE")],
      actions: [task(role("compliance"))],
    },
    {
      text: "If a bank's CSAT falls below 3, keep Raj posted and create a task for the account owner.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW", value: 0.5 },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel")), task(owner)],
    },
    {
      text: "When an enterprise clinic turns red, bring Anna in within 2 days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [segment("ENTERPRISE"), industry("HEALTHCARE")],
      actions: [task(user("u-anna-schmidt"), 2)],
    },
    {
      text: "When a school turns red, bring in the academic success team.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("EDUCATION")],
      actions: [task(team("t-academic-success"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a thing the account needs, with no doer said, is the account owner's", () => {
  const cases: DraftCase[] = [
    {
      text: "When a hospital turns red, the account needs a review by end of day.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [review(owner, 0)],
    },
    {
      text: "If a school turns red, it requires a check-in call within 2 days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("EDUCATION")],
      actions: [task(owner, 2)],
    },
    {
      text: "When a university turns red, a retention review is needed by end of day.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("EDUCATION")],
      actions: [{ kind: "OPEN_REVIEW", reviewType: "retention-review", assignee: owner, dueInDays: 0 }],
    },
    {
      text: "When a fleet's health drops to red, it must be escalated within 2 days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], direction: "DOWN" },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(owner, 2)],
    },
    {
      text: "If a bank's NPS drops below 10, the customer needs a call from Li Wei by tomorrow.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW" },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-li-wei"), 1)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});
