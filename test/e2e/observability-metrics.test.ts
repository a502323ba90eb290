import { parseExposition, Scrape } from "../support/prometheus-text";
import { relataVersion } from "../../app/project-root";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

const tenant = uniqueTenant("metrics");
const METRICS_TOKEN = "metrics-token-0123456789abcdef";

const VIEWER = "query Who { viewer { tenant role } }";
const ACCOUNTS = "query Few { accounts(first: 2) { totalCount edges { node { name } } } }";
const UPSERT = `mutation Load($input: [AccountInput!]!) { upsertAccounts(input: $input) { created unchanged rejected } }`;
const RECORDS = [
  { sourceSystem: "crm", externalId: "M-1", name: "Metric One" },
  { sourceSystem: "crm", externalId: "M-2", name: "Metric Two" },
  { sourceSystem: "crm", externalId: "M-3", name: "Metric Three", annualRevenue: -5 },
];
const debug = { "x-relata-debug": "1" };

interface DebugStats {
  cypherQueries: number;
  queries: Array<{ name: string }>;
}

async function scrape(api: TestApi, headers: Record<string, string> = {}): Promise<Scrape> {
  const response = await fetch(api.url.replace("/graphql", "/metrics"), { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

function statsOf(body: { extensions?: Record<string, unknown> }): DebugStats {
  const stats = (body.extensions?.relata ?? null) as DebugStats | null;
  expect(stats).not.toBeNull();
  return stats as DebugStats;
}

describe("/metrics with the defaults (on, no token, no tenant labels)", () => {
  let api: TestApi;
  let before: Scrape;
  let after: Scrape;
  /** Cypher statements of each answered query and mutation, as the debug header reported them. */
  const statementsByName = new Map<string, number>();
  let queryStatements = 0;
  let mutationStatements = 0;

  beforeAll(async () => {
    // A tiny per-token burst, so one token can be refused while every other request uses a fresh token.
    api = await startTestApi({ RELATA_RATE_TOKEN_BURST: "2", RELATA_RATE_TOKEN_PER_SECOND: "0.01" });
    before = await scrape(api);
    const record = (stats: DebugStats, into: "query" | "mutation") => {
      if (into === "query") queryStatements += stats.cypherQueries;
      else mutationStatements += stats.cypherQueries;
      for (const { name } of stats.queries) statementsByName.set(name, (statementsByName.get(name) ?? 0) + 1);
    };
    for (const query of [VIEWER, ACCOUNTS, ACCOUNTS]) {
      const answer = await api.post(query, {}, { token: api.token(tenant, "admin"), headers: debug });
      expect(answer.body.errors).toBeUndefined();
      record(statsOf(answer.body), "query");
    }
    const load = await api.post(UPSERT, { input: RECORDS }, { token: api.token(tenant, "admin"), headers: debug });
    expect(load.body.data).toEqual({ upsertAccounts: { created: 2, unchanged: 0, rejected: 1 } });
    record(statsOf(load.body), "mutation");
    const again = await api.post(UPSERT, { input: RECORDS }, { token: api.token(tenant, "admin"), headers: debug });
    expect(again.body.data).toEqual({ upsertAccounts: { created: 0, unchanged: 2, rejected: 1 } });
    record(statsOf(again.body), "mutation");
    // Refused before execution: no token, then a document that does not parse.
    expect((await api.post(VIEWER, {}, { token: null })).status).toBe(401);
    expect((await api.post("{ viewer {", {}, { token: api.token(tenant) })).status).toBe(400);
    // A viewer may not upsert: an error with no data, after execution started.
    const forbidden = await api.post(UPSERT, { input: RECORDS }, { token: api.token(tenant, "viewer") });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // The third request of one token within its burst of two.
    const limited = api.token(tenant, "viewer");
    for (let i = 0; i < 2; i += 1) expect((await api.post(VIEWER, {}, { token: limited })).status).toBe(200);
    expect((await api.post(VIEWER, {}, { token: limited })).status).toBe(429);
    after = await scrape(api);
  });

  afterAll(async () => {
    await api?.stop();
  });

  const delta = (name: string, labels: Record<string, string> = {}) =>
    after.sum(name, labels) - before.sum(name, labels);

  it("counts requests by operation type and outcome", () => {
    const requests = "relata_graphql_requests_total";
    expect(after.types.get(requests)).toBe("counter");
    // Three queries with statistics, two of the limited token's before its refusal.
    expect(delta(requests, { operation_type: "query", outcome: "ok" })).toBe(5);
    expect(delta(requests, { operation_type: "mutation", outcome: "ok" })).toBe(2);
    expect(delta(requests, { operation_type: "mutation", outcome: "error" })).toBe(1);
    // No token, unparsable, rate-limited: refused before an operation was known.
    expect(delta(requests, { operation_type: "unknown", outcome: "error" })).toBe(3);
    expect(delta(requests)).toBe(11);
  });

  it("times requests that started, by operation type", () => {
    const latency = "relata_graphql_request_duration_seconds";
    expect(after.types.get(latency)).toBe("histogram");
    expect(delta(`${latency}_count`, { operation_type: "query" })).toBe(5);
    expect(delta(`${latency}_count`, { operation_type: "mutation" })).toBe(3);
    expect(delta(`${latency}_sum`, { operation_type: "mutation" })).toBeGreaterThan(0);
    // The parse failure started (with a token) and is timed as unknown; refusals by token or rate never started.
    expect(delta(`${latency}_count`, { operation_type: "unknown" })).toBe(1);
    const inf = after.find(`${latency}_bucket`, { operation_type: "query", le: "+Inf" })[0]?.value;
    expect(inf).toBe(after.sum(`${latency}_count`, { operation_type: "query" }));
  });

  it("records the Cypher statements of each request, matching what the debug header reports", () => {
    const perRequest = "relata_graphql_request_cypher_statements";
    expect(queryStatements).toBeGreaterThan(0);
    // The limited token's two queries ran the viewer query's statements too (none: viewer reads the token).
    expect(delta(`${perRequest}_sum`, { operation_type: "query" })).toBe(queryStatements);
    // The forbidden upsert was refused by the role check before any statement.
    expect(delta(`${perRequest}_sum`, { operation_type: "mutation" })).toBe(mutationStatements);
    for (const [name, count] of statementsByName) {
      expect({ name, sent: delta("relata_cypher_statements_total", { statement: name, outcome: "ok" }) }).toEqual({
        name,
        sent: count,
      });
      expect(delta("relata_cypher_statement_duration_seconds_count", { statement: name })).toBe(count);
    }
  });

  it("counts errors by public code and rate-limit refusals by limit", () => {
    expect(delta("relata_graphql_errors_total", { code: "UNAUTHENTICATED" })).toBe(1);
    expect(delta("relata_graphql_errors_total", { code: "GRAPHQL_PARSE_FAILED" })).toBe(1);
    expect(delta("relata_graphql_errors_total", { code: "FORBIDDEN" })).toBe(1);
    expect(delta("relata_graphql_errors_total", { code: "RATE_LIMITED" })).toBe(1);
    expect(delta("relata_graphql_errors_total")).toBe(4);
    expect(delta("relata_rate_limit_refusals_total", { reason: "TOKEN_RATE_LIMIT" })).toBe(1);
    expect(delta("relata_rate_limit_refusals_total")).toBe(1);
  });

  it("counts ingested records by kind and status", () => {
    const rows = "relata_ingest_rows_total";
    expect(delta(rows, { kind: "account", status: "created" })).toBe(2);
    expect(delta(rows, { kind: "account", status: "unchanged" })).toBe(2);
    expect(delta(rows, { kind: "account", status: "rejected" })).toBe(2);
    expect(delta(rows, { kind: "account", status: "updated" })).toBe(0);
  });

  it("shows the Neo4j driver's pool and the process", () => {
    const connections = after.sum("relata_neo4j_pool_connections");
    expect(connections).toBeGreaterThanOrEqual(1);
    expect(after.find("relata_neo4j_pool_connections", { state: "idle" })).toHaveLength(1);
    expect(after.find("relata_neo4j_pool_connections", { state: "in_use" })).toHaveLength(1);
    expect(after.sum("relata_neo4j_pool_max_size")).toBe(100);
    expect(after.find("relata_neo4j_pool_waiting_acquisitions")).toHaveLength(1);
    expect(after.sum("process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(after.sum("nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
    expect(after.find("relata_build_info", { version: relataVersion() })).toHaveLength(1);
  });

  it("names no tenant: no label or value carries one", () => {
    expect(after.samples.some((sample) => JSON.stringify(sample.labels).includes(tenant))).toBe(false);
    expect(after.find("relata_graphql_requests_total").every((s) => s.labels.tenant === undefined)).toBe(true);
  });
});

describe("/metrics behind a token, with tenant labels opted in", () => {
  let api: TestApi;
  const metricsUrl = () => api.url.replace("/graphql", "/metrics");

  beforeAll(async () => {
    api = await startTestApi({ RELATA_METRICS_TOKEN: METRICS_TOKEN, RELATA_TELEMETRY_TENANTS: "1" });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it("refuses a scrape without the token, with a wrong one, or with an API token", async () => {
    for (const authorization of [undefined, "Bearer wrong-token-0123456789", `Bearer ${api.token(tenant)}`]) {
      const response = await fetch(metricsUrl(), { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="relata-metrics"');
      expect(await response.text()).toMatch(/RELATA_METRICS_TOKEN/);
    }
  });

  it("answers the token as a bearer token or as a Basic password", async () => {
    const basic = Buffer.from(`prometheus:${METRICS_TOKEN}`).toString("base64");
    for (const authorization of [`Bearer ${METRICS_TOKEN}`, `Basic ${basic}`]) {
      const response = await fetch(metricsUrl(), { headers: { authorization } });
      expect(response.status).toBe(200);
      expect(parseExposition(await response.text()).types.get("relata_graphql_requests_total")).toBe("counter");
    }
  });

  it("labels requests with their tenant when RELATA_TELEMETRY_TENANTS=1", async () => {
    expect((await api.post(VIEWER, {}, { token: api.token(tenant, "viewer") })).status).toBe(200);
    const scraped = await scrape(api, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(scraped.sum("relata_graphql_requests_total", { tenant, operation_type: "query", outcome: "ok" })).toBe(1);
  });
});

describe("/metrics turned off", () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ RELATA_METRICS: "0" });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it("is not there (404) and the API still answers", async () => {
    expect((await fetch(api.url.replace("/graphql", "/metrics"))).status).toBe(404);
    expect((await api.post(VIEWER, {}, { token: api.token(tenant) })).body.data).toEqual({
      viewer: { tenant, role: "admin" },
    });
  });
});
