import { Clock } from "../../../domain/time/clock";
import { ExplanationNode } from "../../../domain/health/score-account";
import { findConcept, healthLineage } from "../../../domain/lineage/health-lineage";
import { LineageGraph } from "../../../domain/lineage/lineage-graph";
import { LineageError } from "../../../domain/lineage/lineage.errors";
import { LineageTarget } from "../../../domain/lineage/lineage-target";
import { LineageRepository } from "../../../graph/lineage/lineage.repository";
import { NodeRepository } from "../../../graph/node/node.repository";
import { DEFAULT_MODEL_ID } from "../../health/health-model";
import { HealthService } from "../../health/health.service";

const ACCOUNT_ID = /^acc_[A-Za-z0-9_-]{22}$/;

/** Whether an id has the shape of an account id (lineage providers claim targets by shape). */
export const isAccountId = (id: string): boolean => ACCOUNT_ID.test(id);

function signalIdsOf(node: ExplanationNode, out: Set<string>): Set<string> {
  for (const e of node.mapping?.evidence ?? []) out.add(e.signalId);
  node.children.forEach((child) => signalIdsOf(child, out));
  return out;
}

/**
 * The sources of an account's health score, or of one concept value in it: the stored snapshot that
 * answered at the time asked (or the latest), re-derived with the model version that computed it as of the
 * snapshot's own as-of time, so the mappings and signals are those that fed it. Without a stored snapshot,
 * the score is computed for the answer (as of `at`, or now). Shared by the two providers below.
 */
export class HealthValueLineage {
  constructor(
    private readonly tenant: string,
    private readonly nodes: NodeRepository,
    private readonly health: HealthService,
    private readonly lineage: LineageRepository,
    private readonly clock: Clock,
  ) {}

  async graph(target: LineageTarget, focusConcept: string | null): Promise<LineageGraph | null> {
    const [account] = await this.nodes.findByRefs([{ kind: "Account", id: target.id }]);
    if (!account || account.__typename !== "Account") return null;
    const modelId = target.modelId ?? DEFAULT_MODEL_ID;
    const snapshot = await this.lineage.scoreSnapshot(target.id, modelId, target.at);
    const snapshotAsOf = snapshot === null ? NaN : Date.parse(snapshot.asOf);
    const asOf =
      snapshot !== null
        ? new Date(Number.isNaN(snapshotAsOf) ? Date.parse(snapshot.computedAt) : snapshotAsOf)
        : (target.at ?? this.clock());
    const { model, result } = await this.health.scoreAsOf(target.id, modelId, snapshot?.version ?? null, asOf);
    if (focusConcept !== null && findConcept(result.explanation, focusConcept) === null) {
      throw new LineageError(
        "LINEAGE_TARGET_NOT_FOUND",
        `health model "${modelId}" version ${model.version} has no concept "${focusConcept.slice(0, 80)}" below its root ` +
          `${model.rootConcept}, so account ${target.id} has no value of it there; pass a concept of the model's tree, ` +
          `or another modelId.`,
      );
    }
    const subjects = await this.lineage.signalSubjects([...signalIdsOf(result.explanation, new Set())]);
    const graph = healthLineage({
      tenant: this.tenant,
      account: { id: account.id, label: account.name ?? account.id },
      score:
        snapshot !== null
          ? {
              score: snapshot.score,
              grade: snapshot.grade,
              confidence: snapshot.confidence,
              computedAt: snapshot.computedAt,
              asOf: asOf.toISOString(),
              stored: true,
            }
          : {
              score: result.score,
              grade: result.grade,
              confidence: result.confidence,
              computedAt: this.clock().toISOString(),
              asOf: asOf.toISOString(),
              stored: false,
            },
      model,
      explanation: result.explanation,
      subjects,
      focusConcept,
      maxNodes: target.maxNodes,
    });
    const notes =
      snapshot !== null
        ? [
            `The stored score computed at ${snapshot.computedAt} by ${modelId} version ${snapshot.version}; its sources are ` +
              `re-derived with that version as of ${asOf.toISOString()}, the time it was computed for.`,
          ]
        : [
            `No stored score of model ${modelId}${target.at === null ? "" : ` at or before ${target.at.toISOString()}`}; ` +
              `the score was computed for this answer as of ${asOf.toISOString()}.`,
          ];
    if (
      snapshot !== null &&
      snapshot.score !== null &&
      result.score !== null &&
      Math.abs(snapshot.score - result.score) > 1e-6
    ) {
      notes.push(
        `Re-derived now the score is ${result.score.toFixed(2)}, not the stored ${snapshot.score.toFixed(2)}: signals ` +
          "observed before that time arrived later, or percentile normalisation read a changed population.",
      );
    }
    return { ...graph, notes: [...notes, ...graph.notes] };
  }
}
