export type MpuErrorCode =
  | "INVALID_MPU"
  | "INVALID_MPU_REQUEST"
  | "MPU_NOT_FOUND"
  | "MPU_ACCOUNT_NOT_FOUND"
  | "MPU_OPPORTUNITY_NOT_FOUND"
  | "MPU_NOT_AUTHOR"
  | "MPU_WRONG_STATUS"
  | "MPU_REVIEWER_NOT_A_USER"
  | "MPU_REVIEWER_BELOW_RANK"
  | "MPU_SELF_REVIEW"
  | "MPU_ALREADY_REVIEWED"
  | "MPU_NOT_ALLOWED";

/**
 * A micro-practice unit request that cannot be carried out as sent; the message says what was wrong and what
 * to do. `problems` lists every problem of an invalid unit with its field path.
 */
export class MpuError extends Error {
  constructor(
    readonly code: MpuErrorCode,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = "MpuError";
  }
}
