import {
  DocumentNode,
  ExecutionArgs,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { Context, makeServer, SubscribePayload } from "graphql-ws";
import { IncomingMessage, Server } from "node:http";
import { once } from "node:events";
import { Duplex } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import { Logger } from "pino";
import { WebSocket, WebSocketServer } from "ws";
import { ChangePollRepository } from "../../graph/events/change-poll.repository";
import { GraphDatabase } from "../../graph/graph-database";
import { assertNodeId } from "../../domain/ids/node-id";
import { Principal } from "../../resolvers/context";
import { SubscriptionContext } from "../../resolvers/events/subscription-context";
import { ChangePoller } from "../../services/events/change-poller";
import { ChangeSubscriptions } from "../../services/events/change-subscriptions";
import { RelataConfig } from "../config";
import { CorsPolicy } from "../http/cors";
import { ContextFactory } from "../context-factory";
import { formatErrorFor } from "../errors/format-error";
import { toPublicError } from "../errors/to-graphql-error";
import { CostModel } from "../limits/cost/cost-model";
import { costRefusal } from "../limits/cost/cost-refusal";
import { CostBudget } from "../limits/cost/cost-budget";
import { estimateCost } from "../limits/cost/estimate-cost";
import { checkInputLengths } from "../limits/input/check-input-lengths";
import { variablesWithDefaults } from "../limits/operation-variables";
import { RateLimiter } from "../limits/rate-limiter";
import { queryShapeRules } from "../validation/query-shape-rules";
import { serveGraphqlWs, SocketExtra } from "./ws-transport";

/** The WebSocket close codes Relata uses besides graphql-ws's own (docs/changes.md). */
export const CLOSE_CODES = {
  /** The token is missing, invalid, expired or revoked. graphql-ws clients do not retry it. */
  unauthorized: 4401,
  /** The tenant has as many connections as it may have on this instance, or its rate limit is spent. */
  tooManyRequests: 4429,
  /** The token cannot be checked now (identity provider unreachable): try again. */
  tryAgainLater: 1013,
  /** The instance is shutting down: reconnect (to another instance) and resume from the last cursor. */
  goingAway: 1001,
} as const;

/** How long clients have to answer the close at shutdown before their sockets are cut. */
const CLOSE_WAIT_MS = 1_000;
/** How often an open connection's token is checked again (expiry, revocation). */
const REAUTHENTICATE_MS = 30_000;
/** Events a subscriber may have waiting before it is left out of polls until it catches up. */
const HIGH_WATER = 1_000;

interface Connection {
  principal: Principal;
  authorization: string;
  timer: NodeJS.Timeout;
}

type Extra = SocketExtra;
/** How often an idle connection is pinged; a peer that has not answered the previous ping is dropped. */
const KEEP_ALIVE_MS = 12_000;

/** A WebSocket close reason: at most 123 bytes of UTF-8, cut at a word with "…". */
export function closeReason(text: string): string {
  if (Buffer.byteLength(text) <= 123) return text;
  let cut = text.slice(0, 118);
  while (Buffer.byteLength(`${cut}…`) > 123) cut = cut.slice(0, -1);
  return `${cut.replace(/\s+\S*$/, "")}…`;
}

/**
 * Whether a WebSocket handshake may proceed, by its Origin header: browsers always send one, and a page on
 * another site must not open subscriptions unless RELATA_CORS_ORIGINS lets that origin call the API at all
 * (the same rule as for HTTP). No Origin (servers, scripts) and the API's own origin (Host) are allowed.
 */
export function websocketOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  cors: CorsPolicy,
): boolean {
  if (origin === undefined) return true;
  if (cors.allows(origin)) return true;
  if (host === undefined) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

function refusal(message: string, reason: string, code = "BAD_USER_INPUT"): GraphQLError {
  return new GraphQLError(message, { extensions: { code, reason } });
}

/**
 * GraphQL subscriptions over WebSocket at /graphql, on the API's own HTTP server, with the graphql-ws
 * protocol Apollo documents. The connection's first message carries the token (`connectionParams:
 * { authorization: "Bearer …" }`), checked like a request's; a bad one closes the socket with 4401 and the
 * reason. Only subscriptions are served here (queries and mutations go to POST /graphql, with their
 * limits); each is checked against the HTTP path's shape, length and cost rules. Live events come from
 * the process's poller (services/events/change-poller.ts).
 */
export class SubscriptionServer {
  readonly poller: ChangePoller;
  private readonly wss: WebSocketServer;
  private readonly connections = new Map<WebSocket, Connection>();
  private readonly perTenant = new Map<string, number>();
  private readonly costModel: CostModel;
  private readonly costBudget: CostBudget;
  private readonly cors: CorsPolicy;
  private readonly format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  private closing = false;

  constructor(
    httpServer: Server,
    private readonly schema: GraphQLSchema,
    private readonly contexts: ContextFactory,
    private readonly rateLimiter: RateLimiter,
    database: GraphDatabase,
    private readonly config: RelataConfig,
    private readonly log: Logger,
  ) {
    this.poller = new ChangePoller(
      new ChangePollRepository(database.executor(config.queryTimeoutMs)),
      {
        intervalMs: config.changes.pollIntervalMs,
        batchSize: config.maxPageSize,
        highWater: HIGH_WATER,
        retentionDays: config.changes.retentionDays,
      },
      log,
    );
    this.costModel = new CostModel(schema);
    this.costBudget = new CostBudget(
      this.costModel,
      schema,
      { defaultSize: config.defaultPageSize, maxSize: config.maxPageSize },
      config.limits.maxQueryCost,
    );
    this.cors = new CorsPolicy(config.cors);
    this.format = formatErrorFor(log);
    this.wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxBodyBytes });
    httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
    const protocol = makeServer<Record<string, unknown>, Extra>({
      schema,
      connectionInitWaitTimeout: config.subscriptions.initTimeoutMs,
      onConnect: (ctx) => this.connect(ctx),
      onSubscribe: (ctx, _id, payload) => this.subscribe(ctx, payload),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((error) => this.format(error.toJSON(), error)) }
          : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => this.format(error.toJSON(), error)),
      onClose: (ctx) => this.forget(ctx.extra.socket),
    });
    serveGraphqlWs(protocol, this.wss, log, KEEP_ALIVE_MS);
  }

  /** Open connections (of one tenant, when named). */
  connectionCount(tenant?: string): number {
    return tenant === undefined ? this.connections.size : (this.perTenant.get(tenant) ?? 0);
  }

  start(): void {
    this.poller.start();
  }

  /**
   * Refuses new connections, closes open ones with 1001 and a reason that says to reconnect with the last
   * cursor, and stops the poller. Before the HTTP drain: upgraded sockets would keep the server open.
   */
  async stop(): Promise<void> {
    this.closing = true;
    const reason = "Server shutting down; reconnect and subscribe again with the last cursor you received.";
    for (const socket of this.wss.clients) socket.close(CLOSE_CODES.goingAway, closeReason(reason));
    // Clients have a moment to answer the close; whatever has not closed by then is cut.
    await Promise.race([
      Promise.all([...this.wss.clients].map((socket) => once(socket, "close"))),
      delay(CLOSE_WAIT_MS),
    ]);
    for (const socket of this.wss.clients) socket.terminate();
    this.wss.close();
    await this.poller.stop();
    for (const connection of this.connections.values()) clearInterval(connection.timer);
    this.connections.clear();
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/graphql" || this.closing) {
      const status = this.closing ? "503 Service Unavailable" : "404 Not Found";
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    const origin = req.headers.origin;
    if (!websocketOriginAllowed(origin, req.headers.host, this.cors)) {
      const body =
        `Browsers on ${origin} may not open subscriptions on this API. The operator lists the origins ` +
        "allowed to in RELATA_CORS_ORIGINS (none by default); pages served by the API itself are always allowed.";
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-type: text/plain; charset=utf-8\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req));
  }

  private async connect(ctx: Context<Record<string, unknown>, Extra>): Promise<boolean> {
    const socket = ctx.extra.socket;
    const params = ctx.connectionParams ?? {};
    const raw = params.authorization ?? params.Authorization;
    const authorization = typeof raw === "string" ? raw : "";
    try {
      const { principal } = await this.contexts.create({ authorization, operationName: "subscription" });
      this.rateLimiter.admit(principal.tenant, authorization);
      const open = this.perTenant.get(principal.tenant) ?? 0;
      if (open >= this.config.subscriptions.maxConnectionsPerTenant) {
        socket.close(
          CLOSE_CODES.tooManyRequests,
          closeReason(
            `Your tenant has ${open} subscription connections open here, the most allowed ` +
              `(RELATA_WS_MAX_CONNECTIONS_PER_TENANT); close one or subscribe more on one connection.`,
          ),
        );
        return false;
      }
      this.perTenant.set(principal.tenant, open + 1);
      const timer = setInterval(() => void this.reauthenticate(socket), REAUTHENTICATE_MS);
      timer.unref();
      this.connections.set(socket, { principal, authorization, timer });
      return true;
    } catch (error) {
      this.refuse(socket, error);
      return false;
    }
  }

  /** Closes a connection whose token is refused (or cannot be checked), with why. */
  private refuse(socket: WebSocket, error: unknown): void {
    const mapped = toPublicError(error);
    if (mapped.unknown) this.log.error({ err: mapped.cause }, "subscription connection failed");
    const code =
      mapped.code === "UNAUTHENTICATED" || mapped.code === "FORBIDDEN"
        ? CLOSE_CODES.unauthorized
        : mapped.code === "RATE_LIMITED"
          ? CLOSE_CODES.tooManyRequests
          : CLOSE_CODES.tryAgainLater;
    // The first sentence or two: close reasons are short (123 bytes).
    socket.close(code, closeReason(mapped.message));
  }

  private async reauthenticate(socket: WebSocket): Promise<void> {
    const connection = this.connections.get(socket);
    if (connection === undefined) return;
    try {
      await this.contexts.create({ authorization: connection.authorization, operationName: "subscription" });
    } catch (error) {
      this.refuse(socket, error);
    }
  }

  private forget(socket: WebSocket): void {
    const connection = this.connections.get(socket);
    if (connection === undefined) return;
    clearInterval(connection.timer);
    this.connections.delete(socket);
    const tenant = connection.principal.tenant;
    const open = (this.perTenant.get(tenant) ?? 1) - 1;
    if (open > 0) this.perTenant.set(tenant, open);
    else this.perTenant.delete(tenant);
  }

  private async subscribe(
    ctx: Context<Record<string, unknown>, Extra>,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const connection = this.connections.get(ctx.extra.socket);
    if (connection === undefined)
      return [refusal("The connection is closing.", "CONNECTION_CLOSED", "UNAUTHENTICATED")];
    const { principal } = connection;
    const max = this.config.subscriptions.maxPerConnection;
    // graphql-ws has registered this one already.
    if (Object.keys(ctx.subscriptions).length > max) {
      return [
        refusal(
          `This connection has ${max} subscriptions running, the most one connection may have ` +
            `(RELATA_WS_MAX_SUBSCRIPTIONS). Complete one first, or open another connection.`,
          "TOO_MANY_SUBSCRIPTIONS",
        ),
      ];
    }
    try {
      this.rateLimiter.admit(principal.tenant, connection.authorization);
    } catch (error) {
      const mapped = toPublicError(error);
      return [refusal(mapped.message, mapped.reason ?? "RATE_LIMITED", mapped.code)];
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: this.config.limits.maxTokens });
    } catch (error) {
      return [error instanceof GraphQLError ? error : refusal("The operation could not be parsed.", "PARSE_FAILED")];
    }
    const errors = validate(this.schema, document, [
      ...specifiedRules,
      ...queryShapeRules(this.config.maxQueryDepth, this.config.limits),
    ]);
    if (errors.length > 0) return errors;
    const operation = getOperationAST(document, payload.operationName ?? undefined);
    if (operation === null || operation === undefined)
      return [refusal("Name the operation to run (operationName).", "UNKNOWN_OPERATION")];
    if (operation.operation !== "subscription") {
      return [
        refusal(
          `Only subscriptions are served over WebSocket; send this ${operation.operation} with POST /graphql.`,
          "NOT_A_SUBSCRIPTION",
        ),
      ];
    }
    const variables = variablesWithDefaults(operation, payload.variables ?? {});
    const tooLong = checkInputLengths(this.schema, document, operation, variables, this.config.limits);
    if (tooLong !== null) return [tooLong];
    const pages = { defaultSize: this.config.defaultPageSize, maxSize: this.config.maxPageSize };
    const cost = estimateCost(this.costModel, this.schema, document, operation, variables, pages);
    const overrun = this.costBudget.overrun(cost);
    if (overrun !== null) return [costRefusal(operation, cost, overrun)];
    return {
      schema: this.schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue: this.contextFor(principal, operation.name?.value ?? null),
    };
  }

  /** A subscription's context: a request's (no deadline: it runs as long as the client listens). */
  private contextFor(principal: Principal, operationName: string | null): SubscriptionContext {
    const context = this.contexts.forPrincipal(principal, { operationName });
    const accountExists = async (id: string) =>
      (await context.loaders.accountById.load(assertNodeId("Account", id, "accountId"))) !== null;
    return {
      ...context,
      changeSubscriptions: new ChangeSubscriptions(
        principal.tenant,
        context.changes,
        this.poller,
        accountExists,
        this.config.maxPageSize,
      ),
    };
  }
}
