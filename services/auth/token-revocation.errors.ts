export type TokenRevocationErrorCode = "INVALID_REVOCATION";

/** A revocation request that cannot be stored as sent. */
export class TokenRevocationError extends Error {
  constructor(
    readonly code: TokenRevocationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TokenRevocationError";
  }
}
