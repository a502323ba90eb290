import { context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace, Tracer } from "@opentelemetry/api";
import type { NodeTracerProvider, Sampler, SpanExporter } from "@opentelemetry/sdk-trace-node";
import { IncomingHttpHeaders } from "node:http";
import { StatementEnd, StatementObserver, StatementStart } from "../../graph/statement-observer";
import { TraceExport, TracingSettings } from "./telemetry-settings";

type TraceSdk = typeof import("@opentelemetry/sdk-trace-node");

/** What a request span learns once its GraphQL operation is known and answered. */
export interface RequestSpanDetails {
  operationType?: string;
  operationName?: string | null;
  statements?: number;
  dbTimeMs?: number;
  errorCodes: readonly string[];
  failed: boolean;
  /** Only with RELATA_TELEMETRY_TENANTS=1. */
  tenant?: string;
}

const ignoreEnd = (): void => undefined;

function sampler(sdk: TraceSdk, settings: TracingSettings): Sampler {
  const ratio = () => new sdk.TraceIdRatioBasedSampler(settings.samplerRatio);
  switch (settings.sampler) {
    case "always_on":
      return new sdk.AlwaysOnSampler();
    case "always_off":
      return new sdk.AlwaysOffSampler();
    case "traceidratio":
      return ratio();
    case "parentbased_always_on":
      return new sdk.ParentBasedSampler({ root: new sdk.AlwaysOnSampler() });
    case "parentbased_always_off":
      return new sdk.ParentBasedSampler({ root: new sdk.AlwaysOffSampler() });
    case "parentbased_traceidratio":
      return new sdk.ParentBasedSampler({ root: ratio() });
    default: {
      const unreachable: never = settings.sampler;
      return unreachable;
    }
  }
}

async function exporter(sdk: TraceSdk, settings: TraceExport): Promise<SpanExporter> {
  if (settings.kind === "console") return new sdk.ConsoleSpanExporter();
  const options = { url: settings.url, headers: settings.headers, timeoutMillis: settings.timeoutMs };
  if (settings.protocol === "http/json") {
    const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-http");
    return new OTLPTraceExporter(options);
  }
  const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-proto");
  return new OTLPTraceExporter(options);
}

/**
 * OpenTelemetry traces: a server span per GraphQL request (continuing the caller's trace from its
 * `traceparent` header) with a client span per Cypher statement beneath it. The SDK is loaded only by
 * {@link RequestTracing.start}, i.e. only when an exporter is configured. Spans carry names, counts,
 * times and error codes, never statement parameters, variables or query text: those hold personal data.
 */
export class RequestTracing {
  /** Opens a span per statement run inside a traced request; statements outside requests are not traced. */
  readonly statementObserver: StatementObserver = {
    started: (statement: StatementStart) => {
      const parent = context.active();
      if (trace.getSpan(parent) === undefined) return ignoreEnd;
      const span = this.tracer.startSpan(
        statement.name,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            "db.system.name": "neo4j",
            "db.namespace": statement.database,
            "db.operation.name": statement.mode,
            "db.query.summary": statement.name,
          },
        },
        parent,
      );
      return (end: StatementEnd) => {
        span.setAttribute("db.response.returned_rows", end.rows);
        span.setAttribute("relata.cypher.db_time_ms", Math.round(end.ms * 100) / 100);
        if (end.error !== undefined) {
          // The code only: Neo4j's messages can quote the values that broke a constraint.
          span.setAttribute("error.type", end.error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: end.error });
        }
        span.end();
      };
    },
  };

  private constructor(
    private readonly provider: NodeTracerProvider,
    private readonly tracer: Tracer,
  ) {}

  /** Starts the SDK: a tracer provider with a batching OTLP (or console) exporter, registered for the process. */
  static async start(settings: TracingSettings, version: string): Promise<RequestTracing> {
    const sdk = await import("@opentelemetry/sdk-trace-node");
    const { resourceFromAttributes } = await import("@opentelemetry/resources");
    const provider = new sdk.NodeTracerProvider({
      resource: resourceFromAttributes({
        ...settings.resourceAttributes,
        "service.name": settings.serviceName,
        "service.version": version,
      }),
      sampler: sampler(sdk, settings),
      spanProcessors: [new sdk.BatchSpanProcessor(await exporter(sdk, settings.export), settings.batch)],
    });
    // Sets the async context manager (spans follow awaits into resolvers and loaders) and the W3C propagator.
    provider.register();
    return new RequestTracing(provider, provider.getTracer("relata", version));
  }

  /** Runs one HTTP GraphQL request inside its server span and ends the span with the answer's status. */
  async traced<T extends { status?: number }>(
    method: string,
    headers: IncomingHttpHeaders,
    run: () => Promise<T>,
  ): Promise<T> {
    const parent = propagation.extract(ROOT_CONTEXT, headers);
    const span = this.tracer.startSpan(
      "GraphQL",
      { kind: SpanKind.SERVER, attributes: { "http.request.method": method, "url.path": "/graphql" } },
      parent,
    );
    try {
      const response = await context.with(trace.setSpan(parent, span), run);
      const status = response.status ?? 200;
      span.setAttribute("http.response.status_code", status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${status}` });
      return response;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: "unhandled error" });
      throw error;
    } finally {
      span.end();
    }
  }

  /** The span of the request being handled, if it is traced. */
  currentSpan(): Span | undefined {
    return trace.getActiveSpan();
  }

  /** Names the request span after its operation (`query AccountHealth`) and records how it went. */
  describe(span: Span, details: RequestSpanDetails): void {
    if (details.operationType !== undefined) {
      span.updateName(`${details.operationType}${details.operationName ? ` ${details.operationName}` : ""}`);
      span.setAttribute("graphql.operation.type", details.operationType);
    }
    if (details.operationName) span.setAttribute("graphql.operation.name", details.operationName);
    if (details.statements !== undefined) span.setAttribute("relata.cypher.statements", details.statements);
    if (details.dbTimeMs !== undefined) {
      span.setAttribute("relata.cypher.db_time_ms", Math.round(details.dbTimeMs * 100) / 100);
    }
    if (details.tenant !== undefined) span.setAttribute("relata.tenant", details.tenant);
    if (details.errorCodes.length > 0) span.setAttribute("relata.error.codes", [...new Set(details.errorCodes)]);
    if (details.failed) span.setStatus({ code: SpanStatusCode.ERROR, message: details.errorCodes.join(", ") });
  }

  /** Sends the spans still queued, then stops the SDK and takes it off the process's OpenTelemetry API. */
  async shutdown(): Promise<void> {
    await this.provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  }
}
