/**
 * B5a on the raw endpoint: one account's health computed now from the rows of ONE Cypher statement (its
 * signals of the mapped fields in the model's windows, its unexpired manual measures) with the pure
 * functions Relata scores with (`bridgeAggregate`, `buildHealthTree`, `scoreAccount`, `drivers`), shaped
 * like the `AccountHealthExplained` answer. The model was loaded at start (raw-health-model.ts).
 */
import type { FieldAggregate } from "../../domain/health/field-aggregate";
import { explanationRows } from "../../domain/health/explanation-rows";
import { bridgeAggregate, emptyAggregate } from "../../domain/health/field-aggregate";
import type { ManualMeasure } from "../../domain/health/health-tree";
import { drivers, scoreAccount, type LeafValue, type SignalEvidence } from "../../domain/health/score-account";
import type { RawValue } from "../../ontology/model/mapping.model";
import { treeOf, type HealthWindow, type RawHealthModel } from "./raw-health-model";

/** How many signals each mapping leaf of an explanation lists, as Relata's on-request explanation does. */
const EVIDENCE_PER_LEAF = 10;

/** One signal as ACCOUNT_HEALTH_INPUTS returns it, newest first. */
export interface HealthInputSignal {
  id: string;
  recordId: string | null;
  sourceSystem: string;
  field: string;
  numberValue: number | null;
  /** The value whatever its type: number, then text, then boolean. */
  value: RawValue | null;
  /** Observed at, epoch milliseconds. */
  t: number;
}

export interface HealthInputMeasure {
  id: string;
  concept: string;
  value: number;
  author: string;
  comment: string | null;
  expiresAt: string | null;
}

/** The account's health, explained, in the shape of the GraphQL answer's `health` field. */
export function accountHealthAnswer(
  model: RawHealthModel,
  signals: readonly HealthInputSignal[],
  measures: readonly HealthInputMeasure[],
  asOf: number,
  top: number,
  /** B5a-top: only the explanation's nodes at most this deep (the AccountHealthTop answer); null, all. */
  maxDepth: number | null = null,
) {
  const byField = new Map<string, HealthInputSignal[]>();
  for (const signal of signals) {
    const key = `${signal.sourceSystem}|${signal.field}`;
    const list = byField.get(key);
    if (list) list.push(signal);
    else byField.set(key, [signal]);
  }
  const aggregates = new Map<string, { aggregate: FieldAggregate; evidence: SignalEvidence[] }>();
  for (const window of model.windows) {
    aggregates.set(window.key, aggregateWindow(window, byField.get(`${window.system}|${window.field}`) ?? [], asOf));
  }
  const leafValues = new Map<string, LeafValue>();
  for (const mapping of model.mappings) {
    const window = model.windowOf.get(mapping.key) as HealthWindow;
    const { aggregate, evidence } = aggregates.get(window.key) as {
      aggregate: FieldAggregate;
      evidence: SignalEvidence[];
    };
    leafValues.set(mapping.key, {
      ...bridgeAggregate(mapping, aggregate, model.populations.get(mapping.key)),
      evidence,
    });
  }
  const manual: ManualMeasure[] = measures.map((m) => ({
    id: m.id,
    concept: m.concept,
    value: Number(m.value),
    author: m.author,
    comment: m.comment ?? "",
    expiresAt: m.expiresAt ? Date.parse(m.expiresAt) : null,
  }));
  const tree =
    manual.length === 0 ? model.sharedTree : treeOf(model.model, model.concepts, model.mappings, manual, asOf);
  const result = scoreAccount(tree, leafValues, { bands: model.model.bands });
  const explanation = explanationRows(result.explanation, maxDepth);
  const at = new Date(asOf).toISOString();
  return {
    score: result.score,
    grade: result.grade,
    confidence: result.confidence,
    modelId: model.model.modelId,
    modelVersion: model.model.version,
    stored: false,
    asOf: at,
    computedAt: at,
    drivers: drivers(result.explanation, top).map((d) => ({
      conceptId: d.concept,
      direction: d.direction,
      impact: d.impact,
      value: d.value,
      contribution: d.contribution,
    })),
    explanation,
  };
}

/**
 * The running sums of one window's signals (newest first) that `bridgeAggregate` reads, and its latest
 * signals as evidence: what Relata's aggregate query computes in Cypher, here over the rows of the one
 * statement. The latest value is the newest non-null one; sums run over numeric values, t in days since
 * the window's start.
 */
function aggregateWindow(
  window: HealthWindow,
  newestFirst: readonly HealthInputSignal[],
  asOf: number,
): { aggregate: FieldAggregate; evidence: SignalEvidence[] } {
  const from = asOf - window.ms;
  const aggregate: FieldAggregate = emptyAggregate(window.system, window.field, from);
  const evidence: SignalEvidence[] = [];
  for (const s of newestFirst) {
    if (s.t < from || s.t > asOf) continue;
    aggregate.count += 1;
    if (aggregate.latestAt === null || s.t > aggregate.latestAt) aggregate.latestAt = s.t;
    if (aggregate.latestValue === null && s.value !== null) aggregate.latestValue = s.value;
    if (s.numberValue !== null) {
      const d = (s.t - from) / 86_400_000;
      aggregate.numericCount += 1;
      aggregate.sum += s.numberValue;
      aggregate.sumT += d;
      aggregate.sumTT += d * d;
      aggregate.sumTV += d * s.numberValue;
    }
    if (evidence.length < EVIDENCE_PER_LEAF) {
      evidence.push({
        signalId: s.id,
        recordId: s.recordId,
        sourceSystem: s.sourceSystem,
        value: s.value,
        observedAt: s.t,
      });
    }
  }
  return { aggregate, evidence };
}
