import { createHash } from "node:crypto";

/** Longest `jti` accepted; longer ones are refused rather than cut. */
export const MAX_JTI_LENGTH = 256;

function span(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 72 * 3600) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round((seconds / 86400) * 10) / 10} days`;
}

/**
 * Why a token's times are refused, or null: it must say when it was issued (`iat`) and when it expires
 * (`exp`), live at most `maxLifetimeSeconds` (exp − iat), and not expire later than that from now (an
 * `iat` in the future does not stretch it). Expiry itself and `nbf` are the verifier's.
 */
export function lifetimeProblem(
  payload: { exp?: unknown; iat?: unknown },
  maxLifetimeSeconds: number,
  nowSeconds: number,
  toleranceSeconds = 0,
): string | null {
  const cap = `${span(maxLifetimeSeconds)} this server accepts (RELATA_MAX_TOKEN_LIFETIME_HOURS)`;
  const { exp, iat } = payload;
  if (typeof exp !== "number") return `the token has no expiry ("exp"); tokens must expire within the ${cap}`;
  if (typeof iat !== "number") {
    return `the token has no issue time ("iat"), so its lifetime is unknown; tokens must carry one and live at most the ${cap}`;
  }
  if (exp - iat > maxLifetimeSeconds) {
    return `the token lives ${span(exp - iat)} (exp − iat), longer than the ${cap}; get one that expires sooner`;
  }
  if (exp - nowSeconds > maxLifetimeSeconds + toleranceSeconds) {
    return `the token expires in ${span(exp - nowSeconds)}, later than the ${cap} (its iat is in the future)`;
  }
  return null;
}

/**
 * A token's identity: its `jti`, or `sha256:` and 32 hex digits of the token's hash when it has none (so
 * every token can be revoked and counted). Null for a `jti` that is not a string of 1-256 characters.
 */
export function tokenIdOf(payload: { jti?: unknown }, token: string): string | null {
  const { jti } = payload;
  if (jti === undefined) return `sha256:${createHash("sha256").update(token).digest("hex").slice(0, 32)}`;
  if (typeof jti !== "string" || jti.length === 0 || jti.length > MAX_JTI_LENGTH) return null;
  return jti;
}
