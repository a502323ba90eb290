import { HealthScoringError } from "../../../../domain/health/health.errors";
import {
  buildHealthTree,
  ConceptNode,
  HealthConcept,
  HealthTreeInput,
  HealthTreeNode,
  ManualMeasure,
} from "../../../../domain/health/health-tree";
import { AS_OF, leafMapping } from "./health.fixtures";

const concept = (id: string, parts: Array<[string, number]> = [], narrower: string[] = []): HealthConcept => ({
  id,
  parts: parts.map(([c, weight]) => ({ concept: c, weight })),
  narrower,
});

const input = (overrides: Partial<HealthTreeInput>): HealthTreeInput => ({
  root: "core:health",
  concepts: [],
  mappings: [],
  overrides: {},
  manualMeasures: [],
  asOf: AS_OF,
  ...overrides,
});

const manual = (overrides: Partial<ManualMeasure> = {}): ManualMeasure => ({
  concept: "core:relationship",
  value: 0.5,
  author: "csm@example.com",
  comment: "sponsor left",
  expiresAt: null,
  ...overrides,
});

/** The tree as "id(weight)[children]" for compact assertions. */
function shape(node: HealthTreeNode): string {
  const own = `${node.id}(${node.weight})`;
  return node.kind === "CONCEPT" && node.children.length > 0 ? `${own}[${node.children.map(shape).join(" ")}]` : own;
}

function find(root: ConceptNode, id: string): HealthTreeNode | undefined {
  if (root.id === id) return root;
  for (const child of root.children) {
    const found = child.kind === "CONCEPT" ? find(child, id) : child.id === id ? child : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

describe("buildHealthTree", () => {
  describe("structure", () => {
    it("puts parts, narrower concepts, mappings and manual measures under their concept, sorted by id", () => {
      const tree = buildHealthTree(
        input({
          concepts: [
            concept("core:health", [
              ["core:support", 0.2],
              ["core:adoption", 0.8],
            ]),
            concept("core:adoption", [], ["saas:feature-use"]),
          ],
          mappings: [
            leafMapping("m.logins", "core:adoption", 2),
            leafMapping("m.features", "saas:feature-use"),
            leafMapping("m.tickets", "core:support"),
          ],
          manualMeasures: [manual({ concept: "core:support", id: "manual-1" })],
        }),
      );
      expect(shape(tree.root)).toBe(
        "core:health(1)[core:adoption(0.8)[m.logins(2) saas:feature-use(1)[m.features(1)]] " +
          "core:support(0.2)[m.tickets(1) manual-1(1)]]",
      );
      expect(tree.root.weightSource).toBe("ROOT");
      expect(find(tree.root, "saas:feature-use")).toMatchObject({ weightSource: "NARROWER" });
      expect(find(tree.root, "manual-1")).toMatchObject({ kind: "MANUAL", weightSource: "MANUAL" });
    });

    it("replaces default weights with the model's overrides and lists overrides that change nothing", () => {
      const tree = buildHealthTree(
        input({
          concepts: [concept("core:health", [["core:adoption", 0.8]], ["core:engagement"])],
          mappings: [leafMapping("a", "core:adoption"), leafMapping("e", "core:engagement")],
          overrides: { "core:adoption": 0.25, "core:engagement": 3, "core:health": 2, "core:elsewhere": 1 },
        }),
      );
      expect(find(tree.root, "core:adoption")).toMatchObject({ weight: 0.25, weightSource: "OVERRIDE" });
      expect(find(tree.root, "core:engagement")).toMatchObject({ weight: 3, weightSource: "OVERRIDE" });
      expect(tree.root.weight).toBe(1);
      expect(tree.unusedOverrides).toEqual(["core:elsewhere", "core:health"]);
    });

    it("prunes concepts that have no mapping or manual measure anywhere below, but keeps weight-0 leaves", () => {
      const tree = buildHealthTree(
        input({
          concepts: [
            concept("core:health", [
              ["core:adoption", 0.5],
              ["core:support", 0.5],
            ]),
            concept("core:support", [["core:sla", 1]]),
          ],
          mappings: [leafMapping("a", "core:adoption", 0)],
        }),
      );
      expect(shape(tree.root)).toBe("core:health(1)[core:adoption(0.5)[a(0)]]");
      expect(tree.pruned).toEqual(["core:sla", "core:support"]);
    });

    it("keeps the root even when nothing below it has data", () => {
      const tree = buildHealthTree(input({ concepts: [concept("core:health", [["core:adoption", 1]])] }));
      expect(shape(tree.root)).toBe("core:health(1)");
      expect(tree.pruned).toEqual(["core:adoption"]);
    });

    it("ignores manual measures that expired by the evaluation time and lists them", () => {
      const expired = manual({ id: "old", expiresAt: AS_OF });
      const tree = buildHealthTree(
        input({
          concepts: [concept("core:health", [["core:relationship", 1]])],
          manualMeasures: [
            expired,
            manual({ id: "current", expiresAt: AS_OF + 1 }),
            manual({ id: "forever", expiresAt: null }),
          ],
        }),
      );
      expect(shape(tree.root)).toBe("core:health(1)[core:relationship(1)[current(1) forever(1)]]");
      expect(tree.expiredManualMeasures).toEqual([expired]);
    });

    it("derives stable ids for manual measures without one", () => {
      const tree = buildHealthTree(
        input({
          concepts: [concept("core:health", [["core:relationship", 1]])],
          manualMeasures: [manual({ comment: "b" }), manual({ comment: "a" }), manual({ author: "ann", comment: "c" })],
        }),
      );
      expect(shape(tree.root)).toBe(
        "core:health(1)[core:relationship(1)[manual:core:relationship:ann(1) " +
          "manual:core:relationship:csm@example.com(1) manual:core:relationship:csm@example.com#2(1)]]",
      );
    });
  });

  describe("cycles and concepts reached twice", () => {
    it("breaks a cycle back to an ancestor and says so on the concept that lists it", () => {
      const tree = buildHealthTree(
        input({
          concepts: [
            concept("core:health", [["core:adoption", 1]]),
            concept("core:adoption", [["core:health", 1]], ["core:adoption"]),
          ],
          mappings: [leafMapping("a", "core:adoption")],
        }),
      );
      expect(shape(tree.root)).toBe("core:health(1)[core:adoption(1)[a(1)]]");
      expect((find(tree.root, "core:adoption") as ConceptNode).notes).toEqual([
        "core:adoption is listed as a child of core:adoption but is above it in the tree; the edge is left out to break the cycle",
        "core:health is listed as a child of core:adoption but is above it in the tree; the edge is left out to break the cycle",
      ]);
    });

    it("counts a concept reached along two paths once, at its shallowest position, and says where else it is", () => {
      // core:nps is a part of core:satisfaction and also narrower than core:health itself.
      const tree = buildHealthTree(
        input({
          concepts: [
            concept("core:health", [["core:satisfaction", 1]], ["core:nps"]),
            concept("core:satisfaction", [
              ["core:nps", 0.5],
              ["core:csat", 0.5],
            ]),
          ],
          mappings: [leafMapping("nps", "core:nps"), leafMapping("csat", "core:csat")],
        }),
      );
      expect(shape(tree.root)).toBe(
        "core:health(1)[core:nps(1)[nps(1)] core:satisfaction(1)[core:csat(0.5)[csat(1)]]]",
      );
      expect(find(tree.root, "core:nps")).toMatchObject({
        alsoUnder: ["core:satisfaction"],
        notes: ["also a child of core:satisfaction; counted once, here under core:health"],
      });
      expect((find(tree.root, "core:satisfaction") as ConceptNode).notes).toEqual([
        "core:nps is also a child of core:satisfaction but is counted once, under core:health",
      ]);
    });

    it("breaks ties between parents at the same depth by id", () => {
      const tree = buildHealthTree(
        input({
          concepts: [
            concept("core:health", [
              ["core:b", 0.5],
              ["core:a", 0.5],
            ]),
            concept("core:a", [["core:shared", 1]]),
            concept("core:b", [["core:shared", 1]]),
          ],
          mappings: [leafMapping("s", "core:shared"), leafMapping("b", "core:b")],
        }),
      );
      expect(shape(tree.root)).toBe("core:health(1)[core:a(0.5)[core:shared(1)[s(1)]] core:b(0.5)[b(1)]]");
    });
  });

  describe("determinism", () => {
    it("gives the same tree whatever the order of its input", () => {
      const concepts = [
        concept("core:health", [
          ["core:adoption", 0.5],
          ["core:support", 0.3],
          ["core:relationship", 0.2],
        ]),
        concept("core:adoption", [], ["saas:logins", "saas:features"]),
      ];
      const mappings = [
        leafMapping("x", "saas:logins"),
        leafMapping("y", "saas:features"),
        leafMapping("z", "core:support"),
        leafMapping("w", "core:adoption"),
      ];
      const measures = [manual({ comment: "one" }), manual({ comment: "two", author: "bob" })];
      const forward = buildHealthTree(input({ concepts, mappings, manualMeasures: measures }));
      const backward = buildHealthTree(
        input({
          concepts: [...concepts]
            .reverse()
            .map((c) => ({ ...c, parts: [...c.parts].reverse(), narrower: [...c.narrower].reverse() })),
          mappings: [...mappings].reverse(),
          manualMeasures: [...measures].reverse(),
        }),
      );
      expect(backward).toEqual(forward);
    });
  });

  describe("invalid models", () => {
    it("rejects a root that is not a known concept", () => {
      const build = () => buildHealthTree(input({ root: "core:nope" }));
      expect(build).toThrow(HealthScoringError);
      expect(build).toThrow(/the root concept "core:nope" is not among the 0 concepts given/);
    });

    it("rejects negative or non-finite weights", () => {
      const negative = () =>
        buildHealthTree(input({ concepts: [concept("core:health", [["core:a", -1]])], mappings: [] }));
      expect(negative).toThrow(expect.objectContaining({ code: "INVALID_WEIGHT" }));
      const nan = () =>
        buildHealthTree(input({ concepts: [concept("core:health")], overrides: { "core:a": Number.NaN } }));
      expect(nan).toThrow(expect.objectContaining({ code: "INVALID_WEIGHT" }));
      const mapping = () =>
        buildHealthTree(
          input({ concepts: [concept("core:health")], mappings: [leafMapping("m", "core:health", -0.5)] }),
        );
      expect(mapping).toThrow(/weight of mapping m \(test.m\) is -0.5/);
    });

    it("rejects two mappings with one key and a concept given twice", () => {
      const keys = () =>
        buildHealthTree(
          input({
            concepts: [concept("core:health")],
            mappings: [leafMapping("m", "core:health"), leafMapping("m", "core:a")],
          }),
        );
      expect(keys).toThrow(expect.objectContaining({ code: "DUPLICATE_LEAF" }));
      const twice = () => buildHealthTree(input({ concepts: [concept("core:health"), concept("core:health")] }));
      expect(twice).toThrow(expect.objectContaining({ code: "DUPLICATE_CONCEPT" }));
    });
  });
});
