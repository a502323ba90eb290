import { EMPTY_FILTER, AnchorMetric } from "../../../domain/anchors/anchor-metric";
import { metricReadsField, SystemHoldings } from "../../../domain/anchors/anchor-reads";

const metric: AnchorMetric = {
  population: "TICKETS",
  measure: "RESOLUTION_HOURS",
  aggregation: "MEDIAN",
  filter: { ...EMPTY_FILTER, segments: ["Key Account"], categories: ["technical"] },
};
const ticketSystem: SystemHoldings = { populations: new Set(["TICKETS"]), accounts: false };
const crm: SystemHoldings = { populations: new Set(), accounts: true };

describe("metricReadsField", () => {
  it("reads the measure's fields of the records the system sends", () => {
    expect(metricReadsField(metric, "zendesk", "resolvedAt", ticketSystem)).toEqual([
      "measures RESOLUTION_HOURS from resolvedAt of tickets from zendesk",
    ]);
    expect(metricReadsField(metric, "zendesk", "openedAt", ticketSystem)).toHaveLength(1);
    expect(metricReadsField(metric, "zendesk", "firstResponseAt", ticketSystem)).toEqual([]);
  });

  it("reads the record and account fields its filter compares", () => {
    expect(metricReadsField(metric, "zendesk", "category", ticketSystem)).toEqual([
      "filters tickets by category (technical)",
    ]);
    expect(metricReadsField(metric, "crm", "segment", crm)).toEqual(["filters accounts by segment (Key Account)"]);
    expect(metricReadsField(metric, "crm", "industry", crm)).toEqual([]);
  });

  it("ignores systems that send no records of the population, or that the filter leaves out", () => {
    expect(metricReadsField(metric, "crm", "resolvedAt", crm)).toEqual([]);
    const onlyJira = { ...metric, filter: { ...metric.filter, sourceSystems: ["jira"] } };
    expect(metricReadsField(onlyJira, "zendesk", "resolvedAt", ticketSystem)).toEqual([]);
    expect(metricReadsField(onlyJira, "jira", "resolvedAt", ticketSystem)).toHaveLength(1);
  });
});
