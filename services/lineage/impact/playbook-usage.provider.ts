import { ImpactProvider, ImpactSubject, ImpactUsage } from "../../../domain/lineage/impact";
import { playbookHealthReads, playbookReadsOf } from "../../../domain/lineage/playbook-reads";
import { LineageRepository } from "../../../graph/lineage/lineage.repository";

/**
 * Playbooks (not retired) whose trigger or feedback reads the target's concepts, or the field by name; and,
 * when the default health model rolls the target up, those that read the health grade or score.
 */
export class PlaybookUsageProvider implements ImpactProvider {
  readonly kind = "PLAYBOOK";

  constructor(
    private readonly lineage: LineageRepository,
    /** The root concept of the default model's active version: what playbooks' health conditions read. */
    private readonly healthRoot: () => Promise<string | null>,
  ) {}

  async usages(subject: ImpactSubject, limit: number): Promise<ImpactUsage[]> {
    const concepts = new Set(subject.reach);
    const field = subject.target.kind === "FIELD" ? subject.target.field : null;
    const root = subject.direct.length === 0 ? null : await this.healthRoot();
    const viaHealth = root !== null && concepts.has(root);
    const needles = [
      ...[...concepts, ...(field === null ? [] : [field])].map((n) => JSON.stringify(n)),
      ...(viaHealth ? ['"HEALTH_'] : []),
    ];
    // The pre-filter may over-match (a name in a title); each definition is then read exactly.
    const candidates = await this.lineage.playbooksMentioning(needles, Math.max(limit * 4, 50));
    const out: ImpactUsage[] = [];
    for (const playbook of candidates) {
      const reads = playbookReadsOf(playbook.definition, concepts, field);
      const health = viaHealth ? playbookHealthReads(playbook.definition) : [];
      if (reads.length === 0 && health.length === 0) continue;
      const relations = [
        ...reads.map(
          (r) => `reads ${r.concept !== null ? `concept ${r.concept}` : `field ${r.field}`} in its ${r.place}`,
        ),
        ...health.map((place) => `reads the default health model's grade or score (root ${root}) in its ${place}`),
      ];
      out.push({
        kind: this.kind,
        id: playbook.id,
        label: playbook.name,
        version: String(playbook.version),
        via: reads[0]?.concept ?? (health.length > 0 ? root : null),
        relation: relations.join("; "),
        properties: { status: playbook.status, reads: reads.map((r) => ({ ...r })), readsHealth: health },
      });
      if (out.length >= limit) break;
    }
    return out;
  }
}
