/**
 * Robustness of the English grammar to word order and phrasing (issue 12, session 10): sentences of our
 * own, at least three per construction, in other industries, orders and numbers (none copied from a corpus
 * file). Each block pins one cause of failure on unseen sentences: a direction said as a verb of movement
 * with "up"/"down", several events joined by "or"/"and", a window said in a piece of its own before or
 * after the trigger, and an audit being a task.
 */
import {
  DraftCase,
  draftIn,
  expectDraft,
  industry,
  owner,
  region,
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

describe("a grade change's direction said as a verb of movement with up or down", () => {
  const cases: DraftCase[] = [
    {
      text: "If a school's health steps down from green to yellow, ask Raj to call them.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", from: ["GREEN"], to: ["YELLOW"], direction: "DOWN" },
      conditions: [industry("EDUCATION")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "Whenever the health of a bank shifts up to green, have the key account team send a thank-you note.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["GREEN"], direction: "UP" },
      conditions: [industry("FINANCE")],
      actions: [task(team("t-key-accounts"))],
    },
    {
      text: "When an enterprise account's grade moved down to red, open a churn-risk review for the support lead.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], direction: "DOWN" },
      conditions: [segment("ENTERPRISE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("support-lead") }],
    },
  ];
  it.each(cases)("$text", check);
});

describe("several events joined by or / and", () => {
  const cases: DraftCase[] = [
    {
      text: "When a data subject is erased or a contact is deleted, tell legal.",
      trigger: { kind: "EVENT", eventTypes: ["PERSON_ERASED", "CONTACT_DELETED"] },
      conditions: [],
      actions: [task(role("legal"))],
    },
    {
      text: "Whenever a new contact is added or an asset is removed at a hospital, give the owner a data-check task.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_CREATED", "ASSET_DELETED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner)],
    },
    {
      text: "If marketing consent is withdrawn or personal data is anonymised at a Latin American account, have compliance check it.",
      trigger: { kind: "EVENT", eventTypes: ["CONSENT_RECORDED", "PERSON_ERASED"] },
      conditions: [region("LATAM")],
      actions: [task(role("compliance"))],
    },
  ];
  it.each(cases)("$text", check);
  it("keeps one event when the second verb has no record of its own", () => {
    expect(draft("When a contact is deleted or restored, tell the owner.").trigger).toEqual({
      kind: "EVENT",
      eventTypes: ["CONTACT_DELETED", "CONTACT_RESTORED"],
    });
  });
});

describe("a window said in a piece of its own, before or after the trigger", () => {
  const cases: DraftCase[] = [
    {
      text: "Within a single month, when a school logs more than four complaints, have the CS team call them.",
      trigger: { kind: "SIGNAL_COUNT", count: 5, withinDays: 30 },
      conditions: [industry("EDUCATION")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "If a manufacturer logs three late deliveries, within any 10-day period, ask Raj to call them.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:delivery-performance", valueEquals: "LATE" },
        count: 3,
        withinDays: 10,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "In a rolling fortnight, if contacts at a bank view the pricing page 3 times, tell the owner.",
      trigger: { kind: "SIGNAL_COUNT", signals: { valueEquals: "/pricing" }, count: 3, withinDays: 14 },
      conditions: [industry("FINANCE")],
      actions: [task(owner)],
    },
  ];
  it.each(cases)("$text", check);
});

describe("an audit is a task, not a verdict", () => {
  const cases: DraftCase[] = [
    {
      text: "When a SaaS customer's health turns red, assign Sarah a licence audit.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("SAAS")],
      actions: [task(user("u-sarah-kim"))],
    },
    {
      text: "If a factory's health drops to yellow, give the quality team a process audit due in 5 days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW"], direction: "DOWN" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(team("t-quality"), 5)],
    },
    {
      text: "Whenever a contact is deleted at a hospital, schedule a records audit for Tom.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(user("u-tom-becker"))],
    },
  ];
  it.each(cases)("$text", check);
});

describe("a rule with no trigger word: what happens, a colon, then the actions", () => {
  const cases: DraftCase[] = [
    {
      text: "More than five reopened tickets within two weeks at an enterprise bank: give the support lead a root-cause task.",
      trigger: { kind: "SIGNAL_COUNT", count: 6, withinDays: 14 },
      conditions: [segment("ENTERPRISE"), industry("FINANCE")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "Three late deliveries in a month at a manufacturer: ask Tom to call them and flag the account.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:delivery-performance", valueEquals: "LATE" },
        count: 3,
        withinDays: 30,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [task(user("u-tom-becker")), { kind: "FLAG_RECORDS", target: "ACCOUNT" }],
    },
    {
      text: "NPS under 5 at a SaaS account: have the CS team call them within 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [industry("SAAS")],
      actions: [task(team("t-customer-success"), 2)],
    },
  ];
  it.each(cases)("$text", check);
});

describe("what happens said as the subject of a modal, with no relative word", () => {
  const cases: DraftCase[] = [
    {
      text: "Customer effort at a hospital rising more than one point a week over six weeks should get Anna a follow-up task.",
      trigger: { kind: "CONCEPT_TREND", concept: "core:customer-effort", direction: "RISING", withinDays: 42 },
      conditions: [industry("HEALTHCARE")],
      actions: [task(user("u-anna-schmidt"))],
    },
    {
      text: "NPS at a bank falling below 5 must get Raj a call task due tomorrow.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"), 1)],
    },
    {
      text: "Four reopened tickets in ten days at an online seller will need a review from the support lead.",
      trigger: { kind: "SIGNAL_COUNT", count: 4, withinDays: 10 },
      conditions: [industry("ECOMMERCE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("support-lead") }],
    },
  ];
  it.each(cases)("$text", check);
  it("reads 'must get' after accounts described by a relative clause as 'should get'", () => {
    check({
      text: "Banks whose NPS falls below 5 must get Raj a call task due tomorrow.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW" },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"), 1)],
    });
  });
});

describe("comparisons and trends said in the base form (plural subjects, 'Should X …')", () => {
  const cases: DraftCase[] = [
    {
      text: "Should the scrap rate at a factory climb past 6%, have the quality team inspect the line.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:scrap-rate" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(team("t-quality"))],
    },
    {
      text: "When first response times at hospitals go past 30 minutes, give the support lead a staffing task.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:first-response-time", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "Should NPS at a school dip under 4, ask Sarah to call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.4 },
      conditions: [industry("EDUCATION")],
      actions: [task(user("u-sarah-kim"))],
    },
  ];
  it.each(cases)("$text", check);
});

describe("success as the drafted work finished, said with a pronoun and a verb in any form", () => {
  const feedbackOf = (text: string) => draft(text).feedback;
  it.each([
    ["When a bank's NPS falls below 4, have Raj call them; it worked if he finishes it within 10 days.", 10],
    [
      "If a SaaS account's health drops to red, give the owner a rescue task. Success means the owner wraps it up within a fortnight.",
      14,
    ],
    [
      "Should a hospital's NPS dip under 3, ask Anna to visit them, and count it as a success if she completes it within 21 days.",
      21,
    ],
  ])("%s", (text, days) => expect(feedbackOf(text)).toEqual({ kind: "TASK_COMPLETED", withinDays: days }));
});

describe("someone the directory does not have, listed with a doer it has (with or without a title)", () => {
  const cases: DraftCase[] = [
    {
      text: "When a support ticket is created for a bank, have Peter Smith and the service manager triage it.",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_CREATED"] },
      conditions: [industry("FINANCE")],
      actions: [task(role("service-manager"))],
      unrecognised: ["Peter Smith"],
    },
    {
      text: "If a school's NPS drops below 4, ask Prof Lin and Raj to call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.4 },
      conditions: [industry("EDUCATION")],
      actions: [task(user("u-raj-patel"))],
      unrecognised: ["Prof Lin"],
    },
    {
      text: "When a factory's health turns red, have the quality team and Dr. Okonkwo inspect the line.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("MANUFACTURING")],
      actions: [task(team("t-quality"))],
      unrecognised: ["Dr. Okonkwo"],
    },
  ];
  it.each(cases)("$text", check);
  it("does not end a clause at the stop after a title", () => {
    const d = draft("When a contact is deleted at a hospital, have Mrs. Alvarez and Tom check the records.");
    expect(d.actions).toMatchObject([task(user("u-tom-becker"))]);
    expect(d.unrecognised).toEqual(["Mrs. Alvarez"]);
  });
});

describe("a partner named by whose it is ('the region's service partner') as the doer first", () => {
  const cases: DraftCase[] = [
    {
      text: "When a factory's health turns red, the region's service partner should get a maintenance-visit task due in 3 days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("MANUFACTURING")],
      actions: [task({ kind: "ORGANIZATION", servingRegion: true }, 3)],
    },
    {
      text: "If a hospital's uptime falls below 95%, the area's service provider must inspect the scanners within 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:uptime", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [task({ kind: "ORGANIZATION", servingRegion: true }, 2)],
    },
    {
      text: "When a contact is deleted at a bank, the account's reseller should check the records.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [industry("FINANCE")],
      actions: [task({ kind: "ORGANIZATION" })],
    },
  ];
  it.each(cases)("$text", check);
});

describe("a code of a lookup table counted with no concept named", () => {
  const cases: DraftCase[] = [
    {
      text: "If a charger reports error CHG-E042 twice in 24 hours, have GreenVolt send a technician.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "core:fault-severity", valueEquals: "CHG-E042", subjectKinds: ["ASSET"] },
        count: 2,
        withinDays: 1,
      },
      conditions: [],
      actions: [task({ kind: "ORGANIZATION", organizationId: "org-greenvolt-service" })],
    },
    {
      text: "When a scanner at a hospital logs fault code E-502 three times within a week, ask the service manager to inspect it.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "core:fault-severity", valueEquals: "E-502", subjectKinds: ["ASSET"] },
        count: 3,
        withinDays: 7,
      },
      conditions: [industry("HEALTHCARE")],
      actions: [task(role("service-manager"))],
    },
    {
      text: "If alarm W-211 is raised four times in a fortnight at a manufacturer, give the quality team a root-cause task.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "core:fault-severity", valueEquals: "W-211" },
        count: 4,
        withinDays: 14,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [task(team("t-quality"))],
    },
  ];
  it.each(cases)("$text", check);
});

describe("the trigger said as the accounts an action is for ('call any customer whose …')", () => {
  const cases: DraftCase[] = [
    {
      text: "Have Raj call any enterprise software customer whose NPS drops under 6.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.6 },
      conditions: [segment("ENTERPRISE"), industry("SAAS")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "Flag every hospital where equipment uptime falls below 95% and tell the owner.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:equipment-uptime", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "FLAG_RECORDS", target: "ACCOUNT" }, task(owner)],
    },
    {
      text: "Give the CS team a rescue task for any SaaS account whose health turns red.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("SAAS")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "Ask EduWorks to coach schools with a pass rate under 60%.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "education:pass-rate", op: "BELOW" },
      conditions: [industry("EDUCATION")],
      actions: [task({ kind: "ORGANIZATION", organizationId: "org-eduworks" })],
    },
  ];
  it.each(cases)("$text", check);
  it("leaves an action whose accounts are described by nothing that happens as it was", () => {
    const d = draft("When a bank's NPS drops under 5, call any customer that has a renewal this quarter.");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:nps" });
  });
});

describe("a piece naming only accounts before the trigger, with no leading preposition", () => {
  const cases: DraftCase[] = [
    {
      text: "Enterprise hospitals only: when calibration compliance drops under 90%, Huatong must recalibrate the scanners in 5 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:calibration-compliance", op: "BELOW" },
      conditions: [segment("ENTERPRISE"), industry("HEALTHCARE")],
      actions: [task({ kind: "ORGANIZATION", organizationId: "org-huatong-medical" }, 5)],
    },
    {
      text: "Mid-market banks in EMEA, if days past due go above 30, have the collections team call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:days-past-due", op: "BELOW" },
      conditions: [segment("MID_MARKET"), industry("FINANCE"), region("EMEA")],
      actions: [task(team("t-collections"))],
    },
    {
      text: "Hospitals in Latin America: whenever a contact is deleted, let the owner know.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [industry("HEALTHCARE"), region("LATAM")],
      actions: [task(owner)],
    },
  ];
  it.each(cases)("$text", check);
});

describe("an amount of a rate in counted things is not how many subjects", () => {
  it.each([
    [
      "If the support backlog of an enterprise customer grows by more than 5 tickets a day for two weeks, tell the support lead.",
      5,
      14,
    ],
    ["When a bank's support backlog rises by over 3 tickets per day across a month, ask the CS team to help.", 3, 30],
    [
      "If a SaaS account's support backlog climbs by more than 10 tickets a week over six weeks, notify Raj.",
      10 / 7,
      42,
    ],
  ])("%s", (text, rate, days) => {
    const t = draft(text).trigger as Record<string, unknown>;
    expect(t).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "core:support-backlog",
      direction: "RISING",
      withinDays: days,
    });
    expect(t.ratePerDay as number).toBeCloseTo(rate, 4);
    expect(t.minSubjects).toBeUndefined();
  });
});

describe("a thing wished for is created, and a thing 'from' a doer is theirs to do", () => {
  const cases: DraftCase[] = [
    {
      text: "I'd like a task for Sarah every time a SaaS customer's licence utilisation falls under 40 percent.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "saas:license-utilisation", op: "BELOW" },
      conditions: [industry("SAAS")],
      actions: [task(user("u-sarah-kim"))],
    },
    {
      text: "We want a call from Raj whenever a bank's NPS drops below 3.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.3 },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "Hospitals whose readmission rate exceeds 15% get a quality review from compliance within ten days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:readmission-rate" },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("compliance"), dueInDays: 10 }],
    },
    {
      text: "Schools whose pass rate falls under 50% receive a coaching session from EduWorks.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "education:pass-rate", op: "BELOW" },
      conditions: [industry("EDUCATION")],
      actions: [task({ kind: "ORGANIZATION", organizationId: "org-eduworks" })],
    },
  ];
  it.each(cases)("$text", check);
});

describe("more ways to say: act without asking me", () => {
  it.each([
    "Whenever an insurer's policy retention drops by more than half a point per week for eight weeks, have Raj prepare a retention plan. Don't bother asking me.",
    "If a hospital's NPS falls below 4, ask Anna to call them; no need to run it by me.",
    "When a contact is deleted at a bank, sync it to the ERP and don't wait for my approval.",
  ])("%s", (text) => expect(draft(text).mode).toBe("AUTO"));
});

describe("a direction verb with 'over' a level and no window or rate is the level passed", () => {
  const cases: DraftCase[] = [
    {
      text: "If CES climbs over 4 at an enterprise insurer, have the CS team reach out within 48 hours.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:customer-effort" },
      conditions: [segment("ENTERPRISE"), industry("FINANCE")],
      actions: [task(team("t-customer-success"), 2)],
    },
    {
      text: "When a bank's days past due rise over 30, tell the collections team.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:days-past-due" },
      conditions: [industry("FINANCE")],
      actions: [task(team("t-collections"))],
    },
    {
      text: "Whenever a hospital's readmission rate creeps over 12%, ask Chen Jing to review discharges.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:readmission-rate" },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: user("u-chen-jing") }],
    },
  ];
  it.each(cases)("$text", check);
  it("keeps a change over a window a trend", () => {
    expect(draft("If the scrap rate at a factory rises over 2 points over a month, tell Tom.").trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      direction: "RISING",
      withinDays: 30,
    });
  });
});

describe("a person or partner named inside the thing to do does it", () => {
  const cases: DraftCase[] = [
    {
      text: "Every time a hospital's calibration compliance check fails, schedule a Huatong visit within 3 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:calibration-compliance", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [task({ kind: "ORGANIZATION", organizationId: "org-huatong-medical" }, 3)],
    },
    {
      text: "When a bank's NPS drops below 3, book a Raj call for tomorrow.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.3 },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"), 1)],
    },
    {
      text: "If a fleet customer's charger availability drops below 90%, arrange a GreenVolt inspection.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "automotive:charger-availability", op: "BELOW" },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task({ kind: "ORGANIZATION", organizationId: "org-greenvolt-service" })],
    },
  ];
  it.each(cases)("$text", check);
  it("keeps a role inside the thing as the thing's name", () => {
    expect(draft("If a factory's health turns red, open a compliance review.").actions).toMatchObject([
      { kind: "OPEN_REVIEW", reviewType: "compliance-review", assignee: owner },
    ]);
  });
});

describe("words before a trigger opener that only announce the rule", () => {
  it.each([
    "Can you set up a rule so that whenever a bank's NPS drops below 5, Raj gets a call task?",
    "Would you mind setting this up so that when a bank's NPS drops below 5, Raj gets a call task.",
    "Please make sure that if a bank's NPS drops below 5, Raj gets a call task.",
  ])("%s", (text) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 });
    expect(d.actions).toMatchObject([task(user("u-raj-patel"))]);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("things counted said as the number they reach in a window", () => {
  const cases: DraftCase[] = [
    {
      text: "If reopened tickets at a hospital reach 5 in a week, have the support lead run a root-cause review.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:support-quality" }, count: 5, withinDays: 7 },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("support-lead") }],
    },
    {
      text: "When escalations at a bank total 4 within a month, tell the support lead.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:escalations" }, count: 4, withinDays: 30 },
      conditions: [industry("FINANCE")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "If warranty claims from a fleet customer hit 10 in a quarter, ask the Battery R&D team to investigate.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "automotive:warranty-claims" }, count: 10, withinDays: 90 },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(team("t-battery-rnd"))],
    },
  ];
  it.each(cases)("$text", check);
});

describe("a list of doers at the very end of the sentence", () => {
  const cases: DraftCase[] = [
    {
      text: "When a bank's NPS drops below 4, notify the key account team and Raj.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.4 },
      conditions: [industry("FINANCE")],
      actions: [task(team("t-key-accounts")), task(user("u-raj-patel"))],
    },
    {
      text: "If a factory's health turns red, email the quality engineer and Tom",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("MANUFACTURING")],
      actions: [task(role("quality-engineer")), task(user("u-tom-becker"))],
    },
    {
      text: "Whenever a contact is deleted at a hospital, tell legal and Huatong.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(role("legal")), task({ kind: "ORGANIZATION", organizationId: "org-huatong-medical" })],
    },
  ];
  it.each(cases)("$text", check);
});

describe("several doers first with the verb in the plural", () => {
  const cases: DraftCase[] = [
    {
      text: "When a bank's NPS drops below 4, Raj and Anna each get a call task due in 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"), 2), task(user("u-anna-schmidt"), 2)],
    },
    {
      text: "If a hospital's health turns red, the CS team and the service manager both get a rescue task.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(team("t-customer-success")), task(role("service-manager"))],
    },
    {
      text: "Whenever a SaaS customer's licence utilisation falls under 30%, Sarah and the onboarding team receive an adoption task.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "saas:license-utilisation" },
      conditions: [industry("SAAS")],
      actions: [task(user("u-sarah-kim")), task(team("t-onboarding"))],
    },
  ];
  it.each(cases)("$text", check);
});

describe("leaders before an action's verb: 'let's', 'first … then'", () => {
  const cases: DraftCase[] = [
    {
      text: "When a bank's NPS drops below 4, let's have Raj call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "If a hospital's NPS drops below 4, let's open a churn review for finance.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("finance") }],
    },
    {
      text: "When a school's health turns red, first tell the owner, then open a retention review for the academic success team.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("EDUCATION")],
      actions: [task(owner), { kind: "OPEN_REVIEW", assignee: team("t-academic-success") }],
    },
  ];
  it.each(cases)("$text", check);
});

describe("the thing handed to a doer: 'a task should go to X'", () => {
  const cases: DraftCase[] = [
    {
      text: "When a bank's NPS drops below 4, a task should go to the CS team.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [industry("FINANCE")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "If a hospital's health turns red, a rescue task must go to Anna within 2 days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(user("u-anna-schmidt"), 2)],
    },
    {
      text: "Whenever a contact is deleted at a bank, a compliance review should go to legal.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [industry("FINANCE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("legal") }],
    },
  ];
  it.each(cases)("$text", check);
});

describe("accounts the rule applies to, said after the actions in looser words or in parentheses", () => {
  const cases: DraftCase[] = [
    {
      text: "When NPS drops below 5, have Raj call them — this applies to enterprise banks only.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [segment("ENTERPRISE"), industry("FINANCE")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "When NPS drops below 5, have Raj call them (enterprise banks only).",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [segment("ENTERPRISE"), industry("FINANCE")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "If a contact is deleted, tell legal, but just for hospitals in EMEA.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [industry("HEALTHCARE"), region("EMEA")],
      actions: [task(role("legal"))],
    },
    {
      text: "When a school's health turns red (only in Latin America), ask Anna to call them.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("EDUCATION"), region("LATAM")],
      actions: [task(user("u-anna-schmidt"))],
    },
  ];
  it.each(cases)("$text", check);
  it("keeps a parenthesis that names a measure inside its phrase", () => {
    expect(draft("If customer effort (CES) at a bank rises above 5, tell Raj.").trigger).toMatchObject({
      kind: "CONCEPT_THRESHOLD",
      concept: "core:customer-effort",
    });
  });
});

describe("the kind of field said with its value ('in the manufacturing industry')", () => {
  const cases: DraftCase[] = [
    {
      text: "If a customer in the manufacturing industry has NPS below 5, tell Tom.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(user("u-tom-becker"))],
    },
    {
      text: "When the NPS of any account in the SMB segment drops below 5, notify the owner.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [segment("SMB")],
      actions: [task(owner)],
    },
    {
      text: "If a bank in the finance sector sees its health drop to red, tell Raj.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"))],
    },
  ];
  it.each(cases)("$text", check);
});

describe("a grade the account has, said with 'with'; a health score changed by an amount", () => {
  const cases: DraftCase[] = [
    {
      text: "When a new support ticket is logged at a hospital with a red health grade, notify the service manager.",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_CREATED"] },
      conditions: [{ kind: "HEALTH_GRADE", grades: ["RED"] }, industry("HEALTHCARE")],
      actions: [task(role("service-manager"))],
    },
    {
      text: "If contacts at a bank with a yellow grade view the pricing page twice in a week, tell Raj.",
      trigger: { kind: "SIGNAL_COUNT", signals: { valueEquals: "/pricing" }, count: 2, withinDays: 7 },
      conditions: [{ kind: "HEALTH_GRADE", grades: ["YELLOW"] }, industry("FINANCE")],
      actions: [task(user("u-raj-patel"))],
    },
    {
      text: "If a SaaS customer's health score goes down by 15 points in a month, open a churn review for the CS team.",
      trigger: { kind: "CONCEPT_TREND", concept: "core:customer-health", direction: "FALLING", withinDays: 30 },
      conditions: [industry("SAAS")],
      actions: [{ kind: "OPEN_REVIEW", assignee: team("t-customer-success") }],
    },
  ];
  it.each(cases)("$text", check);
  it("keeps a grade reached with 'goes down to' a grade change", () => {
    expect(draft("When a SaaS customer's health goes down to red, tell Raj.").trigger).toEqual({
      kind: "HEALTH_GRADE_CHANGE",
      to: ["RED"],
      direction: "DOWN",
    });
  });
});

describe("the account owner said by what they do ('whoever owns the account')", () => {
  const cases: DraftCase[] = [
    {
      text: "When a bank's NPS drops below 4, whoever owns the account should call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [industry("FINANCE")],
      actions: [task(owner)],
    },
    {
      text: "Whoever owns the account should get a task when an SMB customer's health goes red.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [segment("SMB")],
      actions: [task(owner)],
    },
    {
      text: "If a hospital's NPS falls below 5, the rep that looks after the client must call them within 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner, 2)],
    },
    {
      text: "If a factory's scrap rate rises above 8%, give the person who manages the customer a line-audit task.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:scrap-rate" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(owner)],
    },
  ];
  it.each(cases)("$text", check);
});

describe("a categorical value changing from one value to another counts the value it becomes", () => {
  const cases: DraftCase[] = [
    {
      text: "When a bank customer's KYC status changes from verified to expired, have the KYC analyst follow up in 2 days.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "finance:kyc-status", valueEquals: "EXPIRED" }, count: 1 },
      conditions: [industry("FINANCE")],
      actions: [task(role("kyc-analyst"), 2)],
    },
    {
      text: "If a SaaS account's subscription status goes from active to past_due, ask the collections team to call.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "saas:subscription-status", valueEquals: "past_due" } },
      conditions: [industry("SAAS")],
      actions: [task(team("t-collections"))],
    },
    {
      text: "Whenever an insurer's AML risk rating moves from medium to high, open an AML review for compliance.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "finance:aml-risk-rating", valueEquals: "HIGH" } },
      conditions: [industry("FINANCE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("compliance") }],
    },
  ];
  it.each(cases)("$text", check);
});

describe("success as health improving, said in the -ing form", () => {
  it.each([
    [
      "When a school's discussion participation slumps below 20%, EduWorks should run a workshop; success is health improving within 45 days.",
      45,
    ],
    ["If a bank's NPS falls under 4, have Raj call them. We'd like to see health recovering within 60 days.", 60],
    [
      "When a factory's OEE drops under 55%, ask Tom to visit; it worked if health is getting better within 30 days.",
      30,
    ],
  ])("%s", (text, days) => expect(draft(text).feedback).toEqual({ kind: "HEALTH_IMPROVED", withinDays: days }));
});

describe("a window said as a run ('three consecutive weeks', 'six weeks in a row', 'eight weeks running')", () => {
  it.each([
    ["When OEE at a factory has declined for three consecutive weeks by at least 1 point a week, tell Tom.", 21],
    ["If a hospital's NPS keeps falling by half a point a week for 6 weeks in a row, tell Anna.", 42],
    ["When a bank's DSO rises 2 days per week for 8 weeks running, tell finance.", 56],
  ])("%s", (text, days) => expect(draft(text).trigger).toMatchObject({ kind: "CONCEPT_TREND", withinDays: days }));
  it("leaves the words of the run understood", () => {
    expect(
      draft("If a hospital's NPS keeps falling by half a point a week for 6 weeks in a row, tell Anna.").unrecognised,
    ).toEqual([]);
  });
});

describe("another doer and thing after 'and', with the verb said once ('give Raj a call and the CS team a task')", () => {
  const cases: DraftCase[] = [
    {
      text: "When a bank's NPS drops below 4, give Raj a call task and the CS team a follow-up task.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel")), task(team("t-customer-success"))],
    },
    {
      text: "If a factory's health turns red, assign Tom an audit and the quality team an inspection due in 3 days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("MANUFACTURING")],
      actions: [task(user("u-tom-becker")), task(team("t-quality"), 3)],
    },
    {
      text: "Four or more reopened tickets at an enterprise hospital within a month should get the service manager a root-cause review and Huatong a site-visit task.",
      trigger: { kind: "SIGNAL_COUNT", count: 4, withinDays: 30 },
      conditions: [segment("ENTERPRISE"), industry("HEALTHCARE")],
      actions: [
        { kind: "OPEN_REVIEW", assignee: role("service-manager") },
        task({ kind: "ORGANIZATION", organizationId: "org-huatong-medical" }),
      ],
    },
  ];
  it.each(cases)("$text", check);
  it("names a person after a title as one phrase when they are not in the directory", () => {
    expect(
      draft("If Dr. Alvarez's hospital has its NPS fall below 5, ask the service manager to call.").unrecognised,
    ).toEqual(["Dr. Alvarez"]);
  });
});

describe("the current period as the window ('3 escalations this month')", () => {
  const cases: DraftCase[] = [
    {
      text: "If a bank has had 3 escalations this month, tell the support lead.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:escalations" }, count: 3, withinDays: 30 },
      conditions: [industry("FINANCE")],
      actions: [task(role("support-lead"))],
    },
    {
      text: "When a hospital logs more than 5 complaints this week, tell the service manager.",
      trigger: { kind: "SIGNAL_COUNT", count: 6, withinDays: 7 },
      conditions: [industry("HEALTHCARE")],
      actions: [task(role("service-manager"))],
    },
    {
      text: "If contacts at a SaaS customer view the pricing page 4 times this week, have the owner reach out.",
      trigger: { kind: "SIGNAL_COUNT", signals: { valueEquals: "/pricing" }, count: 4, withinDays: 7 },
      conditions: [industry("SAAS")],
      actions: [task(owner)],
    },
  ];
  it.each(cases)("$text", check);
});

describe("what is counted said as a topic before the trigger ('Escalated cases at a bank: if there are more than 2 in a week')", () => {
  const cases: DraftCase[] = [
    {
      text: "Escalated cases at a bank: if there are more than 2 in a week, tell the support lead and the owner.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:escalations" }, count: 3, withinDays: 7 },
      conditions: [industry("FINANCE")],
      actions: [task(role("support-lead")), task(owner)],
    },
    {
      text: "Warranty claims at a fleet customer - when there are 5 or more in a month, tell Battery R&D.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "automotive:warranty-claims" }, count: 5, withinDays: 30 },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(team("t-battery-rnd"))],
    },
    {
      text: "NPS at a hospital: if it falls below 5, have Anna call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [industry("HEALTHCARE")],
      actions: [task(user("u-anna-schmidt"))],
    },
  ];
  it.each(cases)("$text", check);
});

describe("a doer who wants to know, and a thing that is needed", () => {
  const cases: DraftCase[] = [
    {
      text: "Tom wants to know whenever a manufacturer's OEE falls under 60%.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(user("u-tom-becker"))],
    },
    {
      text: "The quality team needs to hear about it when scrap rate at a plant goes over 7%.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:scrap-rate" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(team("t-quality"))],
    },
    {
      text: "A churn-risk review for finance is needed whenever a SaaS customer's renewal likelihood falls under 35%.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:renewal-likelihood" },
      conditions: [industry("SAAS")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("finance") }],
    },
    {
      text: "If a bank's NPS drops below 4, a call task for Raj is required within 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [industry("FINANCE")],
      actions: [task(user("u-raj-patel"), 2)],
    },
  ];
  it.each(cases)("$text", check);
});
