export type AuthErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "UNAVAILABLE";

/**
 * A request without a valid token, or a token without the rights it needs; UNAVAILABLE when the identity
 * provider's keys cannot be fetched, so that a token cannot be checked yet.
 */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

/** The UNAUTHENTICATED error for a refused token: why, then what to do. */
export function notAuthenticated(why: string, howTo: string): AuthError {
  return new AuthError("UNAUTHENTICATED", `Not authenticated: ${why}. ${howTo}`);
}
