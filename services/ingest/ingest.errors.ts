export type IngestErrorCode = "BATCH_TOO_LARGE";

/** A batch that cannot be taken at all (as opposed to single records, which are rejected one by one). */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}
