import { HeaderMap } from "@apollo/server";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { AuthorizationError } from "type-graphql";
import { InvalidIdError, TooManyIdsError } from "../../domain/ids/id.errors";
import { PaginationError } from "../../domain/pagination/pagination.errors";
import { FilterError } from "../../domain/filters/filter.errors";
import { GraphError } from "../../graph/graph.errors";
import { IngestError } from "../../services/ingest/ingest.errors";
import { AuthError } from "../auth/auth.errors";
import { OntologyError } from "../../services/ontology/ontology.errors";
import { HealthError } from "../../services/health/health.errors";
import { HealthScoringError } from "../../domain/health/health.errors";
import { RateLimitError } from "../limits/rate-limit.errors";
import { AccessDeniedError } from "../../resolvers/auth/access.errors";
import { TokenRevocationError } from "../../services/auth/token-revocation.errors";
import { ChangeFeedError } from "../../services/events/change-feed.errors";
import { ChangeSubscriptionError } from "../../services/events/change-subscription.errors";
import { WebhookError } from "../../domain/webhooks/webhook.errors";
import { GraphViewError } from "../../domain/neighbourhood/graph-view.errors";
import { PlaybookError } from "../../domain/automation/playbook.errors";
import { AuditError } from "../../domain/audit/audit.errors";
import { AutomationError } from "../../domain/automation/automation.errors";
import { ContractError } from "../../domain/contracts/contract.errors";
import { IdentityError } from "../../services/identity/identity.errors";
import { DraftError } from "../../services/plain-language/draft.errors";
import { LineageError } from "../../domain/lineage/lineage.errors";
import { UsageError } from "../../domain/usage/usage.errors";
import { PersonalDataError } from "../../domain/personal-data/personal-data.errors";
import { ExperimentError } from "../../domain/experiments/experiment.errors";
import { MpuError } from "../../domain/mpu/mpu.errors";
import { AnchorError } from "../../domain/anchors/anchor.errors";

/** The error codes clients see in `extensions.code`. */
export type PublicErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "SERVICE_UNAVAILABLE"
  | "TIMEOUT"
  | "RATE_LIMITED"
  | "INTERNAL_SERVER_ERROR";

export interface PublicError {
  code: PublicErrorCode;
  message: string;
  /** A finer reason for BAD_USER_INPUT, e.g. INVALID_CURSOR. */
  reason?: string;
  httpStatus?: number;
  /** For RATE_LIMITED: the `Retry-After` header, also in `extensions.retryAfterSeconds`. */
  retryAfterSeconds?: number;
  /** More for `extensions`, e.g. `ingest` (what an interrupted bulk call committed). */
  extensions?: Record<string, unknown>;
}

type CodedError =
  | InvalidIdError
  | TooManyIdsError
  | FilterError
  | PaginationError
  | IngestError
  | GraphError
  | AuthError
  | OntologyError
  | HealthError
  | HealthScoringError
  | RateLimitError
  | AccessDeniedError
  | TokenRevocationError
  | ChangeFeedError
  | ChangeSubscriptionError
  | WebhookError
  | GraphViewError
  | PlaybookError
  | AuditError
  | AutomationError
  | ContractError
  | PersonalDataError
  | IdentityError
  | DraftError
  | LineageError
  | UsageError
  | ExperimentError
  | MpuError
  | AnchorError;

function isCoded(error: unknown): error is CodedError {
  return (
    error instanceof InvalidIdError ||
    error instanceof TooManyIdsError ||
    error instanceof FilterError ||
    error instanceof PaginationError ||
    error instanceof IngestError ||
    error instanceof GraphError ||
    error instanceof AuthError ||
    error instanceof OntologyError ||
    error instanceof HealthError ||
    error instanceof HealthScoringError ||
    error instanceof RateLimitError ||
    error instanceof AccessDeniedError ||
    error instanceof TokenRevocationError ||
    error instanceof ChangeFeedError ||
    error instanceof ChangeSubscriptionError ||
    error instanceof WebhookError ||
    error instanceof GraphViewError ||
    error instanceof PlaybookError ||
    error instanceof AuditError ||
    error instanceof AutomationError ||
    error instanceof ContractError ||
    error instanceof IdentityError ||
    error instanceof DraftError ||
    error instanceof LineageError ||
    error instanceof UsageError ||
    error instanceof PersonalDataError ||
    error instanceof ExperimentError ||
    error instanceof MpuError ||
    error instanceof AnchorError
  );
}

function fromCoded(error: CodedError): PublicError {
  const code = error.code;
  switch (code) {
    case "INVALID_ID":
    case "TOO_MANY_IDS":
    case "INVALID_FILTER":
    case "INVALID_CURSOR":
    case "PAGE_SIZE_OUT_OF_RANGE":
    case "BATCH_TOO_LARGE":
    case "INVALID_MAPPING":
    case "INVALID_VALUE":
    case "INVALID_MODEL":
    case "INVALID_MEASURE":
    case "CALIBRATION_FAILED":
    case "UNKNOWN_ROOT":
    case "DUPLICATE_CONCEPT":
    case "DUPLICATE_LEAF":
    case "INVALID_WEIGHT":
    case "INVALID_GRADE_BANDS":
    case "INVALID_ARGUMENT":
    case "INVALID_REVOCATION":
    case "CURSOR_EXPIRED":
    case "WEBSOCKET_REQUIRED":
    case "INVALID_WEBHOOK":
    case "URL_NOT_ALLOWED":
    case "WEBHOOK_LIMIT_REACHED":
    case "INVALID_AUDIT_ENTRY":
    case "INVALID_AUTOMATION_INPUT":
    case "INVALID_AUDIT_QUERY":
    case "INVALID_IDENTITY_REQUEST":
    case "INVALID_PERSONAL_DATA_REQUEST":
    case "DRAFT_TEXT_EMPTY":
    case "DRAFT_TEXT_TOO_LONG":
    case "INVALID_LINEAGE_TARGET":
    case "INVALID_USAGE_PERIOD":
      return { code: "BAD_USER_INPUT", reason: code, message: error.message };
    case "WEBHOOK_DISABLED":
    case "TASK_ALREADY_CLOSED":
    case "PROPOSAL_ALREADY_DECIDED":
    case "RECEIPT_ALREADY_ACKNOWLEDGED":
    case "FIRING_ALREADY_CARRIED_OUT":
    case "IDENTITY_NOT_MERGED":
    case "PERSON_ALREADY_ERASED":
      return { code: "CONFLICT", reason: code, message: error.message };
    case "INVALID_PLAYBOOK":
    case "PLAYBOOK_OWNER_NOT_FOUND":
    case "INVALID_SIMULATION":
      return {
        code: "BAD_USER_INPUT",
        reason: code,
        message: error.message,
        ...(error instanceof PlaybookError && error.problems.length > 0
          ? { extensions: { problems: error.problems } }
          : {}),
      };
    case "INVALID_CONTRACT":
    case "INVALID_CONTRACT_REQUEST":
      return {
        code: "BAD_USER_INPUT",
        reason: code,
        message: error.message,
        ...(error instanceof ContractError && error.problems.length > 0
          ? { extensions: { problems: error.problems } }
          : {}),
      };
    case "INVALID_ANCHOR":
    case "ANCHOR_DIRECTION_INCONSISTENT":
      return {
        code: "BAD_USER_INPUT",
        reason: code,
        message: error.message,
        ...(error instanceof AnchorError && error.problems.length > 0
          ? { extensions: { problems: error.problems } }
          : {}),
      };
    case "INVALID_ANCHOR_REQUEST":
      return { code: "BAD_USER_INPUT", reason: code, message: error.message };
    case "ANCHOR_NOT_FOUND":
    case "EFFECT_SUBJECT_NOT_FOUND":
      return { code: "NOT_FOUND", reason: code, message: error.message };
    case "CONTRACT_NOT_FOUND":
    case "CONTRACT_ACCOUNT_NOT_FOUND":
      return { code: "NOT_FOUND", reason: code, message: error.message };
    case "PROCESSING_NOT_GRANTED":
      return { code: "FORBIDDEN", reason: code, message: error.message };
    case "CONTRACT_REVOKED":
      return { code: "CONFLICT", reason: code, message: error.message };
    case "CONTRACT_SIGNING_UNAVAILABLE":
      return { code: "SERVICE_UNAVAILABLE", reason: code, message: error.message, httpStatus: 503 };
    case "INVALID_MPU":
    case "INVALID_MPU_REQUEST":
      return {
        code: "BAD_USER_INPUT",
        reason: code,
        message: error.message,
        ...(error instanceof MpuError && error.problems.length > 0 ? { extensions: { problems: error.problems } } : {}),
      };
    case "MPU_NOT_FOUND":
    case "MPU_ACCOUNT_NOT_FOUND":
    case "MPU_OPPORTUNITY_NOT_FOUND":
      return { code: "NOT_FOUND", reason: code, message: error.message };
    case "MPU_NOT_AUTHOR":
    case "MPU_REVIEWER_NOT_A_USER":
    case "MPU_REVIEWER_BELOW_RANK":
    case "MPU_SELF_REVIEW":
    case "MPU_NOT_ALLOWED":
      return { code: "FORBIDDEN", reason: code, message: error.message };
    case "MPU_WRONG_STATUS":
    case "MPU_ALREADY_REVIEWED":
      return { code: "CONFLICT", reason: code, message: error.message };
    case "PLAYBOOK_RETIRED":
      return { code: "CONFLICT", reason: code, message: error.message };
    case "PLAYBOOK_NOT_FOUND":
      return { code: "NOT_FOUND", reason: code, message: error.message };
    case "NOT_ASSIGNEE":
    case "NOT_PLAYBOOK_OWNER":
      return { code: "FORBIDDEN", reason: code, message: error.message };
    case "UNAUTHENTICATED":
      return { code: "UNAUTHENTICATED", message: error.message, httpStatus: 401 };
    case "FORBIDDEN":
      return { code: "FORBIDDEN", message: error.message, httpStatus: 403 };
    case "ONTOLOGY_NOT_FOUND":
    case "CONCEPT_NOT_FOUND":
    case "MAPPING_NOT_FOUND":
    case "MODEL_NOT_FOUND":
    case "ACCOUNT_NOT_FOUND":
    case "WEBHOOK_NOT_FOUND":
    case "DELIVERY_NOT_FOUND":
    case "TASK_NOT_FOUND":
    case "PROPOSAL_NOT_FOUND":
    case "RECEIPT_NOT_FOUND":
    case "IDENTITY_NOT_FOUND":
    case "RESOLVED_CUSTOMER_NOT_FOUND":
    case "IDENTITY_RUN_NOT_FOUND":
    case "LINEAGE_TARGET_NOT_FOUND":
    case "PERSON_NOT_FOUND":
      return { code: "NOT_FOUND", reason: code, message: error.message };
    case "INVALID_EXPERIMENT":
    case "EXPERIMENT_MPU_NOT_PUBLISHED":
    case "EXPERIMENT_POPULATION_TOO_LARGE":
      return { code: "BAD_USER_INPUT", reason: code, message: error.message };
    case "EXPERIMENT_NOT_FOUND":
    case "EXPERIMENT_MPU_NOT_FOUND":
      return { code: "NOT_FOUND", reason: code, message: error.message };
    case "EXPERIMENT_NOT_RUNNING":
      return { code: "CONFLICT", reason: code, message: error.message };
    case "CONFLICT":
      return { code: "CONFLICT", message: error.message };
    case "UNAVAILABLE":
      return { code: "SERVICE_UNAVAILABLE", message: error.message, httpStatus: 503 };
    case "INGEST_INTERRUPTED": {
      const interruption = error instanceof IngestError ? error.interruption : undefined;
      return {
        code: "SERVICE_UNAVAILABLE",
        reason: code,
        message: error.message,
        httpStatus: 503,
        ...(interruption ? { extensions: { ingest: interruption } } : {}),
      };
    }
    case "TIMEOUT":
      return { code: "TIMEOUT", message: error.message };
    case "RATE_LIMITED":
      return {
        code: "RATE_LIMITED",
        reason: (error as RateLimitError).reason,
        message: error.message,
        httpStatus: 429,
        retryAfterSeconds: (error as RateLimitError).retryAfterSeconds,
      };
    case "INTERNAL":
      return {
        code: "INTERNAL_SERVER_ERROR",
        message: "Internal error; it has been logged. Try again or contact the operator.",
      };
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/**
 * Maps anything a resolver threw to what a client may see: our coded errors by code, GraphQL's own
 * validation errors as they are, and everything else as a masked INTERNAL_SERVER_ERROR (`unknown: true`,
 * so the caller logs it).
 */
export function toPublicError(error: unknown): PublicError & { unknown: boolean; cause?: unknown } {
  if (isCoded(error)) {
    const mapped = fromCoded(error);
    return { ...mapped, unknown: error instanceof GraphError && error.code === "INTERNAL", cause: error };
  }
  if (error instanceof AuthorizationError) {
    return {
      code: "FORBIDDEN",
      // Roles are enforced by the role matrix (AccessDeniedError names the roles needed); type-graphql's
      // @Authorized is not used, and the schema build refuses it without an authChecker.
      message: "Your role may not do this; docs/security.md lists the roles each operation needs.",
      unknown: false,
    };
  }
  return {
    code: "INTERNAL_SERVER_ERROR",
    message: "Internal error; it has been logged. Try again or contact the operator.",
    unknown: true,
    cause: error,
  };
}

/** Builds a GraphQLError for an error raised outside execution (e.g. in the context factory). */
export function toGraphQLError(error: unknown): GraphQLError {
  const mapped = toPublicError(error);
  return new GraphQLError(mapped.message, {
    extensions: {
      code: mapped.code,
      ...(mapped.reason ? { reason: mapped.reason } : {}),
      ...(mapped.retryAfterSeconds !== undefined ? { retryAfterSeconds: mapped.retryAfterSeconds } : {}),
      ...mapped.extensions,
      ...(mapped.httpStatus ? { http: { status: mapped.httpStatus, headers: httpHeaders(mapped) } } : {}),
    },
  });
}

/** Whether a formatted error came from GraphQL itself (parse, validation, variable coercion). */
export function isGraphQLOwnError(formatted: GraphQLFormattedError, original: unknown): boolean {
  return typeof formatted.extensions?.code === "string" && !(original instanceof Error && isCoded(original));
}

/** Headers that go with the HTTP status of an error raised outside execution. */
function httpHeaders(mapped: PublicError): HeaderMap {
  const headers = new HeaderMap();
  if (mapped.retryAfterSeconds !== undefined) headers.set("retry-after", String(mapped.retryAfterSeconds));
  return headers;
}
