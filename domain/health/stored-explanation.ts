import { ExplanationRow } from "./explanation-rows";
import { ExplanationNode, IMPACT_TOLERANCE } from "./score-account";

/**
 * What a stored snapshot keeps of an explanation: each concept's value, contribution and confidence (the
 * full tree with every signal is recomputed on request; storing it for every account would not scale).
 */
export interface StoredContribution {
  concept: string;
  parent: string | null;
  depth: number;
  value: number | null;
  weight: number;
  normalizedWeight: number;
  effectiveWeight: number;
  contribution: number;
  impact: number;
  confidence: number;
  reason: string | null;
  /** The concept's notes; absent when it has none (most concepts), to keep snapshots small. */
  notes?: string[];
}

/** A concept of a stored snapshot that pulls its score up or down. */
export interface StoredDriver {
  concept: string;
  impact: number;
  direction: "UP" | "DOWN";
  value: number | null;
  contribution: number;
}

/** The concepts of an explanation, depth first, as a snapshot stores them. */
export function conceptContributions(root: ExplanationNode): StoredContribution[] {
  const out: StoredContribution[] = [];
  const visit = (node: ExplanationNode, depth: number, parent: string | null) => {
    // Concepts without data contribute nothing; leaving them out keeps a snapshot a few KB.
    if (node.kind !== "CONCEPT" || (node.value === null && depth > 0)) return;
    out.push({
      concept: node.id,
      parent,
      depth,
      value: node.value,
      weight: node.weight,
      normalizedWeight: node.normalizedWeight,
      effectiveWeight: node.effectiveWeight,
      contribution: node.contribution,
      impact: node.impact,
      confidence: node.confidence,
      reason: node.reason,
      ...(node.notes.length > 0 ? { notes: [...node.notes] } : {}),
    });
    node.children.forEach((child) => visit(child, depth + 1, node.id));
  };
  visit(root, 0, null);
  return out;
}

/** A stored snapshot's concepts as explanation rows (ids as paths from the root) and its drivers. */
export function storedExplanation(contributions: readonly StoredContribution[]): {
  rows: ExplanationRow[];
  drivers: StoredDriver[];
} {
  const idOf = new Map<string, string>();
  const rows = contributions.map((c): ExplanationRow => {
    const parentId = c.parent === null ? null : (idOf.get(c.parent) ?? c.parent);
    const id = parentId === null ? c.concept : `${parentId}/${c.concept}`;
    idOf.set(c.concept, id);
    return {
      id,
      parentId,
      depth: c.depth,
      kind: "CONCEPT",
      conceptId: c.concept,
      system: null,
      field: null,
      value: c.value,
      weight: c.weight,
      normalizedWeight: c.normalizedWeight,
      effectiveWeight: c.effectiveWeight,
      contribution: c.contribution,
      impact: c.impact,
      confidence: c.confidence,
      reason: c.reason,
      notes: c.notes ?? [],
      aggregate: null,
      steps: [],
      signals: [],
      author: null,
      comment: null,
    };
  });
  const drivers = contributions
    .filter((c) => c.depth > 0 && c.value !== null && Math.abs(c.impact) > IMPACT_TOLERANCE)
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.concept.localeCompare(b.concept))
    .map((c): StoredDriver => ({
      concept: c.concept,
      impact: c.impact,
      direction: c.impact > 0 ? "UP" : "DOWN",
      value: c.value,
      contribution: c.contribution,
    }));
  return { rows, drivers };
}
