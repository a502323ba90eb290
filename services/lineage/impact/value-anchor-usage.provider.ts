import { metricReadsField } from "../../../domain/anchors/anchor-reads";
import { describeMetric } from "../../../domain/anchors/anchor-metric";
import { ImpactProvider, ImpactSubject, ImpactUsage } from "../../../domain/lineage/impact";
import { AnchorLineageRepository } from "../../../graph/lineage/anchor-lineage.repository";

/** The most anchors read to judge one target (a tenant keeps far fewer). */
const MAX_ANCHORS_READ = 1000;

/**
 * Value anchors whose metric reads a source field (issue 17): the measure's fields of the records of its
 * population that the system sends (tickets' `resolvedAt`), the record fields its filter compares
 * (`category`, `priority`) and the account fields (`segment`, `industry`, `region`). Measures are a fixed
 * catalogue of record fields, none reads a concept yet, so a concept has no anchor usages.
 */
export class ValueAnchorUsageProvider implements ImpactProvider {
  readonly kind = "VALUE_ANCHOR";

  constructor(private readonly anchors: AnchorLineageRepository) {}

  async usages(subject: ImpactSubject, limit: number): Promise<ImpactUsage[]> {
    if (subject.target.kind !== "FIELD") return [];
    const { system, field } = subject.target;
    const [holdings, anchors] = await Promise.all([
      this.anchors.holdings(system),
      this.anchors.definitions(MAX_ANCHORS_READ),
    ]);
    const out: ImpactUsage[] = [];
    for (const anchor of anchors) {
      const metric = anchor.definition.metric;
      const uses = metricReadsField(metric, system, field, holdings);
      if (uses.length === 0) continue;
      out.push({
        kind: this.kind,
        id: anchor.id,
        label: anchor.name,
        version: String(anchor.version),
        via: null,
        relation: uses.join("; "),
        properties: {
          metric: describeMetric(metric),
          population: metric.population,
          measure: metric.measure,
          aggregation: metric.aggregation,
          target: anchor.definition.target,
          direction: anchor.definition.direction,
        },
      });
      if (out.length >= limit) break;
    }
    return out;
  }
}
