import { buildHealthTree, HealthConcept } from "../../../../domain/health/health-tree";
import { explanationRows } from "../../../../domain/health/explanation-rows";
import { LeafValue, scoreAccount } from "../../../../domain/health/score-account";
import { conceptContributions, storedExplanation } from "../../../../domain/health/stored-explanation";
import { AS_OF, leafMapping } from "./health.fixtures";

const BANDS = [
  { grade: "GREEN", min: 70 },
  { grade: "RED", min: 0 },
];
const REASON =
  "model version 3 reverses the declared polarity of core:tickets (learned from outcomes: its higher values went with the bad outcome)";

const concepts: HealthConcept[] = [
  {
    id: "core:health",
    parts: [
      { concept: "core:adoption", weight: 0.5 },
      { concept: "core:tickets", weight: 0.5 },
    ],
    narrower: [],
  },
  { id: "core:tickets", parts: [{ concept: "core:escalations", weight: 1 }], narrower: [] },
];
const mappings = [
  leafMapping("adoption", "core:adoption"),
  leafMapping("tickets", "core:tickets"),
  leafMapping("escalations", "core:escalations"),
];
const leafValues = new Map<string, LeafValue>([
  ["adoption", { ok: true, value: 0.8, steps: [] }],
  ["tickets", { ok: true, value: 0.875, steps: [{ step: "polarity", value: 0.875, note: "higher is better" }] }],
  ["escalations", { ok: true, value: 0.25, steps: [] }],
]);

function score(reversed: Record<string, string> | undefined) {
  const tree = buildHealthTree({ root: "core:health", concepts, mappings, asOf: AS_OF, reversed });
  return scoreAccount(tree, leafValues, { bands: BANDS });
}

describe("a concept the model version reads reversed (issue 19)", () => {
  const plain = score(undefined);
  const reversed = score({ "core:tickets": REASON });
  const tickets = reversed.explanation.children.find((c) => c.id === "core:tickets")!;

  it("has 1 − the value its children give, every leaf below it read reversed", () => {
    // Declared: tickets = mean(0.875, 0.25) = 0.5625; reversed leaves 0.125 and 0.75 give 0.4375.
    expect(plain.explanation.children.find((c) => c.id === "core:tickets")!.value).toBe(0.5625);
    expect(tickets.value).toBe(0.4375);
    const leaves = tickets.children.flatMap((c) => (c.kind === "MAPPING" ? [c] : c.children));
    expect(leaves.map((l) => [l.id, l.value])).toEqual([
      ["escalations", 0.75],
      ["tickets", 0.125],
    ]);
    expect(reversed.explanation.children.find((c) => c.id === "core:adoption")!.value).toBe(0.8);
    expect(plain.explanation.children.find((c) => c.id === "core:tickets")!.notes).toEqual([]);
  });

  it("keeps contributions adding up to the score", () => {
    const rows = explanationRows(reversed.explanation);
    const leafSum = rows.filter((r) => r.kind === "MAPPING").reduce((sum, r) => sum + r.contribution, 0);
    expect(leafSum).toBeCloseTo(reversed.score!, 12);
  });

  it("says so in the concept's notes and as one more polarity step of each mapping below it", () => {
    expect(tickets.notes).toEqual([REASON]);
    const leaf = tickets.children.find((c) => c.id === "tickets")!;
    expect(leaf.mapping!.steps.at(-1)).toEqual({
      step: "polarity",
      value: 0.125,
      note: `${REASON}: 1 − 0.875 = 0.125`,
    });
    const row = explanationRows(reversed.explanation).find(
      (r) => r.conceptId === "core:tickets" && r.kind === "CONCEPT",
    );
    expect(row!.notes).toEqual([REASON]);
  });

  it("keeps the note in stored snapshots, and stores no notes for concepts without any", () => {
    const stored = conceptContributions(reversed.explanation);
    expect(stored.find((c) => c.concept === "core:tickets")!.notes).toEqual([REASON]);
    expect(
      Object.hasOwn(
        stored.find((c) => c.concept === "core:adoption")!,
        "notes",
      ),
    ).toBe(false);
    const { rows } = storedExplanation(JSON.parse(JSON.stringify(stored)));
    expect(rows.find((r) => r.conceptId === "core:tickets")!.notes).toEqual([REASON]);
    expect(rows.find((r) => r.conceptId === "core:adoption")!.notes).toEqual([]);
  });

  it("cancels when a reversed concept sits below another", () => {
    const both = score({ "core:tickets": REASON, "core:escalations": "reversed too" });
    const escalations = both.explanation.children
      .find((c) => c.id === "core:tickets")!
      .children.find((c) => c.id === "core:escalations")!;
    expect(escalations.children[0]!.value).toBe(0.25);
  });
});
