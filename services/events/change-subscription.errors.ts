export type ChangeSubscriptionErrorCode = "ACCOUNT_NOT_FOUND" | "INVALID_ARGUMENT";

/** A subscription that cannot start: an account the tenant does not have, or an argument out of range. */
export class ChangeSubscriptionError extends Error {
  constructor(
    readonly code: ChangeSubscriptionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ChangeSubscriptionError";
  }
}
