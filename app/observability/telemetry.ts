import type { Span } from "@opentelemetry/api";
import { IncomingMessage, ServerResponse } from "node:http";
import { Logger } from "pino";
import { GraphDatabase } from "../../graph/graph-database";
import { IngestObserver } from "../../services/ingest/ingest-observer";
import { serveMetrics } from "./metrics-endpoint";
import { FinishedRequest, RelataMetrics } from "./relata-metrics";
import { RequestSpanDetails, RequestTracing } from "./request-tracing";
import { TelemetrySettings } from "./telemetry-settings";

/** A finished request with what its span needs besides the metrics. */
export type FinishedRequestDetails = FinishedRequest & Pick<RequestSpanDetails, "operationName" | "dbTimeMs">;

/**
 * The server's metrics and traces in one place: the server routes `/metrics` here and runs each GraphQL
 * request through {@link Telemetry.traced}; the telemetry plugin reports each answer; the database and
 * the ingest service report statements and records through observers. Off parts cost nothing: without an
 * exporter no OpenTelemetry SDK is loaded, and RELATA_METRICS=0 creates no registry.
 */
export class Telemetry {
  /** Null when RELATA_METRICS=0. */
  readonly metrics: RelataMetrics | null;
  private tracing: RequestTracing | null = null;

  constructor(
    private readonly settings: TelemetrySettings,
    private readonly database: GraphDatabase,
    private readonly log: Logger,
    private readonly version: string,
  ) {
    this.metrics = settings.metrics.enabled
      ? new RelataMetrics({ tenantLabels: settings.tenantLabels, pool: () => database.poolStats(), version })
      : null;
    if (this.metrics !== null) database.observeStatements(this.metrics.statementObserver);
  }

  /** Whether spans are being exported (an OpenTelemetry exporter is configured and started). */
  get tracingEnabled(): boolean {
    return this.tracing !== null;
  }

  /** For the ingest service: counts records by kind and status; undefined when metrics are off. */
  get ingestObserver(): IngestObserver | undefined {
    return this.metrics?.ingestObserver;
  }

  /** Starts tracing when an exporter is configured; says where metrics and spans go. */
  async start(host: string): Promise<void> {
    const { metrics, tracing } = this.settings;
    if (metrics.enabled && metrics.token === null && !/^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host)) {
      this.log.warn(
        { host },
        "/metrics is open to anyone who reaches this port; set RELATA_METRICS_TOKEN, or RELATA_METRICS=0",
      );
    }
    if (tracing !== null && this.tracing === null) {
      this.tracing = await RequestTracing.start(tracing, this.version);
      this.database.observeStatements(this.tracing.statementObserver);
      const target = tracing.export.kind === "otlp" ? `${tracing.export.protocol} ${tracing.export.url}` : "stdout";
      this.log.info({ exporter: target, sampler: tracing.sampler }, "OpenTelemetry traces on");
    }
  }

  /** Sends the spans still queued and stops the SDK. */
  async stop(): Promise<void> {
    const tracing = this.tracing;
    this.tracing = null;
    await tracing?.shutdown();
  }

  /** Runs one HTTP GraphQL request in its trace span, or just runs it when tracing is off. */
  traced<T extends { status?: number }>(req: IncomingMessage, run: () => Promise<T>): Promise<T> {
    return this.tracing === null ? run() : this.tracing.traced(req.method ?? "GET", req.headers, run);
  }

  /** The span of the request being handled (inside {@link Telemetry.traced}), if it is traced. */
  requestSpan(): Span | undefined {
    return this.tracing?.currentSpan();
  }

  /** Records an answered (or refused) request in the metrics and on its span. */
  requestFinished(request: FinishedRequestDetails, span: Span | undefined): void {
    this.metrics?.requestFinished(request);
    if (span === undefined || this.tracing === null) return;
    this.tracing.describe(span, {
      operationType: request.operationType === "unknown" ? undefined : request.operationType,
      operationName: request.operationName,
      statements: request.statements,
      dbTimeMs: request.dbTimeMs,
      errorCodes: request.errors.map((error) => error.code),
      failed: request.outcome === "error",
      tenant: this.settings.tenantLabels ? request.tenant : undefined,
    });
  }

  /** Answers `/metrics`; false when metrics are off (the path is then unknown). */
  async serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (this.metrics === null) return false;
    await serveMetrics(this.metrics.registry, this.settings.metrics.token, req, res);
    return true;
  }
}
