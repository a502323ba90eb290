import {
  assertExplanationDepth,
  explanationRows,
  MAX_EXPLANATION_DEPTH,
} from "../../../../domain/health/explanation-rows";
import { HealthScoringError } from "../../../../domain/health/health.errors";
import { buildHealthTree, HealthConcept } from "../../../../domain/health/health-tree";
import { LeafValue, scoreAccount } from "../../../../domain/health/score-account";
import { AS_OF, leafMapping } from "./health.fixtures";

/**
 * Issue 18, decision 0039: an explanation cut at a depth is the top of the whole one (the same rows in the
 * same order), and a depth out of range is refused with the range and the value received.
 */
const BANDS = [
  { grade: "GREEN", min: 70 },
  { grade: "RED", min: 0 },
];
const concepts: HealthConcept[] = [
  {
    id: "core:health",
    parts: [
      { concept: "core:adoption", weight: 0.5 },
      { concept: "core:support", weight: 0.5 },
    ],
    narrower: [],
  },
  {
    id: "core:support",
    parts: [
      { concept: "core:tickets", weight: 0.75 },
      { concept: "core:escalations", weight: 0.25 },
    ],
    narrower: [],
  },
];
const mappings = [
  leafMapping("adoption", "core:adoption"),
  leafMapping("tickets", "core:tickets"),
  leafMapping("escalations", "core:escalations"),
];
const leafValues = new Map<string, LeafValue>([
  ["adoption", { ok: true, value: 0.8, steps: [{ step: "normalize", value: 0.8, note: "0..1" }] }],
  [
    "tickets",
    {
      ok: true,
      value: 0.5,
      steps: [],
      evidence: [{ signalId: "s1", recordId: "r1", sourceSystem: "desk", value: 3, observedAt: AS_OF - 1 }],
    },
  ],
  ["escalations", { ok: false, reason: "no signals" }],
]);
const tree = buildHealthTree({ root: "core:health", concepts, mappings, asOf: AS_OF });
const explanation = scoreAccount(tree, leafValues, { bands: BANDS }).explanation;

describe("an explanation cut at a depth", () => {
  const whole = explanationRows(explanation);

  it("is the whole explanation's rows at most that deep, in the same order, for every depth", () => {
    const deepest = Math.max(...whole.map((row) => row.depth));
    expect(deepest).toBeGreaterThanOrEqual(3);
    for (let depth = 0; depth <= deepest + 1; depth += 1) {
      expect(explanationRows(explanation, depth)).toEqual(whole.filter((row) => row.depth <= depth));
    }
  });

  it("lists the root and its top-level concepts at depth 1, without the leaves below them", () => {
    const top = explanationRows(explanation, 1);
    expect(top.map((row) => [row.id, row.depth])).toEqual([
      ["core:health", 0],
      ["core:health/core:adoption", 1],
      ["core:health/core:support", 1],
    ]);
    expect(top.every((row) => row.signals.length === 0 && row.kind === "CONCEPT")).toBe(true);
  });

  it("is the whole explanation without a depth", () => {
    expect(explanationRows(explanation, null)).toEqual(whole);
    expect(whole.some((row) => row.signals.length === 1)).toBe(true);
  });
});

describe("a client's depth limit", () => {
  it.each([0, 1, MAX_EXPLANATION_DEPTH])("accepts %i", (depth) => {
    expect(assertExplanationDepth(depth)).toBe(depth);
  });

  it("accepts no limit", () => {
    expect(assertExplanationDepth(null)).toBeNull();
  });

  it.each([-1, MAX_EXPLANATION_DEPTH + 1, 1.5, Number.NaN])("refuses %p, naming the range and the value", (depth) => {
    const refuse = () => assertExplanationDepth(depth, "explanation.maxDepth");
    expect(refuse).toThrow(HealthScoringError);
    expect(refuse).toThrow(
      `explanation.maxDepth must be a whole number from 0 (the root alone) to ${MAX_EXPLANATION_DEPTH}, or omitted ` +
        `for every level; received ${String(depth)}.`,
    );
  });
});
