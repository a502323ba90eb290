import { healthChange, ScoreTransition } from "../../../domain/events/health-changes";

const account = { accountId: "acc-1", externalId: "A-1", sourceSystem: "crm" };
const transition = (previous: ScoreTransition["previous"], next: ScoreTransition["next"]): ScoreTransition => ({
  ...account,
  previous,
  next,
});

describe("healthChange", () => {
  it("announces a grade change with the score, then the grade", () => {
    expect(healthChange(transition({ score: 72, grade: "GREEN" }, { score: 65, grade: "YELLOW" }))).toEqual({
      type: "HEALTH_GRADE_CHANGED",
      recordId: "acc-1",
      externalId: "A-1",
      sourceSystem: "crm",
      changes: [
        { field: "score", old: 72, new: 65 },
        { field: "grade", old: "GREEN", new: "YELLOW" },
      ],
    });
  });

  it("announces a first score with old values null, as a grade change when it has a grade", () => {
    const change = healthChange(transition(null, { score: 50, grade: "YELLOW" }));
    expect(change?.type).toBe("HEALTH_GRADE_CHANGED");
    expect(change?.changes).toEqual([
      { field: "score", old: null, new: 50 },
      { field: "grade", old: null, new: "YELLOW" },
    ]);
  });

  it("announces a score move of at least 0.01 without a grade change with the score only", () => {
    const change = healthChange(transition({ score: 0.29, grade: "RED" }, { score: 0.3, grade: "RED" }));
    expect(change).toEqual({
      ...change,
      type: "HEALTH_SCORE_CHANGED",
      changes: [{ field: "score", old: 0.29, new: 0.3 }],
    });
  });

  it("stays silent for a smaller move, or when nothing changed", () => {
    expect(healthChange(transition({ score: 80, grade: "GREEN" }, { score: 80.005, grade: "GREEN" }))).toBeNull();
    expect(healthChange(transition({ score: 80, grade: "GREEN" }, { score: 80, grade: "GREEN" }))).toBeNull();
    expect(healthChange(transition(null, { score: null, grade: null }))).toBeNull();
  });

  it("announces a score that becomes unknown", () => {
    const change = healthChange(transition({ score: 40, grade: "YELLOW" }, { score: null, grade: null }));
    expect(change?.type).toBe("HEALTH_GRADE_CHANGED");
    expect(change?.changes).toEqual([
      { field: "score", old: 40, new: null },
      { field: "grade", old: "YELLOW", new: null },
    ]);
  });
});
