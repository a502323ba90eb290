/**
 * Kinds of English trigger and condition the grammar learned in session 11 (issue 12): sentences of our own,
 * at least three per kind, across industries and word orders (none copied from a corpus file).
 */
import { PlaybookCondition } from "../../../domain/automation/playbook";
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

/** Every case asserts through expectDraft (trigger, conditions, actions); a case that checked nothing fails. */
function check(c: DraftCase): void {
  expect.hasAssertions();
  expectDraft(draft, c, "any order");
}

const grade = (...grades: string[]): PlaybookCondition => ({ kind: "HEALTH_GRADE", grades });
const flag = { kind: "FLAG_RECORDS" };
const webhook = (endpointId: string) => ({ kind: "CALL_WEBHOOK", endpointId });
const fieldIn = (field: "industry" | "segment" | "region", values: string[]): PlaybookCondition => ({
  kind: "ACCOUNT_FIELD",
  field,
  op: "IN",
  values,
});

describe("a state said with while, whilst, as long as or provided is a condition, with or without a when", () => {
  const cases: DraftCase[] = [
    {
      text: "CSAT at a hospital falling under 3, while the account is red: have the account owner call them within 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW" },
      conditions: [industry("HEALTHCARE"), grade("RED")],
      actions: [task(owner, 2)],
    },
    {
      text: "When NPS drops below 5 at a SaaS customer, as long as the account is yellow, ask Raj to book a check-in call.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW" },
      conditions: [industry("SAAS"), grade("YELLOW")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "If the support backlog rises by more than 5 a week over a month, provided the account is in the enterprise segment, create a task for the support lead.",
      trigger: { kind: "CONCEPT_TREND", concept: "core:support-backlog", direction: "RISING", withinDays: 30 },
      conditions: [segment("ENTERPRISE")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "If an insurer's NPS drops below 6 whilst it is in the enterprise segment, have Raj call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.6 },
      conditions: [industry("FINANCE"), segment("ENTERPRISE")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "Whilst the account is red, any new support ticket should become a task for the support lead.",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_CREATED"] },
      conditions: [grade("RED")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "NPS below 5 at an enterprise account, as long as the account is red: have the account owner call them within 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [segment("ENTERPRISE"), grade("RED")],
      actions: [task(owner, 2)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("event verbs joined with their prepositions or particles are each an event type", () => {
  const cases: DraftCase[] = [
    {
      text: "When an asset is removed from or restored to the installed base, sync it to the ERP.",
      trigger: { kind: "EVENT", eventTypes: ["ASSET_DELETED", "ASSET_RESTORED"] },
      conditions: [],
      actions: [webhook("wh-erp")],
    },
    {
      text: "Whenever an opportunity is added to or dropped from the pipeline, tell the account owner.",
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_CREATED", "OPPORTUNITY_DELETED"] },
      conditions: [],
      actions: [task(owner)],
    },
    {
      text: "When a contact is added to or removed from a school account, have the account owner update the org chart.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_CREATED", "CONTACT_DELETED"] },
      conditions: [industry("EDUCATION")],
      actions: [task(owner)],
    },
    {
      text: "If a contact at a bank gets deleted or comes back, notify the account owner.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED", "CONTACT_RESTORED"] },
      conditions: [industry("FINANCE")],
      actions: [task(owner)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a number of events said as the subject is a signal count", () => {
  const cases: DraftCase[] = [
    {
      text: "Three failed QC runs in a month at a hospital → open a quality review for the compliance officer.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "healthcare:remote-quality-control", valueEquals: "false" },
        count: 3,
        withinDays: 30,
      },
      conditions: [industry("HEALTHCARE")],
      actions: [review(role("compliance"))],
    },
    {
      text: "Two or more calibration expiries at one clinic inside a quarter mean a review for the compliance officer.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "healthcare:calibration-compliance", valueEquals: "true" },
        count: 2,
        withinDays: 90,
      },
      conditions: [industry("HEALTHCARE")],
      actions: [review(role("compliance"))],
    },
    {
      text: "Three or more late deliveries in a month to a factory mean a delivery improvement task for the account owner.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:delivery-performance", valueEquals: "LATE" },
        count: 3,
        withinDays: 30,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [task(owner)],
    },
    {
      text: "When three QC runs fail within two weeks at a medical centre, have the field service team check the scanners.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "healthcare:remote-quality-control", valueEquals: "false" },
        count: 3,
        withinDays: 14,
      },
      conditions: [industry("HEALTHCARE")],
      actions: [task(team("t-field-service"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("every, each or any new (or deleted) record said as the subject is its event", () => {
  const cases: DraftCase[] = [
    {
      text: "Every new support ticket at a hospital should become a triage task for the support lead.",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_CREATED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "Any deleted contact gets a review task for the account owner.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [],
      actions: [task(owner)],
    },
    {
      text: "Each newly created deal in LATAM needs a qualification call from Raj within 2 days.",
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_CREATED"] },
      conditions: [region("LATAM")],
      actions: [task(user("u-raj-patel"), 2)],
    },
    {
      text: "Every new opportunity at a mid-market manufacturer should get a discovery call from the account owner.",
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_CREATED"] },
      conditions: [segment("MID_MARKET"), industry("MANUFACTURING")],
      actions: [task(owner)],
    },
    {
      text: "When a deleted contact comes back, tell the account owner.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_RESTORED"] },
      conditions: [],
      actions: [task(owner)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("accounts said first with a participle of what happens to them are the trigger and its conditions", () => {
  const cases: DraftCase[] = [
    {
      text: "Enterprise customers in Europe going from green to red need a call from the account owner within a day.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], from: ["GREEN"] },
      conditions: [segment("ENTERPRISE"), region("EMEA")],
      actions: [task(owner, 1)],
    },
    {
      text: "SaaS accounts dropping to yellow get a check-in task for the account owner.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW"], direction: "DOWN" },
      conditions: [industry("SAAS")],
      actions: [task(owner)],
    },
    {
      text: "Mid-market retailers in LATAM improving to green should get a thank-you call from Raj.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["GREEN"], direction: "UP" },
      conditions: [segment("MID_MARKET"), region("LATAM"), industry("ECOMMERCE")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "Any hospital account whose score falls under 40 should get a review from the compliance team.",
      trigger: { kind: "EVENT", eventTypes: ["HEALTH_SCORE_CHANGED"] },
      conditions: [industry("HEALTHCARE"), { kind: "HEALTH_SCORE", op: "BELOW", value: 40 }],
      actions: [review(role("compliance"))],
    },
    {
      text: "Any enterprise bank turning yellow or red needs a risk review from compliance within 5 days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW", "RED"] },
      conditions: [segment("ENTERPRISE"), industry("FINANCE")],
      actions: [review(role("compliance"), 5)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a number of assets in one region is the trend's minimum of subjects, with or without a bound", () => {
  const cases: DraftCase[] = [
    {
      text: "When three machines in a region see vibration rise by more than 0.5 a day over two weeks, flag the machines and have the region's service partner inspect them.",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "manufacturing:vibration-severity",
        direction: "RISING",
        withinDays: 14,
        scope: "REGION",
        minSubjects: 3,
      },
      conditions: [],
      actions: [flag, task({ kind: "ORGANIZATION", servingRegion: true })],
    },
    {
      text: "Six scanners in one region losing uptime faster than 0.5 points a day over 10 days: flag the scanners.",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "core:uptime",
        direction: "FALLING",
        withinDays: 10,
        scope: "REGION",
        minSubjects: 6,
      },
      conditions: [],
      actions: [flag],
    },
    {
      text: "If two buses in the same region lose battery health faster than 1 point a month over a quarter, flag them.",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "automotive:battery-state-of-health",
        direction: "FALLING",
        withinDays: 90,
        scope: "REGION",
        minSubjects: 2,
      },
      conditions: [],
      actions: [flag],
    },
    {
      text: "When the energy delivered by at least five chargers in one region drops by more than 100 kWh a week over a month, flag those chargers.",
      trigger: { kind: "CONCEPT_TREND", direction: "FALLING", withinDays: 30, scope: "REGION", minSubjects: 5 },
      conditions: [],
      actions: [flag],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a field value said with outside, except or not is every other value of the field", () => {
  const cases: DraftCase[] = [
    {
      text: "When NPS drops below 5 at an account outside EMEA, have the account owner call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW" },
      conditions: [fieldIn("region", ["NA", "APAC-CN", "APAC-SEA", "LATAM"])],
      actions: [task(owner)],
    },
    {
      text: "If CSAT falls under 3 for any customer except hospitals and schools, create a task for the support lead.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW" },
      conditions: [fieldIn("industry", ["SAAS", "MANUFACTURING", "FINANCE", "AUTOMOTIVE", "ECOMMERCE"])],
      actions: [task(role("support-lead"))],
    },
    {
      text: "When an account that is not in the SMB segment turns red, open a retention review for the account owner.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [fieldIn("segment", ["ENTERPRISE", "MID_MARKET"])],
      actions: [review(owner)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a health score the account has, said with 'with', is a condition beside what happens", () => {
  const cases: DraftCase[] = [
    {
      text: "If a school with a health score below 50 drops to red, have the academic success team call them.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], direction: "DOWN" },
      conditions: [industry("EDUCATION"), { kind: "HEALTH_SCORE", op: "BELOW", value: 50 }],
      actions: [task(team("t-academic-success"))],
    },
    {
      text: "If a bank with a health score under 60 has three escalated tickets in a week, open a risk review for compliance.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "core:escalations", valueEquals: "true" },
        count: 3,
        withinDays: 7,
      },
      conditions: [industry("FINANCE"), { kind: "HEALTH_SCORE", op: "BELOW", value: 60 }],
      actions: [review(role("compliance"))],
    },
    {
      text: "If an enterprise hospital with a health score above 80 views the pricing page twice in a week, raise a buying intent signal.",
      trigger: { kind: "SIGNAL_COUNT", signals: { valueEquals: "/pricing" }, count: 2, withinDays: 7 },
      conditions: [segment("ENTERPRISE"), industry("HEALTHCARE"), { kind: "HEALTH_SCORE", op: "ABOVE", value: 80 }],
      actions: [{ kind: "RAISE_INTENT_SIGNAL" }],
    },
    {
      text: "When a bank with health under 60 sees NPS fall below 5, have Raj call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [industry("FINANCE"), { kind: "HEALTH_SCORE", op: "BELOW", value: 60 }],
      actions: [task(user("u-raj-patel"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a grade said before the accounts' noun is the grade they are in, or come from when they change", () => {
  const cases: DraftCase[] = [
    {
      text: "Yellow SaaS accounts whose NPS falls under 5 should get a check-in call from Raj.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [grade("YELLOW"), industry("SAAS")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "If red or yellow hospitals log three escalated tickets in a week, open a review for the support lead.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:escalations" }, count: 3, withinDays: 7 },
      conditions: [grade("RED", "YELLOW"), industry("HEALTHCARE")],
      actions: [review(role("support-lead"))],
    },
    {
      text: "When a green account drops to red, tell Raj.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], from: ["GREEN"], direction: "DOWN" },
      conditions: [],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "When a yellow SaaS customer falls to red, tell Raj.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], from: ["YELLOW"], direction: "DOWN" },
      conditions: [industry("SAAS")],
      actions: [task(user("u-raj-patel"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("an account that churns or renews is the outcome recorded, wherever its conditions stand", () => {
  const cases: DraftCase[] = [
    {
      text: "When any customer in EMEA or LATAM churns, open a churn review for the account owner.",
      trigger: { kind: "EVENT", eventTypes: ["OUTCOME_RECORDED"] },
      conditions: [{ kind: "ACCOUNT_FIELD", field: "region", op: "IN", values: ["EMEA", "LATAM"] }],
      actions: [review(owner)],
    },
    {
      text: "When an account renews, tell Raj.",
      trigger: { kind: "EVENT", eventTypes: ["OUTCOME_RECORDED"] },
      conditions: [],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "If a SaaS client renewed, have the account owner send a thank-you note.",
      trigger: { kind: "EVENT", eventTypes: ["OUTCOME_RECORDED"] },
      conditions: [industry("SAAS")],
      actions: [task(owner)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("what is counted said as a heading, then how many in a window, is a signal count", () => {
  const cases: DraftCase[] = [
    {
      text: "Escalated tickets at banks: more than 3 in a week should get the support lead a task.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "core:escalations", valueEquals: "true" },
        count: 4,
        withinDays: 7,
      },
      conditions: [industry("FINANCE")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "Reopened tickets at a school - three within a fortnight: have the support lead call them.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:support-quality" }, count: 3, withinDays: 14 },
      conditions: [industry("EDUCATION")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "Late deliveries to factories: at least 4 in a month should trigger a review for the account owner.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:delivery-performance", valueEquals: "LATE" },
        count: 4,
        withinDays: 30,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [review(owner)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("what the accounts get for a doer to do is a task for that doer", () => {
  const cases: DraftCase[] = [
    {
      text: "Clinics whose calibration expires should get a calibration task for the field service team.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:calibration-compliance", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [task(team("t-field-service"))],
    },
    {
      text: "Schools whose NPS falls below 5 get a check-in task for the academic success team.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [industry("EDUCATION")],
      actions: [task(team("t-academic-success"))],
    },
    {
      text: "When a bank turns red, the account gets a review for compliance.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("FINANCE")],
      actions: [review(role("compliance"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a place said as a capitalised word before the accounts, with no region for it, is named", () => {
  const cases: DraftCase[] = [
    {
      text: "If a US customer goes red, have Raj call them.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [],
      actions: [task(user("u-raj-patel"))],
      unrecognised: ["US"],
    },
    {
      text: "When German hospitals drop to red, have the account owner call them.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], direction: "DOWN" },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner)],
      unrecognised: ["German"],
    },
    {
      text: "If a Canadian bank's NPS falls below 4, tell Raj.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.4 },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"))],
      unrecognised: ["Canadian"],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a state said after unless, or with not, is the states that let the rule run", () => {
  const cases: DraftCase[] = [
    {
      text: "When NPS drops below 5, have Raj call them, unless the account is green.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [grade("YELLOW", "RED")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "If CSAT falls below 3 at a hospital, open a review for the support lead unless the account is in LATAM.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW" },
      conditions: [industry("HEALTHCARE"), fieldIn("region", ["NA", "EMEA", "APAC-CN", "APAC-SEA"])],
      actions: [review(role("support-lead"))],
    },
    {
      text: "Create a task for the account owner when a SaaS customer's NPS drops under 4, but not for SMB accounts.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.4 },
      conditions: [industry("SAAS"), fieldIn("segment", ["ENTERPRISE", "MID_MARKET"])],
      actions: [task(owner)],
    },
    {
      text: "When an account whose health is not green views the pricing page twice in a week, have Raj call them.",
      trigger: { kind: "SIGNAL_COUNT", signals: { valueEquals: "/pricing" }, count: 2, withinDays: 7 },
      conditions: [grade("YELLOW", "RED")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "If CSAT falls below 3 at a bank and it is not red, tell Raj.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW", value: 0.5 },
      conditions: [industry("FINANCE"), grade("GREEN", "YELLOW")],
      actions: [task(user("u-raj-patel"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a grade the account is in, beside a health score crossing a level, is a condition", () => {
  const cases: DraftCase[] = [
    {
      text: "If health score falls below 50 at an enterprise account that is already yellow, ask Raj to call.",
      trigger: { kind: "EVENT", eventTypes: ["HEALTH_SCORE_CHANGED"] },
      conditions: [grade("YELLOW"), segment("ENTERPRISE"), { kind: "HEALTH_SCORE", op: "BELOW", value: 50 }],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "When the health score of a school that is currently red goes above 60, have the account owner call them.",
      trigger: { kind: "EVENT", eventTypes: ["HEALTH_SCORE_CHANGED"] },
      conditions: [grade("RED"), industry("EDUCATION"), { kind: "HEALTH_SCORE", op: "ABOVE", value: 60 }],
      actions: [task(owner)],
    },
    {
      text: "Any red factory whose health score drops under 30 needs a rescue review from the quality team.",
      trigger: { kind: "EVENT", eventTypes: ["HEALTH_SCORE_CHANGED"] },
      conditions: [grade("RED"), industry("MANUFACTURING"), { kind: "HEALTH_SCORE", op: "BELOW", value: 30 }],
      actions: [review(team("t-quality"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a number of one account's assets to which something happens in a window is a count of those events", () => {
  const cases: DraftCase[] = [
    {
      text: "Whenever 2 or more vehicles at a fleet customer fail an OTA update in a week, have the account owner call them.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "automotive:ota-update-success", valueEquals: "false", subjectKinds: ["ASSET"] },
        count: 2,
        withinDays: 7,
        scope: "ACCOUNT",
      },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(owner)],
    },
    {
      text: "If three scanners at a hospital fail QC within a month, have the field service team check them.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "healthcare:remote-quality-control", valueEquals: "false", subjectKinds: ["ASSET"] },
        count: 3,
        withinDays: 30,
      },
      conditions: [industry("HEALTHCARE")],
      actions: [task(team("t-field-service"))],
    },
    {
      text: "When five machines at a factory break down within a fortnight, have Tom Becker visit them.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:unplanned-downtime", subjectKinds: ["ASSET"] },
        count: 5,
        withinDays: 14,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [task(user("u-tom-becker"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("something happening for the nth time in a window is a count of n", () => {
  const cases: DraftCase[] = [
    {
      text: "If a ticket at an enterprise customer is reopened for the third time in a month, escalate to the support lead.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:support-quality" }, count: 3, withinDays: 30 },
      conditions: [segment("ENTERPRISE")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "When a bank gets a sanctions hit for the second time within 90 days, ask compliance to review it.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "finance:sanctions-screening", valueEquals: "true" },
        count: 2,
        withinDays: 90,
      },
      conditions: [industry("FINANCE")],
      actions: [review(role("compliance"))],
    },
    {
      text: "If an OTA update fails at a carmaker for the 3rd time in a week, tell the account owner.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "automotive:ota-update-success", valueEquals: "false" },
        count: 3,
        withinDays: 7,
      },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(owner)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("grade changes and events said with or are one trigger of either", () => {
  const cases: DraftCase[] = [
    {
      text: "When a hospital goes from yellow to red or green to red, have the account owner call them.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], from: ["YELLOW", "GREEN"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner)],
    },
    {
      text: "When a school slips from green to yellow, or from yellow to red, have the academic success team call them.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW", "RED"], from: ["GREEN", "YELLOW"], direction: "DOWN" },
      conditions: [industry("EDUCATION")],
      actions: [task(team("t-academic-success"))],
    },
    {
      text: "When a contact is created at a school, or when a deal is won, tell the account owner.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_CREATED", "OPPORTUNITY_UPDATED"] },
      conditions: [industry("EDUCATION")],
      actions: [task(owner)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a rule written as a form, with labels before colons, gives each piece its role", () => {
  const cases: DraftCase[] = [
    {
      text: "Accounts: enterprise hospitals. When: uptime drops below 97%. Then: have the field service team visit.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:uptime", op: "BELOW" },
      conditions: [segment("ENTERPRISE"), industry("HEALTHCARE")],
      actions: [task(team("t-field-service"))],
    },
    {
      text: "Condition: red or yellow banks. Trigger: NPS under 4. Action: ask Raj to call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.4 },
      conditions: [industry("FINANCE"), grade("RED", "YELLOW")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "Scope: SaaS accounts in EMEA. Trigger: CSAT below 3. Action: create a task for the support lead.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW", value: 0.5 },
      conditions: [industry("SAAS"), region("EMEA")],
      actions: [task(role("support-lead"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("records or accounts described inside an action are the trigger, with their place and deadline kept", () => {
  const cases: DraftCase[] = [
    {
      text: "Let's have compliance review every new contact at a bank in EMEA within a week.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_CREATED"] },
      conditions: [industry("FINANCE"), region("EMEA")],
      actions: [review(role("compliance"), 7)],
    },
    {
      text: "Ask the account owner to call each new opportunity at an SMB retailer in 2 days.",
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_CREATED"] },
      conditions: [segment("SMB"), industry("ECOMMERCE")],
      actions: [task(owner, 2)],
    },
    {
      text: "I'd like Raj to call any bank in LATAM that turns red.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("FINANCE"), region("LATAM")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "Make sure the field service team visits hospitals in EMEA whose uptime falls below 95%.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:uptime", op: "BELOW" },
      conditions: [industry("HEALTHCARE"), region("EMEA")],
      actions: [task(team("t-field-service"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a count said per period, and greetings around the rule", () => {
  const cases: DraftCase[] = [
    {
      text: "If a factory in China starts seeing more than three late deliveries a month, have Tom Becker call them.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:delivery-performance", valueEquals: "LATE" },
        count: 4,
        withinDays: 30,
      },
      conditions: [industry("MANUFACTURING"), region("APAC-CN")],
      actions: [task(user("u-tom-becker"))],
    },
    {
      text: "When a bank is getting more than 2 sanctions hits a month, ask compliance to review it.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "finance:sanctions-screening", valueEquals: "true" },
        count: 3,
        withinDays: 30,
      },
      conditions: [industry("FINANCE")],
      actions: [review(role("compliance"))],
    },
    {
      text: "Hey team - whenever one of our enterprise hospitals slips to amber, have the account owner call them within two days. Thanks!",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW"], direction: "DOWN" },
      conditions: [segment("ENTERPRISE"), industry("HEALTHCARE")],
      actions: [task(owner, 2)],
    },
    {
      text: "Hi all, when NPS at a bank falls below 5, ask Raj to call them. Cheers",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("a doer said first with a verb of making in the present tense is their task", () => {
  const cases: DraftCase[] = [
    {
      text: "When a bank turns red, Customer Success builds a save plan in ten days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("FINANCE")],
      actions: [task(team("t-customer-success"), 10)],
    },
    {
      text: "Accounts that fall to red: the quality team writes an improvement plan within a week.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], direction: "DOWN" },
      conditions: [],
      actions: [task(team("t-quality"), 7)],
    },
    {
      text: "When NPS at a school drops below 4, the academic success team leads a review call.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.4 },
      conditions: [industry("EDUCATION")],
      actions: [task(team("t-academic-success"))],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("records in the plural with the change said before them start a rule", () => {
  const cases: DraftCase[] = [
    {
      text: "Deleted contacts at banks must be reviewed by compliance.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [industry("FINANCE")],
      actions: [{ assignee: role("compliance") }],
    },
    {
      text: "Restored deals in EMEA: tell the account owner.",
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_RESTORED"] },
      conditions: [region("EMEA")],
      actions: [task(owner)],
    },
    {
      text: "For SaaS accounts, deleted contacts should get a review task for the account owner.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [industry("SAAS")],
      actions: [task(owner)],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});
