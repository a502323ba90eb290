import { AnchorMeasure, AnchorMetric, AnchorPopulation } from "./anchor-metric";

/**
 * Which source fields an anchor's metric reads (issue 17, impact): the fields of its records the measure
 * reads, the record fields and account fields its filter compares. Field names are those integrators send
 * (TicketInput.resolvedAt, AccountInput.segment), so `impact(of: {id: "src_…", field})` finds the anchors a
 * change of that field would move.
 */

/** The record fields each measure reads (its value and the time that places a record in a week). */
export const MEASURE_FIELDS: Readonly<Record<AnchorMeasure, readonly string[]>> = {
  RESOLUTION_HOURS: ["openedAt", "resolvedAt"],
  FIRST_RESPONSE_HOURS: ["openedAt", "firstResponseAt"],
  RESOLVED: ["openedAt", "resolvedAt"],
  RENEWED: [],
  AMOUNT: ["amount", "closeDate"],
  WON: ["stage", "closeDate"],
  COMPLETION_HOURS: [],
  DONE: [],
};

/** The filter's lists that compare a field of the records, and of their accounts. */
const RECORD_FILTER_FIELDS = { categories: "category", priorities: "priority" } as const;
const ACCOUNT_FILTER_FIELDS = { segments: "segment", industries: "industry", regions: "region" } as const;

/** Populations whose records come through source systems (tasks and outcomes are Relata's own). */
export const SOURCED_POPULATIONS: ReadonlySet<AnchorPopulation> = new Set(["TICKETS", "OPPORTUNITIES"]);

/** What a source system holds, as far as anchors read it. */
export interface SystemHoldings {
  /** Populations with at least one record from the system. */
  populations: ReadonlySet<AnchorPopulation>;
  /** Whether the system holds accounts. */
  accounts: boolean;
}

/**
 * How a metric reads `field` of `system`, in plain words, one entry per use; empty when it does not. A record
 * field counts when the system holds records of the metric's population and the filter lets them in; an account
 * field when the system holds accounts and the filter compares it.
 */
export function metricReadsField(metric: AnchorMetric, system: string, field: string, holds: SystemHoldings): string[] {
  const uses: string[] = [];
  const systems = metric.filter.sourceSystems;
  const recordsFrom =
    SOURCED_POPULATIONS.has(metric.population) &&
    holds.populations.has(metric.population) &&
    (systems === null || systems.length === 0 || systems.includes(system));
  if (recordsFrom) {
    if (MEASURE_FIELDS[metric.measure].includes(field)) {
      uses.push(`measures ${metric.measure} from ${field} of ${metric.population.toLowerCase()} from ${system}`);
    }
    for (const [list, name] of Object.entries(RECORD_FILTER_FIELDS)) {
      const values = metric.filter[list as keyof typeof RECORD_FILTER_FIELDS];
      if (name === field && values !== null && values.length > 0) {
        uses.push(`filters ${metric.population.toLowerCase()} by ${field} (${values.join(", ")})`);
      }
    }
  }
  if (holds.accounts) {
    for (const [list, name] of Object.entries(ACCOUNT_FILTER_FIELDS)) {
      const values = metric.filter[list as keyof typeof ACCOUNT_FILTER_FIELDS];
      if (name === field && values !== null && values.length > 0) {
        uses.push(`filters accounts by ${field} (${values.join(", ")})`);
      }
    }
  }
  return uses;
}
