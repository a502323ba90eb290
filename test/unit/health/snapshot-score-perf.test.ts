import { buildHealthTree, HealthConcept, HealthMapping, ManualMeasure } from "../../../domain/health/health-tree";
import { LeafValue, scoreAccount } from "../../../domain/health/score-account";
import { snapshotScore } from "../../../domain/health/snapshot-score";
import { conceptContributions } from "../../../domain/health/stored-explanation";
import { AS_OF, leafMapping } from "../domain/health/health.fixtures";

const BANDS = [
  { grade: "GREEN", min: 70 },
  { grade: "YELLOW", min: 40 },
  { grade: "RED", min: 0 },
];

/** A small deterministic generator (mulberry32), so a failure names the seed that reproduces it. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weights that are awkward in binary (0.1, 0.3 …), zero now and then, so any change of order shows. */
function weight(next: () => number): number {
  const r = next();
  if (r < 0.08) return 0;
  return [0.1, 0.2, 0.3, 0.7, 1, 1.5, 2.25, 3][Math.floor(next() * 8)]!;
}

function randomCase(seed: number) {
  const next = random(seed);
  const count = 3 + Math.floor(next() * 12);
  const ids = Array.from({ length: count }, (_, i) => `c:${String.fromCharCode(97 + ((i * 7) % 26))}${i}`);
  const concepts: HealthConcept[] = ids.map((id, i) => {
    const later = ids.slice(i + 1);
    const parts = later.filter(() => next() < 0.3).map((concept) => ({ concept, weight: weight(next) }));
    // Now and then an edge back up (a cycle the tree breaks) or a narrower concept shared with a part.
    const narrower = ids.filter((other) => other !== id && next() < 0.08);
    return { id, parts, narrower };
  });
  const mappings: HealthMapping[] = [];
  for (const [i, id] of ids.entries()) {
    const leaves = Math.floor(next() * 4);
    for (let j = 0; j < leaves; j += 1) mappings.push(leafMapping(`sys${i}.f${j}`, id, weight(next)));
  }
  const manualMeasures: ManualMeasure[] = ids
    .filter(() => next() < 0.1)
    .map((concept, i) => ({
      id: `m${i}`,
      concept,
      value: next() < 0.15 ? 1.5 : Math.round(next() * 1000) / 1000,
      author: "ann",
      comment: "",
      expiresAt: next() < 0.2 ? AS_OF - 1 : null,
    }));
  const overrides: Record<string, number> = Object.fromEntries(
    ids.filter(() => next() < 0.15).map((id) => [id, weight(next)]),
  );
  const reversed: Record<string, string> = Object.fromEntries(
    ids.filter(() => next() < 0.15).map((id) => [id, `model version 2 reverses ${id}`]),
  );
  const conceptNotes = Object.fromEntries(ids.filter(() => next() < 0.1).map((id) => [id, [`note on ${id}`]]));
  const tree = buildHealthTree({
    root: ids[0]!,
    concepts,
    mappings,
    overrides,
    manualMeasures,
    asOf: AS_OF,
    reversed,
    conceptNotes,
  });
  const leafValues = new Map<string, LeafValue>();
  for (const mapping of mappings) {
    const r = next();
    if (r < 0.35) leafValues.set(mapping.key, { ok: false, reason: "no observations in the 90-day window" });
    else if (r < 0.4) leafValues.set(mapping.key, { ok: true, value: 1.25 });
    else if (r < 0.45) leafValues.set(mapping.key, { ok: true, value: [0, 1][Math.floor(next() * 2)]! });
    else if (r < 0.5) continue;
    else leafValues.set(mapping.key, { ok: true, value: next() });
  }
  return { tree, leafValues };
}

function leafNumberOf(leafValues: ReadonlyMap<string, LeafValue>) {
  return (key: string): number | null => {
    const leaf = leafValues.get(key);
    return leaf !== undefined && leaf.ok ? leaf.value : null;
  };
}

describe("snapshotScore (the recompute's scorer) against scoreAccount + conceptContributions", () => {
  it("gives the same stored snapshot, to the last bit, on 3,000 generated trees and accounts", () => {
    let withScore = 0;
    let withImpact = 0;
    for (let seed = 1; seed <= 3_000; seed += 1) {
      const { tree, leafValues } = randomCase(seed);
      const full = scoreAccount(tree, leafValues, { bands: BANDS });
      const fast = snapshotScore(tree, leafNumberOf(leafValues), BANDS);
      const expected = JSON.stringify(conceptContributions(full.explanation));
      const actual = JSON.stringify(fast.contributions);
      if (actual !== expected || !Object.is(fast.score, full.score) || fast.confidence !== full.confidence) {
        throw new Error(`seed ${seed}: ${actual} !== ${expected} (score ${fast.score} vs ${full.score})`);
      }
      expect(fast.grade).toBe(full.grade);
      if (full.score !== null) withScore += 1;
      if (fast.contributions.some((c) => c.impact !== 0)) withImpact += 1;
    }
    // The generator covers both sides: accounts with and without a score, concepts that move it.
    expect(withScore).toBeGreaterThan(1_000);
    expect(withScore).toBeLessThan(3_000);
    expect(withImpact).toBeGreaterThan(500);
  });

  it("stores the root, and only the concepts with data below it, with the explanation's numbers", () => {
    const concepts: HealthConcept[] = [
      {
        id: "core:health",
        parts: [
          { concept: "core:adoption", weight: 0.75 },
          { concept: "core:support", weight: 0.25 },
        ],
        narrower: [],
      },
    ];
    const mappings = [leafMapping("adoption", "core:adoption"), leafMapping("csat", "core:support")];
    const tree = buildHealthTree({ root: "core:health", concepts, mappings, asOf: AS_OF });
    const fast = snapshotScore(tree, (key) => (key === "adoption" ? 0.5 : null), BANDS);
    expect(fast.score).toBe(50);
    expect(fast.confidence).toBe(0.75);
    expect(fast.grade).toBe("YELLOW");
    expect(fast.contributions.map((c) => [c.concept, c.contribution, c.normalizedWeight])).toEqual([
      ["core:health", 50, 1],
      ["core:adoption", 50, 1],
    ]);
  });
});
