/**
 * What a value anchor measures (issue 17, docs/value-anchors.md): an aggregation of one measure over a
 * population of records, filtered by the accounts they belong to and by their own fields. The measures are
 * a fixed catalogue: each names the record property it reads, whether it is a number or a yes/no, and the
 * time that places a record in a week.
 */

export const ANCHOR_POPULATIONS = ["TICKETS", "ACCOUNTS", "OPPORTUNITIES", "TASKS"] as const;
export type AnchorPopulation = (typeof ANCHOR_POPULATIONS)[number];

export const ANCHOR_AGGREGATIONS = ["MEDIAN", "MEAN", "P90", "RATE", "COUNT", "SUM"] as const;
export type AnchorAggregation = (typeof ANCHOR_AGGREGATIONS)[number];

export const ANCHOR_DIRECTIONS = ["DECREASE", "INCREASE"] as const;
export type AnchorDirection = (typeof ANCHOR_DIRECTIONS)[number];

export const ANCHOR_MEASURES = [
  "RESOLUTION_HOURS",
  "FIRST_RESPONSE_HOURS",
  "RESOLVED",
  "RENEWED",
  "AMOUNT",
  "WON",
  "COMPLETION_HOURS",
  "DONE",
] as const;
export type AnchorMeasure = (typeof ANCHOR_MEASURES)[number];

export interface MeasureSpec {
  population: AnchorPopulation;
  kind: "NUMBER" | "BOOLEAN";
  /** In words, for findings: "resolution time". */
  label: string;
  /** The unit of a number, for findings ("h"); empty for counts and amounts. */
  unit: string;
  /** What places a record in a week, in words (docs and findings). */
  placedBy: string;
  /** The records, in words: "tickets". */
  noun: string;
}

/** The measure catalogue. A new measure adds a line here and its Cypher fragment in graph/anchors. */
export const MEASURES: Readonly<Record<AnchorMeasure, MeasureSpec>> = {
  RESOLUTION_HOURS: {
    population: "TICKETS",
    kind: "NUMBER",
    label: "resolution time",
    unit: "h",
    placedBy: "resolvedAt",
    noun: "tickets",
  },
  FIRST_RESPONSE_HOURS: {
    population: "TICKETS",
    kind: "NUMBER",
    label: "first-response time",
    unit: "h",
    placedBy: "firstResponseAt",
    noun: "tickets",
  },
  RESOLVED: {
    population: "TICKETS",
    kind: "BOOLEAN",
    label: "resolution rate",
    unit: "",
    placedBy: "openedAt",
    noun: "tickets",
  },
  RENEWED: {
    population: "ACCOUNTS",
    kind: "BOOLEAN",
    label: "renewal rate",
    unit: "",
    placedBy: "the outcome's date (RENEWED, EXPANDED, DOWNGRADED renew; CHURNED does not)",
    noun: "account outcomes",
  },
  AMOUNT: {
    population: "OPPORTUNITIES",
    kind: "NUMBER",
    label: "amount",
    unit: "",
    placedBy: "closeDate",
    noun: "opportunities",
  },
  WON: {
    population: "OPPORTUNITIES",
    kind: "BOOLEAN",
    label: "win rate",
    unit: "",
    placedBy: "closeDate (closed opportunities only)",
    noun: "closed opportunities",
  },
  COMPLETION_HOURS: {
    population: "TASKS",
    kind: "NUMBER",
    label: "task completion time",
    unit: "h",
    placedBy: "completedAt",
    noun: "tasks",
  },
  DONE: {
    population: "TASKS",
    kind: "BOOLEAN",
    label: "task completion rate",
    unit: "",
    placedBy: "createdAt",
    noun: "tasks",
  },
};

/** Which records of the population count: by their account and by their own fields; null or empty: any. */
export interface AnchorFilter {
  segments: string[] | null;
  industries: string[] | null;
  regions: string[] | null;
  /** Ticket categories (tickets only). */
  categories: string[] | null;
  /** Ticket priorities (tickets only). */
  priorities: string[] | null;
  /** The records' source systems. */
  sourceSystems: string[] | null;
}

export interface AnchorMetric {
  population: AnchorPopulation;
  measure: AnchorMeasure;
  aggregation: AnchorAggregation;
  filter: AnchorFilter;
}

export const EMPTY_FILTER: AnchorFilter = {
  segments: null,
  industries: null,
  regions: null,
  categories: null,
  priorities: null,
  sourceSystems: null,
};

/** The metric in words: "median resolution time of tickets (segments: Key Account)". */
export function describeMetric(metric: AnchorMetric): string {
  const spec = MEASURES[metric.measure];
  const agg =
    metric.aggregation === "RATE"
      ? ""
      : metric.aggregation === "P90"
        ? "90th percentile "
        : `${metric.aggregation.toLowerCase()} `;
  const filters = Object.entries(metric.filter)
    .filter(([, v]) => Array.isArray(v) && v.length > 0)
    .map(([k, v]) => `${k}: ${(v as string[]).join(", ")}`);
  const what = metric.aggregation === "COUNT" ? `number of ${spec.noun}` : `${agg}${spec.label} of ${spec.noun}`;
  return filters.length === 0 ? what : `${what} (${filters.join("; ")})`;
}
