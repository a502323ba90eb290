export type CalibrationErrorCode = "INVALID_TRAINING_DATA" | "TOO_FEW_OUTCOMES" | "INVALID_OPTION";

/**
 * Training data or options that calibration cannot use: malformed rows, too few accounts of one outcome to
 * cross-validate, or an option out of range. The message says what was expected and what was received.
 */
export class CalibrationError extends Error {
  constructor(
    readonly code: CalibrationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CalibrationError";
  }
}
