export type ChangeFeedErrorCode = "CURSOR_EXPIRED";

/** A change-feed request that cannot be served without a gap. */
export class ChangeFeedError extends Error {
  constructor(
    readonly code: ChangeFeedErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ChangeFeedError";
  }
}
