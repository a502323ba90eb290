import { checkDirection, metricHash, validateAnchorDefinition } from "../../../domain/anchors/anchor-definition";
import { AnchorError } from "../../../domain/anchors/anchor.errors";

const valid = {
  name: " First resolution on key accounts ",
  metric: {
    population: "TICKETS" as const,
    measure: "RESOLUTION_HOURS" as const,
    aggregation: "MEDIAN" as const,
    filter: { segments: ["Key Account", "Key Account"], priorities: ["HIGH"] },
  },
  target: 4,
  direction: "DECREASE" as const,
  deadline: "2027-01-31",
};

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AnchorError);
    return (error as AnchorError).problems.map((p) => p.path);
  }
  throw new Error("expected a refusal");
}

describe("validateAnchorDefinition", () => {
  it("normalises a valid definition and fills the defaults", () => {
    const d = validateAnchorDefinition(valid, "ana", "2026-12-02");
    expect(d).toMatchObject({
      name: "First resolution on key accounts",
      owner: "ana",
      historyWeeks: 26,
      baselineWeeks: 4,
      metric: { filter: { segments: ["Key Account"], priorities: ["HIGH"], industries: null } },
    });
    expect(metricHash(d.metric)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reports every problem at once with its path", () => {
    const paths = problemsOf(() =>
      validateAnchorDefinition(
        {
          ...valid,
          name: "",
          metric: {
            population: "ACCOUNTS",
            measure: "RESOLUTION_HOURS",
            aggregation: "RATE",
            filter: { categories: ["x"] },
          },
          target: 7,
          deadline: "2026-02-30",
          historyWeeks: 500,
        },
        "ana",
        "2026-12-02",
      ),
    );
    expect(paths.sort()).toEqual([
      "deadline",
      "historyWeeks",
      "metric.aggregation",
      "metric.filter",
      "metric.measure",
      "name",
      "target",
    ]);
  });

  it("refuses a deadline that has passed and an unknown priority", () => {
    expect(
      problemsOf(() =>
        validateAnchorDefinition(
          { ...valid, deadline: "2026-12-01", metric: { ...valid.metric, filter: { priorities: ["SOON"] } } },
          "ana",
          "2026-12-02",
        ),
      ).sort(),
    ).toEqual(["deadline", "metric.filter.priorities[0]"]);
  });
});

describe("checkDirection", () => {
  it("refuses a target on the wrong side of the baseline, and accepts an unknown baseline", () => {
    expect(() => checkDirection({ target: 100, direction: "DECREASE" }, 72)).toThrow(
      /needs a target below the baseline/,
    );
    expect(() => checkDirection({ target: 0.5, direction: "INCREASE" }, 0.7)).toThrow(/needs a target above/);
    expect(() => checkDirection({ target: 4, direction: "DECREASE" }, 72)).not.toThrow();
    expect(() => checkDirection({ target: 4, direction: "DECREASE" }, null)).not.toThrow();
  });
});
