import { failureBreaker, subjectBreaker, tenantRateBreaker } from "../../../domain/automation/circuit-breaker";
import { AccountFacts, evaluateConditions } from "../../../domain/automation/condition-evaluation";
import { evaluateFeedback, tallyFeedback } from "../../../domain/automation/feedback";
import { DAY_MS } from "../../../domain/automation/signal-window";

const NOW = Date.parse("2026-06-30T12:00:00Z");
const limits = { maxFiringsPerSubject: 2, periodDays: 7, pauseAfterFailures: 3 };

const hospital: AccountFacts = {
  id: "acc-1",
  name: "St. Mary Hospital",
  industry: "Hospital",
  segment: "Enterprise",
  region: "north",
  healthGrade: "B",
  healthScore: 71,
  organizations: [{ id: "org-1", kind: "SERVICE_PROVIDER", relationship: "SERVICES", servesRegions: ["north"] }],
  openTasks: [{ id: "t-1", playbookId: "pb-other", template: "renewal-call" }],
};
const context = { playbookId: "pb-1", region: null, regionOrganizations: [] };

describe("conditions", () => {
  it("record the facts they saw and pass only when all hold", () => {
    const result = evaluateConditions(
      [
        { kind: "ACCOUNT_FIELD", field: "industry", op: "IN", values: ["hospital", "clinic"] },
        { kind: "HEALTH_SCORE", op: "BELOW", value: 80 },
        { kind: "HAS_ORGANIZATION", relationship: "SERVICES", servingRegion: true },
        { kind: "NO_OPEN_TASK", template: "demo-plan" },
      ],
      [hospital],
      context,
    );
    expect(result.passed).toBe(true);
    expect(result.outcomes.map((o) => o.condition)).toEqual([
      "conditions[0]:ACCOUNT_FIELD",
      "conditions[1]:HEALTH_SCORE",
      "conditions[2]:HAS_ORGANIZATION",
      "conditions[3]:NO_OPEN_TASK",
    ]);
    expect(result.outcomes[1]!.facts).toEqual({ op: "BELOW", value: 80, seen: [{ accountId: "acc-1", score: 71 }] });
    expect(result.outcomes[2]!.facts).toMatchObject({ organizationIds: ["org-1"], region: "north" });
  });

  it("fail on a grade not listed and on an open task of the template", () => {
    const result = evaluateConditions(
      [
        { kind: "HEALTH_GRADE", grades: ["C", "D"] },
        { kind: "NO_OPEN_TASK", template: "renewal-call" },
      ],
      [hospital],
      context,
    );
    expect(result.outcomes.map((o) => o.passed)).toEqual([false, false]);
    expect(result.passed).toBe(false);
  });

  it("find the organization serving a firing's region even when no account is linked to it", () => {
    const result = evaluateConditions(
      [{ kind: "HAS_ORGANIZATION", servingRegion: true }],
      [{ ...hospital, organizations: [] }],
      {
        playbookId: "pb-1",
        region: "south",
        regionOrganizations: [{ id: "org-s", kind: "PARTNER", relationship: null, servesRegions: ["south"] }],
      },
    );
    expect(result.passed).toBe(true);
    expect(result.outcomes[0]!.facts).toMatchObject({ region: "south", organizationIds: ["org-s"] });
  });
});

describe("breakers", () => {
  it("hold a subject back after maxFiringsPerSubject firings in the period", () => {
    expect(subjectBreaker(limits, "account acc-1", [NOW - DAY_MS], NOW).tripped).toBe(false);
    const tripped = subjectBreaker(limits, "account acc-1", [NOW - DAY_MS, NOW - 2 * DAY_MS, NOW - 30 * DAY_MS], NOW);
    expect(tripped).toMatchObject({ tripped: true, breaker: "SUBJECT_LIMIT", facts: { firingsInPeriod: 2 } });
  });

  it("hold the tenant back at its hourly rate", () => {
    expect(tenantRateBreaker(9, 10).tripped).toBe(false);
    expect(tenantRateBreaker(10, 10)).toMatchObject({ tripped: true, breaker: "TENANT_RATE" });
  });

  it("pause after consecutive failures and reset on success", () => {
    expect(failureBreaker(limits, 1, "FAILED", null)).toEqual({ consecutiveFailures: 2, pause: false, reason: null });
    const paused = failureBreaker(limits, 2, "REFUSED", "beyond the owner's role");
    expect(paused.pause).toBe(true);
    expect(paused.reason).toMatch(/3 firings in a row ended REFUSED \(last: beyond the owner's role\)/);
    expect(failureBreaker(limits, 2, "EXECUTED", null)).toEqual({ consecutiveFailures: 0, pause: false, reason: null });
  });
});

describe("feedback", () => {
  const firedAt = NOW - 10 * DAY_MS;
  const base = { firedAt, tasks: [], signalTimes: [], scoreAtFiring: 60, laterScores: [] };
  const task = { kind: "TASK_COMPLETED" as const, withinDays: 14, template: "demo-plan" };

  it("is met when the tasks are done in time, missed when late, pending while open", () => {
    const done = { template: "demo-plan", status: "DONE" as const, completedAt: firedAt + 3 * DAY_MS };
    expect(evaluateFeedback(task, { ...base, tasks: [done] }, NOW)).toBe("MET");
    const open = { template: "demo-plan", status: "OPEN" as const, completedAt: null };
    expect(evaluateFeedback(task, { ...base, tasks: [open] }, NOW)).toBe("PENDING");
    expect(evaluateFeedback(task, { ...base, tasks: [open] }, NOW + 5 * DAY_MS)).toBe("MISSED");
    const late = { ...done, completedAt: firedAt + 20 * DAY_MS };
    expect(evaluateFeedback(task, { ...base, tasks: [late] }, NOW + 20 * DAY_MS)).toBe("MISSED");
  });

  it("counts signals and health improvements only inside the window", () => {
    const signal = { kind: "SIGNAL_OBSERVED" as const, withinDays: 7, signals: { field: "demo_booked" } };
    expect(evaluateFeedback(signal, { ...base, signalTimes: [firedAt + 8 * DAY_MS] }, NOW)).toBe("MISSED");
    expect(evaluateFeedback(signal, { ...base, signalTimes: [firedAt + 2 * DAY_MS] }, NOW)).toBe("MET");
    const health = { kind: "HEALTH_IMPROVED" as const, withinDays: 30 };
    expect(evaluateFeedback(health, { ...base, laterScores: [{ at: firedAt + DAY_MS, score: 58 }] }, NOW)).toBe(
      "PENDING",
    );
    expect(evaluateFeedback(health, { ...base, laterScores: [{ at: firedAt + DAY_MS, score: 65 }] }, NOW)).toBe("MET");
  });

  it("tallies a success rate over decided firings", () => {
    expect(tallyFeedback(["MET", "MISSED", "PENDING", "MET"])).toEqual({
      met: 2,
      pending: 1,
      missed: 1,
      successRate: 2 / 3,
    });
    expect(tallyFeedback([]).successRate).toBeNull();
  });
});
