/**
 * How English rules name the accounts they apply to and who is counted, learned in session 11 (issue 12):
 * sentences of our own, at least three per kind, across industries and word orders (none copied from a
 * corpus file).
 */
import { PlaybookDraft } from "../../../domain/plain-language/draft";
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
  user,
} from "../../support/plain-language-drafts";

const draft = draftIn("en");

function check(c: DraftCase): void {
  expectDraft(draft, c, "any order");
}

describe("a heading that names the accounts, before a colon, dash or comma, says conditions", () => {
  const cases: DraftCase[] = [
    {
      // An industry word that is also a customer-story page names the accounts when no page is viewed.
      text: "Retail banking accounts: when NPS drops below 4, have Raj call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW" },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"))],
      unrecognised: ["Retail"],
    },
    {
      text: "Manufacturing plants: when OEE drops below 60%, have the account owner call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(owner)],
    },
    {
      text: "University accounts — when CSAT falls under 3, create a task for the account owner.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW" },
      conditions: [industry("EDUCATION")],
      actions: [task(owner)],
    },
    {
      // A label of the rule's keepers before the accounts says nothing, even when it names a measure.
      text: "Support desk — banking accounts: when NPS drops below 4, have Raj call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW" },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "Onboarding team - SaaS accounts in LATAM: when CSAT falls under 3, have the account owner call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW" },
      conditions: [industry("SAAS"), region("LATAM")],
      actions: [task(owner)],
    },
    {
      // "SaaS customers" is also the title of a customer-story page; with no page viewed it is the accounts.
      text: "Our enterprise SaaS customers: if CSAT falls under 3, have the account owner call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW" },
      conditions: [segment("ENTERPRISE"), industry("SAAS")],
      actions: [task(owner)],
    },
    {
      // With no "when": the accounts, then the level, then what to do after an arrow.
      text: "Hospital clients in EMEA, NPS below 5 → have Raj call them within 3 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [industry("HEALTHCARE"), region("EMEA")],
      actions: [task(user("u-raj-patel"), 3)],
    },
    {
      text: "Mid-market banks in LATAM, CSAT under 3 → open a service review for the support lead.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW" },
      conditions: [segment("MID_MARKET"), industry("FINANCE"), region("LATAM")],
      actions: [review(role("support-lead"))],
    },
  ];
  it.each(cases)("$text", check);
});

describe("people of the account who viewed a page, said after the verb or in a criterion, are contacts", () => {
  const cases: DraftCase[] = [
    {
      text: "The pricing page viewed three times in a fortnight by anyone at a mid-market account: have Raj call them.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { field: "viewed_page", valueEquals: "/pricing", subjectKinds: ["CONTACT"] },
        count: 3,
        withinDays: 14,
      },
      conditions: [segment("MID_MARKET")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "When the KYC automation page is viewed 3 times within 10 days by the client's users, create a task for the account owner.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { field: "viewed_page", valueEquals: "/solutions/kyc-automation", subjectKinds: ["CONTACT"] },
        count: 3,
        withinDays: 10,
      },
      conditions: [],
      actions: [task(owner)],
    },
    {
      text: "If the predictive maintenance page gets 4 views in a month by staff from a manufacturer, have Raj follow up.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: {
          field: "viewed_page",
          valueEquals: "/solutions/predictive-maintenance",
          subjectKinds: ["CONTACT"],
        },
        count: 4,
        withinDays: 30,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [task(user("u-raj-patel"))],
    },
  ];
  it.each(cases)("$text", check);

  const criteria: Array<{ text: string; page: string; days: number }> = [
    {
      text: "Whenever a bank's health drops a grade, have Raj call them. It worked if their people visit the pricing page within 3 weeks.",
      page: "/pricing",
      days: 21,
    },
    {
      text: "When a school turns red, have the account owner call them. Success means their staff view the learning analytics page within 20 days.",
      page: "/solutions/learning-analytics",
      days: 20,
    },
    {
      text: "If a seller's NPS drops below 5, have Raj call them. It worked if their contacts open the returns solution page within a month.",
      page: "/solutions/returns",
      days: 30,
    },
  ];
  it.each(criteria)("$text", ({ text, page, days }) => {
    const d: PlaybookDraft = draft(text);
    expect(d.feedback).toEqual({
      kind: "SIGNAL_OBSERVED",
      signals: { field: "viewed_page", valueEquals: page, subjectKinds: ["CONTACT"] },
      withinDays: days,
    });
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a count with its window said first, and verbs of racking up, is a count of the concept's signals", () => {
  const cases: DraftCase[] = [
    {
      text: "Within any single month, if a hospital racks up 4 reopened tickets, have the support lead call them.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:support-quality" }, count: 4, withinDays: 30 },
      conditions: [industry("HEALTHCARE")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "In any given week, if a bank clocks up 3 sanctions hits, open a compliance review for the compliance team.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "finance:sanctions-screening" }, count: 3, withinDays: 7 },
      conditions: [industry("FINANCE")],
      actions: [review(role("compliance"))],
    },
    {
      text: "If a school chalks up 5 escalations in a month, have the account owner call them.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:escalations" }, count: 5, withinDays: 30 },
      conditions: [industry("EDUCATION")],
      actions: [task(owner)],
    },
    {
      text: "Over a fortnight, if a fleet customer tallies 3 repeat repairs, have Raj call them.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "automotive:first-time-fix" }, count: 3, withinDays: 14 },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(user("u-raj-patel"))],
    },
  ];
  it.each(cases)("$text", check);
});
