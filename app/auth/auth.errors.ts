export type AuthErrorCode = "UNAUTHENTICATED" | "FORBIDDEN";

/** A request without a valid token, or a token without the rights it needs. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AuthError";
  }
}
