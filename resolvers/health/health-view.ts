import { explanationRows } from "../../domain/health/explanation-rows";
import { drivers } from "../../domain/health/score-account";
import { StoredScore } from "../../graph/health/health.repository";
import { StoredContribution } from "../../services/health/health.service";
import { LiveHealth } from "../../services/health/health.service";
import { HealthModelVersion } from "../../services/health/health-model";
import { AccountHealth, HealthDriver, HealthExplanationNode, HealthModel } from "./health.type";

/** A score computed on request, with its whole explanation down to the signals. */
export function liveHealthView(live: LiveHealth): AccountHealth {
  const nodes: HealthExplanationNode[] = explanationRows(live.result.explanation);
  return {
    score: live.result.score,
    grade: live.result.grade,
    confidence: live.result.confidence,
    modelId: live.model.modelId,
    modelVersion: live.model.version,
    computedAt: new Date(live.computedAt),
    asOf: new Date(live.asOf),
    stored: false,
    explanationNodes: nodes,
    driverList: drivers(live.result.explanation, Number.MAX_SAFE_INTEGER).map((d) => ({
      conceptId: d.concept,
      impact: d.impact,
      direction: d.direction,
      value: d.value,
      contribution: d.contribution,
    })),
  };
}

/**
 * A stored snapshot: concept-level contributions (leaves and signals are recomputed on request). The
 * stored explanation is parsed only when a client asks for the explanation or the drivers: a page of
 * accounts with their latest score and grade does not pay for it.
 */
export function storedHealthView(stored: StoredScore): AccountHealth {
  let explained: { nodes: HealthExplanationNode[]; drivers: HealthDriver[] } | null = null;
  const explain = () => (explained ??= explainStored(stored.explanation));
  return {
    score: stored.score,
    grade: stored.grade,
    confidence: stored.confidence,
    modelId: stored.modelId,
    modelVersion: stored.version,
    computedAt: new Date(stored.computedAt),
    asOf: new Date(stored.asOf),
    stored: true,
    get explanationNodes() {
      return explain().nodes;
    },
    get driverList() {
      return explain().drivers;
    },
  };
}

function explainStored(explanation: string): { nodes: HealthExplanationNode[]; drivers: HealthDriver[] } {
  const contributions = JSON.parse(explanation) as StoredContribution[];
  const idOf = new Map<string, string>();
  const nodes: HealthExplanationNode[] = contributions.map((c) => {
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
      aggregate: null,
      steps: [],
      signals: [],
      author: null,
      comment: null,
    };
  });
  const driverList: HealthDriver[] = contributions
    .filter((c) => c.depth > 0 && c.value !== null && Math.abs(c.impact) > 1e-9)
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.concept.localeCompare(b.concept))
    .map((c) => ({
      conceptId: c.concept,
      impact: c.impact,
      direction: c.impact > 0 ? "UP" : "DOWN",
      value: c.value,
      contribution: c.contribution,
    }));
  return { nodes, drivers: driverList };
}

export function healthModelView(model: HealthModelVersion): HealthModel {
  return {
    id: model.modelId,
    version: model.version,
    active: model.active,
    name: model.name,
    scopeKind: model.scope.kind,
    scopeValue: model.scope.value,
    rootConcept: model.rootConcept,
    weights: model.weights,
    bands: model.bands,
    windowDays: model.windowDays,
    includeContacts: model.includeContacts,
    includeAssets: model.includeAssets,
    source: model.source,
    calibration: model.calibration,
    createdAt: new Date(model.createdAt),
  };
}
