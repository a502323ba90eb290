/**
 * What a bulk upsert that the database cut off had stored. Each chunk of records is one transaction, so
 * every chunk is either wholly committed or not at all; the report says which, by input index.
 */

/**
 * - `COMMITTED`: its transaction committed (records it could not link, e.g. to a missing account, were
 *   not stored, as in a normal answer).
 * - `FAILED`: its transaction failed for another reason (timeout, conflict) and rolled back.
 * - `INTERRUPTED`: in flight when the database went away; rolled back, unless the connection dropped
 *   during the commit itself.
 * - `NOT_STARTED`: never sent.
 */
export type ChunkStatus = "COMMITTED" | "FAILED" | "INTERRUPTED" | "NOT_STARTED";

/** Input positions `from`..`to`, both included, counted from 0 like a rejection's `index`. */
export interface IndexRange {
  from: number;
  to: number;
}

export interface ChunkReport {
  /** Position of the chunk in write order, from 0. */
  chunk: number;
  status: ChunkStatus;
  records: number;
  indexes: IndexRange[];
}

/** Carried in `extensions.ingest` of the SERVICE_UNAVAILABLE error. */
export interface IngestInterruption {
  /** Records in the call. */
  records: number;
  /** Records in committed chunks. */
  committed: number;
  /** Records in failed, interrupted and never-started chunks. */
  notCommitted: number;
  /** Records rejected by validation before anything was written (a retry reports them again). */
  invalid: number;
  chunks: ChunkReport[];
  /** Always true: upserts are idempotent, so sending the whole call again is safe. */
  retrySafe: true;
}

/** Sorted, merged ranges of input indexes: [0,1,2,5] → 0..2, 5..5. Pure. */
export function indexRanges(indexes: readonly number[]): IndexRange[] {
  const sorted = [...indexes].sort((a, b) => a - b);
  const ranges: IndexRange[] = [];
  for (const index of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && index <= last.to + 1) last.to = Math.max(last.to, index);
    else ranges.push({ from: index, to: index });
  }
  return ranges;
}

/** Builds the report from each chunk's input indexes and status, in write order. Pure. */
export function reportInterruption(input: {
  records: number;
  invalid: number;
  chunks: ReadonlyArray<{ readonly indexes: readonly number[]; readonly status: ChunkStatus }>;
}): IngestInterruption {
  const chunks = input.chunks.map(({ indexes, status }, chunk) => ({
    chunk,
    status,
    records: indexes.length,
    indexes: indexRanges(indexes),
  }));
  const committed = chunks.filter((c) => c.status === "COMMITTED").reduce((n, c) => n + c.records, 0);
  const written = chunks.reduce((n, c) => n + c.records, 0);
  return {
    records: input.records,
    committed,
    notCommitted: written - committed,
    invalid: input.invalid,
    chunks,
    retrySafe: true,
  };
}

/** The error message: what was committed, what was not, and that retrying the whole call is safe. Pure. */
export function describeInterruption(report: IngestInterruption): string {
  const committedChunks = report.chunks.filter((c) => c.status === "COMMITTED").length;
  const invalid = report.invalid > 0 ? ` (${report.invalid} more were invalid; a retry lists them)` : "";
  const inFlight = report.chunks.some((c) => c.status === "INTERRUPTED")
    ? " The chunk in flight (INTERRUPTED) was rolled back unless the connection dropped while it committed."
    : "";
  return (
    `The graph database became unavailable during this call: ${report.committed} of ${report.records} records ` +
    `were committed (${committedChunks} of ${report.chunks.length} chunks, each one transaction) and ` +
    `${report.notCommitted} were not${invalid}.${inFlight} extensions.ingest lists every chunk with its status and input ` +
    "indexes. Retrying the whole call is safe: upserts are idempotent, so committed records come back " +
    "UNCHANGED and the others are stored."
  );
}
