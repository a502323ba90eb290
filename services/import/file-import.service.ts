import { ImportCheckpoint, ImportCounts, addCounts, NO_COUNTS } from "../../domain/import/import-checkpoint";
import { resolveHeader } from "../../domain/import/csv-header";
import { fieldOfReason, RejectedRow, RowCoercion, SourceRow } from "../../domain/import/import-row";
import { EmptyCells, ImportColumn, RecordCoercer } from "../../domain/import/record-coercer";
import { IngestResult } from "../../domain/ingest/ingest-result";
import { IngestError } from "../ingest/ingest.errors";
import { ImportError } from "./import.errors";

/** Sends one batch of records through the bulk upsert of the record type. */
export type BatchUpsert = (records: readonly Record<string, unknown>[]) => Promise<IngestResult>;

export interface FileImportJob {
  /** The file's rows; a CSV file's header first, as row 0. */
  rows: AsyncIterable<SourceRow>;
  format: "csv" | "ndjson";
  coercer: RecordCoercer;
  upsert: BatchUpsert;
  /** Rows per upsert call (and per checkpoint). */
  batchSize: number;
  empty: EmptyCells;
  /** Where an interrupted run stopped, or null to start from the first row. */
  resume: ImportCheckpoint | null;
  report: { append(rows: readonly RejectedRow[]): void; readonly bytes: number };
  /** Called after every committed batch with what is done so far; writes the checkpoint. */
  committed(progress: { rowsDone: number; reportBytes: number; counts: ImportCounts }): void;
  /** Set to stop after the batch in flight (Ctrl-C); the checkpoint is then current. */
  signal?: AbortSignal;
}

export interface FileImportOutcome {
  rowsDone: number;
  counts: ImportCounts;
  /** Rows skipped because an earlier run had done them. */
  skipped: number;
  /** True when the signal stopped the import before the end of the file. */
  stopped: boolean;
}

const NOTHING_SENT: IngestResult = { created: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [], records: [] };

interface PendingRow {
  source: SourceRow;
  coercion: RowCoercion;
}

function externalIdIn(record: Record<string, unknown> | null): string | null {
  const value = record?.externalId ?? record?.recordId ?? record?.key;
  return typeof value === "string" ? value : null;
}

/**
 * Imports a file's rows through the bulk upserts in batches: each row is checked on its own with the API's
 * input rules, so a bad row (a wrong type included) is reported and the others are stored. After each
 * batch is committed its rejected rows are in the report and the checkpoint counts it done, so a rerun
 * continues with the next batch.
 */
export async function importFile(job: FileImportJob): Promise<FileImportOutcome> {
  const skip = job.resume?.rowsDone ?? 0;
  let counts = job.resume?.counts ?? NO_COUNTS;
  let rowsDone = skip;
  let header: ImportColumn[] | null = null;
  let pending: PendingRow[] = [];
  const fields = job.coercer.columns.map((c) => c.name);

  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const valid = batch.filter((p): p is PendingRow & { coercion: { ok: true } } => p.coercion.ok);
    const rejected: RejectedRow[] = [];
    for (const { source, coercion } of batch) {
      if (coercion.ok) continue;
      for (const problem of coercion.problems) {
        rejected.push({ row: source.row, line: source.line, externalId: externalIdOf(source, header), ...problem });
      }
    }
    let result: IngestResult;
    try {
      result = valid.length === 0 ? NOTHING_SENT : await job.upsert(valid.map((p) => p.coercion.record));
    } catch (error) {
      if (error instanceof IngestError && error.code === "INGEST_INTERRUPTED") {
        throw new ImportError(
          "INTERRUPTED",
          `The database went away while rows ${batch[0]?.source.row}-${batch[batch.length - 1]?.source.row} were ` +
            `being stored; rows up to ${rowsDone} are done. Run the same command again to continue from there.`,
          { cause: error },
        );
      }
      throw error;
    }
    for (const rejection of result.rejections) {
      const { source, coercion } = valid[rejection.index]!;
      rejected.push({
        row: source.row,
        line: source.line,
        externalId: rejection.externalId ?? externalIdIn(coercion.record),
        field: fieldOfReason(rejection.reason, fields),
        reason: rejection.reason,
      });
    }
    rejected.sort((a, b) => a.row - b.row);
    job.report.append(rejected);
    const rejectedRows = new Set(rejected.map((r) => r.row)).size;
    counts = addCounts(counts, {
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      rejected: rejectedRows,
    });
    rowsDone = batch[batch.length - 1]!.source.row;
    job.committed({ rowsDone, reportBytes: job.report.bytes, counts });
  };

  for await (const source of job.rows) {
    if (job.format === "csv" && header === null) {
      if (source.content.kind !== "cells") throw new Error("a CSV row without cells");
      const resolved = resolveHeader(source.content.cells, job.coercer.columns, job.coercer.inputName);
      if (!resolved.ok) throw new ImportError(resolved.code, resolved.message);
      header = resolved.columns;
      continue;
    }
    if (source.row <= skip) continue;
    pending.push({ source, coercion: coerceRow(source, header, job) });
    if (pending.length >= job.batchSize) {
      await flush();
      if (job.signal?.aborted) return { rowsDone, counts, skipped: skip, stopped: true };
    }
  }
  if (job.format === "csv" && header === null) {
    throw new ImportError("BROKEN_FILE", "The CSV file is empty: it needs a header row naming its columns.");
  }
  await flush();
  return { rowsDone, counts, skipped: skip, stopped: false };
}

function coerceRow(source: SourceRow, header: ImportColumn[] | null, job: FileImportJob): RowCoercion {
  if (source.content.kind === "cells") return job.coercer.fromCells(header ?? [], source.content.cells, job.empty);
  let value: unknown;
  try {
    value = JSON.parse(source.content.text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ field: null, reason: `the line is not valid JSON: ${(error as Error).message}` }],
    };
  }
  return job.coercer.fromJson(value);
}

/** A rejected row's external id, read from the row itself when it never became a record. */
function externalIdOf(source: SourceRow, header: readonly ImportColumn[] | null): string | null {
  if (source.content.kind === "cells") {
    const at = (header ?? []).findIndex((c) => ["externalId", "recordId", "key"].includes(c.name));
    return at >= 0 ? source.content.cells[at] || null : null;
  }
  {
    try {
      return externalIdIn(JSON.parse(source.content.text) as Record<string, unknown>);
    } catch {
      return null;
    }
  }
  return null;
}
