/** What went wrong with a lineage or impact request. */
export type LineageErrorCode = "INVALID_LINEAGE_TARGET" | "LINEAGE_TARGET_NOT_FOUND";

/**
 * A lineage or impact request that cannot be answered: a target no provider understands (bad input), or a
 * value this tenant does not have. Another tenant's ids are "not found" exactly like unknown ones.
 */
export class LineageError extends Error {
  constructor(
    readonly code: LineageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LineageError";
  }
}
