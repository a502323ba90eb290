import { createHmac } from "node:crypto";
import { CypherExecutor, QueryStats } from "../graph/executor";
import { GraphDatabase } from "../graph/graph-database";
import { RequestDeadline } from "../graph/request-deadline";
import { createRepositories } from "../graph/repositories";
import { createLoaders } from "../loaders/create-loaders";
import { Principal, RequestContext } from "../resolvers/context";
import { IngestService } from "../services/ingest/ingest.service";
import { BridgeService } from "../services/ontology/bridge.service";
import { OntologyService } from "../services/ontology/ontology.service";
import { HealthService } from "../services/health/health.service";
import { PopulationCache } from "../services/health/population-cache";
import { RelataConfig } from "./config";
import { principalFromHeader } from "./auth/token";
import { Logger } from "pino";
import { Clock, systemClock } from "../domain/time/clock";

export interface ContextRequest {
  authorization?: string;
  debugHeader?: string;
  operationName?: string | null;
}

/**
 * Builds the context of one request: who calls (from the token), an executor that counts this request's
 * queries, the tenant's repositories, and fresh DataLoaders. Nothing here is shared between requests.
 */
export class ContextFactory {
  private readonly baseExecutor: CypherExecutor;
  private readonly cursorSecret: string;
  /** Shared by the requests of this process: percentile populations for scores computed on request. */
  private readonly populations = new PopulationCache();

  constructor(
    database: GraphDatabase,
    private readonly config: RelataConfig,
    private readonly log: Logger,
    private readonly clock: Clock = systemClock,
  ) {
    this.baseExecutor = database.executor(config.queryTimeoutMs);
    this.cursorSecret = createHmac("sha256", config.jwtSecret).update("relata-cursor").digest("hex");
  }

  /** Authenticates the request and builds its context; throws an AuthError for a missing or bad token. */
  create(request: ContextRequest): RequestContext {
    const principal = principalFromHeader(request.authorization, this.config.jwtSecret);
    return this.forPrincipal(principal, {
      debug: principal.role === "admin" && request.debugHeader === "1",
      operationName: request.operationName ?? null,
      // The query allowance; the query guard raises it to the mutation allowance for mutations.
      deadline: new RequestDeadline(this.config.limits.requestTimeoutMs),
    });
  }

  /** A context for a trusted caller inside the process (demo loader, tests); no deadline unless given. */
  forPrincipal(
    principal: Principal,
    options: { debug?: boolean; operationName?: string | null; deadline?: RequestDeadline } = {},
  ): RequestContext {
    const stats = new QueryStats();
    const deadline = options.deadline ?? RequestDeadline.none();
    const executor = this.baseExecutor.forRequest(options.operationName ?? null, stats, deadline);
    const repositories = createRepositories(executor, principal.tenant, this.config.dataLoaderBatching);
    const health = new HealthService(repositories.health, repositories.ontology, this.clock, {
      cache: this.populations,
      tenant: principal.tenant,
    });
    return {
      principal,
      repositories,
      loaders: createLoaders(repositories, health, { batch: this.config.dataLoaderBatching }),
      health,
      ingest: new IngestService(
        repositories.ingest,
        principal.tenant,
        { maxBatchSize: this.config.maxBatchSize, chunkSize: this.config.writeChunkSize },
        this.log,
        this.clock,
      ),
      ontology: new OntologyService(repositories.ontology, false, this.clock),
      bridge: new BridgeService(repositories.ontology),
      stats,
      deadline,
      debug: options.debug ?? false,
      paging: {
        defaultSize: this.config.defaultPageSize,
        maxSize: this.config.maxPageSize,
        cursorSecret: this.cursorSecret,
      },
    };
  }
}
