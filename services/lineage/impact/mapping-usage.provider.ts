import { ImpactProvider, ImpactSubject, ImpactUsage } from "../../../domain/lineage/impact";

/** Mappings that read the field, or that measure the concept. */
export class MappingUsageProvider implements ImpactProvider {
  readonly kind = "MAPPING";

  async usages(subject: ImpactSubject, limit: number): Promise<ImpactUsage[]> {
    return subject.mappings.slice(0, limit).map((m) => ({
      kind: this.kind,
      id: `mapping:${m.system}/${m.field}→${m.concept}`,
      label: `${m.system}.${m.field} → ${m.concept}`,
      version: null,
      via: subject.target.kind === "FIELD" ? m.concept : null,
      relation:
        subject.target.kind === "FIELD"
          ? `maps the field onto ${m.concept}`
          : `measures the concept with ${m.system}.${m.field}`,
      properties: {
        system: m.system,
        field: m.field,
        conceptId: m.concept,
        scope: m.scope,
        pack: m.pack,
        transform: m.transform.kind,
        aggregation: m.aggregation.kind,
        polarity: m.polarity,
      },
    }));
  }
}
