import { ImpactProvider, ImpactSubject, ImpactUsage } from "../../../domain/lineage/impact";
import { HealthModelVersion } from "../../health/health-model";

/**
 * Health model versions whose concept tree holds a concept the target measures (their root is that concept
 * or one it rolls up into), or that weight it explicitly. Every version is listed: stored scores keep
 * pointing at the version that computed them.
 */
export class HealthModelUsageProvider implements ImpactProvider {
  readonly kind = "HEALTH_MODEL";

  constructor(private readonly models: () => Promise<HealthModelVersion[]>) {}

  async usages(subject: ImpactSubject, limit: number): Promise<ImpactUsage[]> {
    const reach = new Set(subject.reach);
    const out: ImpactUsage[] = [];
    for (const model of await this.models()) {
      const weighted = subject.direct.filter((c) => Object.hasOwn(model.weights, c));
      const inTree = reach.has(model.rootConcept);
      if (!inTree && weighted.length === 0) continue;
      const via = weighted[0] ?? subject.direct[0] ?? null;
      out.push({
        kind: this.kind,
        id: `model:${model.modelId}@${model.version}`,
        label: `${model.name} (${model.modelId}) version ${model.version}`,
        version: String(model.version),
        via,
        relation:
          weighted.length > 0
            ? `weights ${weighted.map((c) => `${c} ${model.weights[c]}`).join(", ")}`
            : `rolls ${subject.direct.join(", ")} up into its root ${model.rootConcept} (default weights)`,
        properties: {
          modelId: model.modelId,
          active: model.active,
          rootConcept: model.rootConcept,
          weightOverrides: Object.fromEntries(weighted.map((c) => [c, model.weights[c]])),
          reversed: subject.direct.filter((c) => model.reversedConcepts.includes(c)),
        },
      });
      if (out.length >= limit) break;
    }
    return out;
  }
}
