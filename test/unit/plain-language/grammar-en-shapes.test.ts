/**
 * Shapes of English sentences the grammar learnt from the blind development-2 set (issue 12), each pinned
 * on paraphrases of our own (other words, order, numbers and concepts than the corpus sentence), so that a
 * shape is read in general and not one sentence of the corpus.
 */
import { loadCorpusContext } from "../../../cli/nl";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";
import { PlaybookDraft } from "../../../domain/plain-language/draft";

const context = loadCorpusContext();
const draft = (text: string): PlaybookDraft => draftPlaybookFromText(text, context, "en");
const industry = (value: string) => ({ kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: [value] });
const segment = (value: string) => ({ kind: "ACCOUNT_FIELD", field: "segment", op: "EQUALS", values: [value] });

describe("actions said in the passive, the object first", () => {
  it("reads 'a review should be opened for X within N days' before the trigger", () => {
    const d = draft(
      "A churn-risk review should be opened for compliance within 3 days whenever a bank's AML risk rating becomes HIGH.",
    );
    expect(d.actions).toMatchObject([
      {
        kind: "OPEN_REVIEW",
        reviewType: "churn-risk-review",
        assignee: { kind: "ROLE", role: "compliance" },
        dueInDays: 3,
      },
    ]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 'the owner should be notified and a task must be assigned to X'", () => {
    const d = draft(
      "When CSAT drops below 3 at an SMB account, the account owner should be notified and a recovery-plan task must be assigned to the CS team.",
    );
    expect(d.conditions).toEqual([segment("SMB")]);
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ACCOUNT_OWNER" } },
      { kind: "CREATE_TASK", template: "recovery-plan", assignee: { kind: "TEAM", teamId: "t-customer-success" } },
    ]);
  });

  it("reads 'a task gets created for X, due tomorrow' after the trigger", () => {
    const d = draft(
      "If first response time goes over 4 hours for an enterprise customer, a follow-up task gets created for Sarah, due tomorrow.",
    );
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:first-response-time", op: "BELOW" });
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", template: "follow-up", assignee: { kind: "USER", userId: "u-sarah-kim" }, dueInDays: 1 },
    ]);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("conditions said before the trigger", () => {
  it("reads 'For <segment> <industry> accounts with a health score below N: when …'", () => {
    const d = draft(
      "For enterprise hospital accounts with a health score below 50: when NPS falls under 20, have Li Wei call them.",
    );
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW" });
    expect(d.conditions).toEqual(
      expect.arrayContaining([
        segment("ENTERPRISE"),
        industry("HEALTHCARE"),
        { kind: "HEALTH_SCORE", op: "BELOW", value: 50 },
      ]),
    );
    expect(d.conditions).toHaveLength(3);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-li-wei" } }]);
  });

  it("reads 'Among <segment> customers in <region>, if …'", () => {
    const d = draft(
      "Among SMB customers in Europe, if churn risk goes above 80%, open a retention review for the account manager.",
    );
    expect(d.conditions).toEqual([
      segment("SMB"),
      { kind: "ACCOUNT_FIELD", field: "region", op: "EQUALS", values: ["EMEA"] },
    ]);
    expect(d.actions).toMatchObject([{ kind: "OPEN_REVIEW", assignee: { kind: "ACCOUNT_OWNER" } }]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 'For <industry> that buy through a reseller, when …' as a related organization", () => {
    const d = draft(
      "For banks that buy through a reseller, when DSO goes beyond 60 days, ask finance to chase the invoices.",
    );
    expect(d.conditions).toEqual([industry("FINANCE"), { kind: "HAS_ORGANIZATION", organizationKind: "RESELLER" }]);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "finance" } }]);
  });
});

describe("a count that 'means' a list of actions, with no 'when'", () => {
  it("reads 'Three or more customs holds in two weeks … means: …'", () => {
    const d = draft(
      "Three or more customs holds in two weeks for an online seller means: give marketplace ops a customs-review task.",
    );
    expect(d.trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { concept: "ecommerce:customs-clearance", valueEquals: "true" },
      count: 3,
      withinDays: 14,
      scope: "ACCOUNT",
    });
    expect(d.conditions).toEqual([industry("ECOMMERCE")]);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-marketplace-ops" } }]);
  });

  it("reads 'More than two <concept> <counted noun> in N days … means: flag … and have …'", () => {
    const d = draft(
      "More than two battery fault codes in 10 days at a fleet customer means: flag the vehicles and have the battery R&D team investigate.",
    );
    expect(d.trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "automotive:battery-fault-codes" },
      count: 3,
      withinDays: 10,
    });
    expect(d.trigger).not.toHaveProperty("minSubjects");
    expect(d.actions).toMatchObject([
      { kind: "FLAG_RECORDS", target: "ASSET" },
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-battery-rnd" } },
    ]);
  });
});

describe("'watch for …; when that happens, …' and failures of assets counted", () => {
  it("counts a positive flag's failures on the account's vehicles", () => {
    const d = draft(
      "Look out for vehicles of a fleet customer that fail a software update twice in a week. When this happens, create a firmware-check task for the product manager.",
    );
    expect(d.trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { concept: "automotive:ota-update-success", valueEquals: "false", subjectKinds: ["ASSET"] },
      count: 2,
      withinDays: 7,
      scope: "ACCOUNT",
    });
    expect(d.conditions).toEqual([industry("AUTOMOTIVE")]);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "product-manager" } }]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 'Watch for <assets> whose <concept> falls under N' with the actions in the next sentence", () => {
    const d = draft(
      "Watch for chargers whose charging session success rate falls under 80%. When that happens, give GreenVolt an inspection task.",
    );
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_THRESHOLD",
      concept: "automotive:charging-session-success",
      op: "BELOW",
    });
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", organizationId: "org-greenvolt-service" } },
    ]);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a categorical value becoming something", () => {
  it("takes the concept whose code the value is ('the risk rating changes to EDD')", () => {
    const d = draft("When a bank's risk rating changes to EDD, open a review for compliance.");
    expect(d.trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "finance:due-diligence-level", valueEquals: "EDD" },
      count: 1,
    });
  });

  it("reads a lower-case status value ('is changed to past_due')", () => {
    const d = draft(
      "If the subscription status of a SaaS customer is changed to past_due, have the collections team follow up within 3 days.",
    );
    expect(d.trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "saas:subscription-status", valueEquals: "past_due" },
      count: 1,
    });
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-collections" }, dueInDays: 3 },
    ]);
  });

  it("understands the verb of the change ('is upgraded to HIGH')", () => {
    const d = draft(
      "Whenever an insurer's AML risk rating is upgraded to HIGH, ask the KYC analyst to open a risk review.",
    );
    expect(d.trigger).toMatchObject({ signals: { concept: "finance:aml-risk-rating", valueEquals: "HIGH" } });
    expect(d.actions).toMatchObject([{ kind: "OPEN_REVIEW", assignee: { kind: "ROLE", role: "kyc-analyst" } }]);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("trends said as losing or gaining an amount per period", () => {
  it("reads 'loses more than N points of <concept> a week over N weeks'", () => {
    const d = draft(
      "When an online seller loses more than 2 points of conversion rate a week over 6 weeks, give David a listing-audit task.",
    );
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "ecommerce:conversion-rate",
      direction: "FALLING",
      withinDays: 42,
    });
    expect((d.trigger as { ratePerDay: number }).ratePerDay).toBeCloseTo(2 / 7, 4);
  });

  it("reads 'sheds N percent per day for N days'", () => {
    const d = draft(
      "If the vehicle availability of a fleet customer sheds 0.5 percent per day for 10 days, ask the service manager to investigate.",
    );
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "automotive:vehicle-availability",
      direction: "FALLING",
      withinDays: 10,
    });
    expect((d.trigger as { ratePerDay: number }).ratePerDay).toBeCloseTo(0.5, 4);
  });

  it("reads 'gains more than N <units> a week' as rising", () => {
    const d = draft(
      "When a SaaS account gains more than 20 active users a week over 3 weeks, raise an expansion intent signal.",
    );
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_TREND", direction: "RISING", withinDays: 21 });
    expect((d.trigger as { ratePerDay: number }).ratePerDay).toBeCloseTo(20 / 7, 4);
  });
});

describe("who is asked", () => {
  it("reads 'have a <role> …' and 'the region's service provider'", () => {
    const d = draft(
      "When MTTR at a plant goes over 10 hours, have a quality engineer check the line and ask the region's service provider to send a technician within 2 days.",
    );
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "quality-engineer" } },
      { kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", servingRegion: true }, dueInDays: 2 },
    ]);
  });

  it("keeps 'due diligence' in the name of what is opened, not as a deadline", () => {
    const d = draft("If CSAT at a bank drops below 2, have a KYC analyst open a due diligence review due in 4 days.");
    expect(d.actions).toMatchObject([
      {
        kind: "OPEN_REVIEW",
        reviewType: "due-diligence-review",
        assignee: { kind: "ROLE", role: "kyc-analyst" },
        dueInDays: 4,
      },
    ]);
  });
});

describe("a region said as an adjective", () => {
  it("reads 'a Latin American customer' as the LATAM region", () => {
    const d = draft("When a Latin American customer's health drops to yellow, tell the CS team to check in.");
    expect(d.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "region", op: "EQUALS", values: ["LATAM"] }]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 'European' and 'Southeast Asian' accounts", () => {
    const d = draft("If a European or Southeast Asian account's NPS falls below 10, have Anna call them.");
    expect(d.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "region", op: "IN", values: ["EMEA", "APAC-SEA"] }]);
  });
});

describe("opportunity events", () => {
  it("takes the record before 'at <account>' as what changed", () => {
    const d = draft(
      "Every time a deal at a mid-market account is updated, give the account manager a pricing-check task.",
    );
    expect(d.trigger).toEqual({ kind: "EVENT", eventTypes: ["OPPORTUNITY_UPDATED"] });
    expect(d.conditions).toEqual([segment("MID_MARKET")]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads a lost deal and a stage change as updates of the opportunity", () => {
    expect(
      draft("When a deal at an enterprise customer is lost, give the account manager a loss-analysis task.").trigger,
    ).toEqual({
      kind: "EVENT",
      eventTypes: ["OPPORTUNITY_UPDATED"],
    });
    expect(draft("When an opportunity's stage changes for a SaaS account, notify Sarah.").trigger).toEqual({
      kind: "EVENT",
      eventTypes: ["OPPORTUNITY_UPDATED"],
    });
  });

  it("reads a new deal for an account as an opportunity created", () => {
    const d = draft("Whenever a new deal is created for a bank, ask Raj to qualify it.");
    expect(d.trigger).toEqual({ kind: "EVENT", eventTypes: ["OPPORTUNITY_CREATED"] });
    expect(d.conditions).toEqual([industry("FINANCE")]);
  });
});

describe("who and what the tenant does not have", () => {
  it("names an unknown system and drafts nothing for it", () => {
    const d = draft(
      "When NPS drops under 0 at a bank, open a churn review for the account owner and create a ticket in Zendesk.",
    );
    expect(d.actions).toMatchObject([{ kind: "OPEN_REVIEW", assignee: { kind: "ACCOUNT_OWNER" } }]);
    expect(d.unrecognised).toEqual(["Zendesk"]);
  });

  it("names an unknown system after 'log it in'", () => {
    const d = draft("If a factory's OEE falls below 60%, log it in Asana and have the quality team inspect the line.");
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-quality" } }]);
    expect(d.unrecognised).toEqual(["Asana"]);
  });

  it("names a person the tenant does not have and gives their task to no one else", () => {
    const d = draft(
      "When CSAT at an SMB customer goes below 2, get Peter Miller to call them and open a service review for the support lead.",
    );
    expect(d.actions).toMatchObject([{ kind: "OPEN_REVIEW", assignee: { kind: "ROLE", role: "support-lead" } }]);
    expect(d.unrecognised).toEqual(["Peter Miller"]);
  });

  it("names an unknown assignee after 'for'", () => {
    const d = draft("When CSAT falls below 2, create a follow-up task for Peter.");
    expect(d.actions).toEqual([]);
    expect(d.unrecognised).toEqual(["Peter"]);
  });
});

describe("an abbreviation in parentheses after a concept", () => {
  it("understands 'customer effort (CES)' and 'order defect rate (ODR)' as one phrase", () => {
    for (const text of [
      "When customer effort (CES) for an SMB customer goes above 4, open a support-experience review for the support lead.",
      "If the order defect rate (ODR) of an online seller tops 1%, have marketplace ops audit the store.",
    ]) {
      const d = draft(text);
      expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD" });
      expect(d.unrecognised).toEqual([]);
    }
  });
});

describe("the health score as a level and a direction", () => {
  it("reads 'health is below N and falling' as the health trend with the score as a condition", () => {
    const d = draft(
      "When an enterprise account's health is below 60 and falling, have the CS team run a recovery call.",
    );
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_TREND", concept: "core:customer-health", direction: "FALLING" });
    expect(d.conditions).toEqual([segment("ENTERPRISE"), { kind: "HEALTH_SCORE", op: "BELOW", value: 60 }]);
  });

  it("reads 'the health score is above N and rising over two weeks'", () => {
    const d = draft("If the health score is above 80 and rising over two weeks, raise an upsell intent signal.");
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "core:customer-health",
      direction: "RISING",
      withinDays: 14,
    });
    expect(d.conditions).toEqual([{ kind: "HEALTH_SCORE", op: "ABOVE", value: 80 }]);
  });

  it("reads 'customer health drops under N' as the score, but not 'battery health'", () => {
    const d = draft("If customer health drops under 45 for a school, ask Wang Fang to call them.");
    expect(d.trigger).toEqual({ kind: "EVENT", eventTypes: ["HEALTH_SCORE_CHANGED"] });
    expect(d.conditions).toEqual([industry("EDUCATION"), { kind: "HEALTH_SCORE", op: "BELOW", value: 45 }]);
    const battery = draft("When a fleet's battery health falls below 80%, notify the battery R&D team.");
    expect(battery.trigger).toMatchObject({
      kind: "CONCEPT_THRESHOLD",
      concept: "automotive:battery-state-of-health",
    });
  });
});

describe("trends said in the past tense with an amount in points", () => {
  it("reads 'has dropped by more than N points over the last N days'", () => {
    const d = draft(
      "When a manufacturer's OEE has dropped by more than 5 points over the last 30 days, ask Tom to investigate.",
    );
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "manufacturing:oee",
      direction: "FALLING",
      withinDays: 30,
    });
    expect((d.trigger as { ratePerDay: number }).ratePerDay).toBeCloseTo(5 / 30, 4);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 'has declined by N percentage points over a quarter' and 'has increased by N points in two weeks'", () => {
    const down = draft(
      "If a university's pass rate has declined by 4 percentage points over a quarter, have the Academic Success team look at the courses.",
    );
    expect(down.trigger).toMatchObject({ kind: "CONCEPT_TREND", direction: "FALLING", withinDays: 90 });
    expect((down.trigger as { ratePerDay: number }).ratePerDay).toBeCloseTo(4 / 90, 4);
    const up = draft(
      "Whenever the ODR of an online seller has increased by 0.5 points in two weeks, give David a listing-audit task.",
    );
    expect(up.trigger).toMatchObject({ kind: "CONCEPT_TREND", direction: "RISING", withinDays: 14 });
    expect(up.unrecognised).toEqual([]);
  });
});

describe("more passive shapes", () => {
  it("reads 'X should be assigned a <thing> task due in N days'", () => {
    const d = draft(
      "As soon as an opportunity is won at a mid-market SaaS account, the onboarding team should be assigned a kickoff task due in 2 days.",
    );
    expect(d.trigger).toEqual({ kind: "EVENT", eventTypes: ["OPPORTUNITY_UPDATED"] });
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", template: "kickoff", assignee: { kind: "TEAM", teamId: "t-onboarding" }, dueInDays: 2 },
    ]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 'a review should automatically be opened for X when …' with the mode", () => {
    const d = draft(
      "A retention review should automatically be opened for the account manager when a SaaS client's NPS falls below 0.",
    );
    expect(d.mode).toBe("AUTO");
    expect(d.actions).toMatchObject([{ kind: "OPEN_REVIEW", assignee: { kind: "ACCOUNT_OWNER" } }]);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:nps" });
  });
});

describe("actions joined with 'and' whose second part names its doer first", () => {
  it("splits '… should get a task and the account manager should be told'", () => {
    const d = draft(
      "When an online seller's late shipment rate goes over 6%, marketplace ops should get a shipping-review task and the account manager should be told.",
    );
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", template: "shipping-review", assignee: { kind: "TEAM", teamId: "t-marketplace-ops" } },
      { kind: "CREATE_TASK", assignee: { kind: "ACCOUNT_OWNER" } },
    ]);
    expect(d.unrecognised).toEqual([]);
  });

  it("splits '… for the credit officer and Sarah must call the customer within 2 days'", () => {
    const d = draft(
      "If a bank's DSO exceeds 75 days, open a collections review for the credit officer and Sarah must call the customer within 2 days.",
    );
    expect(d.actions).toMatchObject([
      { kind: "OPEN_REVIEW", assignee: { kind: "ROLE", role: "credit-officer" } },
      { kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-sarah-kim" }, dueInDays: 2 },
    ]);
  });

  it("splits '… for Anna and a survey-review task should be created for <team>'", () => {
    const d = draft(
      "When NPS falls under 10 at a school, create a call task for Anna and a survey-review task should be created for the academic success team.",
    );
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-anna-schmidt" } },
      { kind: "CREATE_TASK", template: "survey-review", assignee: { kind: "TEAM", teamId: "t-academic-success" } },
    ]);
  });
});

describe("a flag said as a noun", () => {
  it("reads 'raise a <name> flag on the account'", () => {
    const d = draft(
      "Whenever an account in EMEA gets downgraded to red, immediately raise a churn-risk flag on the account and email the regional manager.",
    );
    expect(d.actions).toMatchObject([
      { kind: "FLAG_RECORDS", target: "ACCOUNT", flag: "churn-risk" },
      { kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "regional-manager" } },
    ]);
  });

  it("reads 'add a <name> tag to the vehicles' and 'put a <name> label on the batches'", () => {
    expect(
      draft(
        "When a fleet customer's battery fault codes show up three times in a week, add an inspection-due tag to the vehicles.",
      ).actions,
    ).toMatchObject([{ kind: "FLAG_RECORDS", target: "ASSET", flag: "inspection-due" }]);
    expect(
      draft(
        "If a carmaker's cell batch quality fails, put a quarantine label on the batches and give SinoCell a containment task.",
      ).actions,
    ).toMatchObject([
      { kind: "FLAG_RECORDS", target: "BATCH", flag: "quarantine" },
      { kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", organizationId: "org-sinocell" } },
    ]);
  });
});

describe("the doer first with 'gets' or 'receives'", () => {
  it("reads '<team> gets a <thing> task' and '<owner> receives a <thing> task due in N days'", () => {
    expect(
      draft("Each time an SMB customer's chargeback rate tops 1%, Marketplace Operations gets a dispute-review task.")
        .actions,
    ).toMatchObject([
      { kind: "CREATE_TASK", template: "dispute-review", assignee: { kind: "TEAM", teamId: "t-marketplace-ops" } },
    ]);
    expect(
      draft("When a SaaS account's NPS falls below 5, the account owner receives a save-plan task due in 3 days.")
        .actions,
    ).toMatchObject([
      { kind: "CREATE_TASK", template: "save-plan", assignee: { kind: "ACCOUNT_OWNER" }, dueInDays: 3 },
    ]);
  });
});

describe("'goes past' as a comparison, and 'the past N days' as a window", () => {
  it("reads 'goes past 4 hours' as over 4 hours", () => {
    const d = draft("If the first response time at a hospital goes past 4 hours, have the support lead escalate it.");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:first-response-time", op: "BELOW" });
    expect(d.unrecognised).toEqual([]);
  });

  it("does not read 'over the past 30 days' as a comparison", () => {
    const d = draft("When CSAT over the past 30 days drops below 3, create a follow-up task for Anna.");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:csat", op: "BELOW", value: 0.5 });
  });
});

describe("a verb of viewing that says other things too", () => {
  it("does not read 'returns a hit' as a view of the returns page", () => {
    const d = draft("When a bank client's PEP screening returns a hit, have compliance review it the same day.");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "finance:pep-screening", op: "BELOW" });
    expect(d.actions).toMatchObject([
      { kind: "OPEN_REVIEW", assignee: { kind: "ROLE", role: "compliance" }, dueInDays: 0 },
    ]);
  });

  it("still reads 'open the <page> page' as a page view", () => {
    const d = draft(
      "When contacts at a hospital open the remote quality-control page twice in a week, give Li Wei a demo task.",
    );
    expect(d.trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { field: "viewed_page", valueEquals: "/solutions/remote-quality-control", subjectKinds: ["CONTACT"] },
      count: 2,
      withinDays: 7,
    });
  });
});
