/**
 * English doers closed in session 11 (issue 12): kinds of phrasing development-8 showed the grammar missing,
 * pinned on sentences of our own (none copied from a corpus file), at least three per kind: passive lists
 * with "be" said once ("…, a review opened for X, and Y given a task"), a doer said after a link word
 * ("… means the CS team gets a task"), the partner of the account's region said first with a modal, and a
 * thing to do said with no article after an arrow.
 */
import {
  DraftCase,
  draftIn,
  expectDraft,
  industry,
  owner,
  review,
  role,
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

const red = { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] };
const yellow = { kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW"] };
const regionalPartner = { kind: "ORGANIZATION", servingRegion: true };
const flag = (f: string) => ({ kind: "FLAG_RECORDS", target: "ACCOUNT", flag: f });

describe("a list of passives with 'be' said once: each object and participle is an action", () => {
  const cases: DraftCase[] = [
    {
      text: "When an online seller turns red, the account should be marked as escalated, a service review opened for Field Service, and Sarah given a task to call the warehouse manager.",
      trigger: red,
      conditions: [industry("ECOMMERCE")],
      actions: [flag("escalated"), review(team("t-field-service")), task(user("u-sarah-kim"))],
    },
    {
      text: "If a hospital drops to yellow: the account must be tagged as watch-list, the CS team notified and Finance assigned a billing review within 5 days.",
      trigger: yellow,
      conditions: [industry("HEALTHCARE")],
      actions: [flag("watch-list"), task(team("t-customer-success")), review(role("finance"), 5)],
    },
    {
      text: "When a factory goes red, the account should be labelled as critical, a quality review opened for the quality team and the account manager given a call task.",
      trigger: red,
      conditions: [industry("MANUFACTURING")],
      actions: [flag("critical"), review(team("t-quality")), task(owner)],
    },
  ];
  it.each(cases)("$text", check);
});

describe("a doer said between a link word and the link verb owns the action", () => {
  const cases: DraftCase[] = [
    {
      text: "A health score under 40 means the CS team gets a rescue task.",
      trigger: {},
      conditions: [{ kind: "HEALTH_SCORE", op: "BELOW", value: 40 }],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "Churn risk above 70% means finance gets a credit review.",
      trigger: { kind: "CONCEPT_THRESHOLD", op: "ABOVE" },
      conditions: [],
      actions: [review(role("finance"))],
    },
    {
      text: "Three late deliveries in a month means Tom receives a recovery task within 5 days.",
      trigger: { kind: "SIGNAL_COUNT", count: 3, withinDays: 30 },
      conditions: [],
      actions: [task(user("u-tom-becker"), 5)],
    },
    {
      text: "Two escalations in a week, so the CS team gets a check-in task.",
      trigger: { kind: "SIGNAL_COUNT", count: 2, withinDays: 7 },
      conditions: [],
      actions: [{ ...task(team("t-customer-success")), template: "check-in" }],
    },
    {
      text: "Two escalations in a week means that Raj gets a call task.",
      trigger: { kind: "SIGNAL_COUNT", count: 2, withinDays: 7 },
      conditions: [],
      actions: [task(user("u-raj-patel"))],
    },
  ];
  it.each(cases)("$text", check);
});

describe("the partner of the account's region said first with a modal is the regional partner", () => {
  const cases: DraftCase[] = [
    {
      text: "When a fleet customer turns red: the service partner of its region should inspect the trucks within 4 days.",
      trigger: red,
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(regionalPartner, 4)],
    },
    {
      text: "When a clinic goes red, its regional partner should check the scanners.",
      trigger: red,
      conditions: [industry("HEALTHCARE")],
      actions: [task(regionalPartner)],
    },
    {
      text: "If a manufacturer drops to yellow, the partner serving that region must recalibrate the line within a week.",
      trigger: yellow,
      conditions: [industry("MANUFACTURING")],
      actions: [task(regionalPartner, 7)],
    },
  ];
  it.each(cases)("$text", check);
});

describe("after an arrow, a thing to do said with no article is the action", () => {
  const cases: DraftCase[] = [
    {
      text: "When a hospital turns red → renewal review for the regional manager, due in ten days.",
      trigger: red,
      conditions: [industry("HEALTHCARE")],
      actions: [{ ...review(role("regional-manager"), 10), reviewType: "renewal-review" }],
    },
    {
      text: "If a bank drops to yellow → credit review for Finance within a week.",
      trigger: yellow,
      conditions: [industry("FINANCE")],
      actions: [review(role("finance"), 7)],
    },
    {
      text: "When a factory goes red -> site audit for the quality team.",
      trigger: red,
      conditions: [industry("MANUFACTURING")],
      actions: [{ ...task(team("t-quality")), template: "site-audit" }],
    },
  ];
  it.each(cases)("$text", check);
});
