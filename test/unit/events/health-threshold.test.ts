import { HealthMove, healthMoveOf, HealthThresholdTracker } from "../../../domain/events/health-threshold";

// Issue 10: accountHealthChanged reports grade changes and score moves beyond the subscriber's threshold.

function score(oldScore: number, newScore: number): HealthMove {
  return { gradeChanged: false, oldScore, newScore, oldGrade: null, newGrade: null };
}

function grade(oldScore: number, newScore: number, oldGrade: string, newGrade: string): HealthMove {
  return { gradeChanged: true, oldScore, newScore, oldGrade, newGrade };
}

describe("HealthThresholdTracker", () => {
  it("reports a first move beyond the threshold, measured from the score before it", () => {
    const tracker = new HealthThresholdTracker(5);
    expect(tracker.observe(score(80, 72))).toMatchObject({ reason: "SCORE_MOVED", scoreDelta: -8 });
  });

  it("does not report moves below the threshold", () => {
    const tracker = new HealthThresholdTracker(5);
    expect(tracker.observe(score(80, 81))).toBeNull();
    expect(tracker.observe(score(81, 79))).toBeNull();
  });

  it("reports drift that adds up, then measures from the score it reported", () => {
    const tracker = new HealthThresholdTracker(5);
    expect(tracker.observe(score(80, 82))).toBeNull();
    expect(tracker.observe(score(82, 84))).toBeNull();
    expect(tracker.observe(score(84, 86))).toMatchObject({ reason: "SCORE_MOVED", scoreDelta: 6, newScore: 86 });
    expect(tracker.observe(score(86, 89))).toBeNull();
    expect(tracker.observe(score(89, 80))).toMatchObject({ reason: "SCORE_MOVED", scoreDelta: -6 });
  });

  it("reports a move of exactly the threshold, decimals included", () => {
    const tracker = new HealthThresholdTracker(0.3);
    expect(tracker.observe(score(50, 50.1))).toBeNull();
    expect(tracker.observe(score(50.1, 50.3))).toMatchObject({ reason: "SCORE_MOVED" });
  });

  it("reports every grade change, whatever the score did, and takes its score as the new baseline", () => {
    const tracker = new HealthThresholdTracker(10);
    expect(tracker.observe(grade(61, 59, "GREEN", "AMBER"))).toMatchObject({
      reason: "GRADE_CHANGED",
      oldGrade: "GREEN",
      newGrade: "AMBER",
      scoreDelta: -2,
    });
    expect(tracker.observe(score(59, 66))).toBeNull();
    expect(tracker.observe(score(66, 69))).toMatchObject({ reason: "SCORE_MOVED", scoreDelta: 10 });
  });

  it("reports only grade changes without a threshold", () => {
    const tracker = new HealthThresholdTracker(null);
    expect(tracker.observe(score(80, 20))).toBeNull();
    expect(tracker.observe(grade(20, 19, "AMBER", "RED"))).toMatchObject({ reason: "GRADE_CHANGED" });
  });

  it("reports one grade change told twice by one recompute once", () => {
    const tracker = new HealthThresholdTracker(null);
    expect(tracker.observe(grade(61, 59, "GREEN", "AMBER"))).not.toBeNull();
    expect(tracker.observe(grade(61, 59, "GREEN", "AMBER"))).toBeNull();
  });

  it("refuses a threshold that is not above 0", () => {
    expect(() => new HealthThresholdTracker(0)).toThrow(RangeError);
    expect(() => new HealthThresholdTracker(-1)).toThrow(RangeError);
    expect(() => new HealthThresholdTracker(Number.NaN)).toThrow(RangeError);
  });
});

describe("healthMoveOf", () => {
  it("reads the score and the grade of a health event", () => {
    expect(
      healthMoveOf({
        type: "HEALTH_SCORE_CHANGED",
        changes: [
          { field: "score", old: 70, new: 55 },
          { field: "grade", old: "GREEN", new: "AMBER" },
        ],
      }),
    ).toEqual({ gradeChanged: true, oldScore: 70, newScore: 55, oldGrade: "GREEN", newGrade: "AMBER" });
    expect(healthMoveOf({ type: "HEALTH_SCORE_CHANGED", changes: [{ field: "score", old: 70, new: 71 }] })).toEqual({
      gradeChanged: false,
      oldScore: 70,
      newScore: 71,
      oldGrade: null,
      newGrade: null,
    });
  });

  it("ignores events that are not about health", () => {
    expect(healthMoveOf({ type: "ACCOUNT_UPDATED", changes: [{ field: "score", old: 1, new: 2 }] })).toBeNull();
  });
});
