import { buildHealthTree } from "../../../../domain/health/health-tree";
import { drivers, ExplanationNode, LeafValue, scoreAccount } from "../../../../domain/health/score-account";
import { AS_OF, leafMapping } from "./health.fixtures";

/*
 * A hand-computed health score, checked to the last decimal.
 *
 *   core:customer-health (root)
 *   ├── core:adoption       part weight 0.5
 *   │   ├── saas.active_users     mapping weight 3, value 0.5
 *   │   └── saas.feature_breadth  mapping weight 1, value 1
 *   ├── core:relationship   part weight 0.3
 *   │   └── manual-7              manual measure, weight 1, value 0.25
 *   └── core:support        part weight 0.2
 *       └── helpdesk.backlog      mapping weight 1, rejected: no observations
 *
 * Values, bottom up (weighted means over children with data):
 *   adoption     = (3·0.5 + 1·1) / (3 + 1) = 2.5 / 4 = 0.625
 *   relationship = 0.25
 *   support      = no data
 *   root         = (0.5·0.625 + 0.3·0.25) / (0.5 + 0.3) = 0.3875 / 0.8 = 0.484375
 *
 * Normalised weights (share among siblings with data):
 *   adoption 0.5/0.8 = 5/8 = 0.625; relationship 0.3/0.8 = 3/8, which in binary is 0.37499999999999994
 *   (0.3 is stored as 0.29999999999999998890); support 0.
 *   active_users 3/4 = 0.75, feature_breadth 1/4 = 0.25, manual-7 1, backlog 0.
 *
 * Contributions, in points: 100 · value · (Π weights on the path) / (Π sums of weights with data):
 *   active_users    = 100 · 0.5 · (0.5·3) / (0.8·4) = 75 / 3.2 = 23.4375
 *   feature_breadth = 100 · 1   · (0.5·1) / (0.8·4) = 50 / 3.2 = 15.625
 *   adoption        = 23.4375 + 15.625             = 39.0625
 *   manual-7        = 100 · 0.25 · (0.3·1) / (0.8·1) = 7.5 / 0.8 = 9.375
 *   relationship    = 9.375
 *   support         = 0
 *   score           = 39.0625 + 9.375 = 48.4375  (= 100 · 0.484375)
 *
 * Confidence: Σ(weight · confidence of children with data) / Σ(all weights)
 *   adoption (3·1 + 1·1) / 4 = 1; relationship 1; support 0; root (0.5·1 + 0.3·1) / 1 = 0.8.
 *
 * Grade with GREEN ≥ 70, YELLOW ≥ 40, RED ≥ 0: YELLOW.
 *
 * Drivers: impact = contribution − effective weight · score
 *   adoption     39.0625 − (0.5 · 48.4375) / 0.8 = 39.0625 − 30.2734375 = +8.7890625 (UP)
 *   relationship 9.375   − (0.3 · 48.4375) / 0.8 = 9.375   − 18.1640625 = −8.7890625 (DOWN)
 *   Equal magnitudes (two siblings always balance), so id order breaks the tie.
 */

const ROOT = "core:customer-health";
const BANDS = [
  { grade: "GREEN", min: 70 },
  { grade: "YELLOW", min: 40 },
  { grade: "RED", min: 0 },
];

function goldenTree() {
  return buildHealthTree({
    root: ROOT,
    concepts: [
      {
        id: ROOT,
        parts: [
          { concept: "core:adoption", weight: 0.5 },
          { concept: "core:relationship", weight: 0.3 },
          { concept: "core:support", weight: 0.2 },
        ],
        narrower: [],
      },
    ],
    mappings: [
      leafMapping("saas.active_users", "core:adoption", 3),
      leafMapping("saas.feature_breadth", "core:adoption", 1),
      leafMapping("helpdesk.backlog", "core:support", 1),
    ],
    overrides: {},
    manualMeasures: [
      {
        id: "manual-7",
        concept: "core:relationship",
        value: 0.25,
        author: "csm@example.com",
        comment: "Sponsor left in October",
        expiresAt: AS_OF + 30 * 86_400_000,
      },
    ],
    asOf: AS_OF,
  });
}

const LEAF_VALUES = new Map<string, LeafValue>([
  ["saas.active_users", { ok: true, value: 0.5, steps: [] }],
  ["saas.feature_breadth", { ok: true, value: 1, steps: [] }],
  ["helpdesk.backlog", { ok: false, reason: "no observations in the 90-day window", step: "aggregate" }],
]);

function node(root: ExplanationNode, id: string): ExplanationNode {
  const stack = [root];
  while (stack.length > 0) {
    const next = stack.pop() as ExplanationNode;
    if (next.id === id) return next;
    stack.push(...next.children);
  }
  throw new Error(`no node ${id}`);
}

describe("golden health score (hand-computed)", () => {
  const result = scoreAccount(goldenTree(), LEAF_VALUES, { bands: BANDS });
  const root = result.explanation;

  it("scores 48.4375 with confidence 0.8, grade YELLOW", () => {
    expect(result.score).toBe(48.4375);
    expect(result.confidence).toBe(0.8);
    expect(result.grade).toBe("YELLOW");
    expect(root.value).toBe(0.484375);
    expect(root.contribution).toBe(48.4375);
  });

  it("lists the root's children by id with their values, weights and contributions", () => {
    expect(
      root.children.map((c) => [
        c.id,
        c.value,
        c.weight,
        c.normalizedWeight,
        c.effectiveWeight,
        c.contribution,
        c.confidence,
      ]),
    ).toEqual([
      ["core:adoption", 0.625, 0.5, 0.625, 0.625, 39.0625, 1],
      ["core:relationship", 0.25, 0.3, 0.37499999999999994, 0.37499999999999994, 9.375, 1],
      ["core:support", null, 0.2, 0, 0, 0, 0],
    ]);
    expect(node(root, "core:support").reason).toBe("its only source has no data");
  });

  it("explains every leaf to the last decimal", () => {
    const leaf = (id: string) => {
      const n = node(root, id);
      return [
        n.kind,
        n.labelKey,
        n.value,
        n.weight,
        n.normalizedWeight,
        n.effectiveWeight,
        n.contribution,
        n.confidence,
        n.reason,
      ];
    };
    expect(leaf("saas.active_users")).toEqual([
      "MAPPING",
      "saas.active_users",
      0.5,
      3,
      0.75,
      0.46875,
      23.4375,
      1,
      null,
    ]);
    expect(leaf("saas.feature_breadth")).toEqual([
      "MAPPING",
      "saas.feature_breadth",
      1,
      1,
      0.25,
      0.15625,
      15.625,
      1,
      null,
    ]);
    expect(leaf("manual-7")).toEqual(["MANUAL", "manual-measure", 0.25, 1, 1, 0.37499999999999994, 9.375, 1, null]);
    expect(leaf("helpdesk.backlog")).toEqual([
      "MAPPING",
      "helpdesk.backlog",
      null,
      1,
      0,
      0,
      0,
      0,
      "no observations in the 90-day window",
    ]);
    expect(node(root, "helpdesk.backlog").mapping).toMatchObject({ rejectedAt: "aggregate" });
    expect(node(root, "manual-7").manual).toEqual({
      id: "manual-7",
      author: "csm@example.com",
      comment: "Sponsor left in October",
      expiresAt: AS_OF + 30 * 86_400_000,
    });
  });

  it("sums exactly: the root's children and all leaves with data each add up to the score", () => {
    const rootChildren = root.children.reduce((sum, c) => sum + c.contribution, 0);
    expect(rootChildren).toBe(result.score);
    expect(23.4375 + 15.625 + 9.375).toBe(result.score);
  });

  it("names adoption as pulling the score up and relationship as pulling it down, by 8.7890625 points each", () => {
    expect(drivers(root, 5)).toEqual([
      {
        concept: "core:adoption",
        labelKey: "core:adoption",
        impact: 8.7890625,
        direction: "UP",
        value: 0.625,
        contribution: 39.0625,
        effectiveWeight: 0.625,
      },
      {
        concept: "core:relationship",
        labelKey: "core:relationship",
        impact: -8.7890625,
        direction: "DOWN",
        value: 0.25,
        contribution: 9.375,
        effectiveWeight: 0.37499999999999994,
      },
    ]);
    expect(drivers(root, 1).map((d) => d.concept)).toEqual(["core:adoption"]);
  });

  it("gives the same numbers, bit for bit, every time", () => {
    expect(JSON.stringify(scoreAccount(goldenTree(), LEAF_VALUES, { bands: BANDS }))).toBe(JSON.stringify(result));
  });
});
