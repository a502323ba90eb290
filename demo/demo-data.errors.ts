/** Errors of the demo data generator. */

export type DemoDataErrorCode = "INVALID_DEMO_DATA_OPTIONS" | "ACCOUNT_INDEX_OUT_OF_RANGE";

export class DemoDataError extends Error {
  override readonly name = "DemoDataError";

  constructor(
    readonly code: DemoDataErrorCode,
    message: string,
  ) {
    super(message);
  }
}
