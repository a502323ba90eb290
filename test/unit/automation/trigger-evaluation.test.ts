import { DAY_MS, slopePerDay, windowStart } from "../../../domain/automation/signal-window";
import {
  evaluateGradeChange,
  evaluateSignalCount,
  evaluateThreshold,
  evaluateTrend,
  ObservedSignal,
} from "../../../domain/automation/trigger-evaluation";

const NOW = Date.parse("2026-06-30T12:00:00Z");
const daysAgo = (d: number) => NOW - d * DAY_MS;
const signal = (id: string, at: number, value: number | null = null, subjectId = "s1"): ObservedSignal => ({
  signalId: id,
  at,
  subjectId,
  value,
});

describe("slopePerDay", () => {
  it("is the least-squares slope per day", () => {
    expect(
      slopePerDay([
        { at: 0, value: 100 },
        { at: DAY_MS, value: 99 },
        { at: 2 * DAY_MS, value: 98 },
      ]),
    ).toBeCloseTo(-1);
    // Noisy: least squares of (0,10) (1,8) (2,9) (3,5) is -1.4.
    const points = [10, 8, 9, 5].map((value, i) => ({ at: daysAgo(10 - i), value }));
    expect(slopePerDay(points)).toBeCloseTo(-1.4);
  });

  it("is null without two distinct times", () => {
    expect(slopePerDay([{ at: 1, value: 2 }])).toBeNull();
    expect(
      slopePerDay([
        { at: 1, value: 2 },
        { at: 1, value: 3 },
      ]),
    ).toBeNull();
  });
});

describe("windowStart", () => {
  it("starts after the evidence of the previous firing when that is later", () => {
    expect(windowStart(NOW, 7, null)).toBe(daysAgo(7));
    expect(windowStart(NOW, 7, daysAgo(2))).toBe(daysAgo(2));
    expect(windowStart(NOW, 7, daysAgo(9))).toBe(daysAgo(7));
  });
});

describe("SIGNAL_COUNT", () => {
  const trigger = {
    kind: "SIGNAL_COUNT" as const,
    signals: { field: "page_view" },
    count: 3,
    withinDays: 7,
    scope: "ACCOUNT" as const,
  };

  it("fires on the third view within the window, not on views older than it", () => {
    const views = [signal("old", daysAgo(8)), signal("a", daysAgo(6)), signal("b", daysAgo(3))];
    expect(evaluateSignalCount(trigger, views, NOW, null).passed).toBe(false);
    const third = evaluateSignalCount(trigger, [...views, signal("c", daysAgo(1))], NOW, null);
    expect(third.passed).toBe(true);
    expect(third.outcome.facts).toMatchObject({ count: 3, required: 3, signalIds: ["a", "b", "c"] });
    expect(third.evidenceThrough).toBe(daysAgo(1));
  });

  it("does not fire again on the evidence an earlier firing used", () => {
    const views = [
      signal("a", daysAgo(6)),
      signal("b", daysAgo(3)),
      signal("c", daysAgo(1)),
      signal("d", daysAgo(0.5)),
    ];
    expect(evaluateSignalCount(trigger, views, NOW, daysAgo(1)).passed).toBe(false);
  });
});

describe("CONCEPT_THRESHOLD", () => {
  const trigger = {
    kind: "CONCEPT_THRESHOLD" as const,
    concept: "c",
    op: "BELOW" as const,
    value: 0.5,
    scope: "ACCOUNT" as const,
  };

  it("fires when the value crosses, not while it stays below", () => {
    const crossing = [signal("a", daysAgo(3), 0.7), signal("b", daysAgo(1), 0.4)];
    expect(evaluateThreshold(trigger, crossing, NOW, null).passed).toBe(true);
    const staying = [...crossing, signal("c", daysAgo(0.5), 0.3)];
    expect(evaluateThreshold(trigger, staying, NOW, null).passed).toBe(false);
  });
});

describe("CONCEPT_TREND", () => {
  const trigger = {
    kind: "CONCEPT_TREND" as const,
    concept: "automotive:battery-state-of-health",
    direction: "FALLING" as const,
    ratePerDay: 0.05,
    withinDays: 30,
    scope: "REGION" as const,
    minSubjects: 2,
  };
  const fading = (subject: string, perDay: number) =>
    [20, 10, 0].map((d, i) => signal(`${subject}-${i}`, daysAgo(d), 95 - perDay * (20 - d), subject));

  it("fires when enough assets fade faster than the rate", () => {
    const one = evaluateTrend(trigger, [...fading("v1", 0.2), ...fading("v2", 0.01)], NOW, null);
    expect(one.passed).toBe(false);
    expect(one.movedSubjects).toEqual(["v1"]);
    const two = evaluateTrend(trigger, [...fading("v1", 0.2), ...fading("v2", 0.1)], NOW, null);
    expect(two.passed).toBe(true);
    expect(two.movedSubjects).toEqual(["v1", "v2"]);
    expect(two.outcome.facts).toMatchObject({ subjectsMoving: 2, required: 2 });
  });

  it("needs a value newer than the previous firing's evidence", () => {
    const series = [...fading("v1", 0.2), ...fading("v2", 0.1)];
    expect(evaluateTrend(trigger, series, NOW, NOW).passed).toBe(false);
  });
});

describe("HEALTH_GRADE_CHANGE", () => {
  it("matches grades and the direction of the score", () => {
    const change = { seq: 4, at: NOW, fromGrade: "B", toGrade: "C", fromScore: 72, toScore: 61 };
    expect(evaluateGradeChange({ kind: "HEALTH_GRADE_CHANGE", to: ["C", "D"], direction: "DOWN" }, change).passed).toBe(
      true,
    );
    expect(evaluateGradeChange({ kind: "HEALTH_GRADE_CHANGE", direction: "UP" }, change).passed).toBe(false);
    expect(evaluateGradeChange({ kind: "HEALTH_GRADE_CHANGE", from: ["A"] }, change).passed).toBe(false);
  });
});
