import { addWeeks, weekInstant, weekStartOf } from "../../../domain/anchors/anchor-weeks";
import { sourceSystemId } from "../../../domain/ids/global-id";
import { anchorPointLineage, anchorPointRef, AnchorPointRecord } from "../../../domain/lineage/anchor-point-lineage";
import { LineageGraph } from "../../../domain/lineage/lineage-graph";
import { LineageError } from "../../../domain/lineage/lineage.errors";
import { LineageProvider } from "../../../domain/lineage/lineage-provider";
import { LineageTarget } from "../../../domain/lineage/lineage-target";
import { AnchorPopulationRepository } from "../../../graph/anchors/anchor-population.repository";
import { AnchorLineageRepository, AnchorRecordRow } from "../../../graph/lineage/anchor-lineage.repository";

/** The most records one answer lists (the node budget may list fewer); the rest are paged with `after`. */
export const ANCHOR_POINT_RECORDS_PER_PAGE = 200;

/** The nodes every answer spends before records: point, anchor, version, metric, a few systems and accounts. */
const STRUCTURE_NODES = 4;

/**
 * Lineage of a value anchor's weekly point (issue 17, docs/lineage.md): the point → the anchor version and the
 * metric definition it was computed with → DERIVED_FROM → the individual records of its week (tickets, …),
 * each OBSERVED_IN its source system and ABOUT its account. The records are the ids stored with the point, or,
 * for a week of more than 1000 records, read again through the point's population query; at most
 * {@link ANCHOR_POINT_RECORDS_PER_PAGE} per answer, in id order, with a cursor for the next page.
 */
export class AnchorPointLineageProvider implements LineageProvider {
  readonly kind = "ANCHOR_POINT";
  readonly describes =
    'a value anchor id ("anc_…") with a day of the week as field ("2026-11-23") or `at`, or neither for the latest ' +
    'week with a value, or an anchor point id ("anchor-point:anc_…@2026-11-23")';

  constructor(
    private readonly tenant: string,
    private readonly points: AnchorLineageRepository,
    private readonly population: AnchorPopulationRepository,
  ) {}

  claims(target: LineageTarget): boolean {
    return anchorPointRef(target.id, target.field) !== null;
  }

  async lineage(target: LineageTarget): Promise<LineageGraph | null> {
    const ref = anchorPointRef(target.id, target.field)!;
    const day = ref.day ?? (target.at === null ? null : target.at.toISOString().slice(0, 10));
    if (day !== null && Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      throw new LineageError("INVALID_LINEAGE_TARGET", `"${day}" is not a date; name a day as YYYY-MM-DD.`);
    }
    const week = day === null ? null : weekStartOf(new Date(`${day}T00:00:00Z`));
    const row = await this.points.point(ref.anchorId, week);
    if (row === null) {
      const weeks = await this.points.weeks(ref.anchorId);
      if (weeks === null) return null;
      throw new LineageError(
        "LINEAGE_TARGET_NOT_FOUND",
        week === null
          ? `value anchor ${ref.anchorId} has no week with a value yet; recompute it once records arrive.`
          : `value anchor ${ref.anchorId} has no point for the week of ${week}; its series covers ` +
              (weeks.length === 0 ? "no weeks" : `${weeks[0]} to ${weeks[weeks.length - 1]}`) +
              " (recomputeValueAnchor extends it to this week).",
      );
    }
    const { anchor, point } = row;
    const definition = row.version?.definition ?? null;
    if (definition === null) {
      throw new LineageError(
        "LINEAGE_TARGET_NOT_FOUND",
        `value anchor ${anchor.id} has no stored version ${point.anchorVersion} for its point of ${point.weekStart}; recompute it.`,
      );
    }
    const metric = definition.metric;
    const pageSize = Math.max(1, Math.min(ANCHOR_POINT_RECORDS_PER_PAGE, target.maxNodes - STRUCTURE_NODES));
    let ids: string[];
    if (point.recordIds !== null) {
      const sorted = [...point.recordIds].sort();
      const start = target.after === null ? 0 : sorted.findIndex((id) => id > target.after!);
      ids = start < 0 ? [] : sorted.slice(start, start + pageSize + 1);
    } else {
      const window = { from: weekInstant(point.weekStart), to: weekInstant(addWeeks(point.weekStart, 1)) };
      ids = await this.population.recordIds(metric, window, target.after, pageSize + 1);
    }
    const more = ids.length > pageSize;
    const page = ids.slice(0, pageSize);
    const rows = await this.points.records(metric.population, page);
    return anchorPointLineage({
      anchor,
      version: {
        version: row.version!.version,
        definitionHash: row.version!.definitionHash,
        createdAt: row.version!.createdAt,
        actor: row.version!.actor,
        target: definition.target,
        direction: definition.direction,
      },
      metric,
      point: {
        weekStart: point.weekStart,
        value: point.value,
        n: point.n,
        metricHash: point.metricHash,
        population: point.population,
        computedAt: point.computedAt,
        idsStored: point.recordIds !== null,
      },
      records: rows.map((r) => this.record(r)),
      after: target.after,
      more,
      maxNodes: target.maxNodes,
    });
  }

  private record(row: AnchorRecordRow): AnchorPointRecord {
    return {
      id: row.id,
      kind: row.kind,
      label: row.externalId === null ? row.id : `${row.kind.toLowerCase().replace(/_/g, " ")} ${row.externalId}`,
      sourceSystem: row.sourceSystem,
      sourceSystemId: row.sourceSystem === null ? null : sourceSystemId(this.tenant, row.sourceSystem),
      account: row.account === null ? null : { id: row.account.id, label: row.account.name },
      properties: { ...row.properties, externalId: row.externalId, sourceSystem: row.sourceSystem },
    };
  }
}
