import { HealthScoringError } from "./health.errors";
import { ExplanationNode } from "./score-account";

/**
 * The deepest `maxDepth` a client may ask an explanation to stop at (issue 18, decision 0039). Omitting
 * the limit lists every level; a limit deeper than a model's tree lists every level too.
 */
export const MAX_EXPLANATION_DEPTH = 32;

/** One node of an explanation as the API lists it: flat, depth first, with its path from the root as id. */
export interface ExplanationRow {
  id: string;
  parentId: string | null;
  depth: number;
  kind: string;
  conceptId: string;
  system: string | null;
  field: string | null;
  value: number | null;
  weight: number;
  normalizedWeight: number;
  effectiveWeight: number;
  contribution: number;
  impact: number;
  confidence: number;
  reason: string | null;
  /** Why a concept differs from the ontology here (reversed polarity, learned levels, cycles …). */
  notes: string[];
  aggregate: string | null;
  steps: Array<{ step: string; value: string; note: string }>;
  signals: Array<{
    signalId: string;
    recordId: string | null;
    sourceSystem: string;
    value: string | null;
    observedAt: Date;
  }>;
  author: string | null;
  comment: string | null;
}

/**
 * Checks a client's depth limit: null (every level) or a whole number from 0 (the root alone) to
 * {@link MAX_EXPLANATION_DEPTH}.
 *
 * @throws HealthScoringError INVALID_ARGUMENT naming the argument, the range and the value received.
 */
export function assertExplanationDepth(maxDepth: number | null, argument = "maxDepth"): number | null {
  if (maxDepth === null) return null;
  if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > MAX_EXPLANATION_DEPTH) {
    throw new HealthScoringError(
      "INVALID_ARGUMENT",
      `${argument} must be a whole number from 0 (the root alone) to ${MAX_EXPLANATION_DEPTH}, or omitted for ` +
        `every level; received ${String(maxDepth)}.`,
    );
  }
  return maxDepth;
}

/**
 * The explanation tree below `root` as rows, depth first, children in the tree's order; with `maxDepth`,
 * only the nodes at most that deep (0 is the root), and nothing below them is visited or converted: the
 * rows are exactly the first rows of the full list whose depth is at most `maxDepth`, in the same order.
 */
export function explanationRows(root: ExplanationNode, maxDepth: number | null = null): ExplanationRow[] {
  const out: ExplanationRow[] = [];
  const deepest = maxDepth ?? Number.POSITIVE_INFINITY;
  const visit = (node: ExplanationNode, parentId: string | null, depth: number): void => {
    const id = parentId === null ? node.id : `${parentId}/${node.id}`;
    out.push({
      id,
      parentId,
      depth,
      kind: node.kind,
      conceptId: node.concept,
      system: node.mapping?.system ?? null,
      field: node.mapping?.field ?? null,
      value: node.value,
      weight: node.weight,
      normalizedWeight: node.normalizedWeight,
      effectiveWeight: node.effectiveWeight,
      contribution: node.contribution,
      impact: node.impact,
      confidence: node.confidence,
      reason: node.reason,
      notes: [...node.notes],
      aggregate: node.mapping?.aggregate?.note ?? null,
      steps: (node.mapping?.steps ?? []).map((s) => ({ step: s.step, value: String(s.value), note: s.note })),
      signals: (node.mapping?.evidence ?? []).map((e) => ({
        signalId: e.signalId,
        recordId: e.recordId,
        sourceSystem: e.sourceSystem,
        value: e.value === null || e.value === undefined ? null : String(e.value),
        observedAt: new Date(e.observedAt),
      })),
      author: node.manual?.author ?? null,
      comment: node.manual?.comment ?? null,
    });
    if (depth < deepest) node.children.forEach((child) => visit(child, id, depth + 1));
  };
  visit(root, null, 0);
  return out;
}
