import { createHash } from "node:crypto";
import { RateLimitError } from "./rate-limit.errors";
import { BucketRate, TokenBucket } from "./token-bucket";

/** The request rates one API instance allows. */
export interface RateLimitSettings {
  enabled: boolean;
  /** Shared by every token of a tenant. */
  tenant: BucketRate;
  /** For each bearer token on its own. */
  token: BucketRate;
}

/** Sweep buckets that have refilled completely every this many admitted requests (bounds memory). */
const SWEEP_EVERY = 1_000;

/**
 * Per-tenant and per-token token buckets, in memory. Decides from memory alone — no database round trip —
 * so it runs before a request is parsed and before any Cypher. Limits are per API instance: N instances
 * behind a load balancer allow up to N times these rates.
 */
export class RateLimiter {
  private readonly tenants = new Map<string, TokenBucket>();
  private readonly tokens = new Map<string, TokenBucket>();
  private admitted = 0;

  constructor(
    private readonly settings: RateLimitSettings,
    /** Milliseconds on a monotonic clock; tests pass their own. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Lets one request of `tenant`, authenticated with the bearer `token` (with or without its "Bearer "), pass, or throws a RateLimitError
   * saying which limit it hit and when to retry. A refused request takes nothing from either bucket.
   */
  admit(tenant: string, token: string): void {
    if (!this.settings.enabled) return;
    const now = this.now();
    // Keyed by a digest: the limiter never keeps a usable credential in memory.
    const tokenBucket = this.bucket(
      this.tokens,
      digest(token.trim().replace(/^bearer\s+/i, "")),
      this.settings.token,
      now,
    );
    const tenantBucket = this.bucket(this.tenants, tenant, this.settings.tenant, now);
    if (!tokenBucket.canTake(now)) {
      const seconds = tokenBucket.secondsUntilNext(now);
      throw new RateLimitError(
        "TOKEN_RATE_LIMIT",
        `Too many requests with this token: it may make ${describe(this.settings.token)} on this API instance. ` +
          `Retry in ${seconds} s, and spread the calls out (fewer, larger bulk calls count once each).`,
        seconds,
      );
    }
    if (!tenantBucket.canTake(now)) {
      const seconds = tenantBucket.secondsUntilNext(now);
      throw new RateLimitError(
        "TENANT_RATE_LIMIT",
        `Too many requests for tenant "${tenant}": all of its tokens together may make ` +
          `${describe(this.settings.tenant)} on this API instance. Retry in ${seconds} s; if this is the ` +
          "tenant's normal load, ask the operator to raise RELATA_RATE_TENANT_BURST / RELATA_RATE_TENANT_PER_SECOND.",
        seconds,
      );
    }
    tokenBucket.take(now);
    tenantBucket.take(now);
    this.admitted += 1;
    if (this.admitted % SWEEP_EVERY === 0) this.sweep(now);
  }

  /** How many buckets are kept (tenants plus tokens); full buckets are dropped now and then. */
  get size(): number {
    return this.tenants.size + this.tokens.size;
  }

  private bucket(buckets: Map<string, TokenBucket>, key: string, rate: BucketRate, now: number): TokenBucket {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(rate, now);
      buckets.set(key, bucket);
    }
    return bucket;
  }

  /** A full bucket behaves like one never created, so forgetting it changes nothing. */
  private sweep(now: number): void {
    for (const buckets of [this.tenants, this.tokens]) {
      for (const [key, bucket] of buckets) if (bucket.isFull(now)) buckets.delete(key);
    }
  }
}

function digest(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

function describe(rate: BucketRate): string {
  return `${rate.burst} requests at once, then ${rate.perSecond} per second`;
}
