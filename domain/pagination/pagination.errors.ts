export type PaginationErrorCode = "INVALID_CURSOR" | "PAGE_SIZE_OUT_OF_RANGE";

/** A page request that cannot be served: a cursor that is malformed or not ours, or a page too large. */
export class PaginationError extends Error {
  constructor(
    readonly code: PaginationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PaginationError";
  }
}
