/** How many requests a bucket holds and how fast it refills. */
export interface BucketRate {
  /** Most requests allowed in a burst (the bucket's size). */
  burst: number;
  /** Requests per second added back, up to `burst`. */
  perSecond: number;
}

/**
 * A token bucket: `burst` requests at once, then `perSecond` on average. Time comes from the caller (in
 * milliseconds, monotonic), so the bucket is pure and needs no timer.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly rate: BucketRate,
    now: number,
  ) {
    if (!(rate.burst >= 1) || !(rate.perSecond > 0)) {
      throw new Error(`a token bucket needs burst ≥ 1 and perSecond > 0; got ${rate.burst} and ${rate.perSecond}`);
    }
    this.tokens = rate.burst;
    this.updatedAt = now;
  }

  /** Whether a request may pass now; does not take anything. */
  canTake(now: number): boolean {
    this.refill(now);
    return this.tokens >= 1;
  }

  /** Takes one request's worth; call only after {@link canTake} said yes at the same `now`. */
  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  /** Whole seconds until one request may pass again (0 if it may pass now). */
  secondsUntilNext(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.rate.perSecond);
  }

  /** Whether the bucket is back to its full size, i.e. no different from a bucket never used. */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.rate.burst;
  }

  private refill(now: number): void {
    // A clock that steps back (it should not: callers pass a monotonic one) adds nothing.
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.rate.burst, this.tokens + elapsedSeconds * this.rate.perSecond);
    this.updatedAt = Math.max(this.updatedAt, now);
  }
}
