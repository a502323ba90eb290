import { OtlpReceiver, ReceivedSpan } from "../support/otlp-receiver";
import { relataVersion } from "../../app/project-root";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

const tenant = uniqueTenant("traces");
const ACCOUNTS = "query Few { accounts(first: 2) { totalCount edges { node { name contacts { totalCount } } } } }";
const UPSERT = `mutation Load($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`;
// Personal data in parameters: it must never reach a span.
const RECORDS = [
  { sourceSystem: "crm", externalId: "PII-EXT-4711", name: "Ada Lovelace Holdings" },
  { sourceSystem: "crm", externalId: "PII-EXT-4712", name: "Grace Hopper Systems" },
];
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN = "00f067aa0ba902b7";
const SERVER = 2;
const CLIENT = 3;
const ERROR = 2;

interface DebugStats {
  cypherQueries: number;
  queries: Array<{ name: string; rows: number }>;
}

describe("OpenTelemetry traces over OTLP/HTTP JSON", () => {
  let receiver: OtlpReceiver;
  let api: TestApi;
  let readStats: DebugStats;
  let writeStats: DebugStats;
  let spans: ReceivedSpan[];

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    api = await startTestApi({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_SERVICE_NAME: "relata-under-test",
    });
    expect(api.runtime.server.telemetry.tracingEnabled).toBe(true);
    const admin = api.token(tenant, "admin");
    const load = await api.post(UPSERT, { input: RECORDS }, { token: admin, headers: { "x-relata-debug": "1" } });
    expect(load.body.data).toEqual({ upsertAccounts: { created: 2 } });
    writeStats = load.body.extensions?.relata as DebugStats;
    const read = await api.post(
      ACCOUNTS,
      {},
      {
        token: admin,
        headers: { "x-relata-debug": "1", traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` },
      },
    );
    expect(read.body.errors).toBeUndefined();
    readStats = read.body.extensions?.relata as DebugStats;
    expect((await api.post("{ viewer { tenant } }", {}, { token: null })).status).toBe(401);
    // Stopping the API flushes the spans still queued to the receiver.
    await api.stop();
    spans = receiver.spans();
  });

  afterAll(async () => {
    await api?.stop();
    await receiver?.stop();
  });

  const requestSpan = (name: string) => {
    const found = spans.filter((span) => span.name === name && span.kind === SERVER);
    expect(found).toHaveLength(1);
    return found[0] as ReceivedSpan;
  };
  const childrenOf = (parent: ReceivedSpan) => spans.filter((span) => span.parentSpanId === parent.spanId);

  it("posts JSON to the collector's /v1/traces as the service named by OTEL_SERVICE_NAME", () => {
    expect(receiver.exports.length).toBeGreaterThan(0);
    expect(receiver.exports.every((received) => received.path === "/v1/traces")).toBe(true);
    expect(receiver.exports.every((received) => received.contentType.startsWith("application/json"))).toBe(true);
    expect(spans.every((span) => span.resource["service.name"] === "relata-under-test")).toBe(true);
    expect(spans.every((span) => span.resource["service.version"] === relataVersion())).toBe(true);
  });

  it("sends a server span per GraphQL request, named after its operation, continuing the caller's trace", () => {
    const read = requestSpan("query Few");
    expect(read.traceId).toBe(TRACE_ID);
    expect(read.parentSpanId).toBe(CALLER_SPAN);
    expect(read.attributes).toMatchObject({
      "graphql.operation.type": "query",
      "graphql.operation.name": "Few",
      "http.request.method": "POST",
      "http.response.status_code": 200,
      "relata.cypher.statements": readStats.cypherQueries,
    });
    const write = requestSpan("mutation Load");
    expect(write.traceId).not.toBe(TRACE_ID);
    expect(write.parentSpanId).toBe("");
    expect(write.attributes["relata.cypher.statements"]).toBe(writeStats.cypherQueries);
  });

  it("puts a client span per Cypher statement under its request, with its name and rows", () => {
    for (const [request, stats] of [
      [requestSpan("query Few"), readStats],
      [requestSpan("mutation Load"), writeStats],
    ] as const) {
      // The role cap's lookup of the token's subject (decision 0018) runs on its own executor, outside the
      // request's statement count; it shows in the trace at most once, when the per-process cache misses.
      const all = childrenOf(request);
      const children = all.filter((span) => span.name !== "user.bySubject");
      expect(all.length - children.length).toBeLessThanOrEqual(1);
      expect(stats.cypherQueries).toBeGreaterThan(0);
      expect(children.map((span) => span.name).sort()).toEqual(stats.queries.map((q) => q.name).sort());
      expect(children.map((span) => span.attributes["db.response.returned_rows"]).sort()).toEqual(
        stats.queries.map((q) => q.rows).sort(),
      );
      for (const child of children) {
        expect(child.kind).toBe(CLIENT);
        expect(child.traceId).toBe(request.traceId);
        expect(child.attributes).toMatchObject({ "db.system.name": "neo4j", "db.query.summary": child.name });
        expect(typeof child.attributes["relata.cypher.db_time_ms"]).toBe("number");
        expect(childrenOf(child)).toEqual([]);
      }
    }
  });

  it("marks a refused request as an error with its code, and traces no statement outside requests", () => {
    const refused = spans.filter(
      (span) => span.kind === SERVER && span.attributes["http.response.status_code"] === 401,
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]?.status.code).toBe(ERROR);
    expect(refused[0]?.attributes["relata.error.codes"]).toEqual(["UNAUTHENTICATED"]);
    // The token revocation list is read every few seconds in the background: none of that is traced.
    const serverIds = new Set(spans.filter((span) => span.kind === SERVER).map((span) => span.spanId));
    expect(spans.filter((span) => span.kind === CLIENT).every((span) => serverIds.has(span.parentSpanId))).toBe(true);
  });

  it("never exports parameters, variables or tenant names", () => {
    const exported = receiver.exports.map((received) => received.body.toString("utf8")).join("\n");
    for (const secret of ["PII-EXT-4711", "Ada Lovelace", "Grace Hopper", tenant]) {
      expect({ secret, exported: exported.includes(secret) }).toEqual({ secret, exported: false });
    }
  });
});

describe("OpenTelemetry traces over OTLP/HTTP protobuf (the default protocol)", () => {
  let receiver: OtlpReceiver;
  let api: TestApi;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    api = await startTestApi({
      OTEL_TRACES_EXPORTER: "otlp",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/custom/traces`,
    });
    const answer = await api.post("query Protobuf { viewer { tenant } }", {}, { token: api.token(tenant, "viewer") });
    expect(answer.body.errors).toBeUndefined();
    await api.stop();
  });

  afterAll(async () => {
    await api?.stop();
    await receiver?.stop();
  });

  it("posts protobuf to the traces endpoint as given, with the request span in it", () => {
    expect(receiver.exports.length).toBeGreaterThan(0);
    expect(receiver.exports.every((received) => received.path === "/custom/traces")).toBe(true);
    expect(receiver.exports.every((received) => received.contentType === "application/x-protobuf")).toBe(true);
    // Protobuf keeps strings as UTF-8 bytes: the span's name is there.
    expect(Buffer.concat(receiver.exports.map((received) => received.body)).includes("query Protobuf")).toBe(true);
  });
});

describe("without an exporter", () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it("starts no OpenTelemetry SDK", async () => {
    expect((await api.post("{ viewer { tenant } }", {}, { token: api.token(tenant) })).status).toBe(200);
    expect(api.runtime.server.telemetry.tracingEnabled).toBe(false);
  });
});
