/** What went wrong with a usage calibration request. */
export type UsageErrorCode = "INVALID_USAGE_PERIOD";

export class UsageError extends Error {
  constructor(
    readonly code: UsageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}
