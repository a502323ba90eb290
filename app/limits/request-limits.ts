/**
 * What one request may ask for: its size, the length of its values, the shape and cost of its operation,
 * and how long its statements may run in all. Each has an environment variable; docs/security.md
 * ("Limits and their settings") explains them and docs/operations.md lists them.
 */
export interface RequestLimits {
  /** Largest HTTP request body; larger ones get HTTP 413 before they are parsed. */
  maxBodyBytes: number;
  /** The per-record allowance the default {@link maxBodyBytes} is derived from. */
  bodyBytesPerRecord: number;
  /** Search texts (`accounts(filter: {search})`, `concepts(search:)`). */
  maxSearchLength: number;
  /** Ids and keys: `ID` values, external and record ids, source system keys, field names. */
  maxIdLength: number;
  /** Page cursors (`after`). */
  maxCursorLength: number;
  /** Every other string of an argument or input object, e.g. a record's name or a signal's text. */
  maxTextLength: number;
  /** Whole-file arguments, e.g. `importOntology(content:)`. */
  maxDocumentLength: number;
  /** Lexical tokens of one GraphQL document (names, punctuation, values). */
  maxTokens: number;
  /** Aliased fields of one operation, counting a fragment every time it is spread. */
  maxAliases: number;
  /** How often one selection set may select the same field (response key), through fragments; not `__typename`. */
  maxFieldRepeats: number;
  /** Directives of one operation, counting a fragment every time it is spread. */
  maxDirectives: number;
  /** Estimated cost budget of one operation: about one unit per object returned (app/limits/cost). */
  maxQueryCost: number;
  /** All statements of one query request together must finish within this time. */
  requestTimeoutMs: number;
  /** The same for mutations, which may be long jobs (a tenant-wide recompute resumes where it stopped). */
  mutationTimeoutMs: number;
}

/** Reads an integer setting: name, default, smallest allowed value. */
export type IntegerSetting = (name: string, fallback: number, min: number) => number;

/** Room for the operation text and the JSON around the records in the default body limit. */
export const BODY_ENVELOPE_BYTES = 1024 * 1024;

/**
 * Reads the request limits. The body limit defaults to the largest bulk call that is allowed
 * (`maxBatchSize` records of `RELATA_BODY_BYTES_PER_RECORD` bytes each) plus {@link BODY_ENVELOPE_BYTES}.
 */
export function loadRequestLimits(integer: IntegerSetting, maxBatchSize: number): RequestLimits {
  const bodyBytesPerRecord = integer("RELATA_BODY_BYTES_PER_RECORD", 2_048, 64);
  return {
    maxBodyBytes: integer("RELATA_MAX_BODY_BYTES", maxBatchSize * bodyBytesPerRecord + BODY_ENVELOPE_BYTES, 1_024),
    bodyBytesPerRecord,
    maxSearchLength: integer("RELATA_MAX_SEARCH_LENGTH", 200, 1),
    maxIdLength: integer("RELATA_MAX_ID_LENGTH", 256, 1),
    maxCursorLength: integer("RELATA_MAX_CURSOR_LENGTH", 4_096, 64),
    maxTextLength: integer("RELATA_MAX_TEXT_LENGTH", 4_096, 1),
    maxDocumentLength: integer("RELATA_MAX_DOCUMENT_LENGTH", 10 * 1024 * 1024, 1),
    maxTokens: integer("RELATA_MAX_TOKENS", 5_000, 100),
    maxAliases: integer("RELATA_MAX_ALIASES", 30, 0),
    maxFieldRepeats: integer("RELATA_MAX_FIELD_REPEATS", 20, 1),
    maxDirectives: integer("RELATA_MAX_DIRECTIVES", 50, 0),
    maxQueryCost: integer("RELATA_MAX_QUERY_COST", 50_000, 1),
    requestTimeoutMs: integer("RELATA_REQUEST_TIMEOUT_MS", 30_000, 100),
    mutationTimeoutMs: integer("RELATA_MUTATION_TIMEOUT_MS", 600_000, 100),
  };
}
