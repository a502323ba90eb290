import { AnchorMetric, describeMetric } from "../anchors/anchor-metric";
import { LineageGraph, LineageGraphBuilder } from "./lineage-graph";

/** The prefix of an anchor point's lineage id: `anchor-point:<anchor id>@<week Monday>`. */
export const ANCHOR_POINT_PREFIX = "anchor-point:";

const ANCHOR_ID = /^anc_[A-Za-z0-9_-]{22}$/;
const WEEK = /^\d{4}-\d{2}-\d{2}$/;

/** The id lineage gives an anchor's weekly point (a point has no global id of its own). */
export function anchorPointId(anchorId: string, weekStart: string): string {
  return `${ANCHOR_POINT_PREFIX}${anchorId}@${weekStart}`;
}

/**
 * Which point a lineage target names, from its shape only: an anchor id (`anc_…`) with a date of the week
 * as field ("2026-11-23", any day of the week) or a point in time (`at`), or neither (the latest week with a
 * value); or a point's own lineage id (`anchor-point:anc_…@2026-11-23`). Null when the target is no anchor's.
 */
export function anchorPointRef(id: string, field: string | null): { anchorId: string; day: string | null } | null {
  if (id.startsWith(ANCHOR_POINT_PREFIX)) {
    const [anchorId, week] = id.slice(ANCHOR_POINT_PREFIX.length).split("@");
    if (anchorId === undefined || week === undefined || !ANCHOR_ID.test(anchorId) || !WEEK.test(week)) return null;
    return field === null ? { anchorId, day: week } : null;
  }
  if (!ANCHOR_ID.test(id)) return null;
  if (field === null) return { anchorId: id, day: null };
  return WEEK.test(field) ? { anchorId: id, day: field } : null;
}

/** One record behind a point, as lineage lists it. */
export interface AnchorPointRecord {
  id: string;
  /** TICKET, OPPORTUNITY, TASK, ACCOUNT_OUTCOME. */
  kind: string;
  label: string;
  /** The source system's key and global id; null for records Relata made itself (tasks, outcomes). */
  sourceSystem: string | null;
  sourceSystemId: string | null;
  account: { id: string; label: string } | null;
  properties: Readonly<Record<string, unknown>>;
}

export interface AnchorPointLineageInput {
  anchor: { id: string; name: string; owner: string };
  /** The definition the point was computed with (its `ValueAnchorVersion`). */
  version: {
    version: number;
    definitionHash: string | null;
    createdAt: string | null;
    actor: string | null;
    target: number | null;
    direction: string | null;
  };
  metric: AnchorMetric;
  point: {
    weekStart: string;
    value: number | null;
    n: number;
    metricHash: string;
    population: string;
    computedAt: string;
    /** Whether the ids of the week's records were stored with the point (else read through the population query). */
    idsStored: boolean;
  };
  /** The page of records to list, in id order (as many as fit the node budget are listed). */
  records: readonly AnchorPointRecord[];
  /** The cursor this page started after (null: the first page). */
  after: string | null;
  /** More records follow the page. */
  more: boolean;
  maxNodes: number;
}

/**
 * The lineage of one weekly point of a value anchor: the point, the anchor, the version and the metric it was
 * computed with (COMPUTED_BY), and the records of its week (DERIVED_FROM), each observed in its source system
 * (OBSERVED_IN) and about its account (ABOUT). Structure first, records last, so a small node budget keeps the
 * definition and lists fewer records; the point's properties say how many records there are and how to page.
 */
export function anchorPointLineage(input: AnchorPointLineageInput): LineageGraph {
  const g = new LineageGraphBuilder(input.maxNodes);
  const { anchor, version, metric, point } = input;
  const rootId = anchorPointId(anchor.id, point.weekStart);
  const versionId = `anchor-version:${anchor.id}@${version.version}`;
  const metricId = `metric:${point.metricHash.slice(0, 16)}`;
  let population: unknown = point.population;
  try {
    population = JSON.parse(point.population);
  } catch {
    // A point stored before the population was JSON keeps its text.
  }
  g.node({
    id: rootId,
    kind: "ANCHOR_POINT",
    label: `${anchor.name}, week of ${point.weekStart}`,
    version: String(version.version),
    properties: {
      weekStart: point.weekStart,
      value: point.value,
      n: point.n,
      computedAt: point.computedAt,
      population,
      recordCount: point.n,
      recordsListed: 0,
      recordsAfter: input.after,
      nextRecordsAfter: null,
    },
  });
  g.node({
    id: anchor.id,
    kind: "VALUE_ANCHOR",
    label: anchor.name,
    version: null,
    properties: { owner: anchor.owner },
  });
  g.edge(rootId, anchor.id, "POINT_OF");
  g.node({
    id: versionId,
    kind: "ANCHOR_VERSION",
    label: `${anchor.name} version ${version.version}`,
    version: String(version.version),
    properties: {
      definitionHash: version.definitionHash,
      createdAt: version.createdAt,
      actor: version.actor,
      target: version.target,
      direction: version.direction,
    },
  });
  g.edge(rootId, versionId, "COMPUTED_BY");
  g.edge(versionId, anchor.id, "VERSION_OF");
  g.node({
    id: metricId,
    kind: "METRIC_DEFINITION",
    label: describeMetric(metric),
    version: null,
    properties: {
      metricHash: point.metricHash,
      population: metric.population,
      measure: metric.measure,
      aggregation: metric.aggregation,
      filter: { ...metric.filter },
      query: `anchors.items.${metric.measure}`,
    },
  });
  g.edge(versionId, metricId, "COMPUTED_BY");
  g.edge(rootId, metricId, "COMPUTED_BY");
  // Source systems and accounts before records: a small budget keeps where the records came from.
  for (const record of input.records) {
    if (record.sourceSystemId !== null && record.sourceSystem !== null) {
      g.node({
        id: record.sourceSystemId,
        kind: "SOURCE_SYSTEM",
        label: record.sourceSystem,
        version: null,
        properties: { key: record.sourceSystem },
      });
    }
  }
  const listed: AnchorPointRecord[] = [];
  for (const record of input.records) {
    if (
      !g.node({ id: record.id, kind: record.kind, label: record.label, version: null, properties: record.properties })
    )
      break;
    listed.push(record);
    g.edge(rootId, record.id, "DERIVED_FROM");
    if (record.sourceSystemId !== null) g.edge(record.id, record.sourceSystemId, "OBSERVED_IN");
  }
  // Accounts last: with a small budget the records themselves come first.
  for (const record of listed) {
    if (record.account !== null && g.node(accountNode(record.account))) g.edge(record.id, record.account.id, "ABOUT");
  }
  g.countRecords(point.n);
  // The next page starts after the last record listed: records the budget left out are listed next time.
  const cut = listed.length < input.records.length || input.more;
  const nextAfter = cut && listed.length > 0 ? listed[listed.length - 1]!.id : null;
  const root = g.get(rootId);
  if (root !== undefined) {
    root.properties = { ...root.properties, recordsListed: listed.length, nextRecordsAfter: nextAfter };
  }
  if (cut || listed.length < point.n) g.markTruncated();
  g.note(
    `The point aggregates ${point.n} record(s) of the week starting ${point.weekStart}` +
      (point.n === 0 ? "." : `; ${listed.length} listed here${input.after === null ? "" : ` after "${input.after}"`}.`),
  );
  if (nextAfter !== null) {
    g.note(`More records: ask again with of.after "${nextAfter}" (the ANCHOR_POINT's nextRecordsAfter).`);
  } else if (cut) {
    g.note("No record fitted in the node budget; ask again with a larger maxNodes.");
  }
  g.note(
    point.idsStored
      ? "The record ids were stored with the point when it was computed."
      : "The week had too many records to store their ids with the point; they were read again through its population query.",
  );
  return g.build(rootId, "ANCHOR_POINT");
}

function accountNode(account: { id: string; label: string }) {
  return { id: account.id, kind: "ACCOUNT", label: account.label, version: null, properties: {} };
}
