export type AnchorErrorCode =
  | "INVALID_ANCHOR"
  | "ANCHOR_NOT_FOUND"
  | "ANCHOR_DIRECTION_INCONSISTENT"
  | "INVALID_ANCHOR_REQUEST"
  | "EFFECT_SUBJECT_NOT_FOUND";

/** One problem of an anchor definition: the field path and what is wrong. */
export interface AnchorProblem {
  path: string;
  message: string;
}

/**
 * A value anchor request that cannot be carried out as sent (issue 17); the message says what was wrong,
 * where, and what to do. `problems` lists every problem of an invalid definition with its field path.
 */
export class AnchorError extends Error {
  constructor(
    readonly code: AnchorErrorCode,
    message: string,
    readonly problems: readonly AnchorProblem[] = [],
  ) {
    super(message);
    this.name = "AnchorError";
  }
}
