/**
 * General constructions of the English grammar (issue 12, session 9): sentences of our own, several per
 * construction in other words, order, industries and numbers (none copied from a corpus file). They pin
 * fractions of a unit in rates, trend verbs in every form, windows said with "single", "any", "inside",
 * triggers said as the subject of "should trigger", posts to a system beside other actions, success said
 * as a judgement, the time it takes someone to do something, industries called by common names, a grade
 * the account is already in, and a grade the health model does not have.
 */
import { readDuration, readFraction } from "../../../domain/plain-language/en/numbers";
import { tokenize } from "../../../domain/plain-language/tokens";
import {
  DraftCase,
  draftIn,
  expectDraft,
  industry,
  owner,
  region,
  role,
  segment,
  team,
  user,
} from "../../support/plain-language-drafts";

const draft = draftIn("en");

function check(c: DraftCase): void {
  expectDraft(draft, c, "any order");
}

const ECOMMERCE = industry("ECOMMERCE");
const SAAS = industry("SAAS");
const HEALTHCARE = industry("HEALTHCARE");
const MANUFACTURING = industry("MANUFACTURING");
const FINANCE = industry("FINANCE");

describe("fractions of a unit", () => {
  const read = (text: string) => readFraction(tokenize(text), 0)?.value ?? null;
  it.each([
    ["half a point", 0.5],
    ["a quarter of a day", 0.25],
    ["one third of a percentage point", 1 / 3],
    ["three quarters of an hour", 0.75],
  ])("reads '%s' as %d of the unit", (text, value) => expect(read(text)).toBeCloseTo(value, 6));

  it("leaves 'half a dozen' and 'a quarter' (of a year) to the numbers and durations", () => {
    expect(read("half a dozen")).toBeNull();
    expect(read("a quarter")).toBeNull();
    expect(readDuration(tokenize("a quarter"), 0)?.days).toBe(90);
    expect(readDuration(tokenize("a quarter of a day"), 0)?.days).toBe(0.25);
    expect(readDuration(tokenize("half a day"), 0)?.days).toBe(0.5);
  });
});

describe("rates said as fractions, trend verbs in -ing, windows over the last …", () => {
  const cases: DraftCase[] = [
    {
      text: "When the return rate of an online seller rises faster than half a percentage point a week over the last six weeks, have Anna audit their listings.",
      trigger: { kind: "CONCEPT_TREND", concept: "ecommerce:return-rate", direction: "RISING", withinDays: 42 },
      conditions: [ECOMMERCE],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-anna-schmidt") }],
    },
    {
      text: "If churn risk at a SaaS account climbs by more than half a point per week across the past 4 weeks, ask Raj to call them.",
      trigger: { kind: "CONCEPT_TREND", concept: "core:churn-risk", direction: "RISING", withinDays: 28 },
      conditions: [SAAS],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-raj-patel") }],
    },
    {
      text: "When the scrap rate at a factory creeps up by a quarter of a point per day over a fortnight, open a quality review for the quality engineer.",
      trigger: { kind: "CONCEPT_TREND", concept: "manufacturing:scrap-rate", direction: "RISING", withinDays: 14 },
      conditions: [MANUFACTURING],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("quality-engineer") }],
    },
    {
      text: "When average length of stay at a hospital creeps up by more than a quarter of a day per week over the last two months, ask Zhang Min to plan discharges.",
      trigger: { kind: "CONCEPT_TREND", concept: "healthcare:length-of-stay", direction: "RISING", withinDays: 60 },
      conditions: [HEALTHCARE],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-zhang-min") }],
    },
    {
      text: "If license utilisation at a SaaS customer has been sliding by two points a week for the past 45 days, have Customer Success run an adoption workshop.",
      trigger: { kind: "CONCEPT_TREND", concept: "saas:license-utilisation", direction: "FALLING", withinDays: 45 },
      conditions: [SAAS],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-customer-success") }],
    },
    {
      text: "When OEE at a plant is slipping by 1 point a week over the last three months, have the quality team investigate.",
      trigger: { kind: "CONCEPT_TREND", concept: "manufacturing:oee", direction: "FALLING", withinDays: 90 },
      conditions: [MANUFACTURING],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-quality") }],
    },
    {
      text: "If NPS at a clinic is trending down by half a point a month over the last six months, have Sarah call them.",
      trigger: { kind: "CONCEPT_TREND", concept: "core:nps", direction: "FALLING", withinDays: 180 },
      conditions: [HEALTHCARE],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-sarah-kim") }],
    },
    {
      text: "When the on-time delivery rate at a manufacturer keeps dropping by a third of a point per day over 30 days, alert the account owner.",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "manufacturing:delivery-performance",
        direction: "FALLING",
        withinDays: 30,
      },
      conditions: [MANUFACTURING],
      actions: [{ kind: "CREATE_TASK", assignee: owner }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it.each([
    ["rises faster than half a percentage point a week over the last six weeks", 0.5 / 7],
    ["creeps up by more than a quarter of a day per week over the last two months", 0.25 / 7],
    ["has been sliding by two points a week for the past 45 days", 2 / 7],
    ["keeps dropping by a third of a point per day over 30 days", 1 / 3],
  ])("the rate of '%s' is %d a day", (phrase, rate) => {
    const sentence = cases.find((c) => c.text.includes(phrase)) as DraftCase;
    const trigger = draft(sentence.text).trigger as { ratePerDay: number };
    expect(trigger.ratePerDay).toBeCloseTo(rate, 4);
  });
});

describe("windows of counts said 'within a single week', 'inside 30 days', 'in any 7-day period'", () => {
  const cases: DraftCase[] = [
    {
      text: "Should a SaaS account rack up more than three escalated cases within a single week, have Raj call them.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:escalations" }, count: 4, withinDays: 7 },
      conditions: [SAAS],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-raj-patel") }],
    },
    {
      text: "When contacts at a hospital view the pricing page 4 times in any 7-day period, have Sarah call them.",
      trigger: { kind: "SIGNAL_COUNT", signals: { valueEquals: "/pricing" }, count: 4, withinDays: 7 },
      conditions: [HEALTHCARE],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-sarah-kim") }],
    },
    {
      text: "When a school's contacts visit the pricing page twice inside a fortnight, call them.",
      trigger: { kind: "SIGNAL_COUNT", signals: { valueEquals: "/pricing" }, count: 2, withinDays: 14 },
      conditions: [industry("EDUCATION")],
      actions: [{ kind: "CREATE_TASK", assignee: owner }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("what happens said as the subject of 'should trigger', 'should mean'", () => {
  const cases: DraftCase[] = [
    {
      text: "Three late deliveries to a factory customer inside 30 days should trigger a delivery-recovery task for the account owner.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:delivery-performance", valueEquals: "LATE" },
        count: 3,
        withinDays: 30,
      },
      conditions: [MANUFACTURING],
      actions: [{ kind: "CREATE_TASK", assignee: owner }],
    },
    {
      text: "Two late deliveries to a single plant within a month should trigger a call task for Raj.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:delivery-performance", valueEquals: "LATE" },
        count: 2,
        withinDays: 30,
      },
      conditions: [MANUFACTURING],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-raj-patel") }],
    },
    {
      text: "More than five escalated cases at a SaaS account in a fortnight should mean a call from Raj.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:escalations" }, count: 6, withinDays: 14 },
      conditions: [SAAS],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-raj-patel") }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it("keeps 'whose … needs a call from the account manager' an accounts-first sentence", () => {
    const d = draft("Any SaaS customer whose NPS drops below 3 needs a call from the account manager within 48 hours.");
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: owner, dueInDays: 2, template: "call" }]);
  });
});

describe("a post to a system beside the other actions", () => {
  const NPS = "When a hospital's NPS falls below 5, ";
  const OEE = "When a factory's OEE falls below 60%, ";
  const slack = { kind: "CALL_WEBHOOK", endpointId: "wh-slack-cs" };
  const cases: DraftCase[] = [
    [`${NPS}Sarah should call them by tomorrow, and drop a note in #cs-alerts.`, user("u-sarah-kim"), slack],
    [`${NPS}have Sarah call them and drop a message in Slack.`, user("u-sarah-kim"), slack],
    [
      `${NPS}create a call task for Sarah, plus a post to the partner portal.`,
      user("u-sarah-kim"),
      { kind: "CALL_WEBHOOK", endpointId: "wh-partner-portal" },
    ],
    [`${OEE}give the quality team a line-audit task, along with a message to #cs-alerts.`, team("t-quality"), slack],
    [`${OEE}give the quality team a line-audit task and put a note on Slack.`, team("t-quality"), slack],
    [`${OEE}have Raj call them, then shout about it in Slack.`, user("u-raj-patel"), slack],
    [
      `${OEE}open a quality review for the quality engineer, with a heads-up to DingTalk.`,
      role("quality-engineer"),
      { kind: "CALL_WEBHOOK", endpointId: "wh-dingtalk" },
    ],
  ].map(([text, assignee, webhook]) => ({
    text: text as string,
    trigger: { kind: "CONCEPT_THRESHOLD" },
    conditions: [(text as string).startsWith(NPS) ? HEALTHCARE : MANUFACTURING],
    actions: [{ assignee }, webhook as Record<string, unknown>],
  }));
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it("calls every endpoint of a list and names the systems the tenant does not have", () => {
    const d = draft("When a hospital's NPS falls below 5, push it to ServiceNow, Zendesk and the partner portal.");
    expect(d.actions).toEqual([
      { kind: "CALL_WEBHOOK", endpointId: "wh-servicenow" },
      { kind: "CALL_WEBHOOK", endpointId: "wh-partner-portal" },
    ]);
    expect(d.unrecognised).toEqual(["Zendesk"]);
    const hub = draft(
      "Whenever an opportunity is created for an enterprise SaaS customer, sync it to HubSpot and the ERP.",
    );
    expect(hub.actions).toEqual([{ kind: "CALL_WEBHOOK", endpointId: "wh-erp" }]);
    expect(hub.unrecognised).toEqual(["HubSpot"]);
    expect(draft("When a hospital's NPS falls below 5, post it to Slack and Teams.").unrecognised).toEqual(["Teams"]);
  });
});

describe("success said as a judgement", () => {
  it.each([
    [
      "have Sarah call them within a week; count it as working if that task is done within 30 days.",
      "TASK_COMPLETED",
      30,
    ],
    ["have Sarah call them; it has worked if the health grade improves within 45 days.", "HEALTH_IMPROVED", 45],
    ["have Sarah call them; consider it effective when the task is completed within 2 weeks.", "TASK_COMPLETED", 14],
    [
      "have Sarah call them. We'll treat it as a success once the account is back to green within 60 days.",
      "HEALTH_IMPROVED",
      60,
    ],
    [
      "have Sarah call them, and deem the playbook successful if the call task is closed in 10 days.",
      "TASK_COMPLETED",
      10,
    ],
  ])("When a hospital's NPS falls below 5, %s", (rest, kind, withinDays) => {
    const d = draft(`When a hospital's NPS falls below 5, ${rest}`);
    expect(d.feedback).toMatchObject({ kind, withinDays });
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: user("u-sarah-kim") }]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads the concept's value in the success signal ('an on-time delivery shows up')", () => {
    const d = draft(
      "When a factory has 3 late deliveries in a month, call them; it has worked if an on-time delivery shows up within 21 days.",
    );
    expect(d.trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "manufacturing:delivery-performance", valueEquals: "LATE" },
      count: 3,
    });
    expect(d.feedback).toEqual({
      kind: "SIGNAL_OBSERVED",
      signals: { concept: "manufacturing:delivery-performance", valueEquals: "ON_TIME" },
      withinDays: 21,
    });
  });
});

describe("the time it takes someone to do something", () => {
  const cases: DraftCase[] = [
    {
      text: "If it takes an engineer more than eight hours to get on site at a hospital, have Sarah call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:service-response-time", op: "BELOW" },
      conditions: [HEALTHCARE],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-sarah-kim") }],
    },
    {
      text: "If engineers need more than eight hours to get on site at a hospital, have Sarah call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:service-response-time", op: "BELOW" },
      conditions: [HEALTHCARE],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-sarah-kim") }],
    },
    {
      text: "If it takes more than 2 hours to send a first response to a SaaS customer, have the support lead review it.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:first-response-time", op: "BELOW" },
      conditions: [SAAS],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("support-lead") }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it("does not guess a measure from 'time' alone", () => {
    const d = draft("If it takes a hospital more than 40 days to pay an invoice, have the collections team call them.");
    expect(d.trigger).toBeNull();
  });
});

describe("industries called by common names, and grades said inside the noun phrase", () => {
  const cases: DraftCase[] = [
    {
      text: "Whenever an online store's conversion rate drops by more than 0.05 percentage points per day over a fortnight, flag the account.",
      trigger: { kind: "CONCEPT_TREND", concept: "ecommerce:conversion-rate", ratePerDay: 0.05, withinDays: 14 },
      conditions: [ECOMMERCE],
      actions: [{ kind: "FLAG_RECORDS" }],
    },
    {
      text: "If a lender's DSO exceeds 60 days, have the collections team call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:days-sales-outstanding" },
      conditions: [FINANCE],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-collections") }],
    },
    {
      text: "When NPS at a medical center falls below 5, have Sarah call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [HEALTHCARE],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-sarah-kim") }],
    },
    {
      text: "If an EMEA bank's DSO climbs past 75 days, the collections team should chase the invoices within 3 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:days-sales-outstanding", op: "BELOW" },
      conditions: [region("EMEA"), FINANCE],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-collections"), dueInDays: 3 }],
    },
    {
      text: "Have the academic success team reach out within a week if the on-time assignment submission rate at a school that's already amber falls below 70 percent.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "education:assignment-submission", op: "BELOW" },
      conditions: [{ kind: "HEALTH_GRADE", grades: ["YELLOW"] }, industry("EDUCATION")],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-academic-success"), dueInDays: 7 }],
    },
    {
      text: "When NPS at a hospital that is already red drops below 5, have Sarah call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [{ kind: "HEALTH_GRADE", grades: ["RED"] }, HEALTHCARE],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-sarah-kim") }],
    },
    {
      text: "When contacts at a bank that's still amber view the pricing page twice in a week, have Li Wei call them.",
      trigger: { kind: "SIGNAL_COUNT", signals: { valueEquals: "/pricing" }, count: 2, withinDays: 7 },
      conditions: [{ kind: "HEALTH_GRADE", grades: ["YELLOW"] }, FINANCE],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-li-wei") }],
    },
    {
      text: "When an account that is already yellow turns red, call them.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", from: ["YELLOW"], to: ["RED"] },
      conditions: [],
      actions: [{ kind: "CREATE_TASK", assignee: owner }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it("a bare 'seller' names the e-commerce industry, as 'a hospital' names healthcare", () => {
    const d = draft("When a seller's order defect rate is above 1%, have Anna call them.");
    expect(d.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: ["ECOMMERCE"] }]);
  });
});

describe("a grade the health model does not have", () => {
  const cases: DraftCase[] = [
    {
      text: "When any account in Southeast Asia is downgraded to 'critical', automatically open a retention review for the regional manager due in 2 days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", direction: "DOWN" },
      conditions: [region("APAC-SEA")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("regional-manager"), dueInDays: 2 }],
      mode: "AUTO",
      unrecognised: ["critical"],
    },
    {
      text: 'If a hospital account\'s health drops to "severe", have Sarah call them.',
      trigger: { kind: "HEALTH_GRADE_CHANGE", direction: "DOWN" },
      conditions: [HEALTHCARE],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-sarah-kim") }],
      unrecognised: ["severe"],
    },
    {
      text: "Whenever a SaaS client gets downgraded to critical status, ask Raj to call them.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", direction: "DOWN" },
      conditions: [SAAS],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-raj-patel") }],
      unrecognised: ["critical status"],
    },
    {
      text: 'When an enterprise customer is downgraded to "at risk", open a retention review for the account owner.',
      trigger: { kind: "HEALTH_GRADE_CHANGE", direction: "DOWN" },
      conditions: [segment("ENTERPRISE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: owner }],
      unrecognised: ["at risk"],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it("keeps a concept's own value a value ('the risk rating is upgraded to HIGH')", () => {
    const d = draft("When a bank's risk rating is upgraded to HIGH, have the KYC analyst review it.");
    expect(d.trigger).toMatchObject({ kind: "SIGNAL_COUNT", signals: { valueEquals: "HIGH" } });
    expect(d.unrecognised).toEqual([]);
  });
});

describe("words around the rule: preambles, deadlines and conditions said last", () => {
  it.each([
    "Please set this up: when a factory's OEE drops under 60%, have the quality team audit the line.",
    "Quick one - when a factory's OEE drops under 60%, have the quality team audit the line.",
    "Here's what I want: if a factory's OEE drops under 60%, the quality team should audit the line.",
    "I'd like a rule: if a factory's OEE drops under 60%, the quality team audits the line.",
  ])("%s", (text) =>
    check({
      text,
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" },
      conditions: [MANUFACTURING],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-quality") }],
    }),
  );

  it("reads a mode said in a preamble ('don't do anything without my OK')", () => {
    const d = draft(
      "Heads up, but don't do anything without my OK: when a SaaS account's NPS drops below 5, have Raj call them.",
    );
    expect(d.mode).toBe("SUGGEST");
    expect(d.unrecognised).toEqual([]);
  });

  it.each([
    ["by the end of the week", 7],
    ["before the end of the month", 30],
    ["no later than 5 days after", 5],
    ["within the next 48 hours", 2],
  ])("reads the deadline '%s' as %d days", (deadline, days) => {
    const d = draft(`When a hospital's NPS falls below 5, have Sarah call them ${deadline}.`);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: user("u-sarah-kim"), dueInDays: days }]);
    expect(d.unrecognised).toEqual([]);
  });

  it.each([
    "When a hospital's NPS falls below 5, Sarah needs to call them within two days, for LATAM accounts only.",
    "When NPS falls under 5 at a hospital based in Latin America, Sarah needs to call them within two days.",
  ])("%s", (text) =>
    check({
      text,
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [HEALTHCARE, region("LATAM")],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-sarah-kim"), dueInDays: 2 }],
    }),
  );

  it("takes accounts named in a piece of their own before the trigger as conditions", () => {
    const d = draft("For our customers, the enterprise ones, when their NPS falls under 5, have Raj call them.");
    expect(d.conditions).toEqual([segment("ENTERPRISE")]);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: user("u-raj-patel") }]);
  });
});

describe("doers said another way", () => {
  const NPS = "When a hospital's NPS falls below 5, ";
  it.each([
    [`${NPS}loop in the key account team and set up a call with the customer.`, [team("t-key-accounts"), owner]],
    [`${NPS}assign a recovery plan to Sarah and cc the CS team.`, [user("u-sarah-kim"), team("t-customer-success")]],
    [`${NPS}have someone from the CS team call them.`, [team("t-customer-success")]],
    [`${NPS}get a member of the quality team to call them.`, [team("t-quality")]],
  ])("%s", (text, assignees) => {
    const d = draft(text);
    expect(d.actions).toMatchObject(assignees.map((assignee) => ({ kind: "CREATE_TASK", assignee })));
    expect(d.unrecognised).toEqual([]);
  });

  it("reads a bound on how many assets apart from the level they cross", () => {
    const d = draft(
      "If at least 3 scanners at hospitals in the same region have uptime below 95%, have the service partner of the region inspect them.",
    );
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", op: "BELOW", scope: "REGION" });
  });
});
