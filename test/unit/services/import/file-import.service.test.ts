import { ImportCheckpoint, ImportCounts } from "../../../../domain/import/import-checkpoint";
import { RejectedRow, SourceRow } from "../../../../domain/import/import-row";
import { RecordCoercer } from "../../../../domain/import/record-coercer";
import { IngestResult } from "../../../../domain/ingest/ingest-result";
import { importFile, FileImportJob } from "../../../../services/import/file-import.service";
import { ImportError } from "../../../../services/import/import.errors";

/** A coercer that takes any object with a string externalId and refuses a "bad" one as a type error. */
const coercer: RecordCoercer = {
  inputName: "TestInput",
  columns: [
    { name: "externalId", required: true, kind: "text" },
    { name: "name", required: true, kind: "text" },
  ],
  fromCells: (_header, cells) => ({ ok: true, record: { externalId: cells[0], name: cells[1] } }),
  fromJson: (value) => {
    const v = value as { externalId?: unknown };
    return v.externalId === "bad"
      ? { ok: false, problems: [{ field: "externalId", reason: "externalId: a type error" }] }
      : { ok: true, record: v as Record<string, unknown> };
  },
};

function ndjson(ids: string[]): SourceRow[] {
  return ids.map((id, i) => ({
    row: i + 1,
    line: i + 1,
    content: { kind: "json", text: JSON.stringify({ externalId: id }) },
  }));
}

async function* stream(rows: SourceRow[]): AsyncGenerator<SourceRow> {
  for (const row of rows) yield row;
}

/** An upsert that stores everything except ids starting with "x", which it rejects (a record check). */
function fakeUpsert(calls: string[][]) {
  return (records: readonly Record<string, unknown>[]): Promise<IngestResult> => {
    const ids = records.map((r) => String(r.externalId));
    calls.push(ids);
    const rejections = ids.flatMap((id, index) =>
      id.startsWith("x") ? [{ index, externalId: id, reason: "externalId must not start with x" }] : [],
    );
    const records2 = ids.flatMap((id, index) =>
      id.startsWith("x") ? [] : [{ index, id, status: "CREATED" as const }],
    );
    return Promise.resolve({
      created: records2.length,
      updated: 0,
      unchanged: 0,
      rejected: rejections.length,
      rejections,
      records: records2,
    });
  };
}

function job(rows: SourceRow[], overrides: Partial<FileImportJob> & { calls?: string[][] } = {}) {
  const reported: RejectedRow[] = [];
  const checkpoints: Array<{ rowsDone: number; reportBytes: number; counts: ImportCounts }> = [];
  const calls = overrides.calls ?? [];
  const spec: FileImportJob = {
    rows: stream(rows),
    format: "ndjson",
    coercer,
    upsert: fakeUpsert(calls),
    batchSize: 2,
    empty: "omit",
    resume: null,
    report: {
      append: (r) => reported.push(...r),
      get bytes() {
        return reported.length;
      },
    },
    committed: (c) => checkpoints.push(c),
    ...overrides,
  };
  return { spec, reported, checkpoints, calls };
}

describe("importFile", () => {
  it("sends rows in batches and checkpoints each committed batch", async () => {
    const { spec, checkpoints, calls } = job(ndjson(["a", "b", "c", "d", "e"]));
    const outcome = await importFile(spec);
    expect(calls).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(checkpoints.map((c) => c.rowsDone)).toEqual([2, 4, 5]);
    expect(outcome).toEqual({
      rowsDone: 5,
      counts: { created: 5, updated: 0, unchanged: 0, rejected: 0 },
      skipped: 0,
      stopped: false,
    });
  });

  it("reports a row of the wrong type and a row the record checks refuse, by row and line, and stores the rest", async () => {
    const { spec, reported, calls } = job(ndjson(["a", "bad", "x1", "d"]));
    const outcome = await importFile(spec);
    expect(calls).toEqual([["a"], ["x1", "d"]]);
    expect(reported).toEqual([
      { row: 2, line: 2, externalId: "bad", field: "externalId", reason: "externalId: a type error" },
      { row: 3, line: 3, externalId: "x1", field: "externalId", reason: "externalId must not start with x" },
    ]);
    expect(outcome.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 2 });
  });

  it("reports a line that is not JSON and goes on", async () => {
    const rows: SourceRow[] = [
      { row: 1, line: 1, content: { kind: "json", text: "{not json" } },
      ...ndjson(["b"]).map((r) => ({ ...r, row: 2, line: 2 })),
    ];
    const { spec, reported, calls } = job(rows);
    await importFile(spec);
    expect(reported).toEqual([
      { row: 1, line: 1, externalId: null, field: null, reason: expect.stringMatching(/^the line is not valid JSON/) },
    ]);
    expect(calls).toEqual([["b"]]);
  });

  it("resumes after the checkpoint's row with its counts", async () => {
    const resume: ImportCheckpoint = {
      version: 1,
      tenant: "t",
      type: "accounts",
      file: { path: "/f", size: 1, mtimeMs: 1 },
      rowsDone: 4,
      reportBytes: 0,
      counts: { created: 4, updated: 0, unchanged: 0, rejected: 0 },
    };
    const { spec, calls, checkpoints } = job(ndjson(["a", "b", "c", "d", "e", "f"]), { resume });
    const outcome = await importFile(spec);
    expect(calls).toEqual([["e", "f"]]);
    expect(checkpoints).toEqual([
      { rowsDone: 6, reportBytes: 0, counts: { created: 6, updated: 0, unchanged: 0, rejected: 0 } },
    ]);
    expect(outcome.skipped).toBe(4);
  });

  it("stops after the batch in flight when the signal is raised, with that batch checkpointed", async () => {
    const controller = new AbortController();
    const calls: string[][] = [];
    const upsert = fakeUpsert(calls);
    const { spec, checkpoints } = job(ndjson(["a", "b", "c", "d"]), {
      calls,
      signal: controller.signal,
      upsert: (records) => {
        controller.abort();
        return upsert(records);
      },
    });
    const outcome = await importFile(spec);
    expect(outcome).toMatchObject({ rowsDone: 2, stopped: true });
    expect(calls).toEqual([["a", "b"]]);
    expect(checkpoints.map((c) => c.rowsDone)).toEqual([2]);
  });

  it("checks a CSV header before any row is sent", async () => {
    const rows: SourceRow[] = [
      { row: 0, line: 1, content: { kind: "cells", cells: ["externalId", "nmae"] } },
      { row: 1, line: 2, content: { kind: "cells", cells: ["a", "A"] } },
    ];
    const { spec, calls } = job(rows, { format: "csv" });
    await expect(importFile(spec)).rejects.toEqual(expect.any(ImportError));
    await expect(importFile({ ...spec, rows: stream(rows) })).rejects.toMatchObject({ code: "UNKNOWN_COLUMN" });
    expect(calls).toEqual([]);
  });

  it("refuses an empty CSV file for want of a header", async () => {
    const { spec } = job([], { format: "csv" });
    await expect(importFile(spec)).rejects.toMatchObject({ code: "BROKEN_FILE" });
  });
});
