export type WebhookErrorCode =
  | "INVALID_WEBHOOK"
  | "URL_NOT_ALLOWED"
  | "WEBHOOK_LIMIT_REACHED"
  | "WEBHOOK_NOT_FOUND"
  | "DELIVERY_NOT_FOUND"
  | "WEBHOOK_DISABLED";

/** A webhook request that cannot be carried out as sent; the message says what to change. */
export class WebhookError extends Error {
  constructor(
    readonly code: WebhookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WebhookError";
  }
}
