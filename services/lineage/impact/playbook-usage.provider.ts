import { ImpactProvider, ImpactSubject, ImpactUsage } from "../../../domain/lineage/impact";
import { playbookReadsOf } from "../../../domain/lineage/playbook-reads";
import { LineageRepository } from "../../../graph/lineage/lineage.repository";

/** Playbooks (not retired) whose trigger or feedback reads the target's concepts, or the field by name. */
export class PlaybookUsageProvider implements ImpactProvider {
  readonly kind = "PLAYBOOK";

  constructor(private readonly lineage: LineageRepository) {}

  async usages(subject: ImpactSubject, limit: number): Promise<ImpactUsage[]> {
    const concepts = new Set(subject.reach);
    const field = subject.target.kind === "FIELD" ? subject.target.field : null;
    const needles = [...concepts, ...(field === null ? [] : [field])].map((n) => JSON.stringify(n));
    // The pre-filter may over-match (a name in a title); each definition is then read exactly.
    const candidates = await this.lineage.playbooksMentioning(needles, Math.max(limit * 4, 50));
    const out: ImpactUsage[] = [];
    for (const playbook of candidates) {
      const reads = playbookReadsOf(playbook.definition, concepts, field);
      if (reads.length === 0) continue;
      const first = reads[0]!;
      out.push({
        kind: this.kind,
        id: playbook.id,
        label: playbook.name,
        version: String(playbook.version),
        via: first.concept,
        relation: reads
          .map((r) => `reads ${r.concept !== null ? `concept ${r.concept}` : `field ${r.field}`} in its ${r.place}`)
          .join("; "),
        properties: { status: playbook.status, reads: reads.map((r) => ({ ...r })) },
      });
      if (out.length >= limit) break;
    }
    return out;
  }
}
