import { isLowConfidence } from "../../domain/health/confidence";
import { explanationRows } from "../../domain/health/explanation-rows";
import { drivers } from "../../domain/health/score-account";
import { StoredScore } from "../../graph/health/health.repository";
import { StoredContribution, storedExplanation } from "../../domain/health/stored-explanation";
import { LiveHealth } from "../../services/health/health.service";
import { HealthModelVersion } from "../../services/health/health-model";
import { AccountHealth, HealthDriver, HealthExplanationNode, HealthSnapshot } from "./account-health.type";
import { HealthModel } from "./health-model.type";

/** A stored score as history and at-risk lists show it. */
export function snapshotView(score: StoredScore): HealthSnapshot {
  return {
    score: score.score,
    grade: score.grade,
    confidence: score.confidence,
    lowConfidence: isLowConfidence(score.confidence),
    modelVersion: score.version,
    computedAt: new Date(score.computedAt),
  };
}

/**
 * A score computed on request. Its explanation rows and drivers are built when a client selects them,
 * and the rows only down to the depth asked (issue 18, decision 0039): an answer that asks for the score,
 * grade and top-level contributions converts none of the mapping leaves, steps or signals below them.
 */
export function liveHealthView(live: LiveHealth): AccountHealth {
  const root = live.result.explanation;
  let everyRow: HealthExplanationNode[] | null = null;
  let driverList: HealthDriver[] | null = null;
  return {
    score: live.result.score,
    grade: live.result.grade,
    confidence: live.result.confidence,
    lowConfidence: isLowConfidence(live.result.confidence),
    modelId: live.model.modelId,
    modelVersion: live.model.version,
    computedAt: new Date(live.computedAt),
    asOf: new Date(live.asOf),
    stored: false,
    explanationTo: (maxDepth) =>
      maxDepth === null ? (everyRow ??= explanationRows(root)) : explanationRows(root, maxDepth),
    get driverList() {
      return (driverList ??= drivers(root, Number.MAX_SAFE_INTEGER).map(driverView));
    },
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
    lowConfidence: isLowConfidence(stored.confidence),
    modelId: stored.modelId,
    modelVersion: stored.version,
    computedAt: new Date(stored.computedAt),
    asOf: new Date(stored.asOf),
    stored: true,
    explanationTo: (maxDepth) =>
      maxDepth === null ? explain().nodes : explain().nodes.filter((node) => node.depth <= maxDepth),
    get driverList() {
      return explain().drivers;
    },
  };
}

function explainStored(explanation: string): { nodes: HealthExplanationNode[]; drivers: HealthDriver[] } {
  const { rows, drivers } = storedExplanation(JSON.parse(explanation) as StoredContribution[]);
  return { nodes: rows, drivers: drivers.map(driverView) };
}

function driverView(d: {
  concept: string;
  impact: number;
  direction: string;
  value: number | null;
  contribution: number;
}): HealthDriver {
  return {
    conceptId: d.concept,
    impact: d.impact,
    direction: d.direction,
    value: d.value,
    contribution: d.contribution,
  };
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
    reversedConcepts: model.reversedConcepts,
    categoryLevels: Object.entries(model.categoryLevels)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([concept, learned]) => ({
        concept,
        system: learned.system,
        field: learned.field,
        levels: Object.entries(learned.values).map(([level, value]) => ({ level, value })),
        otherValue: learned.other,
      })),
    createdAt: new Date(model.createdAt),
  };
}
