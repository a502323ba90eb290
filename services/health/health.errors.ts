export type HealthErrorCode =
  | "MODEL_NOT_FOUND"
  | "INVALID_MODEL"
  | "ACCOUNT_NOT_FOUND"
  | "INVALID_MEASURE"
  | "INVALID_ARGUMENT"
  | "CALIBRATION_FAILED";

/**
 * A health request that cannot be served: unknown model or account, an invalid model, measure, argument
 * (an option out of range) or fit.
 */
export class HealthError extends Error {
  constructor(
    readonly code: HealthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "HealthError";
  }
}
