import { BridgeStep } from "../../ontology/bridge/bridge-value";
import { formatNumber } from "../../ontology/bridge/format";
import { AggregationKind, RawValue } from "../../ontology/model/mapping.model";
import { AggregateSummary } from "./field-aggregate";
import { assertGradeBands, GradeBand, gradeOf } from "./grade-bands";
import { HealthScoringError } from "./health.errors";
import {
  compareText,
  ConceptNode,
  HealthTree,
  HealthTreeNode,
  ManualLeaf,
  MappingLeaf,
  WeightSource,
} from "./health-tree";

/** One signal behind a leaf value, passed through to the explanation untouched. */
export interface SignalEvidence {
  signalId: string;
  recordId: string | null;
  sourceSystem: string;
  value: RawValue | null;
  observedAt: number;
}

/**
 * The value of a mapping leaf for one account: the bridged value (0..1, higher is better) with its steps,
 * or why there is none. A result of `bridgeAggregate` plus `evidence` is one.
 */
export type LeafValue =
  | {
      ok: true;
      value: number;
      steps?: readonly BridgeStep[];
      aggregate?: AggregateSummary | null;
      evidence?: readonly SignalEvidence[];
    }
  | {
      ok: false;
      reason: string;
      /** The stage that rejected the value ("aggregate", "input", "transform", …). */
      step?: string;
      steps?: readonly BridgeStep[];
      aggregate?: AggregateSummary | null;
      evidence?: readonly SignalEvidence[];
    };

export type ExplanationKind = "CONCEPT" | "MAPPING" | "MANUAL";

/** What a mapping leaf's number is made of. */
export interface MappingExplanation {
  key: string;
  system: string;
  field: string;
  aggregation: AggregationKind;
  window: string;
  aggregate: AggregateSummary | null;
  steps: readonly BridgeStep[];
  /** The stage that rejected the value, when it was rejected. */
  rejectedAt: string | null;
  evidence: readonly SignalEvidence[];
}

/** Who judged a manual leaf, and until when. */
export interface ManualExplanation {
  id: string;
  author: string;
  comment: string;
  expiresAt: number | null;
}

/**
 * One node of a score's explanation. Contributions are in points of the final score: the root's is the
 * score, every concept's is exactly the sum of its children's (added in the order listed), and nodes
 * without data contribute 0.
 */
export interface ExplanationNode {
  kind: ExplanationKind;
  id: string;
  /** What to label the node with: the concept id, "system.field" for a mapping, "manual-measure". */
  labelKey: string;
  /** The concept the node measures (for a concept, itself). */
  concept: string;
  /** 0..1, higher is better; null without data. */
  value: number | null;
  /** Its weight among its siblings: default, override, mapping weight, or 1 (manual, root). */
  weight: number;
  weightSource: WeightSource;
  /** Its share among the siblings that have data; 0 without data. */
  normalizedWeight: number;
  /** Product of normalised weights from the root: its share of the whole score. */
  effectiveWeight: number;
  /** 100 × effectiveWeight × value, in points; for a concept, the sum of its children's. */
  contribution: number;
  /**
   * For concepts: points added compared with an average concept of the same weight, i.e.
   * contribution − effectiveWeight × score. 0 for leaves, the root and nodes without data.
   */
  impact: number;
  /** Share of its weight that had data: 1 for a leaf with data, 0 without. */
  confidence: number;
  /** Why there is no value, when there is none. */
  reason: string | null;
  notes: string[];
  mapping: MappingExplanation | null;
  manual: ManualExplanation | null;
  children: ExplanationNode[];
}

/** An account's health at one time. */
export interface AccountHealthScore {
  /** 0..100, the sum of the root's children's contributions; null when nothing has data. */
  score: number | null;
  grade: string | null;
  /** Share of the model's weight that had data, 0..1. */
  confidence: number;
  explanation: ExplanationNode;
}

export interface ScoreAccountOptions {
  bands: readonly GradeBand[];
}

/** A concept that pulls the score up or down. */
export interface HealthDriver {
  concept: string;
  labelKey: string;
  /** Points added (positive) or removed (negative) compared with an average concept of the same weight. */
  impact: number;
  direction: "UP" | "DOWN";
  value: number;
  contribution: number;
  effectiveWeight: number;
}

/** Impacts smaller than this many points are rounding noise, not drivers. */
export const IMPACT_TOLERANCE = 1e-9;

interface Evaluated {
  node: HealthTreeNode;
  value: number | null;
  confidence: number;
  reason: string | null;
  /** Σ weights of the children with data (concepts only). */
  dataWeight: number;
  children: Evaluated[];
  mapping: MappingExplanation | null;
  manual: ManualExplanation | null;
}

/**
 * Scores one account on a health tree. Bottom up, a concept's value is the weighted mean of its children
 * that have data, weights re-normalised over those children (the missing-data policy); its confidence is
 * Σ(weight × confidence of children with data) / Σ(all children's weights). Leaves with data have
 * confidence 1.
 *
 * The score is computed as the sum of the contributions rather than as 100 × the root's value, so that
 * summing the explanation gives the score exactly. A leaf's contribution is
 * (100 × value × Π weights on its path) / Π(sums of weights with data on its path): dividing last keeps
 * decimal weights exact where the mathematics is (0.3 / 0.8 × 25 is not 9.375 in binary; 25 × 0.3 / 0.8 is).
 * Children are in id order, so the same tree and values always give the same numbers, bit for bit.
 *
 * A concept the model version reads reversed (`ConceptNode.reversed`) has the value 1 − the value its
 * children give: every leaf below it is read as 1 − its value (a mapping leaf shows this as one more
 * polarity step), so contributions still add up exactly. Two reversals on one path cancel.
 *
 * @throws HealthScoringError INVALID_GRADE_BANDS.
 */
export function scoreAccount(
  tree: HealthTree,
  leafValues: ReadonlyMap<string, LeafValue>,
  options: ScoreAccountOptions,
): AccountHealthScore {
  assertGradeBands(options.bands);
  const evaluated = evaluate(tree.root, leafValues, null);
  const rootShare = evaluated.value === null ? 0 : 1;
  const paths = new Map<ExplanationNode, PathWeight>();
  const explanation = explain(evaluated, rootShare, { numerator: rootShare, denominator: 1 }, paths);
  const score = evaluated.value === null ? null : explanation.contribution;
  if (score !== null) {
    for (const [node, path] of paths) {
      if (node.kind === "CONCEPT") node.impact = node.contribution - (path.numerator * score) / path.denominator;
    }
  }
  return { score, grade: gradeOf(score, options.bands), confidence: evaluated.confidence, explanation };
}

/**
 * The concepts (at any depth; not leaves and not the root) that move the score most, by |impact|, ties
 * by id. A concept's impact is its contribution minus what an average concept of the same effective
 * weight would contribute (effectiveWeight × score): positive pulls the score up, negative down. Concepts
 * without data or whose impact is rounding noise are not drivers.
 *
 * @throws HealthScoringError INVALID_ARGUMENT when `top` is not a whole number ≥ 0.
 */
export function drivers(explanation: ExplanationNode, top: number): HealthDriver[] {
  if (!Number.isInteger(top) || top < 0) {
    throw new HealthScoringError("INVALID_ARGUMENT", `top must be a whole number ≥ 0; received ${String(top)}`);
  }
  const found: HealthDriver[] = [];
  const visit = (node: ExplanationNode, isRoot: boolean): void => {
    if (node.kind !== "CONCEPT") return;
    if (!isRoot && node.value !== null && Math.abs(node.impact) > IMPACT_TOLERANCE) {
      found.push({
        concept: node.id,
        labelKey: node.labelKey,
        impact: node.impact,
        direction: node.impact > 0 ? "UP" : "DOWN",
        value: node.value,
        contribution: node.contribution,
        effectiveWeight: node.effectiveWeight,
      });
    }
    node.children.forEach((child) => visit(child, false));
  };
  visit(explanation, true);
  found.sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || compareText(a.concept, b.concept));
  return found.slice(0, top);
}

/**
 * Evaluates a node; `reversedBy` is the concept whose reversal applies to it (an odd number of reversed
 * concepts on its path), or null.
 */
function evaluate(
  node: HealthTreeNode,
  leafValues: ReadonlyMap<string, LeafValue>,
  reversedBy: ConceptNode | null,
): Evaluated {
  switch (node.kind) {
    case "MAPPING":
      return reverseLeaf(evaluateMapping(node, leafValues.get(node.id)), reversedBy);
    case "MANUAL":
      return reverseLeaf(evaluateManual(node), reversedBy);
    case "CONCEPT":
      return evaluateConcept(node, leafValues, node.reversed === null ? reversedBy : reversedBy === null ? node : null);
    default: {
      const unknown: never = node;
      throw new Error(`unhandled tree node ${JSON.stringify(unknown)}`);
    }
  }
}

function evaluateConcept(
  node: ConceptNode,
  leafValues: ReadonlyMap<string, LeafValue>,
  reversedBy: ConceptNode | null,
): Evaluated {
  const children = node.children.map((child) => evaluate(child, leafValues, reversedBy));
  let allWeight = 0;
  let dataWeight = 0;
  let weightedValue = 0;
  let weightedConfidence = 0;
  for (const child of children) {
    allWeight += child.node.weight;
    if (child.value === null) continue;
    dataWeight += child.node.weight;
    weightedValue += child.node.weight * child.value;
    weightedConfidence += child.node.weight * child.confidence;
  }
  const withData = children.filter((child) => child.value !== null).length;
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
    mapping: null,
    manual: null,
  };
}

function evaluateMapping(node: MappingLeaf, leaf: LeafValue | undefined): Evaluated {
  const { mapping } = node;
  const field = `${mapping.system}.${mapping.field}`;
  const explanation: MappingExplanation = {
    key: node.id,
    system: mapping.system,
    field: mapping.field,
    aggregation: mapping.aggregation.kind,
    window: mapping.aggregation.window,
    aggregate: leaf?.aggregate ?? null,
    steps: leaf?.steps ?? [],
    rejectedAt: leaf !== undefined && !leaf.ok ? (leaf.step ?? null) : null,
    evidence: leaf?.evidence ?? [],
  };
  const base = { node, dataWeight: 0, children: [], mapping: explanation, manual: null };
  if (leaf === undefined)
    return { ...base, value: null, confidence: 0, reason: `no signals of ${field} for this account` };
  if (!leaf.ok) return { ...base, value: null, confidence: 0, reason: leaf.reason };
  if (!isUnitValue(leaf.value)) {
    return { ...base, value: null, confidence: 0, reason: `the bridged value of ${field} is not a number from 0 to 1` };
  }
  return { ...base, value: leaf.value, confidence: 1, reason: null };
}

/** A leaf read reversed: 1 − its value, with the step that says so on a mapping. */
function reverseLeaf(evaluated: Evaluated, reversedBy: ConceptNode | null): Evaluated {
  if (reversedBy === null || evaluated.value === null) return evaluated;
  const value = 1 - evaluated.value;
  const note = `${reversedBy.reversed}: 1 − ${formatNumber(evaluated.value)} = ${formatNumber(value)}`;
  const mapping =
    evaluated.mapping === null
      ? null
      : { ...evaluated.mapping, steps: [...evaluated.mapping.steps, { step: "polarity" as const, value, note }] };
  return { ...evaluated, value, mapping };
}

function evaluateManual(node: ManualLeaf): Evaluated {
  const { measure } = node;
  const manual: ManualExplanation = {
    id: node.id,
    author: measure.author,
    comment: measure.comment,
    expiresAt: measure.expiresAt,
  };
  const base = { node, dataWeight: 0, children: [], mapping: null, manual };
  if (!isUnitValue(measure.value)) {
    const reason = `the manual measure by ${measure.author} is ${formatNumber(measure.value)}, not a number from 0 to 1`;
    return { ...base, value: null, confidence: 0, reason };
  }
  return { ...base, value: measure.value, confidence: 1, reason: null };
}

/** A node's effective weight as numerator / denominator: Π weights on its path / Π sums of weights with data. */
interface PathWeight {
  numerator: number;
  denominator: number;
}

const UNCOUNTED: PathWeight = { numerator: 0, denominator: 1 };

/** The explanation of a node, recording the path weight of every node with data in `paths`. */
function explain(
  evaluated: Evaluated,
  normalizedWeight: number,
  path: PathWeight,
  paths: Map<ExplanationNode, PathWeight>,
): ExplanationNode {
  const { node, value } = evaluated;
  const counted = value !== null && path.numerator > 0;
  const children = evaluated.children.map((child) => {
    // A child's share among its siblings with data is shown even when the concept itself counts for
    // nothing (weight 0); only its path weight, and so its contribution, is then 0.
    const share = value !== null && child.value !== null ? child.node.weight / evaluated.dataWeight : 0;
    if (!counted || !(share > 0)) return explain(child, share, UNCOUNTED, paths);
    const childPath = {
      numerator: path.numerator * child.node.weight,
      denominator: path.denominator * evaluated.dataWeight,
    };
    return explain(child, share, childPath, paths);
  });
  let contribution = 0;
  if (counted && node.kind === "CONCEPT") {
    for (const child of children) contribution += child.contribution;
  } else if (counted) {
    contribution = (100 * value * path.numerator) / path.denominator;
  }
  const explained: ExplanationNode = {
    kind: node.kind,
    id: node.id,
    labelKey: labelKey(node),
    concept: node.kind === "CONCEPT" ? node.id : node.concept,
    value,
    weight: node.weight,
    weightSource: node.weightSource,
    normalizedWeight,
    effectiveWeight: counted ? path.numerator / path.denominator : 0,
    contribution,
    impact: 0,
    confidence: evaluated.confidence,
    reason: evaluated.reason,
    notes: node.kind === "CONCEPT" ? [...node.notes] : [],
    mapping: evaluated.mapping,
    manual: evaluated.manual,
    children,
  };
  if (counted) paths.set(explained, path);
  return explained;
}

function labelKey(node: HealthTreeNode): string {
  switch (node.kind) {
    case "CONCEPT":
      return node.id;
    case "MAPPING":
      return `${node.mapping.system}.${node.mapping.field}`;
    case "MANUAL":
      return "manual-measure";
    default: {
      const unknown: never = node;
      throw new Error(`unhandled tree node ${JSON.stringify(unknown)}`);
    }
  }
}

function isUnitValue(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1;
}
