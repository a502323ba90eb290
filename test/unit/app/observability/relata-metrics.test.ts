import { RelataMetrics } from "../../../../app/observability/relata-metrics";
import { parseExposition } from "../../../support/prometheus-text";

async function scrape(metrics: RelataMetrics) {
  return parseExposition(await metrics.registry.metrics());
}

describe("Relata's metrics (issue 19)", () => {
  it("leave out the pool metrics, rather than report zeros, when the driver does not show its pool", async () => {
    const metrics = new RelataMetrics({ tenantLabels: false, pool: () => null, version: "9.9.9" });
    const scraped = await scrape(metrics);
    expect(scraped.find("relata_neo4j_pool_connections")).toEqual([]);
    expect(scraped.find("relata_neo4j_pool_max_size")).toEqual([]);
    expect(scraped.find("relata_build_info", { version: "9.9.9" })).toHaveLength(1);
  });

  it("keep unknown operation types and odd error codes to bounded labels", async () => {
    const metrics = new RelataMetrics({ tenantLabels: false, pool: () => null, version: "1" });
    metrics.requestFinished({
      operationType: "not-an-operation",
      outcome: "error",
      errors: [{ code: "weird code from somewhere" }, { code: "RATE_LIMITED", reason: "TENANT_RATE_LIMIT" }],
    });
    const scraped = await scrape(metrics);
    expect(scraped.sum("relata_graphql_requests_total", { operation_type: "unknown", outcome: "error" })).toBe(1);
    expect(scraped.sum("relata_graphql_errors_total", { code: "other" })).toBe(1);
    expect(scraped.sum("relata_rate_limit_refusals_total", { reason: "TENANT_RATE_LIMIT" })).toBe(1);
    // Refused before starting: counted, not timed.
    expect(scraped.sum("relata_graphql_request_duration_seconds_count")).toBe(0);
  });

  it("count statements by name, mode and outcome, and time them in seconds", async () => {
    const metrics = new RelataMetrics({ tenantLabels: false, pool: () => null, version: "1" });
    metrics.statementObserver.started({ name: "account.byIds", mode: "READ", database: "neo4j" })({ rows: 2, ms: 40 });
    metrics.statementObserver.started({ name: "upsert.Account", mode: "WRITE", database: "neo4j" })({
      rows: 0,
      ms: 5,
      error: "UNAVAILABLE",
    });
    const scraped = await scrape(metrics);
    expect(
      scraped.sum("relata_cypher_statements_total", { statement: "account.byIds", mode: "read", outcome: "ok" }),
    ).toBe(1);
    expect(
      scraped.sum("relata_cypher_statements_total", {
        statement: "upsert.Account",
        mode: "write",
        outcome: "unavailable",
      }),
    ).toBe(1);
    expect(scraped.sum("relata_cypher_statement_duration_seconds_sum", { statement: "account.byIds" })).toBeCloseTo(
      0.04,
    );
    expect(
      scraped.find("relata_cypher_statement_duration_seconds_bucket", { statement: "account.byIds", le: "0.05" })[0]
        ?.value,
    ).toBe(1);
  });

  it("count ingested records by kind and status, skipping zeros", async () => {
    const metrics = new RelataMetrics({ tenantLabels: false, pool: () => null, version: "1" });
    metrics.ingestObserver.recordsProcessed("source_system", { CREATED: 1, UPDATED: 0, UNCHANGED: 2, REJECTED: 0 });
    const scraped = await scrape(metrics);
    expect(scraped.find("relata_ingest_rows_total").map((s) => [s.labels.kind, s.labels.status, s.value])).toEqual([
      ["source_system", "created", 1],
      ["source_system", "unchanged", 2],
    ]);
  });
});
