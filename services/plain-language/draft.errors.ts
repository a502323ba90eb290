export type DraftErrorCode = "DRAFT_TEXT_EMPTY" | "DRAFT_TEXT_TOO_LONG";

/** A draft request that cannot be carried out as sent; the message says what to change. */
export class DraftError extends Error {
  constructor(
    readonly code: DraftErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DraftError";
  }
}
