import { GraphViewService } from "../services/neighbourhood/graph-view.service";
import { ConsentService } from "../services/personal-data/consent.service";
import { PersonDataRequestService } from "../services/personal-data/person-data-request.service";
import { ChangeFeedService } from "../services/events/change-feed.service";
import { HealthExportService } from "../services/export/health-export.service";
import { Loaders } from "../loaders/create-loaders";
import { QueryStats } from "../graph/executor";
import { RequestDeadline } from "../graph/request-deadline";
import { Repositories } from "../graph/repositories";
import { IngestService } from "../services/ingest/ingest.service";
import { DeletionService } from "../services/deletion/deletion.service";
import { PageSizeLimits } from "../domain/pagination/page-size";
import { BridgeService } from "../services/ontology/bridge.service";
import { OntologyService } from "../services/ontology/ontology.service";
import { HealthService } from "../services/health/health.service";
import { TokenRevocationService } from "../services/auth/token-revocation.service";
import { WebhookService } from "../services/webhooks/webhook.service";
import { PlaybookService } from "../services/automation/playbook.service";
import { DraftService } from "../services/plain-language/draft.service";
import { AuditService } from "../services/audit/audit.service";
import { ValueContractService } from "../services/contracts/value-contract.service";
import { MpuExperimentService } from "../services/experiments/mpu-experiment.service";
import { ValueAnchorService } from "../services/anchors/value-anchor.service";
import { FiringService } from "../services/automation/firing.service";
import { TaskService } from "../services/automation/task.service";
import { InboxService } from "../services/automation/inbox.service";
import { AutomationLoaders } from "../loaders/automation.loaders";
import { IdentityService } from "../services/identity/identity.service";
import { LineageService } from "../services/lineage/lineage.service";
import { UsageCalibrationService } from "../services/usage/usage-calibration.service";
import { MpuService } from "../services/mpu/mpu.service";
import { PersonalDataReads } from "../services/personal-data/personal-data-reads";

/**
 * Token and user roles. `rep` (issue 16) is a field user — a sales rep or customer success manager — who
 * reads like a viewer and may create, apply and review micro-practice units.
 */
export const ROLES = ["admin", "analyst", "integrator", "viewer", "rep"] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: from the bearer token. */
export interface Principal {
  tenant: string;
  role: Role;
  subject: string;
  /**
   * The token's identity: its `jti`, or `sha256:` and a hash of the token when it has none. Revocation
   * names tokens by it; per-token limits can key on it.
   */
  tokenId: string;
  /**
   * When the token's `sub` is the external id of a user of the tenant: that User's id (`usr_…`). The user's
   * external id is `subject`.
   */
  userId?: string;
  /**
   * That user's roles. What the request may do is the token's role capped by them: an operation is
   * allowed when `role` and at least one of these allow it (domain/auth/role-cap.ts, decision 0018).
   * Absent when the token names no user (service tokens, `admin@tenant` subjects): uncapped.
   */
  userRoles?: Role[];
  /** The token was issued for a user (`usr` claim, `npm run token -- --user`): refused when they do not exist. */
  issuedForUser?: boolean;
  /**
   * The AI agent acting with this token (`agt` claim, `npm run token -- --agent NAME`). Same role and role cap;
   * audit records name it as `agent:<NAME>` instead of `user:<subject>`.
   */
  agent?: string;
  /**
   * The token's OAuth scopes (`scope` claim). `pii:sensitive` lets a role that sees contact details also
   * see SENSITIVE personal values (decision 0028, domain/personal-data/access-policy.ts).
   */
  scopes?: string[];
}

/** Everything a resolver may use for one request. Built fresh per request by the server's context factory. */
export interface RequestContext {
  principal: Principal;
  repositories: Repositories;
  loaders: Loaders;
  ingest: IngestService;
  /** Deletes and restores records (data writers; see the role matrix). */
  deletion: DeletionService;
  /** The tenant's change feed. */
  changes: ChangeFeedService;
  /** The tenant's webhook endpoints and their delivery log (admins and integrators). */
  webhooks: WebhookService;
  /** The tenant's playbooks: versions, lifecycle, simulation and stats (admins and analysts change them). */
  playbooks: PlaybookService;
  /** Plain-language drafts of playbooks (issue 12): a sentence against the tenant's vocabulary. */
  drafts: DraftService;
  ontology: OntologyService;
  bridge: BridgeService;
  health: HealthService;
  /** Accounts with their latest scores, streamed (GET /v1/exports/health, `npm run export`). */
  healthExport: HealthExportService;
  /** Revokes the tenant's tokens (admins; see the role matrix). */
  tokens: TokenRevocationService;
  /** Neighbourhoods and paths of records (the explorer's graph view). */
  graphView: GraphViewService;
  /** The tenant's audit trail: read, filtered and verified (admins and analysts; see the role matrix). */
  audit: AuditService;
  /** The tenant's value contracts and their ledgers (issue 15; admins write, analysts read; see the role matrix). */
  contracts: ValueContractService;
  /** A/B tests of micro-practice units (issue 16; admins and analysts start and stop them, everyone reads). */
  experiments: MpuExperimentService;
  /** The tenant's value anchors (issue 17; analysts and admins define, every role reads; see the role matrix). */
  anchors: ValueAnchorService;
  /** Identity resolution (issue 14): channel identities, runs, resolved customers, review and decisions. */
  identity: IdentityService;
  /** Lineage and impact (issue 17): what a computed value came from, what uses a field or concept. */
  lineage: LineageService;
  /** The product brief's calibration checks over recorded usage (issue 17; admins and analysts). */
  usageCalibration: UsageCalibrationService;
  /** Personal-data requests (issue 15): consents, access (export) and erasure. */
  privacy: { consents: ConsentService; requests: PersonDataRequestService };
  /** Micro-practice units (issue 16): authoring, the quality gate, uses, recommendations, contributions. */
  mpus: MpuService;
  /** The actions side of playbooks (issue 11): firings, proposals, receipts and the task queue. */
  automation: {
    firing: FiringService;
    tasks: TaskService;
    inbox: InboxService;
    loaders: AutomationLoaders;
  };
  stats: QueryStats;
  /** How long this request's database work may take in all; mutations get a longer allowance. */
  deadline: RequestDeadline;
  /** Admin asked for query stats in `extensions` (header `x-relata-debug: 1`). */
  debug: boolean;
  paging: PageSizeLimits & { cursorSecret: string };
  /**
   * Personal data for this request (issue 15): the categories the caller sees in clear, and the record of
   * SENSITIVE values handed out, audited for automation and bulk exports (decision 0028).
   */
  personalData: PersonalDataReads;
}
