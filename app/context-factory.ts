import { GraphViewService } from "../services/neighbourhood/graph-view.service";
import { createHmac } from "node:crypto";
import { CypherExecutor, QueryStats } from "../graph/executor";
import { GraphDatabase } from "../graph/graph-database";
import { RequestDeadline } from "../graph/request-deadline";
import { createRepositories } from "../graph/repositories";
import { ChangeOutbox } from "../graph/events/change-outbox";
import { ChangeFeedService } from "../services/events/change-feed.service";
import { createLoaders } from "../loaders/create-loaders";
import { Principal, RequestContext } from "../resolvers/context";
import { IngestService } from "../services/ingest/ingest.service";
import { DeletionService } from "../services/deletion/deletion.service";
import { HealthExportService } from "../services/export/health-export.service";
import { BridgeService } from "../services/ontology/bridge.service";
import { OntologyService } from "../services/ontology/ontology.service";
import { HealthService } from "../services/health/health.service";
import { PopulationCache } from "../services/health/population-cache";
import { HealthConfigCache } from "../services/health/health-config-cache";
import { RelataConfig } from "./config";
import { Authenticator } from "./auth/authenticator";
import { RevokedTokenReader } from "../graph/auth/revoked-token.reader";
import { RevocationList } from "../services/auth/revocation-list";
import { TokenRevocationService } from "../services/auth/token-revocation.service";
import { Logger } from "pino";
import { Clock, systemClock } from "../domain/time/clock";
import { IngestObserver } from "../services/ingest/ingest-observer";
import { WebhookRepository } from "../graph/webhooks/webhook.repository";
import { WebhookService } from "../services/webhooks/webhook.service";
import { AuditService } from "../services/audit/audit.service";
import { AuditTrailRepository } from "../graph/audit/audit-trail.repository";
import { PublishedAuditKey } from "./audit/audit-keys";
import { secretStorageKey } from "../domain/webhooks/webhook-secret";
import { PlaybookRepository } from "../graph/automation/playbook.repository";
import { PlaybookEvidenceRepository } from "../graph/automation/playbook-evidence.repository";
import { ChangeFeedRepository } from "../graph/events/change-feed.repository";
import { PlaybookEvaluator } from "../services/automation/playbook-evaluator";
import { PlaybookSimulator } from "../services/automation/playbook-simulator";
import { PlaybookService } from "../services/automation/playbook.service";
import { createAutomationStore } from "../services/automation/create-automation";
import { FiringService } from "../services/automation/firing.service";
import { TaskService } from "../services/automation/task.service";
import { InboxService } from "../services/automation/inbox.service";
import { AutomationPager } from "../services/automation/automation-paging";
import { TaskRepository } from "../graph/automation/task.repository";
import { FlagRepository } from "../graph/automation/flag.repository";
import { ProposalRepository } from "../graph/automation/proposal.repository";
import { ReceiptRepository } from "../graph/automation/receipt.repository";
import { createAutomationLoaders } from "../loaders/automation.loaders";
import { rolesAllowedByMatrix } from "./automation/roles-allowed";
import { userActor } from "../domain/automation/playbook-audit";
import { UserRolesReader } from "../graph/auth/user-roles.reader";
import { UserRoleCache } from "../services/auth/user-role-cache";
import { AuthError } from "./auth/auth.errors";
import { AuditSigningKey } from "../domain/audit/audit-signature";
import { ValueContractRepository } from "../graph/contracts/value-contract.repository";
import { ValueContractService } from "../services/contracts/value-contract.service";
import { MpuExperimentRepository } from "../graph/experiments/mpu-experiment.repository";
import { MpuExperimentService } from "../services/experiments/mpu-experiment.service";
import { ValueAnchorService } from "../services/anchors/value-anchor.service";
import { ValueAnchorRepository } from "../graph/anchors/value-anchor.repository";
import { AnchorPopulationRepository } from "../graph/anchors/anchor-population.repository";
import { IdentityRepository } from "../graph/identity/identity.repository";
import { IdentityRunRepository } from "../graph/identity/identity-run.repository";
import { IdentityModelRepository } from "../graph/identity/identity-model.repository";
import { IdentityService } from "../services/identity/identity.service";
import { IdentityRunner } from "../services/identity/identity-runner";
import { IdentityResolution } from "../services/identity/identity-resolution";
import { contractMatcher } from "../services/identity/contract-matcher";
import { ACCOUNT_IDENTITIES_LIMIT } from "../domain/identity-graph/account-identities-limit";
import { DraftDirectoryRepository } from "../graph/plain-language/draft-directory.repository";
import { DraftService } from "../services/plain-language/draft.service";
import { PackCache } from "../services/plain-language/pack-cache";
import { LlmDraftProvider } from "../services/plain-language/llm-draft-provider";
import { actorOf } from "../domain/audit/actor";
import { LineageRegistry } from "../domain/lineage/lineage-provider";
import { LineageRepository } from "../graph/lineage/lineage.repository";
import { UsageRepository } from "../graph/usage/usage.repository";
import { LineageService } from "../services/lineage/lineage.service";
import { HealthValueLineage } from "../services/lineage/providers/health-value-lineage";
import { HealthScoreLineageProvider } from "../services/lineage/providers/health-score.provider";
import { ConceptValueLineageProvider } from "../services/lineage/providers/concept-value.provider";
import { GoldenFieldLineageProvider } from "../services/lineage/providers/golden-field.provider";
import { AnchorPointLineageProvider } from "../services/lineage/providers/anchor-point.provider";
import { AnchorLineageRepository } from "../graph/lineage/anchor-lineage.repository";
import { MappingUsageProvider } from "../services/lineage/impact/mapping-usage.provider";
import { HealthModelUsageProvider } from "../services/lineage/impact/health-model-usage.provider";
import { PlaybookUsageProvider } from "../services/lineage/impact/playbook-usage.provider";
import { ValueAnchorUsageProvider } from "../services/lineage/impact/value-anchor-usage.provider";
import { UsageCalibrationService } from "../services/usage/usage-calibration.service";
import { ConsentRepository } from "../graph/personal-data/consent.repository";
import { PersonDataRepository } from "../graph/personal-data/person-data.repository";
import { ConsentService } from "../services/personal-data/consent.service";
import { PersonDataRequestService } from "../services/personal-data/person-data-request.service";
import { ErasedKeys } from "../services/personal-data/erased-keys";
import { DEFAULT_MODEL_ID } from "../services/health/health-model";
import { MpuService } from "../services/mpu/mpu.service";
import { MpuRepository } from "../graph/mpu/mpu.repository";
import { personalDataAccess } from "../domain/personal-data/access-policy";
import { PersonalDataAuditRepository } from "../graph/personal-data/personal-data-audit.repository";
import { PersonalDataReads } from "../services/personal-data/personal-data-reads";

export interface ContextRequest {
  authorization?: string;
  debugHeader?: string;
  operationName?: string | null;
  /** Why the caller reads (`x-relata-purpose`): recorded with audited reads of SENSITIVE personal data. */
  purpose?: string | null;
}

/** The most token subjects whose users the role cap holds at once. */
const USER_ROLE_CACHE_ENTRIES = 10_000;

/** Revocations are kept this much longer than the token lifetime cap: clocks of issuers differ a little. */
const REVOCATION_MARGIN_SECONDS = 300;

/**
 * Builds the context of one request: who calls (from the token), an executor that counts this request's
 * queries, the tenant's repositories, and fresh DataLoaders. Nothing here is shared between requests.
 */
export class ContextFactory {
  private readonly baseExecutor: CypherExecutor;
  private readonly cursorSecret: string;
  /** Encrypts webhook secrets at rest. */
  private readonly webhookStorageKey: string;
  /** Keys the salted hashes of erased records (tombstones): outside the database, so they cannot be tested offline. */
  private readonly tombstoneKey: string;
  /** Shared by the requests of this process: percentile populations for scores computed on request. */
  private readonly populations = new PopulationCache();
  /** Shared by the requests of this process: health models, concept trees and mappings per configuration version. */
  private readonly healthConfig = new HealthConfigCache();
  /** Shared by the requests of this process: parsed ontology packs by content hash, for plain-language drafts. */
  private readonly packCache = new PackCache();
  /** The LLM provider of plain-language drafts; null unless configured (RELATA_NL_LLM_URL). */
  private readonly llm: LlmDraftProvider | null;
  /** Every tenant's revoked tokens, held in memory and read again every few seconds. */
  private readonly revocations: RevocationList;
  private readonly authenticator: Authenticator;
  /** Every tenant's token subjects that are users, with their roles, held for a few seconds (the role cap). */
  private readonly userRoles: UserRoleCache;
  /** Full identity resolution runs carried out in the background of this process. */
  readonly identityRuns: IdentityRunner;

  constructor(
    database: GraphDatabase,
    private readonly config: RelataConfig,
    private readonly log: Logger,
    private readonly clock: Clock = systemClock,
    /** Counts ingested records for the metrics. */
    private readonly ingestObserver?: IngestObserver,
    /** The public keys audit checkpoints are verified with. */
    private readonly auditKeys: readonly PublishedAuditKey[] = [],
    /** Signs value contract statements (the audit key, decision 0026); null: statements cannot be signed. */
    private readonly contractSigningKey: AuditSigningKey | null = null,
  ) {
    this.baseExecutor = database.executor(config.queryTimeoutMs);
    this.cursorSecret = createHmac("sha256", config.jwtSecret).update("relata-cursor").digest("hex");
    this.webhookStorageKey = secretStorageKey(config.jwtSecret);
    this.tombstoneKey = createHmac("sha256", config.jwtSecret).update("relata-erasure-tombstone").digest("hex");
    this.llm = config.plainLanguage.llm === null ? null : new LlmDraftProvider(config.plainLanguage.llm);
    this.revocations = new RevocationList(new RevokedTokenReader(database.executor(config.queryTimeoutMs)), {
      refreshMs: config.auth.revocationRefreshSeconds * 1000,
      windowSeconds: config.auth.maxTokenLifetimeHours * 3600 + REVOCATION_MARGIN_SECONDS,
      onRefreshError: (error) =>
        log.warn({ err: error }, "could not read the token revocation list again; keeping the previous one"),
    });
    this.userRoles = new UserRoleCache(new UserRolesReader(database.executor(config.queryTimeoutMs)), {
      ttlMs: config.auth.userRolesTtlSeconds * 1000,
      maxEntries: USER_ROLE_CACHE_ENTRIES,
    });
    this.identityRuns = new IdentityRunner(log);
    this.authenticator = new Authenticator({
      secret: config.jwtSecret,
      settings: config.auth,
      revoked: this.revocations,
      onKeyRefreshError: (error) =>
        log.warn({ err: error }, "could not fetch the identity provider's keys; keeping the cached ones"),
    });
  }

  /** Reads the revocation list and starts keeping it (and the identity provider's keys) fresh. */
  async start(): Promise<void> {
    await this.revocations.start();
    this.authenticator.start();
  }

  /** Stops the background refreshes; call before the driver closes. */
  async stop(): Promise<void> {
    // Runs stop after their current chunk and stay RUNNING: the next FULL request resumes them.
    await this.identityRuns.stop();
    this.authenticator.stop();
    await this.revocations.stop();
  }

  /** Authenticates the request and builds its context; throws an AuthError for a missing or bad token. */
  async create(request: ContextRequest): Promise<RequestContext> {
    const principal = await this.cappedByUser(await this.authenticator.principalFromHeader(request.authorization));
    return this.forPrincipal(principal, {
      debug: principal.role === "admin" && request.debugHeader === "1",
      operationName: request.operationName ?? null,
      purpose: request.purpose ?? null,
      // The query allowance; the query guard raises it to the mutation allowance for mutations.
      deadline: new RequestDeadline(this.config.limits.requestTimeoutMs),
    });
  }

  /**
   * The principal with the user its token's `sub` names, when the tenant has one: their id and roles, which
   * cap what the token may do (decision 0018). A token issued for a user who does not exist is refused, and
   * so is one whose user has no roles; other tokens naming no user are not capped.
   */
  private async cappedByUser(principal: Principal): Promise<Principal> {
    const user = await this.userRoles.lookup(principal.tenant, principal.subject);
    if (user === null) {
      if (!principal.issuedForUser) return principal;
      throw new AuthError(
        "FORBIDDEN",
        `This token was issued for user "${principal.subject}", but tenant "${principal.tenant}" has no such user ` +
          `(never upserted, or deleted). Upsert the user (upsertUsers), or use a token for another user.`,
      );
    }
    if (user.roles.length === 0) {
      throw new AuthError(
        "FORBIDDEN",
        `User "${principal.subject}" of tenant "${principal.tenant}" has no roles, so a token naming them may do ` +
          `nothing. Ask an admin of your tenant to give the user roles (upsertUsers).`,
      );
    }
    return { ...principal, userId: user.id, userRoles: user.roles };
  }

  /** The tenant's identity resolution for one request; full runs get an executor without the request's deadline. */
  private identityService(principal: Principal, executor: CypherExecutor, outbox: ChangeOutbox): IdentityService {
    const tenant = principal.tenant;
    const actor = principal.agent === undefined ? `user:${principal.subject}` : `agent:${principal.agent}`;
    const background = () => {
      const runExecutor = this.baseExecutor.forRequest("identity.run", new QueryStats(), RequestDeadline.none());
      const runOutbox = outbox.forJob("identity-resolution");
      const identities = new IdentityRepository(runExecutor, tenant, runOutbox);
      const runs = new IdentityRunRepository(runExecutor, tenant);
      const models = new IdentityModelRepository(runExecutor, tenant);
      return {
        resolution: new IdentityResolution(tenant, identities, runs, models, contractMatcher, undefined, this.clock),
        runs,
      };
    };
    return new IdentityService(
      tenant,
      new IdentityRepository(executor, tenant, outbox),
      new IdentityRunRepository(executor, tenant),
      new IdentityModelRepository(executor, tenant),
      contractMatcher,
      this.identityRuns,
      background,
      { actor, userId: principal.userId ?? null },
      {
        maxBatchSize: this.config.maxBatchSize,
        chunkSize: this.config.writeChunkSize,
        paging: {
          defaultSize: this.config.defaultPageSize,
          maxSize: this.config.maxPageSize,
          cursorSecret: this.cursorSecret,
        },
        accountIdentitiesLimit: ACCOUNT_IDENTITIES_LIMIT,
        batchLoads: this.config.dataLoaderBatching,
      },
      this.clock,
      this.erasedKeys(executor, tenant, outbox),
    );
  }

  /** The tombstones of the tenant's erased records, which refuse their re-ingest. */
  private erasedKeys(executor: CypherExecutor, tenant: string, outbox: ChangeOutbox): ErasedKeys {
    return new ErasedKeys(new PersonDataRepository(executor, tenant, outbox), tenant, this.tombstoneKey);
  }

  /** Consents, access and erasure requests of the tenant (issue 15), acting as the caller. */
  private personalDataServices(
    principal: Principal,
    executor: CypherExecutor,
    outbox: ChangeOutbox,
  ): RequestContext["privacy"] {
    const actor = principal.agent === undefined ? `user:${principal.subject}` : `agent:${principal.agent}`;
    return {
      consents: new ConsentService(
        new ConsentRepository(executor, principal.tenant, outbox),
        principal.tenant,
        actor,
        { maxBatchSize: this.config.maxBatchSize, chunkSize: this.config.writeChunkSize },
        this.clock,
      ),
      requests: new PersonDataRequestService(
        new PersonDataRepository(executor, principal.tenant, outbox),
        principal.tenant,
        { actor, userId: principal.userId ?? null },
        this.tombstoneKey,
        // Real time: the answer states when copies age out from the moment of erasure.
        () => new Date(),
      ),
    };
  }

  /**
   * Lineage and impact with their provider registries (decision 0032). A new kind of computed value (value
   * anchors' points, MPU figures) adds its lineage provider to the list below, and a new kind of user of
   * fields and concepts its impact provider; nothing else changes.
   */
  private lineageService(
    tenant: string,
    executor: CypherExecutor,
    repositories: ReturnType<typeof createRepositories>,
    health: HealthService,
    identity: IdentityService,
  ): LineageService {
    const reads = new LineageRepository(executor, tenant);
    const anchorReads = new AnchorLineageRepository(executor, tenant);
    const values = new HealthValueLineage(tenant, repositories.nodes, health, reads, this.clock);
    const registry = new LineageRegistry([
      new HealthScoreLineageProvider(values),
      new ConceptValueLineageProvider(values),
      new GoldenFieldLineageProvider(identity),
      new AnchorPointLineageProvider(tenant, anchorReads, new AnchorPopulationRepository(executor, tenant)),
    ]);
    const impact = [
      new MappingUsageProvider(),
      new HealthModelUsageProvider(() => health.models()),
      new PlaybookUsageProvider(reads, async () => {
        const active = (await health.models()).find((m) => m.modelId === DEFAULT_MODEL_ID && m.active);
        return active?.rootConcept ?? null;
      }),
      new ValueAnchorUsageProvider(anchorReads),
    ];
    return new LineageService(tenant, registry, impact, repositories.ontology);
  }

  /**
   * A context for a trusted caller inside the process (demo loader, tests), with no deadline unless given; without a token, its token id
   * is `internal:<subject>`.
   */
  forPrincipal(
    caller: Omit<Principal, "tokenId"> & { tokenId?: string },
    options: {
      debug?: boolean;
      operationName?: string | null;
      deadline?: RequestDeadline;
      purpose?: string | null;
    } = {},
  ): RequestContext {
    const principal: Principal = { ...caller, tokenId: caller.tokenId ?? `internal:${caller.subject}` };
    const stats = new QueryStats();
    const deadline = options.deadline ?? RequestDeadline.none();
    const executor = this.baseExecutor.forRequest(options.operationName ?? null, stats, deadline);
    const outbox = new ChangeOutbox(principal.tenant, principal.subject, this.config.changes.enabled);
    const repositories = createRepositories(executor, principal.tenant, this.config.dataLoaderBatching, outbox);
    const health = new HealthService(
      repositories.health,
      repositories.ontology,
      this.clock,
      { cache: this.populations, tenant: principal.tenant },
      this.config.healthConfigCache ? { cache: this.healthConfig, tenant: principal.tenant } : null,
    );
    const evidence = new PlaybookEvidenceRepository(executor, principal.tenant);
    const evaluator = new PlaybookEvaluator(evidence, repositories.ontology);
    const automationStore = createAutomationStore(executor, principal.tenant, outbox);
    const pager = new AutomationPager(principal.tenant, {
      defaultSize: this.config.defaultPageSize,
      maxSize: this.config.maxPageSize,
      cursorSecret: this.cursorSecret,
    });
    const automationCaller = {
      subject: principal.subject,
      role: principal.role,
      ...(principal.agent === undefined ? {} : { agent: principal.agent }),
    };
    const taskRepository = new TaskRepository(executor, principal.tenant);
    const identity = this.identityService(principal, executor, outbox);
    return {
      principal,
      repositories,
      loaders: createLoaders(repositories, health, { batch: this.config.dataLoaderBatching }),
      health,
      healthExport: new HealthExportService(repositories.healthExport, health, this.config.maxPageSize),
      ingest: new IngestService(
        repositories.ingest,
        principal.tenant,
        { maxBatchSize: this.config.maxBatchSize, chunkSize: this.config.writeChunkSize },
        this.log,
        this.clock,
        this.ingestObserver,
        () => this.userRoles.forgetTenant(principal.tenant),
        this.erasedKeys(executor, principal.tenant, outbox),
      ),
      deletion: new DeletionService(
        repositories.deletion,
        principal.tenant,
        principal.subject,
        {
          maxBatchSize: this.config.maxBatchSize,
          chunkSize: this.config.writeChunkSize,
          retentionDays: this.config.deletion.retentionDays,
        },
        this.clock,
      ),
      changes: new ChangeFeedService(repositories.changes, {
        defaultPageSize: this.config.defaultPageSize,
        maxPageSize: this.config.maxPageSize,
        retentionDays: this.config.changes.retentionDays,
      }),
      webhooks: new WebhookService(
        new WebhookRepository(executor, principal.tenant),
        {
          maxEndpointsPerTenant: this.config.webhooks.maxEndpointsPerTenant,
          allowedHosts: this.config.webhooks.allowedHosts,
          storageKey: this.webhookStorageKey,
          defaultPageSize: this.config.defaultPageSize,
          maxPageSize: this.config.maxPageSize,
        },
        // Who registered or disabled an endpoint: the agent when one acts with the token (decision 0022).
        principal.agent === undefined ? principal.subject : actorOf(principal.subject, principal.agent),
        // The real time, not the request clock: the dispatchers compare rotation overlaps and retries with it.
        Date.now,
      ),
      playbooks: new PlaybookService(
        new PlaybookRepository(executor, principal.tenant),
        evaluator,
        new PlaybookSimulator(
          evaluator,
          evidence,
          new ChangeFeedRepository(executor, principal.tenant),
          this.config.automation.tenantRatePerHour,
        ),
        { defaultPageSize: this.config.defaultPageSize, maxPageSize: this.config.maxPageSize },
        automationCaller,
        // Real time: firings, feedback windows and the runner use it.
        Date.now,
      ),
      drafts: new DraftService(
        new DraftDirectoryRepository(executor, principal.tenant),
        this.packCache,
        {
          subject: principal.subject,
          tokenRole: principal.role,
          userRoles: principal.userRoles ?? null,
          isUser: principal.userId !== undefined,
        },
        rolesAllowedByMatrix,
        this.llm,
      ),
      ontology: new OntologyService(repositories.ontology, false, this.clock),
      bridge: new BridgeService(repositories.ontology),
      tokens: new TokenRevocationService(repositories.tokenRevocations, principal, this.revocations),
      graphView: new GraphViewService(repositories.graphView),
      audit: new AuditService(new AuditTrailRepository(executor, principal.tenant), this.auditKeys),
      contracts: new ValueContractService(
        new ValueContractRepository(executor, principal.tenant, outbox),
        {
          actor: principal.agent === undefined ? userActor(principal.subject) : `agent:${principal.agent}`,
          userId: principal.userId ?? null,
        },
        this.contractSigningKey,
        // Real time: a revocation stops processing from the moment it is recorded.
        Date.now,
      ),
      identity,
      lineage: this.lineageService(principal.tenant, executor, repositories, health, identity),
      usageCalibration: new UsageCalibrationService(new UsageRepository(executor, principal.tenant), this.clock),
      privacy: this.personalDataServices(principal, executor, outbox),
      experiments: new MpuExperimentService(
        new MpuExperimentRepository(executor, principal.tenant, outbox),
        {
          actor: principal.agent === undefined ? userActor(principal.subject) : `agent:${principal.agent}`,
          userId: principal.userId ?? null,
        },
        this.clock,
      ),
      mpus: new MpuService(
        new MpuRepository(executor, principal.tenant, outbox),
        new ChangeFeedRepository(executor, principal.tenant),
        {
          subject: principal.subject,
          userId: principal.userId ?? null,
          // The role cap's rule: the token's role, and the user's roles when the token names a user.
          isAdmin:
            principal.role === "admin" && (principal.userRoles === undefined || principal.userRoles.includes("admin")),
          actor: principal.agent === undefined ? userActor(principal.subject) : `agent:${principal.agent}`,
        },
        {
          minReviewerSeniority: this.config.mpu.minReviewerSeniority,
          requiredReviews: this.config.mpu.requiredReviews,
        },
        this.clock,
      ),
      anchors: new ValueAnchorService(
        new ValueAnchorRepository(executor, principal.tenant, outbox),
        new AnchorPopulationRepository(executor, principal.tenant),
        {
          actor: principal.agent === undefined ? userActor(principal.subject) : `agent:${principal.agent}`,
          subject: principal.subject,
          userId: principal.userId ?? null,
        },
        undefined,
        this.clock,
      ),
      automation: {
        firing: new FiringService(automationStore, principal.tenant, rolesAllowedByMatrix, this.clock),
        tasks: new TaskService(taskRepository, principal.tenant, automationStore, pager, automationCaller, this.clock),
        inbox: new InboxService(
          new ProposalRepository(executor, principal.tenant),
          new ReceiptRepository(executor, principal.tenant),
          pager,
        ),
        loaders: createAutomationLoaders(taskRepository, new FlagRepository(executor, principal.tenant), {
          batch: this.config.dataLoaderBatching,
        }),
      },
      stats,
      deadline,
      debug: options.debug ?? false,
      paging: {
        defaultSize: this.config.defaultPageSize,
        maxSize: this.config.maxPageSize,
        cursorSecret: this.cursorSecret,
      },
      personalData: personalDataReads(principal, executor, options.purpose ?? null),
    };
  }
}

/** The request's personal-data access (decision 0028) and the recorder of its SENSITIVE reads. */
function personalDataReads(principal: Principal, executor: CypherExecutor, purpose: string | null): PersonalDataReads {
  const job = principal.subject.startsWith("job:");
  return new PersonalDataReads(
    personalDataAccess({
      tokenRole: principal.role,
      userRoles: principal.userRoles ?? null,
      scopes: principal.scopes ?? null,
    }),
    {
      actor: job ? principal.subject : actorOf(principal.subject, principal.agent),
      userId: principal.userId ?? null,
      automation: job || principal.agent !== undefined,
      purpose,
    },
    new PersonalDataAuditRepository(executor, principal.tenant),
  );
}
