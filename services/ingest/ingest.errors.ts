import type { IngestInterruption } from "../../domain/ingest/ingest-interruption";

/**
 * - `BATCH_TOO_LARGE`: more records than one call may carry; nothing was written.
 * - `INGEST_INTERRUPTED`: the database went away part-way; {@link IngestError.interruption} says what
 *   was committed.
 */
export type IngestErrorCode = "BATCH_TOO_LARGE" | "INGEST_INTERRUPTED";

/** A batch that cannot be taken at all (as opposed to single records, which are rejected one by one). */
export class IngestError extends Error {
  /** For `INGEST_INTERRUPTED`: per chunk, what was committed and what was not. */
  readonly interruption?: IngestInterruption;

  constructor(
    readonly code: IngestErrorCode,
    message: string,
    options?: { cause?: unknown; interruption?: IngestInterruption },
  ) {
    super(message, { cause: options?.cause });
    this.name = "IngestError";
    this.interruption = options?.interruption;
  }
}
