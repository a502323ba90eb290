import { StoredContribution, storedExplanation } from "../../../../domain/health/stored-explanation";

const contribution = (over: Partial<StoredContribution> & Pick<StoredContribution, "concept">): StoredContribution => ({
  parent: null,
  depth: 0,
  value: 0.5,
  weight: 1,
  normalizedWeight: 1,
  effectiveWeight: 1,
  contribution: 50,
  impact: 0,
  confidence: 1,
  reason: null,
  ...over,
});

const SNAPSHOT = [
  contribution({ concept: "core:health" }),
  contribution({ concept: "core:support", parent: "core:health", depth: 1, impact: -4 }),
  contribution({ concept: "core:csat", parent: "core:support", depth: 2, impact: 6 }),
  contribution({ concept: "core:usage", parent: "core:health", depth: 1, impact: 1e-12 }),
];

describe("storedExplanation", () => {
  it("lists the stored concepts with ids as paths from the root", () => {
    const { rows } = storedExplanation(SNAPSHOT);
    expect(rows.map((r) => [r.id, r.parentId])).toEqual([
      ["core:health", null],
      ["core:health/core:support", "core:health"],
      ["core:health/core:support/core:csat", "core:health/core:support"],
      ["core:health/core:usage", "core:health"],
    ]);
    expect(rows.every((r) => r.kind === "CONCEPT" && r.steps.length === 0)).toBe(true);
  });

  it("ranks drivers by the size of their impact and leaves out the root and rounding noise", () => {
    expect(storedExplanation(SNAPSHOT).drivers.map((d) => [d.concept, d.direction])).toEqual([
      ["core:csat", "UP"],
      ["core:support", "DOWN"],
    ]);
  });
});
