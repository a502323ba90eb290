import { parse } from "csv-parse";
import { Readable } from "node:stream";
import { SourceRow } from "../../domain/import/import-row";
import { ImportError } from "./import.errors";
import { readLines } from "./line-reader";

/** The rows of an NDJSON file: one JSON object per line; blank lines are skipped. */
export async function* ndjsonRows(input: Readable): AsyncGenerator<SourceRow> {
  let row = 0;
  for await (const { line, text } of readLines(input)) {
    if (text.trim() === "") continue;
    row += 1;
    yield { row, line, content: { kind: "json", text } };
  }
}

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** The line a record starts on: csv-parse counts to its end, and a quoted cell may hold line breaks. */
function startLine(parsed: CsvRecord): number {
  const body = parsed.raw.replace(/^(\r?\n)+/, "").replace(/\r?\n$/, "");
  return parsed.info.lines - (body.match(/\n/g)?.length ?? 0);
}

/**
 * The rows of a CSV file (RFC 4180: quoted cells with commas, line breaks and doubled quotes; a UTF-8
 * byte-order mark; blank lines skipped), streamed. The header comes first, as row 0. A row with the wrong
 * number of cells is passed on (and rejected alone); a quote that never closes ends the file with
 * BROKEN_FILE, naming the line (rows read in the same chunk of the file before it are not passed on).
 */
export async function* csvRows(input: Readable): AsyncGenerator<SourceRow> {
  const parser = input.pipe(
    parse({ bom: true, raw: true, info: true, relax_column_count: true, skip_empty_lines: true }),
  );
  let row = 0;
  try {
    for await (const parsed of parser as AsyncIterable<CsvRecord>) {
      yield { row: row++, line: startLine(parsed), content: { kind: "cells", cells: parsed.record } };
    }
  } catch (error) {
    const e = error as Error & { code?: string; lines?: number };
    if (typeof e.code === "string" && e.code.startsWith("CSV_")) {
      throw new ImportError(
        "BROKEN_FILE",
        `The CSV file is broken at line ${e.lines ?? "?"}: ${e.message}. The batches committed before it stand ` +
          `(the summary counts them); fix the file (a quote that opens a cell must close it, a quote inside a ` +
          `quoted cell is doubled: "") and run again: rows already stored are recognised as unchanged.`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    input.destroy();
  }
}
