import { sourceSystemId } from "../ids/global-id";
import { ExplanationNode } from "../health/score-account";
import { LineageGraph, LineageGraphBuilder } from "./lineage-graph";

/** The subject a signal is about, and the account it counts for through it. */
export interface SignalSubject {
  kind: "Account" | "Contact" | "Asset";
  id: string;
  label: string;
  /** The account the subject is or belongs to (a contact's or asset's account). */
  accountId: string | null;
  accountLabel: string | null;
}

/** A health score (stored snapshot or computed now) with the model version that produced it. */
export interface HealthLineageInput {
  tenant: string;
  account: { id: string; label: string };
  score: {
    score: number | null;
    grade: string | null;
    confidence: number;
    computedAt: string;
    asOf: string;
    /** A stored HealthScore snapshot (true) or a score computed for this answer (false). */
    stored: boolean;
  };
  model: {
    modelId: string;
    version: number;
    name: string;
    rootConcept: string;
    weights: Readonly<Record<string, number>>;
    source: string;
    windowDays: number | null;
    includeContacts: boolean;
    includeAssets: boolean;
  };
  /** The explanation the model version gives at the score's as-of time, with evidence signals. */
  explanation: ExplanationNode;
  /** Per listed signal id: what it is about. Signals of duplicate accounts name the duplicate. */
  subjects: ReadonlyMap<string, SignalSubject>;
  /** For a concept value: the concept whose value is asked about (its node becomes the root). */
  focusConcept: string | null;
  maxNodes: number;
}

const conceptValueId = (concept: string) => `concept-value:${concept}`;
const mappingId = (system: string, field: string, concept: string) => `mapping:${system}/${field}→${concept}`;
const fieldId = (system: string, field: string) => `field:${system}/${field}`;
export const healthModelNodeId = (modelId: string, version: number) => `model:${modelId}@${version}`;

/** The explanation node of `concept`, depth first; null when the tree does not hold it. */
export function findConcept(root: ExplanationNode, concept: string): ExplanationNode | null {
  if (root.kind === "CONCEPT" && root.concept === concept) return root;
  for (const child of root.children) {
    const found = findConcept(child, concept);
    if (found !== null) return found;
  }
  return null;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The lineage of a health score or of one concept value in it: the model version that computed it, the
 * concept values with their weights, the mappings (aggregation, transform steps), the source fields and
 * systems, and the signals listed in the explanation, with the subjects they are about (a duplicate
 * account's signal shows the duplicate resolved to the account). Structure first, then signals, so a small
 * node budget keeps the model and mappings and drops records first.
 */
export function healthLineage(input: HealthLineageInput): LineageGraph {
  const g = new LineageGraphBuilder(input.maxNodes);
  const { model, account } = input;
  const modelNode = healthModelNodeId(model.modelId, model.version);
  const focus = input.focusConcept === null ? null : findConcept(input.explanation, input.focusConcept);
  if (input.focusConcept !== null && focus === null) {
    throw new Error(`healthLineage: concept ${input.focusConcept} is not in the explanation; check before calling`);
  }
  const kind = focus === null ? "HEALTH_SCORE" : "CONCEPT_VALUE";
  const rootId =
    focus === null ? `score:${account.id}:${model.modelId}:${input.score.asOf}` : conceptValueId(focus.concept);
  g.node({
    id: rootId,
    kind,
    label: focus === null ? `Health of ${account.label} (${model.name})` : `${focus.labelKey} of ${account.label}`,
    version: String(model.version),
    properties:
      focus === null
        ? { ...input.score, accountId: account.id, modelId: model.modelId, rootConcept: model.rootConcept }
        : {
            conceptId: focus.concept,
            value: focus.value,
            weight: focus.weight,
            effectiveWeight: round(focus.effectiveWeight),
            contribution: round(focus.contribution),
            reason: focus.reason,
            notes: focus.notes,
            asOf: input.score.asOf,
            computedAt: input.score.computedAt,
            stored: input.score.stored,
            accountId: account.id,
          },
  });
  g.node({
    id: modelNode,
    kind: "HEALTH_MODEL",
    label: `${model.name} (${model.modelId}) version ${model.version}`,
    version: String(model.version),
    properties: {
      modelId: model.modelId,
      rootConcept: model.rootConcept,
      weightOverrides: model.weights,
      source: model.source,
      windowDays: model.windowDays,
      includeContacts: model.includeContacts,
      includeAssets: model.includeAssets,
    },
  });
  g.edge(rootId, modelNode, "COMPUTED_BY");
  g.node({ id: account.id, kind: "ACCOUNT", label: account.label, version: null, properties: {} });
  g.edge(rootId, account.id, "ABOUT");

  // Structure: concept values, manual measures, mappings, fields, systems.
  const leaves: Array<{ node: ExplanationNode; id: string }> = [];
  const visit = (node: ExplanationNode, parentId: string): void => {
    if (node.kind === "CONCEPT") {
      const id = conceptValueId(node.concept);
      g.node({
        id,
        kind: "CONCEPT_VALUE",
        label: node.labelKey,
        version: null,
        properties: {
          conceptId: node.concept,
          value: node.value,
          weight: node.weight,
          weightSource: node.weightSource,
          effectiveWeight: round(node.effectiveWeight),
          contribution: round(node.contribution),
          reason: node.reason,
          notes: node.notes,
        },
      });
      g.edge(parentId, id, "DERIVED_FROM", { weight: node.weight, normalizedWeight: round(node.normalizedWeight) });
      node.children.forEach((child) => visit(child, id));
      return;
    }
    if (node.kind === "MANUAL") {
      const id = `manual-measure:${node.manual?.id ?? node.id}`;
      g.node({
        id,
        kind: "MANUAL_MEASURE",
        label: `Manual measure of ${node.concept}${node.manual ? ` by ${node.manual.author}` : ""}`,
        version: null,
        properties: {
          value: node.value,
          author: node.manual?.author ?? null,
          comment: node.manual?.comment ?? null,
          expiresAt: node.manual?.expiresAt ? new Date(node.manual.expiresAt).toISOString() : null,
        },
      });
      g.edge(parentId, id, "DERIVED_FROM", { weight: node.weight });
      return;
    }
    const mapping = node.mapping;
    if (mapping === null) return;
    const id = mappingId(mapping.system, mapping.field, node.concept);
    const observations = mapping.aggregate?.observations ?? mapping.evidence.length;
    g.node({
      id,
      kind: "MAPPING",
      label: `${mapping.system}.${mapping.field} → ${node.concept}`,
      version: null,
      properties: {
        system: mapping.system,
        field: mapping.field,
        conceptId: node.concept,
        value: node.value,
        weight: node.weight,
        contribution: round(node.contribution),
        aggregation: mapping.aggregation,
        window: mapping.window,
        aggregate: mapping.aggregate?.note ?? null,
        transforms: mapping.steps.map((s) => ({ step: s.step, value: String(s.value), note: s.note })),
        rejectedAt: mapping.rejectedAt,
        reason: node.reason,
        signalCount: observations,
        signalsListed: mapping.evidence.length,
      },
    });
    g.edge(parentId, id, "MAPPED_BY", { weight: node.weight });
    const field = fieldId(mapping.system, mapping.field);
    const system = sourceSystemId(input.tenant, mapping.system);
    g.node({
      id: field,
      kind: "SOURCE_FIELD",
      label: `${mapping.system}.${mapping.field}`,
      version: null,
      properties: { system: mapping.system, field: mapping.field, sourceSystemId: system },
    });
    g.edge(id, field, "READS");
    g.node({
      id: system,
      kind: "SOURCE_SYSTEM",
      label: mapping.system,
      version: null,
      properties: { key: mapping.system },
    });
    g.edge(field, system, "OBSERVED_IN");
    g.countRecords(observations);
    if (mapping.evidence.length < observations) g.markTruncated();
    leaves.push({ node, id });
  };
  if (focus === null) input.explanation.children.forEach((child) => visit(child, rootId));
  else focus.children.forEach((child) => visit(child, rootId));

  // Records: the signals each mapping lists, what they are about, and duplicates resolved to the account.
  let viaDuplicates = 0;
  for (const { node, id } of leaves) {
    const mapping = node.mapping!;
    for (const signal of mapping.evidence) {
      const added = g.node({
        id: signal.signalId,
        kind: "SIGNAL",
        label: `${mapping.system}.${mapping.field} ${signal.recordId ?? signal.signalId}`,
        version: null,
        properties: {
          recordId: signal.recordId,
          sourceSystem: signal.sourceSystem,
          field: mapping.field,
          value: signal.value,
          observedAt: new Date(signal.observedAt).toISOString(),
        },
      });
      if (!added) continue;
      g.edge(id, signal.signalId, "DERIVED_FROM");
      g.edge(signal.signalId, fieldId(mapping.system, mapping.field), "OBSERVED_IN");
      const subject = input.subjects.get(signal.signalId);
      if (subject === undefined) continue;
      if (subject.id !== account.id) {
        g.node({
          id: subject.id,
          kind: subject.kind.toUpperCase(),
          label: subject.label,
          version: null,
          properties: {},
        });
      }
      g.edge(signal.signalId, subject.id, "ABOUT");
      const owner = subject.accountId;
      if (owner !== null && owner !== subject.id) {
        g.node({ id: owner, kind: "ACCOUNT", label: subject.accountLabel ?? owner, version: null, properties: {} });
        g.edge(subject.id, owner, "ABOUT", { relation: subject.kind === "Contact" ? "WORKS_AT" : "INSTALLED_AT" });
      }
      if (owner !== null && owner !== account.id) {
        viaDuplicates += 1;
        g.edge(owner, account.id, "RESOLVED_TO", { through: "identity resolution (crm-account identity MEMBER_OF)" });
      }
    }
  }
  if (viaDuplicates > 0) {
    g.note(
      `${viaDuplicates} listed signal(s) are about duplicate accounts that identity resolution resolved to ${account.id}; they count for it.`,
    );
  }
  return g.build(rootId, kind);
}
