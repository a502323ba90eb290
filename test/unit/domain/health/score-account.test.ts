import { seededRandom } from "../../../../domain/health/calibration/seeded-random";
import { HealthScoringError } from "../../../../domain/health/health.errors";
import { buildHealthTree, HealthConcept, HealthTreeInput, ManualMeasure } from "../../../../domain/health/health-tree";
import {
  drivers,
  ExplanationNode,
  LeafValue,
  scoreAccount,
  SignalEvidence,
} from "../../../../domain/health/score-account";
import { AS_OF, leafMapping } from "./health.fixtures";

const BANDS = [
  { grade: "GREEN", min: 70 },
  { grade: "YELLOW", min: 40 },
  { grade: "RED", min: 0 },
];
const ROOT = "core:health";

const parts = (id: string, ...children: Array<[string, number]>): HealthConcept => ({
  id,
  parts: children.map(([concept, weight]) => ({ concept, weight })),
  narrower: [],
});

const tree = (overrides: Partial<HealthTreeInput>) =>
  buildHealthTree({ root: ROOT, concepts: [], mappings: [], asOf: AS_OF, ...overrides });

const values = (entries: Record<string, number | string | undefined>): Map<string, LeafValue> =>
  new Map(
    Object.entries(entries).flatMap(([key, value]): Array<[string, LeafValue]> => {
      if (value === undefined) return [];
      return [[key, typeof value === "number" ? { ok: true, value } : { ok: false, reason: value }]];
    }),
  );

function node(root: ExplanationNode, id: string): ExplanationNode {
  const stack = [root];
  while (stack.length > 0) {
    const next = stack.pop() as ExplanationNode;
    if (next.id === id) return next;
    stack.push(...next.children);
  }
  throw new Error(`no node ${id}`);
}

function leaves(root: ExplanationNode): ExplanationNode[] {
  return root.kind === "CONCEPT" ? root.children.flatMap(leaves) : [root];
}

/** Root with parts a (0.6) and b (0.4), each measured by one mapping of the same name. */
const twoParts = () =>
  tree({
    concepts: [parts(ROOT, ["core:a", 0.6], ["core:b", 0.4])],
    mappings: [leafMapping("a", "core:a"), leafMapping("b", "core:b")],
  });

describe("scoreAccount", () => {
  describe("missing data", () => {
    it("re-normalises the weights over the concepts that have data", () => {
      const result = scoreAccount(twoParts(), values({ a: 0.5 }), { bands: BANDS });
      expect(result.score).toBe(50);
      expect(node(result.explanation, "core:a")).toMatchObject({ normalizedWeight: 1, contribution: 50 });
      expect(node(result.explanation, "core:b")).toMatchObject({
        value: null,
        normalizedWeight: 0,
        contribution: 0,
        reason: "its only source has no data",
      });
    });

    it("has a confidence equal to the share of the weight that had data", () => {
      expect(scoreAccount(twoParts(), values({ a: 0.5 }), { bands: BANDS }).confidence).toBe(0.6);
      expect(scoreAccount(twoParts(), values({ a: 0.5, b: 1 }), { bands: BANDS })).toMatchObject({
        score: 70,
        confidence: 1,
        grade: "GREEN",
      });
    });

    it("multiplies confidence down the tree", () => {
      // a has two equally weighted mappings, one without data: confidence 0.5; root (0.6·0.5 + 0.4·1) = 0.7.
      const withTwo = tree({
        concepts: [parts(ROOT, ["core:a", 0.6], ["core:b", 0.4])],
        mappings: [leafMapping("a1", "core:a"), leafMapping("a2", "core:a"), leafMapping("b", "core:b")],
      });
      const result = scoreAccount(withTwo, values({ a1: 0.5, b: 1 }), { bands: BANDS });
      expect(node(result.explanation, "core:a").confidence).toBe(0.5);
      expect(result.confidence).toBe(0.7);
    });

    it("has no score, grade or drivers when nothing has data", () => {
      const result = scoreAccount(twoParts(), values({ a: "rejected" }), { bands: BANDS });
      expect(result).toMatchObject({ score: null, grade: null, confidence: 0 });
      expect(result.explanation).toMatchObject({
        value: null,
        contribution: 0,
        reason: "none of its 2 children has data",
      });
      expect(drivers(result.explanation, 3)).toEqual([]);
    });

    it("says why a leaf has no value: no signals, a rejection with its stage, or an invalid value", () => {
      const rejected: LeafValue = { ok: false, reason: "csat: expects a NUMBER", step: "input", steps: [] };
      const result = scoreAccount(
        tree({
          concepts: [parts(ROOT, ["core:a", 1])],
          mappings: [
            leafMapping("x.missing", "core:a"),
            leafMapping("x.rejected", "core:a"),
            leafMapping("x.odd", "core:a"),
          ],
        }),
        new Map<string, LeafValue>([
          ["x.rejected", rejected],
          ["x.odd", { ok: true, value: 1.5 }],
        ]),
        { bands: BANDS },
      );
      expect(node(result.explanation, "x.missing").reason).toBe("no signals of x.missing for this account");
      expect(node(result.explanation, "x.rejected")).toMatchObject({
        reason: "csat: expects a NUMBER",
        mapping: { rejectedAt: "input" },
      });
      expect(node(result.explanation, "x.odd").reason).toBe("the bridged value of x.odd is not a number from 0 to 1");
      expect(node(result.explanation, "core:a").reason).toBe("none of its 3 children has data");
      expect(result.score).toBeNull();
    });
  });

  describe("weights", () => {
    it("shows weight-0 leaves with their value but lets them move nothing", () => {
      const withZero = tree({
        concepts: [parts(ROOT, ["core:a", 1])],
        mappings: [leafMapping("shown", "core:a", 0), leafMapping("counted", "core:a", 1)],
      });
      const result = scoreAccount(withZero, values({ shown: 1, counted: 0.5 }), { bands: BANDS });
      expect(result.score).toBe(50);
      expect(result.confidence).toBe(1);
      expect(node(result.explanation, "shown")).toMatchObject({
        value: 1,
        weight: 0,
        normalizedWeight: 0,
        effectiveWeight: 0,
        contribution: 0,
        confidence: 1,
      });
    });

    it("gives a concept whose only data has weight 0 no value", () => {
      const onlyZero = tree({
        concepts: [parts(ROOT, ["core:a", 0.5], ["core:b", 0.5])],
        mappings: [leafMapping("a", "core:a", 0), leafMapping("b", "core:b")],
      });
      const result = scoreAccount(onlyZero, values({ a: 1, b: 0.25 }), { bands: BANDS });
      expect(node(result.explanation, "core:a")).toMatchObject({
        value: null,
        reason: "its only child with data has weight 0",
      });
      expect(result.score).toBe(25);
      expect(result.confidence).toBe(0.5);
    });

    it("applies a model's overrides", () => {
      const overridden = tree({
        concepts: [parts(ROOT, ["core:a", 0.6], ["core:b", 0.4])],
        mappings: [leafMapping("a", "core:a"), leafMapping("b", "core:b")],
        overrides: { "core:a": 1, "core:b": 3 },
      });
      expect(scoreAccount(overridden, values({ a: 1, b: 0 }), { bands: BANDS }).score).toBe(25);
    });
  });

  describe("manual measures", () => {
    const measure = (expiresAt: number | null): ManualMeasure => ({
      id: "m1",
      concept: "core:b",
      value: 1,
      author: "ann",
      comment: "great QBR",
      expiresAt,
    });

    it("enter the score like a mapped value", () => {
      const withManual = tree({
        concepts: [parts(ROOT, ["core:a", 0.5], ["core:b", 0.5])],
        mappings: [leafMapping("a", "core:a")],
        manualMeasures: [measure(AS_OF + 1)],
      });
      const result = scoreAccount(withManual, values({ a: 0.5 }), { bands: BANDS });
      expect(result.score).toBe(75);
      expect(node(result.explanation, "m1")).toMatchObject({
        kind: "MANUAL",
        contribution: 50,
        manual: { author: "ann" },
      });
    });

    it("are ignored once expired", () => {
      const expired = tree({
        concepts: [parts(ROOT, ["core:a", 0.5], ["core:b", 0.5])],
        mappings: [leafMapping("a", "core:a")],
        manualMeasures: [measure(AS_OF)],
      });
      const result = scoreAccount(expired, values({ a: 0.5 }), { bands: BANDS });
      expect(result.score).toBe(50);
      expect(result.explanation.children.map((c) => c.id)).toEqual(["core:a"]);
    });
  });

  describe("explanation", () => {
    it("passes the signals behind a leaf through untouched", () => {
      const evidence: SignalEvidence[] = [
        { signalId: "s1", recordId: "CASE-1", sourceSystem: "callcenter", value: 4, observedAt: AS_OF - 1 },
      ];
      const result = scoreAccount(twoParts(), new Map([["a", { ok: true, value: 0.5, evidence } as LeafValue]]), {
        bands: BANDS,
      });
      expect(node(result.explanation, "a").mapping?.evidence).toBe(evidence);
    });

    it("adds every concept's children up to its contribution", () => {
      const result = scoreAccount(randomTree(7).tree, randomTree(7).values, { bands: BANDS });
      expect(result.score).not.toBeNull();
      expect(result.confidence).toBeLessThan(1);
      const check = (n: ExplanationNode): void => {
        if (n.kind !== "CONCEPT" || n.value === null) return;
        expect(n.children.reduce((sum, c) => sum + c.contribution, 0)).toBe(n.contribution);
        n.children.forEach(check);
      };
      check(result.explanation);
      expect(result.explanation.contribution).toBe(result.score);
      const leafSum = leaves(result.explanation).reduce((sum, l) => sum + l.contribution, 0);
      expect(leafSum).toBeCloseTo(result.score as number, 10);
      expect(result.score).toBeCloseTo(100 * (result.explanation.value as number), 10);
    });
  });

  describe("determinism", () => {
    it("gives identical output for identical input", () => {
      const { tree: t, values: v } = randomTree(42);
      expect(JSON.stringify(scoreAccount(t, v, { bands: BANDS }))).toBe(
        JSON.stringify(scoreAccount(t, v, { bands: BANDS })),
      );
    });

    it("does not depend on the order of the model's concepts, mappings or leaf values", () => {
      const forward = randomTree(9, false);
      const backward = randomTree(9, true);
      expect(JSON.stringify(scoreAccount(backward.tree, backward.values, { bands: BANDS }))).toBe(
        JSON.stringify(scoreAccount(forward.tree, forward.values, { bands: BANDS })),
      );
    });
  });

  describe("drivers", () => {
    // root: a (0.5) = mean of a1 (0.5, value 1) and a2 (0.5, value 0.75) = 0.875; b (0.5) = 0.
    // score = 100 · (0.5 · 0.875 + 0.5 · 0) = 43.75.
    // impacts: a 43.75 − 0.5 · 43.75 = 21.875; b 0 − 21.875 = −21.875;
    //          a1 25 − 0.25 · 43.75 = 14.0625; a2 18.75 − 10.9375 = 7.8125.
    const deep = () =>
      scoreAccount(
        tree({
          concepts: [
            parts(ROOT, ["core:a", 0.5], ["core:b", 0.5]),
            parts("core:a", ["core:a1", 0.5], ["core:a2", 0.5]),
          ],
          mappings: [leafMapping("x1", "core:a1"), leafMapping("x2", "core:a2"), leafMapping("y", "core:b")],
        }),
        values({ x1: 1, x2: 0.75, y: 0 }),
        { bands: BANDS },
      );

    it("ranks concepts at every depth by how many points they add or remove", () => {
      const result = deep();
      expect(result.score).toBe(43.75);
      expect(drivers(result.explanation, 10).map((d) => [d.concept, d.impact, d.direction])).toEqual([
        ["core:a", 21.875, "UP"],
        ["core:b", -21.875, "DOWN"],
        ["core:a1", 14.0625, "UP"],
        ["core:a2", 7.8125, "UP"],
      ]);
      expect(drivers(result.explanation, 2).map((d) => d.concept)).toEqual(["core:a", "core:b"]);
      expect(drivers(result.explanation, 0)).toEqual([]);
    });

    it("leaves out concepts that score exactly average", () => {
      const result = scoreAccount(twoParts(), values({ a: 0.5, b: 0.5 }), { bands: BANDS });
      expect(drivers(result.explanation, 5)).toEqual([]);
    });

    it("rejects a negative or fractional top", () => {
      expect(() => drivers(deep().explanation, -1)).toThrow(HealthScoringError);
      expect(() => drivers(deep().explanation, 1.5)).toThrow(/top must be a whole number/);
    });
  });

  it("rejects invalid grade bands", () => {
    expect(() => scoreAccount(twoParts(), values({ a: 1 }), { bands: [{ grade: "GREEN", min: 50 }] })).toThrow(
      expect.objectContaining({ code: "INVALID_GRADE_BANDS" }),
    );
  });
});

/**
 * A generated three-level tree with decimal weights, some missing and rejected values; `reversed` feeds
 * the same model in reverse order everywhere.
 */
function randomTree(seed: number, reversed = false) {
  const random = seededRandom(seed);
  const concepts: HealthConcept[] = [];
  const mappings = [];
  const entries: Array<[string, LeafValue]> = [];
  const top = Array.from({ length: 4 }, (_, i) => `core:c${i}`);
  concepts.push(parts(ROOT, ...top.map((id): [string, number] => [id, Math.round(random() * 100) / 100])));
  for (const id of top) {
    const subs = Array.from({ length: 3 }, (_, j) => `${id}-${j}`);
    concepts.push(parts(id, ...subs.map((sub): [string, number] => [sub, Math.round(random() * 10) / 10 + 0.1])));
    for (const sub of subs) {
      for (let k = 0; k < 3; k += 1) {
        const key = `${sub}.field${k}`;
        mappings.push(leafMapping(key, sub, Math.round(random() * 5)));
        const roll = random();
        if (roll < 0.15) continue;
        entries.push([key, roll < 0.25 ? { ok: false, reason: "rejected" } : { ok: true, value: random() }]);
      }
    }
  }
  const order = <T>(items: T[]): T[] => (reversed ? [...items].reverse() : items);
  return {
    tree: tree({
      concepts: order(concepts).map((c) => ({ ...c, parts: order([...c.parts]) })),
      mappings: order(mappings),
    }),
    values: new Map(order(entries)),
  };
}
