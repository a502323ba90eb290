/**
 * Generalisation of the English grammar (issue 12): sentences of our own, written for kinds of sentence the
 * grammar missed on blind sets (never copied from a corpus file), across industries, each with other words,
 * order, numbers and concepts. They pin general rules: clause splitting, modes said anywhere, doers said
 * first in any tense, accounts said first with what should be done for them, shared deadlines, counts and
 * totals, comparisons, and naming what is not understood instead of guessing.
 */
import {
  DraftCase,
  draftIn,
  expectDraft,
  industry,
  org,
  owner,
  region,
  role,
  segment,
  team,
  user,
} from "../../support/plain-language-drafts";

const draft = draftIn("en");
type Case = DraftCase;

function check(c: Case): void {
  expectDraft(draft, c, "in order");
}

describe("the mode said before the trigger, in other words", () => {
  const cases: Case[] = [
    {
      text: "Automatically, once an e-commerce account's health turns red, push it to the partner portal.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("ECOMMERCE")],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-partner-portal" }],
      mode: "AUTO",
    },
    {
      text: "Without asking me, whenever a bank client's DSO exceeds 60 days, have the collections team call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:days-sales-outstanding", op: "BELOW" },
      conditions: [industry("FINANCE")],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-collections") }],
      mode: "AUTO",
    },
    {
      text: "Get my approval first. When a SaaS customer's NPS falls under 5, have Sarah call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [industry("SAAS")],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-sarah-kim") }],
      mode: "SUGGEST",
    },
    {
      text: "Check with me before doing anything: once a SaaS customer's onboarding progress is below 35%, the implementation team should hold an adoption workshop within 3 weeks.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "saas:onboarding-completion", op: "BELOW", value: 0.35 },
      conditions: [industry("SAAS")],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-onboarding"), dueInDays: 21 }],
      mode: "SUGGEST",
    },
    {
      text: "Don't ask me, just do it: when a clinic's CSAT falls below 3, have Li Wei call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-li-wei") }],
      mode: "AUTO",
    },
    {
      text: "Ask me first before taking any action. If a bank's DSO exceeds 60 days, have the collections team call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:days-sales-outstanding" },
      conditions: [industry("FINANCE")],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-collections") }],
      mode: "SUGGEST",
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it("reads 'once a week' as how often, not as the trigger's opener", () => {
    const d = draft("When a factory reports downtime once a week for a month, call them.");
    expect(d.trigger?.kind).not.toBe("HEALTH_GRADE_CHANGE");
    expect(d.unrecognised.join(" ")).toContain("week");
  });
});

describe("accounts said first, with what should be done for them and by whom", () => {
  const cases: Case[] = [
    {
      text: "Hospitals whose scanner uptime falls below 95% should be visited by Huatong within three days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:equipment-uptime", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "CREATE_TASK", template: "visit", assignee: org("org-huatong-medical"), dueInDays: 3 }],
    },
    {
      text: "Software customers whose seat utilisation drops under 30% should get an adoption-workshop task from the onboarding team.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "saas:license-utilisation", op: "BELOW" },
      conditions: [industry("SAAS")],
      actions: [{ kind: "CREATE_TASK", template: "adoption-workshop", assignee: team("t-onboarding") }],
    },
    {
      text: "Fleet customers whose vehicle availability goes under 85% should be called by the account manager within 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "automotive:vehicle-availability", op: "BELOW" },
      conditions: [industry("AUTOMOTIVE")],
      actions: [{ kind: "CREATE_TASK", template: "call", assignee: owner, dueInDays: 2 }],
    },
    {
      text: "Schools whose on-time submission rate drops under 65% should be offered a tutoring session by EduWorks within two weeks.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "education:assignment-submission", op: "BELOW" },
      conditions: [industry("EDUCATION")],
      actions: [{ kind: "CREATE_TASK", template: "tutoring-session", assignee: org("org-eduworks"), dueInDays: 14 }],
    },
    {
      text: "Accounts with an NPS below 4 need a check-in call from Raj within 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.4 },
      conditions: [],
      actions: [{ kind: "CREATE_TASK", template: "check-in-call", assignee: user("u-raj-patel"), dueInDays: 2 }],
    },
    {
      text: "When NPS drops below 5, the account should get a call from Sarah within a week.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW" },
      conditions: [],
      actions: [{ kind: "CREATE_TASK", template: "call", assignee: user("u-sarah-kim"), dueInDays: 7 }],
    },
    {
      text: "If a clinic's CSAT is under 3, they should be visited by Li Wei and the support lead should open a support review.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [
        { kind: "CREATE_TASK", template: "visit", assignee: user("u-li-wei") },
        { kind: "OPEN_REVIEW", reviewType: "support-review", assignee: role("support-lead") },
      ],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it("names someone the directory does not have after 'by', and drafts nothing for them", () => {
    const d = draft("Clinics whose CSAT falls under 3 should be contacted by Jennifer Walsh.");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:csat" });
    expect(d.actions).toEqual([]);
    expect(d.unrecognised).toEqual(["Jennifer Walsh"]);
  });
});

describe("doers said first, in the present tense or with a modal", () => {
  const cases: Case[] = [
    {
      text: "When a hospital's scanner uptime drops below 96%: Huatong inspects the scanners, the service manager calls the customer.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:equipment-uptime" },
      conditions: [industry("HEALTHCARE")],
      actions: [
        { kind: "CREATE_TASK", assignee: org("org-huatong-medical") },
        { kind: "CREATE_TASK", assignee: role("service-manager") },
      ],
    },
    {
      text: "When an online seller's return rate climbs above 12%, Marketplace Operations audits the listings within 5 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "ecommerce:return-rate" },
      conditions: [industry("ECOMMERCE")],
      actions: [{ kind: "CREATE_TASK", template: "listings-audit", assignee: team("t-marketplace-ops"), dueInDays: 5 }],
    },
    {
      text: "If a school's pass rate is under 60%, EduWorks runs a tutoring workshop and Sun Hui calls the principal.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "education:pass-rate", op: "BELOW" },
      conditions: [industry("EDUCATION")],
      actions: [
        { kind: "CREATE_TASK", template: "tutoring-workshop", assignee: org("org-eduworks") },
        { kind: "CREATE_TASK", assignee: user("u-sun-hui") },
      ],
    },
    {
      text: "When a hospital's scanner uptime drops under 97%, Huatong should inspect the scanners and the service manager needs to call the customer.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:equipment-uptime" },
      conditions: [industry("HEALTHCARE")],
      actions: [
        { kind: "CREATE_TASK", assignee: org("org-huatong-medical") },
        { kind: "CREATE_TASK", assignee: role("service-manager") },
      ],
    },
    {
      text: "When the MTBF of a factory's machines falls under 500 hours, the quality team needs to run a reliability audit within a fortnight.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:mean-time-between-failures", op: "BELOW" },
      conditions: [industry("MANUFACTURING")],
      actions: [{ assignee: team("t-quality"), dueInDays: 14 }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it("reads an audit someone is asked to do as a task, not a verdict", () => {
    for (const text of [
      "When scrap rate at a manufacturer rises above 6%, have the quality engineer audit the line.",
      "If an online seller's chargeback rate tops 1%, Marketplace Operations should audit their payouts.",
    ]) {
      const d = draft(text);
      expect(d.actions).toHaveLength(1);
      expect(d.actions[0]).toMatchObject({ kind: "CREATE_TASK" });
    }
  });

  it("reads a person named with where they work as the person ('Tom Becker from Quality')", () => {
    const d = draft("When a manufacturer's quality rate falls below 90%, have Tom Becker from Quality call the plant.");
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", template: "plant-call", assignee: user("u-tom-becker") }]);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("one deadline said for all the actions", () => {
  const cases: Case[] = [
    {
      text: "When a clinic's report turnaround time goes above 48 hours, the service manager should open a workflow review and Li Wei should get a follow-up task, both due within 3 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:report-turnaround" },
      conditions: [industry("HEALTHCARE")],
      actions: [
        { kind: "OPEN_REVIEW", assignee: role("service-manager"), dueInDays: 3 },
        { kind: "CREATE_TASK", assignee: user("u-li-wei"), dueInDays: 3 },
      ],
    },
    {
      text: "When a bank's DSO goes above 75 days, give the collections team a call task and open a credit review for the credit officer, each due in 5 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:days-sales-outstanding" },
      conditions: [industry("FINANCE")],
      actions: [
        { kind: "CREATE_TASK", assignee: team("t-collections"), dueInDays: 5 },
        { kind: "OPEN_REVIEW", assignee: role("credit-officer"), dueInDays: 5 },
      ],
    },
    {
      text: "If a school's pass rate falls below 60%, have Anna call the dean and give EduWorks a tutoring task, all due tomorrow.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "education:pass-rate" },
      conditions: [industry("EDUCATION")],
      actions: [
        { kind: "CREATE_TASK", assignee: user("u-anna-schmidt"), dueInDays: 1 },
        { kind: "CREATE_TASK", assignee: org("org-eduworks"), dueInDays: 1 },
      ],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("asking someone for a thing, and verbs that are the task", () => {
  const cases: Case[] = [
    {
      text: "If an online seller's account health turns red, ask Apex for a stock review.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("ECOMMERCE")],
      actions: [{ kind: "OPEN_REVIEW", reviewType: "stock-review", assignee: org("org-apex-distribution") }],
    },
    {
      text: "If weekly active learners at a university drop by more than 200 per week over a 6-week window, ask the Academic Success team for an engagement plan.",
      trigger: { kind: "CONCEPT_TREND", concept: "education:active-learners", direction: "FALLING", withinDays: 42 },
      conditions: [industry("EDUCATION")],
      actions: [{ kind: "CREATE_TASK", template: "engagement-plan", assignee: team("t-academic-success") }],
    },
    {
      text: "When a hospital's CSAT falls below 3, ask Li Wei for a follow-up call within 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat" },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "CREATE_TASK", template: "follow-up-call", assignee: user("u-li-wei"), dueInDays: 2 }],
    },
    {
      text: "When NPS drops below 5, review the account and visit the customer within 3 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [],
      actions: [
        { kind: "OPEN_REVIEW", reviewType: "account-review", assignee: owner },
        { kind: "CREATE_TASK", template: "customer-visit", assignee: owner, dueInDays: 3 },
      ],
    },
    {
      text: "When CSAT falls below 3, follow up with them within 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat" },
      conditions: [],
      actions: [{ kind: "CREATE_TASK", template: "follow-up", assignee: owner, dueInDays: 2 }],
    },
    {
      text: "If a clinic's remote QC check fails, then have Huatong run a service visit; after that, tell the account owner.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:remote-quality-control", op: "BELOW", value: 0.5 },
      conditions: [industry("HEALTHCARE")],
      actions: [
        { kind: "CREATE_TASK", template: "service-visit", assignee: org("org-huatong-medical") },
        { kind: "CREATE_TASK", assignee: owner },
      ],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("measures whose names hold 'health' or 'score' are not the account's health", () => {
  const cases: Case[] = [
    {
      text: "When the battery health of 15 or more vehicles in one region drops faster than 0.4 points a month over a 60-day window, have GreenVolt inspect the vehicles.",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "automotive:battery-state-of-health",
        direction: "FALLING",
        withinDays: 60,
        scope: "REGION",
        minSubjects: 15,
      },
      conditions: [],
      actions: [{ kind: "CREATE_TASK", assignee: org("org-greenvolt-service") }],
    },
    {
      text: "When machine health at a factory declines, have Tom inspect the machines.",
      trigger: { kind: "CONCEPT_TREND", concept: "manufacturing:machine-condition", direction: "FALLING" },
      conditions: [industry("MANUFACTURING")],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-tom-becker") }],
    },
    {
      text: "If a hospital's patient experience score is under 60 and its health score is above 50, have Wang Fang book a visit.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:patient-experience", op: "BELOW" },
      conditions: [industry("HEALTHCARE"), { kind: "HEALTH_SCORE", op: "ABOVE", value: 50 }],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-wang-fang") }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it("names another measure's score said as a condition rather than reading it as the health score", () => {
    const d = draft(
      "Whenever a fleet customer's vehicle availability is under 80% and its carbon intensity score is over 70, have GreenVolt call them.",
    );
    expect(d.conditions).toEqual([industry("AUTOMOTIVE")]);
    expect(d.unrecognised.join(" ")).toContain("carbon intensity score");
  });

  it("still reads 'its score' and 'a health score' as the account's health score", () => {
    const d = draft("When a bank's DSO is above 50 days and its score is below 40, call them.");
    expect(d.conditions).toEqual([industry("FINANCE"), { kind: "HEALTH_SCORE", op: "BELOW", value: 40 }]);
  });
});

describe("counts, totals and levels in other words", () => {
  const cases: Case[] = [
    {
      text: "If the calibration check fails twice within 30 days on a clinic's devices, open a calibration review for the quality engineer.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "healthcare:calibration-compliance", subjectKinds: ["ASSET"] },
        count: 2,
        withinDays: 30,
      },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("quality-engineer") }],
    },
    {
      text: "Whenever remote QC fails 3 times in a fortnight across a hospital's scanners, send a work order to Huatong.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "healthcare:remote-quality-control", valueEquals: "false", subjectKinds: ["ASSET"] },
        count: 3,
        withinDays: 14,
      },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "CREATE_TASK", assignee: org("org-huatong-medical") }],
    },
    {
      text: "If an online seller gets more than ten chargebacks in two weeks, open a fraud review for compliance.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "ecommerce:chargeback-rate" }, count: 11, withinDays: 14 },
      conditions: [industry("ECOMMERCE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("compliance") }],
    },
    {
      text: "When a fleet customer files 5 warranty claims within a month, have GreenVolt inspect the vehicles.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "automotive:warranty-claims" }, count: 5, withinDays: 30 },
      conditions: [industry("AUTOMOTIVE")],
      actions: [{ kind: "CREATE_TASK", assignee: org("org-greenvolt-service") }],
    },
    {
      text: "Whenever an insurer's policy retention falls more than 2 points over a quarter, the regional manager should open a retention review.",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "finance:policy-retention",
        direction: "FALLING",
        ratePerDay: 0.022222,
        withinDays: 90,
      },
      conditions: [industry("FINANCE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("regional-manager") }],
    },
    {
      text: "When a school's course completion rate has dropped 6 points in 30 days, call them.",
      trigger: { kind: "CONCEPT_TREND", concept: "education:course-completion", direction: "FALLING", ratePerDay: 0.2 },
      conditions: [industry("EDUCATION")],
      actions: [{ kind: "CREATE_TASK", assignee: owner }],
    },
    {
      text: "When a clinic's patient follow-up rate drops by 10 points over 2 months, have Wang Fang call them.",
      trigger: { kind: "CONCEPT_TREND", concept: "healthcare:patient-follow-up", direction: "FALLING", withinDays: 60 },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-wang-fang") }],
    },
    {
      text: "When the NPS of a university falls to 4 or lower, have the Academic Success team call the dean within 48 hours.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.4 },
      conditions: [industry("EDUCATION")],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-academic-success"), dueInDays: 2 }],
    },
    {
      text: "When a SaaS customer hits its usage limit a dozen times in a month, give Raj an upsell task.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "saas:product-qualified-signal" },
        count: 12,
        withinDays: 30,
      },
      conditions: [industry("SAAS")],
      actions: [{ kind: "CREATE_TASK", template: "upsell", assignee: user("u-raj-patel") }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("sentences of other industries and shapes the grammar should read whole", () => {
  const cases: Case[] = [
    {
      text: "Create a churn-risk review for Anna whenever an enterprise SaaS account's NPS is below 5.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [segment("ENTERPRISE"), industry("SAAS")],
      actions: [{ kind: "OPEN_REVIEW", reviewType: "churn-risk-review", assignee: user("u-anna-schmidt") }],
    },
    {
      text: "For every enterprise bank client, when the AML risk rating changes to HIGH, have the KYC analyst open an EDD review within 3 business days.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "finance:aml-risk-rating", valueEquals: "HIGH" }, count: 1 },
      conditions: [segment("ENTERPRISE"), industry("FINANCE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("kyc-analyst"), dueInDays: 3 }],
    },
    {
      text: "If a factory's OEE is below 50% for an enterprise customer in China, assign a line-audit task to the quality engineer.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" },
      conditions: [industry("MANUFACTURING"), segment("ENTERPRISE"), region("APAC-CN")],
      actions: [{ kind: "CREATE_TASK", template: "line-audit", assignee: role("quality-engineer") }],
    },
    {
      text: "When a seller's order defect rate is above 1% and it sells through a reseller, have the reseller call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "ecommerce:order-defect-rate" },
      // A seller is the e-commerce industry, as a hospital is healthcare (issue 12, session 10's gaps).
      conditions: [industry("ECOMMERCE"), { kind: "HAS_ORGANIZATION", organizationKind: "RESELLER" }],
      actions: [{ kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION" } }],
    },
    {
      text: "As soon as a bank client's sanctions screening returns a hit, have compliance open a sanctions review the same day.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:sanctions-screening", op: "BELOW", value: 0.5 },
      conditions: [industry("FINANCE")],
      actions: [{ kind: "OPEN_REVIEW", reviewType: "sanctions-review", assignee: role("compliance"), dueInDays: 0 }],
    },
    {
      text: "Send a webhook to ServiceNow and open an incident review for the product manager when a SaaS customer has 3 Sev1 incidents in a month.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "saas:incident-impact" }, count: 3, withinDays: 30 },
      conditions: [industry("SAAS")],
      actions: [
        { kind: "CALL_WEBHOOK", endpointId: "wh-servicenow" },
        { kind: "OPEN_REVIEW", assignee: role("product-manager") },
      ],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("bounds, levels reached and number words", () => {
  const cases: Case[] = [
    {
      text: "If the return rate of an online seller is at least 20%, ask Marketplace Operations to audit the store.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "ecommerce:return-rate", op: "BELOW", value: 0.2174 },
      conditions: [industry("ECOMMERCE")],
      actions: [{ kind: "CREATE_TASK", template: "store-audit", assignee: team("t-marketplace-ops") }],
    },
    {
      text: "When a factory's OEE is no higher than 45%, flag the account as underperforming.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" },
      conditions: [industry("MANUFACTURING")],
      actions: [{ kind: "FLAG_RECORDS", target: "ACCOUNT", flag: "underperforming" }],
    },
    {
      text: "When an SMB customer breaches its SLA half a dozen times in a quarter, have the support lead open an SLA review.",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:sla-compliance" }, count: 6, withinDays: 90 },
      conditions: [segment("SMB")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("support-lead") }],
    },
    {
      text: "If a SaaS account hits its usage limit a couple of times within a fortnight, raise an expansion signal.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "saas:product-qualified-signal" },
        count: 2,
        withinDays: 14,
      },
      conditions: [industry("SAAS")],
      actions: [{ kind: "RAISE_INTENT_SIGNAL", intent: "expansion" }],
    },
    {
      text: "When NPS for a North American or European SaaS customer dips to 3, have Sarah call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.3 },
      conditions: [{ kind: "ACCOUNT_FIELD", field: "region", op: "IN", values: ["NA", "EMEA"] }, industry("SAAS")],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-sarah-kim") }],
    },
    {
      text: "When the health score of a mid-market account drops under 40, have David schedule a recovery call; success is the health grade going back to green within 90 days.",
      trigger: { kind: "EVENT", eventTypes: ["HEALTH_SCORE_CHANGED"] },
      conditions: [segment("MID_MARKET"), { kind: "HEALTH_SCORE", op: "BELOW", value: 40 }],
      actions: [{ kind: "CREATE_TASK", template: "recovery-call", assignee: user("u-david-okafor") }],
    },
    {
      text: "When an e-commerce customer's customs holds exceed 3 in a month, have Meridian check the shipments.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "ecommerce:customs-clearance", valueEquals: "true" },
        count: 4,
        withinDays: 30,
      },
      conditions: [industry("ECOMMERCE")],
      actions: [{ kind: "CREATE_TASK", assignee: org("org-meridian-logistics") }],
    },
    {
      text: "When a manufacturer's customer complaints exceed 10 in a month, open an 8D review for the quality engineer.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:customer-complaints" },
        count: 11,
        withinDays: 30,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("quality-engineer") }],
    },
    {
      text: "When the backlog of open tickets at an enterprise customer rises above 40, give Tier-2 Support an escalation task due in 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:support-backlog" },
      conditions: [segment("ENTERPRISE")],
      actions: [{ kind: "CREATE_TASK", template: "escalation", assignee: team("t-support-tier2"), dueInDays: 2 }],
    },
    {
      text: "If a clinic's equipment utilisation drops below 50%, create a utilisation-review task for Wang Fang but not if a review task is still pending.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:equipment-utilisation", op: "BELOW" },
      conditions: [industry("HEALTHCARE"), { kind: "NO_OPEN_TASK", template: "utilisation-review" }],
      actions: [{ kind: "CREATE_TASK", template: "utilisation-review", assignee: user("u-wang-fang") }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it("reads 'goes over 8 hours twice in a month' with the month as the window, naming the level it cannot keep", () => {
    const d = draft(
      "Whenever a hospital's service response time goes over 8 hours twice in a month, have Huatong send a senior engineer.",
    );
    expect(d.trigger).toMatchObject({ kind: "SIGNAL_COUNT", count: 2, withinDays: 30 });
    expect(d.unrecognised).toEqual(["8 hours"]);
  });
});

describe("several doers, and a grade the account is in as a condition", () => {
  const cases: Case[] = [
    {
      text: "When a hospital's health drops to red, Zhang Min and Li Wei should each get a site-visit task due in 3 days.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], direction: "DOWN" },
      conditions: [industry("HEALTHCARE")],
      actions: [
        { kind: "CREATE_TASK", template: "site-visit", assignee: user("u-zhang-min"), dueInDays: 3 },
        { kind: "CREATE_TASK", template: "site-visit", assignee: user("u-li-wei"), dueInDays: 3 },
      ],
    },
    {
      text: "When NPS falls below 4, Raj, Anna and the CS team must call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [],
      actions: [
        { kind: "CREATE_TASK", template: "call", assignee: user("u-raj-patel") },
        { kind: "CREATE_TASK", template: "call", assignee: user("u-anna-schmidt") },
        { kind: "CREATE_TASK", template: "call", assignee: team("t-customer-success") },
      ],
    },
    {
      text: "When NPS falls below 4, have Raj, Anna and the CS team call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [],
      actions: [
        { kind: "CREATE_TASK", assignee: user("u-raj-patel") },
        { kind: "CREATE_TASK", assignee: user("u-anna-schmidt") },
        { kind: "CREATE_TASK", assignee: team("t-customer-success") },
      ],
    },
    {
      text: "When a fleet customer's charger availability drops below 90%, the local service partner should inspect the chargers within 2 days.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "automotive:charger-availability" },
      conditions: [industry("AUTOMOTIVE")],
      actions: [{ kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", servingRegion: true }, dueInDays: 2 }],
    },
    {
      text: "When a SaaS customer's health is red and its NPS falls under 3, escalate to the key account team.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.3 },
      conditions: [industry("SAAS"), { kind: "HEALTH_GRADE", grades: ["RED"] }],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-key-accounts") }],
    },
    {
      text: "If a manufacturer's OEE drops below 55% and its health is yellow or red, have Tom call the plant manager.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" },
      conditions: [industry("MANUFACTURING"), { kind: "HEALTH_GRADE", grades: ["YELLOW", "RED"] }],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-tom-becker") }],
    },
    {
      text: "When an enterprise customer in EMEA goes from green straight to red, open an executive escalation review for Anna within 24 hours.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], from: ["GREEN"] },
      conditions: [segment("ENTERPRISE"), region("EMEA")],
      actions: [{ kind: "OPEN_REVIEW", assignee: user("u-anna-schmidt"), dueInDays: 1 }],
    },
    {
      text: "Have the region's service partner send an engineer within a day if a clinic's scanner uptime goes below 90%.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:equipment-uptime", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [{ kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", servingRegion: true }, dueInDays: 1 }],
    },
    {
      text: "Post to DingTalk and create a follow-up task for Chen Jing whenever a Chinese manufacturer's delivery performance falls under 85%.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:delivery-performance", op: "BELOW" },
      conditions: [region("APAC-CN"), industry("MANUFACTURING")],
      actions: [
        { kind: "CALL_WEBHOOK", endpointId: "wh-dingtalk" },
        { kind: "CREATE_TASK", template: "follow-up", assignee: user("u-chen-jing") },
      ],
    },
    {
      text: "When an online seller's star rating falls below 4, have Apex Distribution contact the seller. Run this automatically.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "ecommerce:review-rating", op: "BELOW" },
      conditions: [industry("ECOMMERCE")],
      actions: [{ kind: "CREATE_TASK", assignee: org("org-apex-distribution") }],
      mode: "AUTO",
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("success criteria in other words", () => {
  it.each([
    [
      "When NPS at a SaaS customer drops below 5, have Raj call them. We'll know it worked if the health grade improves within 45 days.",
      { kind: "HEALTH_IMPROVED", withinDays: 45 },
    ],
    [
      "When a hospital's CSAT falls under 3, have Li Wei call them; the goal is for health to recover within 30 days.",
      { kind: "HEALTH_IMPROVED", withinDays: 30 },
    ],
    [
      "If a fleet customer's SoH falls below 75%, have GreenVolt inspect the batteries. Success = the inspection task closed within 10 days.",
      { kind: "TASK_COMPLETED", withinDays: 10 },
    ],
    [
      "If an online seller's return rate goes above 15%, have Apex audit the listings, and we'll call it a win if the task is completed in two weeks.",
      { kind: "TASK_COMPLETED", withinDays: 14 },
    ],
    [
      "When a bank's DSO goes above 60 days, have the collections team call them. If the account's health goes back to green within a quarter, that's a success.",
      { kind: "HEALTH_IMPROVED", withinDays: 90 },
    ],
    [
      "When a SaaS customer's onboarding progress stays under 40%, have the onboarding team run a kickoff; we want to see the task done within 14 days.",
      { kind: "TASK_COMPLETED", withinDays: 14 },
    ],
  ])("%s", (text, feedback) => {
    const d = draft(text);
    expect(d.feedback).toMatchObject(feedback);
    expect(d.actions).toHaveLength(1);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads a measure in a success criterion as the measure, not a page that shares its name", () => {
    const d = draft(
      "When a factory's OEE falls below 60%, give Tom a line-audit task; success looks like OEE above 70% within 30 days.",
    );
    expect(d.feedback).toMatchObject({
      kind: "SIGNAL_OBSERVED",
      signals: { concept: "manufacturing:oee" },
      withinDays: 30,
    });
  });
});

describe("naming what is not understood, in new words", () => {
  it.each([
    ["If a clinic in Bavaria sees its CSAT fall under 3, have Li Wei call them.", ["in Bavaria"]],
    ["When a school's health drops to grade D, create a recovery task for Sun Hui.", ["grade D"]],
    [
      "If a fleet customer's SoH drops below 80%, open a ticket in Zendesk and have GreenVolt check the batteries.",
      ["Zendesk"],
    ],
    [
      "When NPS at an enterprise customer falls below 5, ask Peter Grant to call the sponsor and open a churn-risk review for Anna.",
      ["Peter Grant"],
    ],
    ["If a factory's OEE falls under 60%, sync it to Salesforce and give Tom a line-audit task.", ["Salesforce"]],
    [
      "If a university's pass rate falls below 60%, get the Dean's Office to run a tutoring program.",
      ["Dean's Office"],
    ],
  ])("%s", (text, unknown) => {
    const d = draft(text);
    expect(d.trigger).not.toBeNull();
    for (const phrase of unknown) expect(d.unrecognised.join(" | ")).toContain(phrase);
  });
});

describe("more shapes of actions and events", () => {
  const cases: Case[] = [
    {
      text: "If an enterprise account's ARR falls below 50,000, the account owner should be alerted and a renewal-risk review opened for finance.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:recurring-revenue", op: "BELOW" },
      conditions: [segment("ENTERPRISE")],
      actions: [
        { kind: "CREATE_TASK", assignee: owner },
        { kind: "OPEN_REVIEW", reviewType: "renewal-risk-review", assignee: role("finance") },
      ],
    },
    {
      text: "Whenever a contact at an enterprise hospital is updated, send it to the ERP webhook.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_UPDATED"] },
      conditions: [segment("ENTERPRISE"), industry("HEALTHCARE")],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-erp" }],
    },
    {
      text: "If a school's student retention rate falls below 85%, open a retention review for the Academic Success team and notify EduWorks.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "education:student-retention", op: "BELOW" },
      conditions: [industry("EDUCATION")],
      actions: [
        { kind: "OPEN_REVIEW", reviewType: "retention-review", assignee: team("t-academic-success") },
        { kind: "CREATE_TASK", assignee: org("org-eduworks") },
      ],
    },
    {
      text: "Flag the account as at-risk and let the CS team know if a mid-market SaaS customer's NPS drops below 4.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.4 },
      conditions: [segment("MID_MARKET"), industry("SAAS")],
      actions: [
        { kind: "FLAG_RECORDS", target: "ACCOUNT", flag: "at-risk" },
        { kind: "CREATE_TASK", assignee: team("t-customer-success") },
      ],
    },
    {
      text: "Every time an asset is deleted at a manufacturing account, post it to the MES.",
      trigger: { kind: "EVENT", eventTypes: ["ASSET_DELETED"] },
      conditions: [industry("MANUFACTURING")],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-mes" }],
    },
    {
      text: "When a charger's session success rate drops below 90% at a fleet customer, have GreenVolt inspect the chargers and flag them as faulty.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "automotive:charging-session-success", op: "BELOW" },
      conditions: [industry("AUTOMOTIVE")],
      actions: [
        { kind: "CREATE_TASK", assignee: org("org-greenvolt-service") },
        { kind: "FLAG_RECORDS", target: "ASSET", flag: "faulty" },
      ],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("people and tickets counted, and other modals", () => {
  const cases: Case[] = [
    {
      text: "When three or more contacts at a bank visit the pricing page within a week, raise a buying-intent signal.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { field: "viewed_page", valueEquals: "/pricing", subjectKinds: ["CONTACT"] },
        count: 3,
        withinDays: 7,
      },
      conditions: [industry("FINANCE")],
      actions: [{ kind: "RAISE_INTENT_SIGNAL", intent: "buying-intent" }],
    },
    {
      text: "Whenever more than 5 tickets are reopened at an e-commerce customer within 7 days, open a service review for the support lead.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "core:support-quality", valueEquals: "true" },
        count: 6,
        withinDays: 7,
      },
      conditions: [industry("ECOMMERCE")],
      actions: [{ kind: "OPEN_REVIEW", assignee: role("support-lead") }],
    },
    {
      text: "Should the OEE of a factory fall below 60%, the quality engineer ought to audit the line.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" },
      conditions: [industry("MANUFACTURING")],
      actions: [{ kind: "CREATE_TASK", template: "line-audit", assignee: role("quality-engineer") }],
    },
    {
      text: "When NPS drops below 4, the CS team and Raj have to call them.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps" },
      conditions: [],
      actions: [
        { kind: "CREATE_TASK", template: "call", assignee: team("t-customer-success") },
        { kind: "CREATE_TASK", template: "call", assignee: user("u-raj-patel") },
      ],
    },
    {
      text: "Any SaaS customer whose NPS drops below 3 needs a call from the account manager within 48 hours.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.3 },
      conditions: [industry("SAAS")],
      actions: [{ kind: "CREATE_TASK", template: "call", assignee: owner, dueInDays: 2 }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("rates said per period in other words", () => {
  const cases: Case[] = [
    {
      text: "When a SaaS customer's weekly active users drop 10% week over week for three weeks, have Sarah call them.",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "saas:weekly-active-users",
        direction: "FALLING",
        ratePerDay: 1.428571,
        withinDays: 21,
      },
      conditions: [industry("SAAS")],
      actions: [{ kind: "CREATE_TASK", assignee: user("u-sarah-kim") }],
    },
    {
      text: "When charger availability at a fleet customer has been falling by more than 1 point weekly over the last 8 weeks, have GreenVolt check the chargers.",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "automotive:charger-availability",
        direction: "FALLING",
        ratePerDay: 0.142857,
        withinDays: 56,
      },
      conditions: [industry("AUTOMOTIVE")],
      actions: [{ kind: "CREATE_TASK", assignee: org("org-greenvolt-service") }],
    },
    {
      text: "When ticket backlog at an SMB customer grows by more than 5 tickets a day over a week, notify Tier-2 Support.",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "core:support-backlog",
        direction: "RISING",
        ratePerDay: 5,
        withinDays: 7,
      },
      conditions: [segment("SMB")],
      actions: [{ kind: "CREATE_TASK", assignee: team("t-support-tier2") }],
    },
    {
      text: "If the scrap rate at a plant increases by 0.3 points per day during a 10-day period, give the quality team a containment task.",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "manufacturing:scrap-rate",
        direction: "RISING",
        ratePerDay: 0.3,
        withinDays: 10,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [{ kind: "CREATE_TASK", template: "containment", assignee: team("t-quality") }],
    },
    {
      text: "If NPS at an enterprise client goes down by 2 points within a quarter, open a churn-risk review for Anna.",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "core:nps",
        direction: "FALLING",
        ratePerDay: 0.022222,
        withinDays: 90,
      },
      conditions: [segment("ENTERPRISE")],
      actions: [{ kind: "OPEN_REVIEW", reviewType: "churn-risk-review", assignee: user("u-anna-schmidt") }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});

describe("triggers opened in other words", () => {
  const cases: Case[] = [
    {
      text: "Upon a new deal being created for an enterprise SaaS customer, have Raj prepare a mutual action plan within 3 days.",
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_CREATED"] },
      conditions: [segment("ENTERPRISE"), industry("SAAS")],
      actions: [{ kind: "CREATE_TASK", template: "mutual-action-plan", assignee: user("u-raj-patel"), dueInDays: 3 }],
    },
    {
      text: "After a contact is deleted from a mid-market account, ask the account owner to find a replacement within two weeks.",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [segment("MID_MARKET")],
      actions: [{ kind: "CREATE_TASK", assignee: owner, dueInDays: 14 }],
    },
    {
      text: "Each time a SaaS customer's health score changes, post it to Slack.",
      trigger: { kind: "EVENT", eventTypes: ["HEALTH_SCORE_CHANGED"] },
      conditions: [industry("SAAS")],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-slack-cs" }],
    },
    {
      text: "Once GMV at an online seller has fallen by 25% over 30 days, open a churn-risk review for the account manager and alert Liu Yang.",
      trigger: { kind: "CONCEPT_TREND", concept: "ecommerce:gmv", direction: "FALLING", withinDays: 30 },
      conditions: [industry("ECOMMERCE")],
      actions: [
        { kind: "OPEN_REVIEW", reviewType: "churn-risk-review", assignee: owner },
        { kind: "CREATE_TASK", assignee: user("u-liu-yang") },
      ],
    },
    {
      text: "In case any healthcare account's PM compliance slips below 90%, Huatong is to schedule the overdue maintenance within a week and the service manager gets a follow-up task.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:preventive-maintenance-compliance", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [
        { kind: "CREATE_TASK", assignee: org("org-huatong-medical"), dueInDays: 7 },
        { kind: "CREATE_TASK", template: "follow-up", assignee: role("service-manager") },
      ],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));

  it("keeps 'after that' a sequence of actions, not a trigger", () => {
    const d = draft(
      "If a clinic's remote QC check fails, then have Huatong run a service visit; after that, tell the account owner.",
    );
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "healthcare:remote-quality-control" });
    expect(d.actions).toHaveLength(2);
  });
});

describe("actions said as a wish, or with the action first", () => {
  const cases: Case[] = [
    {
      text: "Any time a manufacturer's OEE drops under 55%, I'd like Tom to audit the line, and the field service team to check the machines.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" },
      conditions: [industry("MANUFACTURING")],
      actions: [
        { kind: "CREATE_TASK", template: "line-audit", assignee: user("u-tom-becker") },
        { kind: "CREATE_TASK", assignee: team("t-field-service") },
      ],
    },
    {
      text: "Make sure Sarah calls the customer within 2 days when CSAT drops below 3 at a SaaS account.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW" },
      conditions: [industry("SAAS")],
      actions: [{ kind: "CREATE_TASK", template: "customer-call", assignee: user("u-sarah-kim"), dueInDays: 2 }],
    },
    {
      text: "When CSAT falls below 3, we want the support lead to call them within a day.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:csat" },
      conditions: [],
      actions: [{ kind: "CREATE_TASK", template: "call", assignee: role("support-lead"), dueInDays: 1 }],
    },
    {
      text: "Notify the account owner when an SMB e-commerce customer's refund rate passes 10%.",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "ecommerce:return-rate", op: "BELOW" },
      conditions: [segment("SMB"), industry("ECOMMERCE")],
      actions: [{ kind: "CREATE_TASK", assignee: owner }],
    },
    {
      text: "Assign the KYC analyst an EDD review whenever a bank client's due diligence level is raised to EDD.",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "finance:due-diligence-level", valueEquals: "EDD" },
        count: 1,
      },
      conditions: [industry("FINANCE")],
      actions: [{ kind: "OPEN_REVIEW", reviewType: "edd-review", assignee: role("kyc-analyst") }],
    },
    {
      text: "Set up a business review with the key account team whenever an enterprise account turns yellow.",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW"] },
      conditions: [segment("ENTERPRISE")],
      actions: [{ kind: "CREATE_TASK", template: "business-review", assignee: team("t-key-accounts") }],
    },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, c) => check(c));
});
