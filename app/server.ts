import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
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
import { debugStatsPlugin } from "./plugins/debug-stats.plugin";
import { httpStatusPlugin } from "./plugins/http-status.plugin";
import { BodyTooLargeError, readBody } from "./http/read-body";
import { depthLimitRule } from "./validation/depth-limit.rule";

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface RelataServerOptions {
  config: RelataConfig;
  database: GraphDatabase;
  schema: GraphQLSchema;
  log: Logger;
  /** "Now" for every service of every request (scoring windows, provenance); tests pin it. */
  clock: Clock;
}

/** The GraphQL API over HTTP: `/graphql`, `/healthz` (process up) and `/readyz` (Neo4j reachable). */
export class RelataServer {
  readonly apollo: ApolloServer<RequestContext>;
  readonly contexts: ContextFactory;
  readonly httpServer: Server;
  private started = false;

  constructor(private readonly options: RelataServerOptions) {
    const { config, database, schema, log } = options;
    this.contexts = new ContextFactory(database, config, log, options.clock);
    this.httpServer = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        log.error({ err: error }, "unhandled HTTP error");
        if (!res.headersSent) send(res, 500, { error: "internal error" });
      });
    });
    this.apollo = new ApolloServer<RequestContext>({
      schema,
      introspection: true,
      validationRules: [depthLimitRule(config.maxQueryDepth)],
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer }),
        debugStatsPlugin(),
        httpStatusPlugin(),
        // Relata sets no cache hints, and the default cache-control plugin wraps every field's resolver.
        ApolloServerPluginCacheControlDisabled(),
      ],
      formatError: formatErrorFor(log),
    });
  }

  async start(): Promise<void> {
    await this.apollo.start();
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

  /** Stops taking requests, lets running ones finish, and closes the server. The driver is the caller's. */
  async stop(): Promise<void> {
    await this.apollo.stop();
    if (this.httpServer.listening) {
      await new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") return send(res, 200, { status: "ok" });
    if (url.pathname === "/readyz") return this.ready(res);
    if (url.pathname !== "/graphql") {
      return send(res, 404, { error: `Nothing at ${url.pathname}. The API is at /graphql.` });
    }
    let body: unknown = undefined;
    if (req.method === "POST") {
      let text: string;
      try {
        text = await readBody(req, MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          return send(res, 413, {
            errors: [
              {
                message: `The request body is larger than ${MAX_BODY_BYTES} bytes; send smaller batches.`,
                extensions: { code: "BAD_USER_INPUT" },
              },
            ],
          });
        }
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
    const response = await this.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: async () => {
        try {
          return this.contexts.create({
            authorization: headers.get("authorization"),
            debugHeader: headers.get("x-relata-debug"),
            operationName,
          });
        } catch (error) {
          throw toGraphQLError(error);
        }
      },
    });
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
    try {
      await this.options.database.verifyConnectivity();
      send(res, 200, { status: "ready", neo4j: "reachable" });
    } catch (error) {
      send(res, 503, { status: "not ready", neo4j: `unreachable: ${(error as Error).message}` });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}
