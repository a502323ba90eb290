import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { ConnectionPoolStats } from "../../graph/pool-stats";
import { StatementEnd, StatementObserver, StatementStart } from "../../graph/statement-observer";
import { IngestCounts, IngestObserver } from "../../services/ingest/ingest-observer";
import { BoundedLabels } from "./bounded-labels";

/** How a GraphQL request ended: no errors, errors beside data, or errors and no data (refusals included). */
export type RequestOutcome = "ok" | "partial" | "error";

/** One finished GraphQL request, as the metrics see it. */
export interface FinishedRequest {
  /** query, mutation, subscription, or `unknown` when it never got that far (refused, unparsable). */
  operationType: string;
  outcome: RequestOutcome;
  /** From the request's start to its answer; absent for requests refused before they started. */
  seconds?: number;
  /** Cypher statements the request ran; absent for requests refused before they started. */
  statements?: number;
  /** Only with RELATA_TELEMETRY_TENANTS=1. */
  tenant?: string;
  /** The public codes of its errors, with their reasons (e.g. RATE_LIMITED / TOKEN_RATE_LIMIT). */
  errors: ReadonlyArray<{ code: string; reason?: string }>;
}

const OPERATION_TYPES = new Set(["query", "mutation", "subscription"]);

/**
 * Relata's Prometheus metrics, in a registry of its own (one per server, so two servers in one process
 * never share counters): requests, their latency and Cypher statements, errors by public code, rate-limit
 * refusals, Cypher statements by name, ingested records, the Neo4j driver's pool and Node's process
 * metrics. No label carries tenant data unless RELATA_TELEMETRY_TENANTS=1 adds the tenant to requests.
 */
export class RelataMetrics {
  readonly registry = new Registry();
  private readonly tenantLabels: boolean;
  private readonly requests: Counter;
  private readonly duration: Histogram;
  private readonly statementsPerRequest: Histogram;
  private readonly errors: Counter;
  private readonly refusals: Counter;
  private readonly statements: Counter;
  private readonly statementDuration: Histogram;
  private readonly ingestRows: Counter;
  private readonly statementNames = new BoundedLabels(300);
  private readonly errorCodes = new BoundedLabels(60, /^[A-Z][A-Z0-9_]{0,60}$/);
  private readonly tenants = new BoundedLabels(1_000);

  /** Sees every Cypher statement of the server's database. */
  readonly statementObserver: StatementObserver = {
    started: (statement: StatementStart) => (end: StatementEnd) => this.statementEnded(statement, end),
  };

  /** Counts the records of every bulk call. */
  readonly ingestObserver: IngestObserver = {
    recordsProcessed: (kind: string, counts: IngestCounts) => {
      for (const [status, count] of Object.entries(counts)) {
        if (count > 0) this.ingestRows.inc({ kind, status: status.toLowerCase() }, count);
      }
    },
  };

  constructor(options: { tenantLabels: boolean; pool: () => ConnectionPoolStats | null; version: string }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: "relata_build_info",
      help: "Always 1; the labels say which Relata and Node.js run.",
      labelNames: ["version", "node_version"],
      registers,
    }).set({ version: options.version, node_version: process.versions.node }, 1);
    this.tenantLabels = options.tenantLabels;
    this.requests = new Counter({
      name: "relata_graphql_requests_total",
      help: "GraphQL requests answered, by operation type and outcome (ok, partial: errors beside data, error).",
      labelNames: options.tenantLabels ? ["operation_type", "outcome", "tenant"] : ["operation_type", "outcome"],
      registers,
    });
    this.duration = new Histogram({
      name: "relata_graphql_request_duration_seconds",
      help: "Time from the start of a GraphQL request (after authentication) to its answer.",
      labelNames: ["operation_type"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    this.statementsPerRequest = new Histogram({
      name: "relata_graphql_request_cypher_statements",
      help: "Cypher statements one GraphQL request ran (the N+1 alarm in production).",
      labelNames: ["operation_type"],
      buckets: [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
      registers,
    });
    this.errors = new Counter({
      name: "relata_graphql_errors_total",
      help: "Errors in GraphQL answers, by public code (extensions.code).",
      labelNames: ["code"],
      registers,
    });
    this.refusals = new Counter({
      name: "relata_rate_limit_refusals_total",
      help: "Requests refused with RATE_LIMITED (HTTP 429), by the limit they hit.",
      labelNames: ["reason"],
      registers,
    });
    this.statements = new Counter({
      name: "relata_cypher_statements_total",
      help: "Cypher statements (or multi-statement transactions) sent to Neo4j, by name, mode and outcome.",
      labelNames: ["statement", "mode", "outcome"],
      registers,
    });
    this.statementDuration = new Histogram({
      name: "relata_cypher_statement_duration_seconds",
      help: "Time one Cypher statement took, retries included, by name.",
      labelNames: ["statement"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 30],
      registers,
    });
    this.ingestRows = new Counter({
      name: "relata_ingest_rows_total",
      help: "Records of bulk upserts, by kind and status (created, updated, unchanged, rejected).",
      labelNames: ["kind", "status"],
      registers,
    });
    // The driver is connected by now; a driver that does not show its pool gets no pool metrics at all.
    if (options.pool() !== null) this.poolGauges(options.pool, registers);
  }

  private poolGauges(pool: () => ConnectionPoolStats | null, registers: Registry[]): void {
    new Gauge({
      name: "relata_neo4j_pool_connections",
      help: "Connections of the Neo4j driver's pool, by state (in_use, idle).",
      labelNames: ["state"],
      registers,
      collect() {
        const stats = pool();
        if (stats === null) return;
        this.set({ state: "in_use" }, stats.inUse);
        this.set({ state: "idle" }, stats.idle);
      },
    });
    new Gauge({
      name: "relata_neo4j_pool_waiting_acquisitions",
      help: "Sessions waiting for a connection because the pool is full (acquisition wait).",
      registers,
      collect() {
        this.set(pool()?.waiting ?? 0);
      },
    });
    new Gauge({
      name: "relata_neo4j_pool_max_size",
      help: "The Neo4j driver pool's maximum size per server.",
      registers,
      collect() {
        this.set(pool()?.maxSize ?? 0);
      },
    });
  }

  requestFinished(request: FinishedRequest): void {
    const operationType = OPERATION_TYPES.has(request.operationType) ? request.operationType : "unknown";
    const labels: Record<string, string> = { operation_type: operationType, outcome: request.outcome };
    if (this.tenantLabels) labels.tenant = request.tenant === undefined ? "" : this.tenants.of(request.tenant);
    this.requests.inc(labels);
    if (request.seconds !== undefined) this.duration.observe({ operation_type: operationType }, request.seconds);
    if (request.statements !== undefined) {
      this.statementsPerRequest.observe({ operation_type: operationType }, request.statements);
    }
    for (const { code, reason } of request.errors) {
      this.errors.inc({ code: this.errorCodes.of(code) });
      if (code === "RATE_LIMITED") this.refusals.inc({ reason: this.errorCodes.of(reason ?? "UNKNOWN") });
    }
  }

  private statementEnded(statement: StatementStart, end: StatementEnd): void {
    const name = this.statementNames.of(statement.name);
    const outcome = end.error === undefined ? "ok" : end.error.toLowerCase();
    this.statements.inc({ statement: name, mode: statement.mode.toLowerCase(), outcome });
    this.statementDuration.observe({ statement: name }, end.ms / 1000);
  }
}
