import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { loadRequestLimits, RequestLimits } from "./limits/request-limits";
import { CorsSettings, parseCorsOrigins } from "./http/cors";
import { HeavyOperationSettings } from "./limits/heavy-operation-slots";
import { RateLimitSettings } from "./limits/rate-limiter";
import { AuthSettings, httpUrl, OidcSettings, parseRoleMap } from "./auth/auth-settings";
import { TelemetrySettings, telemetrySettings } from "./observability/telemetry-settings";
import { DEFAULT_RETRY_SCHEDULE, parseRetrySchedule } from "../domain/webhooks/retry-schedule";
import { parseAllowedHosts } from "../domain/webhooks/allowed-hosts";
import { SENIORITIES, Seniority } from "../domain/records";
import { LlmSettings } from "../services/plain-language/llm-draft-provider";

/** Every setting Relata reads, with its environment variable. Documented in the README. */
export interface RelataConfig {
  host: string;
  port: number;
  relataHome: string;
  jwtSecret: string;
  maxPageSize: number;
  defaultPageSize: number;
  maxQueryDepth: number;
  maxBatchSize: number;
  writeChunkSize: number;
  /** Deleted records: days they can be restored, and how often the purge runs (0: never in the server). */
  deletion: { retentionDays: number; purgeIntervalMinutes: number };
  /**
   * The change feed (decision 0013): whether writes append change events (off only to measure what the
   * outbox costs), how many days events are kept, and how often subscriptions and webhooks poll for new ones.
   */
  changes: { enabled: boolean; retentionDays: number; pollIntervalMs: number };
  /**
   * Subscriptions over WebSocket (docs/changes.md): how long a new connection has to send its token, and
   * how many subscriptions one connection and connections one tenant may have on this instance.
   */
  subscriptions: { initTimeoutMs: number; maxPerConnection: number; maxConnectionsPerTenant: number };
  /**
   * Webhooks (docs/webhooks.md): whether this process sends deliveries, the retry schedule, the request
   * timeout, events per delivery, endpoints per tenant, the hosts allowed although they are not public, and
   * the days settled deliveries are kept in the delivery log.
   */
  webhooks: {
    dispatch: boolean;
    retryScheduleMs: number[];
    requestTimeoutMs: number;
    batchSize: number;
    maxEndpointsPerTenant: number;
    concurrency: number;
    allowedHosts: string[];
    logRetentionDays: number;
  };
  /**
   * The playbook engine (docs/automation.md): whether this process runs playbooks on the change feed, how
   * often it polls, the events per page, and the firings per tenant per hour across all its playbooks.
   */
  automation: { enabled: boolean; pollIntervalMs: number; pageSize: number; tenantRatePerHour: number };
  /**
   * Micro-practice units (docs/mpus.md): whether this process follows pending uses and how often, and the
   * quality gate's defaults (a tenant may set its own with setMpuSettings).
   */
  mpu: {
    trackerEnabled: boolean;
    trackerPollMs: number;
    trackerBatch: number;
    /** Only these tenants' uses (RELATA_MPU_TRACKER_TENANTS, comma-separated); null: every tenant. */
    trackerTenants: string[] | null;
    minReviewerSeniority: Seniority;
    requiredReviews: number;
  };
  queryTimeoutMs: number;
  /** Sizes, lengths, query shape, cost budget and deadlines of one request (docs/security.md). */
  limits: RequestLimits;
  /** Off only for benchmarks that measure what batching buys. */
  dataLoaderBatching: boolean;
  /** Off only for benchmarks that measure what caching health models and mappings buys (decision 0036). */
  healthConfigCache: boolean;
  /** `referenceDate` null: the day the demo is first loaded (see {@link DemoDataOptions.referenceDate}). */
  demo: { enabled: boolean; tenant: string; accounts: number; seed: number; referenceDate: string | null };
  logLevel: string;
  /** Stack traces in error answers; for development only (RELATA_DEV_ERRORS). */
  devErrors: boolean;
  /** How long running requests may take to finish once shutdown begins. */
  shutdownGraceMs: number;
  cors: CorsSettings;
  rateLimits: RateLimitSettings;
  heavyOperations: HeavyOperationSettings;
  /** Token lifetime cap, revocation refresh, OpenID Connect. */
  auth: AuthSettings;
  /** The GraphQL IDE at GET /graphql for browsers (RELATA_IDE). */
  ide: { enabled: boolean };
  /** The explorer at /explorer (RELATA_EXPLORER) and its local demo token's lifetime; docs/explorer.md. */
  explorer: { enabled: boolean; demoTokenMinutes: number };
  /** /metrics (RELATA_METRICS…) and OpenTelemetry traces (OTEL_…); docs/operations.md. */
  telemetry: TelemetrySettings;
  /**
   * Audit checkpoints (docs/audit.md): sign every tenant's chain head this often when it moved
   * (RELATA_AUDIT_CHECKPOINT_SECONDS, 0: never), and as soon as it grew by this many records. The signing
   * key is read at start-up (app/audit/audit-keys.ts), not here.
   */
  audit: { checkpointSeconds: number; checkpointRecords: number };
  /**
   * Usage counts for calibration (docs/lineage.md): written every RELATA_USAGE_FLUSH_SECONDS (10; 0: only
   * when the in-memory table is half full and at shutdown).
   */
  usage: { flushSeconds: number };
  /**
   * Plain-language drafts (docs/plain-language.md): the optional LLM provider, an OpenAI-compatible chat
   * endpoint, off (null) unless RELATA_NL_LLM_URL is set. RELATA_NL_LLM_MODEL names the model (required with
   * the URL), RELATA_NL_LLM_API_KEY is sent as a bearer token when set, RELATA_NL_LLM_TIMEOUT_MS bounds one
   * call (10000 by default); past it the draft falls back to the built-in parser's.
   */
  plainLanguage: { llm: LlmSettings | null };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer of at least ${min}; it is "${raw}". Fix or unset it.`);
  }
  return value;
}

function seniority(env: NodeJS.ProcessEnv, name: string, fallback: Seniority): Seniority {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if ((SENIORITIES as readonly string[]).includes(raw)) return raw as Seniority;
  throw new Error(`${name} must be one of ${SENIORITIES.join(", ")}; it is "${raw}".`);
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`${name} must be 1/0, true/false, yes/no or on/off; it is "${raw}".`);
}

function isoDay(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) {
    throw new Error(`${name} must be a date written YYYY-MM-DD; it is "${raw}". Fix or unset it.`);
  }
  return raw;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a number above 0 (decimals allowed, e.g. 0.5); it is "${raw}". Fix or unset it.`);
  }
  return value;
}

/** The folder for Relata's local state (managed Neo4j, dev secret); outside the repository. */
export function relataHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.RELATA_HOME || join(homedir(), ".relata");
}

/**
 * The secret that signs tokens and cursors: RELATA_JWT_SECRET, or for local use a random one kept in
 * RELATA_HOME so that `npm run token` and `npm start` agree.
 */
export function jwtSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RELATA_JWT_SECRET) {
    if (env.RELATA_JWT_SECRET.length < 32) {
      throw new Error(
        "RELATA_JWT_SECRET must be at least 32 characters long; generate one with `openssl rand -hex 32`.",
      );
    }
    return env.RELATA_JWT_SECRET;
  }
  const home = relataHome(env);
  const file = join(home, "jwt-secret");
  // The folder holds this secret and the managed Neo4j's data: the owner's only (fixed if it was looser).
  mkdirSync(home, { recursive: true, mode: 0o700 });
  chmodSync(home, 0o700);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RelataConfig {
  const maxBatchSize = integer(env, "RELATA_MAX_BATCH_SIZE", 20_000, 1);
  return {
    host: env.HOST || "127.0.0.1",
    port: integer(env, "PORT", 4000, 0),
    relataHome: relataHome(env),
    jwtSecret: jwtSecret(env),
    maxPageSize: integer(env, "RELATA_MAX_PAGE_SIZE", 500, 1),
    defaultPageSize: integer(env, "RELATA_DEFAULT_PAGE_SIZE", 20, 1),
    maxQueryDepth: integer(env, "RELATA_MAX_QUERY_DEPTH", 12, 2),
    maxBatchSize,
    writeChunkSize: integer(env, "RELATA_WRITE_CHUNK_SIZE", 2_000, 1),
    deletion: {
      retentionDays: integer(env, "RELATA_DELETED_RETENTION_DAYS", 30, 0),
      purgeIntervalMinutes: integer(env, "RELATA_PURGE_INTERVAL_MINUTES", 60, 0),
    },
    changes: {
      enabled: flag(env, "RELATA_CHANGE_EVENTS", true),
      retentionDays: integer(env, "RELATA_CHANGE_RETENTION_DAYS", 30, 1),
      pollIntervalMs: integer(env, "RELATA_CHANGE_POLL_MS", 1_000, 10),
    },
    subscriptions: {
      initTimeoutMs: integer(env, "RELATA_WS_INIT_TIMEOUT_MS", 5_000, 100),
      maxPerConnection: integer(env, "RELATA_WS_MAX_SUBSCRIPTIONS", 20, 1),
      maxConnectionsPerTenant: integer(env, "RELATA_WS_MAX_CONNECTIONS_PER_TENANT", 200, 1),
    },
    webhooks: {
      dispatch: flag(env, "RELATA_WEBHOOK_DISPATCH", true),
      retryScheduleMs: retrySchedule(env),
      requestTimeoutMs: integer(env, "RELATA_WEBHOOK_TIMEOUT_MS", 15_000, 100),
      batchSize: integer(env, "RELATA_WEBHOOK_BATCH_SIZE", 100, 1),
      maxEndpointsPerTenant: integer(env, "RELATA_WEBHOOK_MAX_ENDPOINTS", 20, 1),
      concurrency: integer(env, "RELATA_WEBHOOK_CONCURRENCY", 8, 1),
      allowedHosts: parseAllowedHosts(env.RELATA_WEBHOOK_ALLOWED_HOSTS),
      logRetentionDays: integer(env, "RELATA_WEBHOOK_LOG_RETENTION_DAYS", 30, 1),
    },
    automation: {
      enabled: flag(env, "RELATA_AUTOMATION", true),
      pollIntervalMs: integer(env, "RELATA_AUTOMATION_POLL_MS", 1_000, 10),
      pageSize: integer(env, "RELATA_AUTOMATION_PAGE_SIZE", 500, 1),
      tenantRatePerHour: integer(env, "RELATA_AUTOMATION_TENANT_RATE_PER_HOUR", 1_000, 1),
    },
    mpu: {
      trackerEnabled: flag(env, "RELATA_MPU_TRACKER", true),
      trackerPollMs: integer(env, "RELATA_MPU_TRACKER_POLL_MS", 10_000, 10),
      trackerBatch: integer(env, "RELATA_MPU_TRACKER_BATCH", 200, 1),
      trackerTenants: env.RELATA_MPU_TRACKER_TENANTS
        ? env.RELATA_MPU_TRACKER_TENANTS.split(",")
            .map((t) => t.trim())
            .filter((t) => t !== "")
        : null,
      minReviewerSeniority: seniority(env, "RELATA_MPU_MIN_REVIEWER_SENIORITY", "SENIOR"),
      requiredReviews: integer(env, "RELATA_MPU_REQUIRED_REVIEWS", 3, 1),
    },
    queryTimeoutMs: integer(env, "RELATA_QUERY_TIMEOUT_MS", 30_000, 100),
    limits: loadRequestLimits((name, fallback, min) => integer(env, name, fallback, min), maxBatchSize),
    dataLoaderBatching: flag(env, "RELATA_DATALOADER_BATCHING", true),
    healthConfigCache: flag(env, "RELATA_HEALTH_CONFIG_CACHE", true),
    demo: {
      enabled: flag(env, "RELATA_DEMO", true),
      tenant: env.RELATA_DEMO_TENANT || "demo",
      accounts: integer(env, "RELATA_DEMO_ACCOUNTS", 1_000, 1),
      seed: integer(env, "RELATA_DEMO_SEED", 42, 0),
      referenceDate: isoDay(env, "RELATA_DEMO_DATE"),
    },
    logLevel: env.LOG_LEVEL || "info",
    devErrors: flag(env, "RELATA_DEV_ERRORS", false),
    shutdownGraceMs: integer(env, "RELATA_SHUTDOWN_GRACE_MS", 30_000, 0),
    cors: {
      origins: parseCorsOrigins(env.RELATA_CORS_ORIGINS),
      maxAgeSeconds: integer(env, "RELATA_CORS_MAX_AGE", 600, 0),
    },
    rateLimits: {
      enabled: flag(env, "RELATA_RATE_LIMITS", true),
      tenant: {
        burst: integer(env, "RELATA_RATE_TENANT_BURST", 300, 1),
        perSecond: positiveNumber(env, "RELATA_RATE_TENANT_PER_SECOND", 100),
      },
      token: {
        burst: integer(env, "RELATA_RATE_TOKEN_BURST", 100, 1),
        perSecond: positiveNumber(env, "RELATA_RATE_TOKEN_PER_SECOND", 30),
      },
    },
    heavyOperations: {
      perTenant: integer(env, "RELATA_HEAVY_CONCURRENCY", 2, 1),
      waitMs: integer(env, "RELATA_HEAVY_WAIT_MS", 5_000, 0),
    },
    auth: authSettings(env),
    ide: { enabled: flag(env, "RELATA_IDE", true) },
    explorer: {
      enabled: flag(env, "RELATA_EXPLORER", true),
      demoTokenMinutes: integer(env, "RELATA_EXPLORER_DEMO_TOKEN_MINUTES", 60, 1),
    },
    telemetry: telemetrySettings(env, (name, fallback) => flag(env, name, fallback)),
    plainLanguage: { llm: llmSettings(env) },
    audit: {
      checkpointSeconds: integer(env, "RELATA_AUDIT_CHECKPOINT_SECONDS", 60, 0),
      checkpointRecords: integer(env, "RELATA_AUDIT_CHECKPOINT_RECORDS", 10_000, 1),
    },
    usage: { flushSeconds: integer(env, "RELATA_USAGE_FLUSH_SECONDS", 10, 0) },
  };
}

function retrySchedule(env: NodeJS.ProcessEnv): number[] {
  const raw = env.RELATA_WEBHOOK_RETRY_SCHEDULE;
  try {
    return parseRetrySchedule(raw === undefined || raw.trim() === "" ? DEFAULT_RETRY_SCHEDULE : raw);
  } catch (error) {
    throw new Error(
      `RELATA_WEBHOOK_RETRY_SCHEDULE must list the delays before each retry, comma-separated, e.g. ` +
        `${DEFAULT_RETRY_SCHEDULE}; ${(error as Error).message}. Fix or unset it.`,
    );
  }
}

const OIDC_OPTIONAL = [
  "RELATA_OIDC_JWKS_URI",
  "RELATA_OIDC_TENANT_CLAIM",
  "RELATA_OIDC_ROLE_CLAIM",
  "RELATA_OIDC_ROLE_MAP",
  "RELATA_OIDC_JWKS_COOLDOWN_SECONDS",
];

function oidcSettings(env: NodeJS.ProcessEnv): OidcSettings | null {
  const issuer = env.RELATA_OIDC_ISSUER;
  if (!issuer) {
    const stray = ["RELATA_OIDC_AUDIENCE", ...OIDC_OPTIONAL].filter((name) => env[name]);
    if (stray.length > 0) {
      throw new Error(`${stray.join(", ")} set without RELATA_OIDC_ISSUER; set the issuer too, or unset them.`);
    }
    return null;
  }
  if (!env.RELATA_OIDC_AUDIENCE) {
    throw new Error(
      "RELATA_OIDC_AUDIENCE must be set with RELATA_OIDC_ISSUER (the client or API id your identity provider " +
        "puts in `aud`); without it any token of that provider, for any application, would be accepted.",
    );
  }
  return {
    issuer: httpUrl("RELATA_OIDC_ISSUER", issuer),
    jwksUri: env.RELATA_OIDC_JWKS_URI ? httpUrl("RELATA_OIDC_JWKS_URI", env.RELATA_OIDC_JWKS_URI) : null,
    audience: env.RELATA_OIDC_AUDIENCE,
    tenantClaim: env.RELATA_OIDC_TENANT_CLAIM || "tenant",
    roleClaim: env.RELATA_OIDC_ROLE_CLAIM || "role",
    roleMap: env.RELATA_OIDC_ROLE_MAP ? parseRoleMap(env.RELATA_OIDC_ROLE_MAP) : null,
    jwksCooldownSeconds: integer(env, "RELATA_OIDC_JWKS_COOLDOWN_SECONDS", 30, 0),
  };
}

/** The token settings alone (for `npm run token`), as {@link loadConfig} reads them. */
export function authSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  return {
    maxTokenLifetimeHours: integer(env, "RELATA_MAX_TOKEN_LIFETIME_HOURS", 24, 1),
    revocationRefreshSeconds: integer(env, "RELATA_REVOCATION_REFRESH_SECONDS", 5, 1),
    userRolesTtlSeconds: integer(env, "RELATA_USER_ROLES_TTL_SECONDS", 5, 1),
    oidc: oidcSettings(env),
  };
}

/** The LLM provider of plain-language drafts, or null when RELATA_NL_LLM_URL is not set (the default). */
export function llmSettings(env: NodeJS.ProcessEnv = process.env): LlmSettings | null {
  const url = env.RELATA_NL_LLM_URL?.trim();
  if (!url) {
    const stray = ["RELATA_NL_LLM_MODEL", "RELATA_NL_LLM_API_KEY", "RELATA_NL_LLM_TIMEOUT_MS"].filter((n) => env[n]);
    if (stray.length > 0) {
      throw new Error(`${stray.join(", ")} set without RELATA_NL_LLM_URL; set the provider's URL too, or unset them.`);
    }
    return null;
  }
  const model = env.RELATA_NL_LLM_MODEL?.trim();
  if (!model) {
    throw new Error(
      "RELATA_NL_LLM_MODEL must be set with RELATA_NL_LLM_URL: the model the provider should use, e.g. gpt-4o-mini.",
    );
  }
  return {
    url: httpUrl("RELATA_NL_LLM_URL", url),
    model,
    apiKey: env.RELATA_NL_LLM_API_KEY?.trim() || null,
    timeoutMs: integer(env, "RELATA_NL_LLM_TIMEOUT_MS", 10_000, 100),
  };
}
