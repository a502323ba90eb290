/** Which limit a request ran into. */
export type RateLimitReason = "TENANT_RATE_LIMIT" | "TOKEN_RATE_LIMIT" | "HEAVY_OPERATION_LIMIT";

/** A request refused by a rate limit or the heavy-operation cap; answered with HTTP 429 and Retry-After. */
export class RateLimitError extends Error {
  readonly code = "RATE_LIMITED" as const;

  constructor(
    readonly reason: RateLimitReason,
    message: string,
    /** Whole seconds after which the same request may pass (the `Retry-After` header). */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimitError";
  }
}
