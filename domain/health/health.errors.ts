export type HealthScoringErrorCode =
  | "UNKNOWN_ROOT"
  | "DUPLICATE_CONCEPT"
  | "DUPLICATE_LEAF"
  | "INVALID_WEIGHT"
  | "INVALID_GRADE_BANDS"
  | "INVALID_ARGUMENT";

/**
 * A health model or scoring request that cannot be evaluated: a root concept that does not exist, two
 * definitions of one concept or leaf, a weight that is negative or not a number, grade bands that do not
 * cover 0..100, or a bad argument. Missing or rejected data is never an error: it is reported in the
 * explanation as a reason.
 */
export class HealthScoringError extends Error {
  constructor(
    readonly code: HealthScoringErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "HealthScoringError";
  }
}
