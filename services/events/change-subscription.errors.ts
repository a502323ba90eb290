export type ChangeSubscriptionErrorCode = "ACCOUNT_NOT_FOUND" | "INVALID_ARGUMENT" | "WEBSOCKET_REQUIRED";

/**
 * A subscription that cannot start: an account the tenant does not have, an argument out of range, or a
 * subscription sent over HTTP instead of WebSocket.
 */
export class ChangeSubscriptionError extends Error {
  constructor(
    readonly code: ChangeSubscriptionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ChangeSubscriptionError";
  }
}
