import { assertGradeBands, GradeBand, gradeOf } from "./grade-bands";
import { ConceptNode, HealthTree, HealthTreeNode } from "./health-tree";
import { StoredContribution } from "./stored-explanation";

/**
 * What a stored snapshot keeps of a score: the score, grade and confidence and the concepts of its
 * explanation (see {@link conceptContributions}), without the full explanation tree.
 */
export interface SnapshotScore {
  score: number | null;
  grade: string | null;
  confidence: number;
  contributions: StoredContribution[];
}

/**
 * The value of a mapping leaf for one account as scoring reads it: the bridged value when bridging gave
 * one, else null (no data, rejected, or not a number from 0 to 1 — all "no value" to the tree).
 */
export type LeafNumber = (mappingKey: string) => number | null;

interface Evaluated {
  node: HealthTreeNode;
  value: number | null;
  confidence: number;
  reason: string | null;
  dataWeight: number;
  /** Concepts only. */
  children: Evaluated[] | null;
}

interface Path {
  numerator: number;
  denominator: number;
}

const UNCOUNTED: Path = { numerator: 0, denominator: 1 };

/**
 * `scoreAccount(tree, leafValues, { bands })` followed by `conceptContributions(result.explanation)`,
 * for a recompute that stores snapshots: the same numbers bit for bit (the same arithmetic in the same
 * order: see scoreAccount), but without building the explanation of every leaf (bridge steps, notes,
 * evidence) that a snapshot does not keep. Pinned against scoreAccount by
 * test/unit/health/snapshot-score-perf.test.ts.
 *
 * @throws HealthScoringError INVALID_GRADE_BANDS.
 */
export function snapshotScore(tree: HealthTree, leafNumber: LeafNumber, bands: readonly GradeBand[]): SnapshotScore {
  assertGradeBands(bands);
  const root = evaluate(tree.root, leafNumber, false);
  const rootShare = root.value === null ? 0 : 1;
  const contributions: StoredContribution[] = [];
  const counted: Array<{ stored: StoredContribution; path: Path }> = [];
  const contribution = explain(
    root,
    rootShare,
    { numerator: rootShare, denominator: 1 },
    0,
    null,
    contributions,
    counted,
  );
  const score = root.value === null ? null : contribution;
  if (score !== null) {
    for (const { stored, path } of counted)
      stored.impact = stored.contribution - (path.numerator * score) / path.denominator;
  }
  return { score, grade: gradeOf(score, bands), confidence: root.confidence, contributions };
}

function evaluate(node: HealthTreeNode, leafNumber: LeafNumber, reversed: boolean): Evaluated {
  switch (node.kind) {
    case "MAPPING":
      return leaf(node, leafNumber(node.id), reversed);
    case "MANUAL":
      return leaf(node, isUnitValue(node.measure.value) ? node.measure.value : null, reversed);
    case "CONCEPT":
      return evaluateConcept(node, leafNumber, node.reversed === null ? reversed : !reversed);
    default: {
      const unknown: never = node;
      throw new Error(`unhandled tree node ${JSON.stringify(unknown)}`);
    }
  }
}

function leaf(node: HealthTreeNode, raw: number | null, reversed: boolean): Evaluated {
  const value = raw === null || !isUnitValue(raw) ? null : reversed ? 1 - raw : raw;
  return { node, value, confidence: value === null ? 0 : 1, reason: null, dataWeight: 0, children: null };
}

function evaluateConcept(node: ConceptNode, leafNumber: LeafNumber, reversed: boolean): Evaluated {
  const children = node.children.map((child) => evaluate(child, leafNumber, reversed));
  let allWeight = 0;
  let dataWeight = 0;
  let weightedValue = 0;
  let weightedConfidence = 0;
  let withData = 0;
  for (const child of children) {
    allWeight += child.node.weight;
    if (child.value === null) continue;
    withData += 1;
    dataWeight += child.node.weight;
    weightedValue += child.node.weight * child.value;
    weightedConfidence += child.node.weight * child.confidence;
  }
  const value = dataWeight > 0 ? Math.min(1, weightedValue / dataWeight) : null;
  const reason =
    value !== null
      ? null
      : withData > 0
        ? `its ${withData === 1 ? "only child with data has" : `${withData} children with data all have`} weight 0`
        : children.length === 1
          ? "its only source has no data"
          : `none of its ${children.length} children has data`;
  return {
    node,
    value,
    confidence: allWeight > 0 ? Math.min(1, weightedConfidence / allWeight) : 0,
    reason,
    dataWeight,
    children,
  };
}

/**
 * Stores the concept `evaluated` (and the concepts below it that have data) in `out`, depth first, and
 * returns its contribution; leaves return theirs. Mirrors scoreAccount's `explain` and
 * conceptContributions' `visit`: nodes without data contribute +0, which leaves every sum unchanged.
 */
function explain(
  evaluated: Evaluated,
  normalizedWeight: number,
  path: Path,
  depth: number,
  parent: string | null,
  out: StoredContribution[],
  countedOut: Array<{ stored: StoredContribution; path: Path }>,
): number {
  const { node, value } = evaluated;
  const counted = value !== null && path.numerator > 0;
  if (node.kind !== "CONCEPT") return counted ? (100 * value * path.numerator) / path.denominator : 0;
  const stored: StoredContribution | null =
    value === null && depth > 0
      ? null
      : {
          concept: node.id,
          parent,
          depth,
          value,
          weight: node.weight,
          normalizedWeight,
          effectiveWeight: counted ? path.numerator / path.denominator : 0,
          contribution: 0,
          impact: 0,
          confidence: evaluated.confidence,
          reason: evaluated.reason,
          ...(node.notes.length > 0 ? { notes: [...node.notes] } : {}),
        };
  if (stored !== null) out.push(stored);
  let contribution = 0;
  // A concept without data is not stored, and neither is anything below it; it contributes 0.
  if (stored === null) return contribution;
  for (const child of evaluated.children!) {
    const share = value !== null && child.value !== null ? child.node.weight / evaluated.dataWeight : 0;
    const childPath =
      !counted || !(share > 0)
        ? UNCOUNTED
        : { numerator: path.numerator * child.node.weight, denominator: path.denominator * evaluated.dataWeight };
    if (child.value === null) continue;
    const part = explain(child, share, childPath, depth + 1, node.id, out, countedOut);
    if (counted) contribution += part;
  }
  stored.contribution = contribution;
  if (counted) countedOut.push({ stored, path });
  return contribution;
}

function isUnitValue(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1;
}
