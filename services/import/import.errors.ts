/**
 * - `UNKNOWN_COLUMN` / `MISSING_COLUMN` / `DUPLICATE_COLUMN`: the CSV header does not fit the record type.
 * - `BROKEN_FILE`: the file cannot be read on (an unclosed quote, an empty file); rows before it stand.
 * - `INTERRUPTED`: the database went away; the checkpoint says where a rerun continues.
 */
export type ImportErrorCode = "UNKNOWN_COLUMN" | "MISSING_COLUMN" | "DUPLICATE_COLUMN" | "BROKEN_FILE" | "INTERRUPTED";

/** A file that cannot be imported (on), as opposed to single rows, which are rejected one by one. */
export class ImportError extends Error {
  override readonly name = "ImportError";

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
