import { ApolloServer, HeaderMap } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { GraphQLSchema } from "graphql";
import { GraphDatabase } from "../graph/graph-database";
import { IncomingMessage, Server, ServerResponse, createServer } from "node:http";
import { AddressInfo } from "node:net";
import { Logger } from "pino";
import { RequestContext } from "../resolvers/context";
import { Clock } from "../domain/time/clock";
import { RelataConfig } from "./config";
import { ContextFactory } from "./context-factory";
import { toGraphQLError } from "./errors/to-graphql-error";
import { formatErrorFor } from "./errors/format-error";
import { personalDataAuditPlugin } from "./plugins/personal-data-audit.plugin";
import { debugStatsPlugin } from "./plugins/debug-stats.plugin";
import { httpStatusPlugin } from "./plugins/http-status.plugin";
import { BodyTooLargeError, readBody } from "./http/read-body";
import { bodyTooLarge } from "./limits/body-limit";
import { queryGuardPlugin } from "./plugins/query-guard.plugin";
import { queryShapeRules } from "./validation/query-shape-rules";
import { CorsPolicy } from "./http/cors";
import { RequestDrain } from "./http/request-drain";
import { RateLimiter } from "./limits/rate-limiter";
import { HeavyOperationSlots } from "./limits/heavy-operation-slots";
import { heavyOperationsPlugin } from "./plugins/heavy-operations.plugin";
import { Telemetry } from "./observability/telemetry";
import { telemetryPlugin } from "./observability/telemetry.plugin";
import { GraphqlIde, IDE_ASSET_PATH } from "./ide/graphql-ide";
import { relataVersion } from "./project-root";
import { HEALTH_EXPORT_PATH, HealthExportRoute } from "./http/health-export.route";
import { ExplorerSite } from "./explorer/explorer-site";
import { DEMO_TOKEN_PATH, DemoTokenRoute } from "./explorer/demo-token.route";
import { CHANGES_PATH, ChangesRoute } from "./http/changes.route";
import { AUDIT_PUBLIC_KEY_PATH, AuditPublicKeyRoute, CONTRACT_PUBLIC_KEY_PATH } from "./http/audit-public-key.route";
import { AuditKeys } from "./audit/audit-keys";
import { SubscriptionServer } from "./subscriptions/subscription-server";
import { DEFAULT_USAGE_RECORDER, UsageRecorder } from "./usage/usage-recorder";
import { UsageWriter } from "../graph/usage/usage-writer";
import { usageRecordingPlugin } from "./plugins/usage-recording.plugin";

/** How long an idle keep-alive connection stays open (see the server's constructor). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface RelataServerOptions {
  config: RelataConfig;
  database: GraphDatabase;
  schema: GraphQLSchema;
  log: Logger;
  /** "Now" for every service of every request (scoring windows, provenance); tests pin it. */
  clock: Clock;
  /** The audit trail's published keys (app/audit/audit-keys.ts); none: checkpoints cannot be verified. */
  auditKeys?: AuditKeys | null;
}

/**
 * The GraphQL API over HTTP: `/graphql` (the IDE for browsers), `/healthz` (process up), `/readyz` (Neo4j
 * reachable), `/metrics` (Prometheus), `/v1/exports/health` (accounts with their scores, NDJSON) and
 * `/v1/changes` (the change feed, NDJSON), and `/explorer` (the web app, docs/explorer.md).
 */
export class RelataServer {
  readonly apollo: ApolloServer<RequestContext>;
  readonly contexts: ContextFactory;
  readonly httpServer: Server;
  /** Per-tenant caps on bulk upserts, recompute, calibration and imports (exposed for tests). */
  readonly heavyOperations: HeavyOperationSlots;
  /** Metrics and traces (exposed for tests). */
  readonly telemetry: Telemetry;
  /** GraphQL subscriptions over WebSocket at /graphql, and their poller (exposed for tests). */
  readonly subscriptions: SubscriptionServer;
  /** Counts operations per tenant, principal, operation and week for usage calibration (exposed for tests). */
  readonly usage: UsageRecorder;
  private readonly ide: GraphqlIde;
  private readonly healthExport: HealthExportRoute;
  private readonly explorer: ExplorerSite;
  private readonly demoToken: DemoTokenRoute;
  private readonly changesRoute: ChangesRoute;
  private readonly auditPublicKey: AuditPublicKeyRoute;
  /** The same keys for value contract statements (decision 0026). */
  private readonly contractPublicKey: AuditPublicKeyRoute;
  private readonly rateLimiter: RateLimiter;
  private readonly cors: CorsPolicy;
  private readonly drain = new RequestDrain();
  private started = false;

  constructor(private readonly options: RelataServerOptions) {
    const { config, database, schema, log } = options;
    this.telemetry = new Telemetry(config.telemetry, database, log, relataVersion());
    this.ide = new GraphqlIde(config.ide.enabled);
    this.explorer = new ExplorerSite(config.explorer.enabled);
    this.demoToken = new DemoTokenRoute(config);
    const publishedAuditKeys = options.auditKeys?.publishedKeys ?? [];
    this.contexts = new ContextFactory(
      database,
      config,
      log,
      options.clock,
      this.telemetry.ingestObserver,
      publishedAuditKeys,
      options.auditKeys?.signingKey ?? null,
    );
    this.auditPublicKey = new AuditPublicKeyRoute(publishedAuditKeys);
    this.contractPublicKey = new AuditPublicKeyRoute(publishedAuditKeys, CONTRACT_PUBLIC_KEY_PATH);
    this.rateLimiter = new RateLimiter(config.rateLimits);
    this.heavyOperations = new HeavyOperationSlots(config.heavyOperations);
    this.cors = new CorsPolicy(config.cors);
    this.healthExport = new HealthExportRoute(this.contexts, this.rateLimiter, this.heavyOperations, log);
    this.changesRoute = new ChangesRoute(
      this.contexts,
      this.rateLimiter,
      this.heavyOperations,
      config.maxPageSize,
      log,
    );
    this.httpServer = createServer((req, res) => {
      this.drain.track(res);
      this.handle(req, res).catch((error: unknown) => {
        log.error({ err: error }, "unhandled HTTP error");
        send(res, 500, {
          errors: [{ message: "Internal error; it has been logged.", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
        });
      });
    });
    // Idle keep-alive connections stay open longer than load balancers' and HTTP clients' pools keep them
    // (AWS ALB: 60 s): a server that closes first races a request sent on the closing socket, which the
    // client sees as ECONNRESET (Node's default is 5 s). Headers must then be allowed a little longer still.
    this.httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    this.httpServer.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
    this.subscriptions = new SubscriptionServer(
      this.httpServer,
      schema,
      this.contexts,
      this.rateLimiter,
      database,
      config,
      log,
    );
    // Usage counts are written in batches outside any request, so on an executor of their own.
    this.usage = new UsageRecorder(new UsageWriter(database.executor(config.queryTimeoutMs), 500), log, {
      ...DEFAULT_USAGE_RECORDER,
      flushMs: config.usage.flushSeconds * 1000,
    });
    this.apollo = new ApolloServer<RequestContext>({
      schema,
      introspection: true,
      parseOptions: { maxTokens: config.limits.maxTokens },
      // Explicit: Apollo's defaults depend on NODE_ENV, which `npm start` does not set.
      includeStacktraceInErrorResponses: config.devErrors,
      csrfPrevention: true,
      // Shutdown is ours (stop()); Apollo's own handler would stop it and then re-raise the signal.
      stopOnTerminationSignals: false,
      validationRules: queryShapeRules(config.maxQueryDepth, config.limits),
      plugins: [
        queryGuardPlugin(schema, config.limits, { defaultSize: config.defaultPageSize, maxSize: config.maxPageSize }),
        debugStatsPlugin(),
        personalDataAuditPlugin(log),
        heavyOperationsPlugin(this.heavyOperations),
        httpStatusPlugin(),
        telemetryPlugin(this.telemetry),
        usageRecordingPlugin(this.usage),
        // The IDE is ours (GraphqlIde, no CDN); Apollo's landing page would load Apollo Sandbox from one.
        ApolloServerPluginLandingPageDisabled(),
        // Relata sets no cache hints, and the default cache-control plugin wraps every field's resolver.
        ApolloServerPluginCacheControlDisabled(),
      ],
      formatError: formatErrorFor(log),
    });
  }

  async start(): Promise<void> {
    await this.telemetry.start(this.options.config.host);
    await this.apollo.start();
    this.subscriptions.start();
    this.usage.start();
    this.started = true;
  }

  /** Starts listening; resolves with the GraphQL URL. */
  async listen(port = this.options.config.port, host = this.options.config.host): Promise<string> {
    if (!this.started) await this.start();
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once("error", reject);
      this.httpServer.listen(port, host, () => resolve());
    });
    const address = this.httpServer.address() as AddressInfo;
    const shownHost = host === "0.0.0.0" || host === "127.0.0.1" ? "localhost" : host;
    return `http://${shownHost}:${address.port}/graphql`;
  }

  /**
   * Stops taking requests (new ones get 503, `/readyz` turns 503), lets running ones finish within the
   * grace period (RELATA_SHUTDOWN_GRACE_MS), answers any still running with 503, and closes the server.
   * The driver is the caller's.
   */
  async stop(): Promise<void> {
    const { log, config } = this.options;
    // First: upgraded sockets are outside the drain, and would keep the HTTP server from closing.
    await this.subscriptions.stop();
    log.info({ inFlight: this.drain.size, graceMs: config.shutdownGraceMs }, "draining requests");
    const outcome = await this.drain.drain(this.httpServer, config.shutdownGraceMs);
    if (outcome.cutOff > 0) log.warn(outcome, "shutdown grace period over; requests still running were answered 503");
    else log.info(outcome, "requests drained");
    await this.apollo.stop();
    // After the last request: what it counted is written before the driver closes.
    await this.usage.stop();
    await this.telemetry.stop();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") return send(res, 200, { status: "ok" });
    if (url.pathname === "/readyz") return this.ready(res);
    if (url.pathname === "/metrics" && (await this.telemetry.serveMetrics(req, res))) return;
    if (url.pathname.startsWith(IDE_ASSET_PATH) && (await this.ide.serveAsset(url.pathname, req, res))) return;
    if (url.pathname === DEMO_TOKEN_PATH && this.explorer.owns(url.pathname)) return this.demoToken.serve(req, res);
    if (this.explorer.owns(url.pathname)) return this.explorer.serve(url.pathname, req, res);
    if (url.pathname === HEALTH_EXPORT_PATH) {
      if (this.drain.isDraining) return this.drain.refuse(res);
      return this.healthExport.serve(req, res, url);
    }
    if (url.pathname === AUDIT_PUBLIC_KEY_PATH) return this.auditPublicKey.serve(req, res);
    if (url.pathname === CONTRACT_PUBLIC_KEY_PATH) return this.contractPublicKey.serve(req, res);
    if (url.pathname === CHANGES_PATH) {
      // The same origins as /graphql: a browser client reads the NDJSON stream with its token and purpose.
      if (this.cors.apply(req, res)) return;
      if (this.drain.isDraining) return this.drain.refuse(res);
      return this.changesRoute.serve(req, res, url);
    }
    if (url.pathname !== "/graphql") {
      return send(res, 404, { error: `Nothing at ${url.pathname}. The API is at /graphql.` });
    }
    if (this.cors.apply(req, res)) return;
    if (this.drain.isDraining) return this.drain.refuse(res);
    if (this.ide.wants(req)) return this.ide.servePage(res);
    let body: unknown = undefined;
    if (req.method === "POST") {
      let text: string;
      try {
        text = await readBody(req, this.options.config.limits.maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return send(res, 413, bodyTooLarge(this.options.config));
        throw error;
      }
      const type = req.headers["content-type"] ?? "";
      if (type.includes("application/json") || type.includes("application/graphql-response+json")) {
        try {
          body = text.length === 0 ? {} : JSON.parse(text);
        } catch {
          return send(res, 400, {
            errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }],
          });
        }
      } else {
        body = text;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const operationName =
      body && typeof body === "object" && typeof (body as { operationName?: unknown }).operationName === "string"
        ? (body as { operationName: string }).operationName
        : null;
    const request = {
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: async () => {
        try {
          const context = await this.contexts.create({
            authorization: headers.get("authorization"),
            debugHeader: headers.get("x-relata-debug"),
            operationName,
            purpose: headers.get("x-relata-purpose"),
          });
          // Right after the token is verified, before parsing: a refused request costs no Cypher.
          this.rateLimiter.admit(context.principal.tenant, headers.get("authorization") ?? "");
          return context;
        } catch (error) {
          throw toGraphQLError(error);
        }
      },
    };
    const response = await this.telemetry.traced(req, () => this.apollo.executeHTTPGraphQLRequest(request));
    // Cut off by the end of a shutdown's grace period: that answer has been sent.
    if (res.headersSent) return;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  private async ready(res: ServerResponse): Promise<void> {
    if (this.drain.isDraining) return send(res, 503, { status: "not ready", reason: "shutting down" });
    try {
      await this.options.database.verifyConnectivity();
      send(res, 200, { status: "ready", neo4j: "reachable" });
    } catch (error) {
      send(res, 503, { status: "not ready", neo4j: `unreachable: ${(error as Error).message}` });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}
