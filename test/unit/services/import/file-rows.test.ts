import { Readable } from "node:stream";
import { SourceRow } from "../../../../domain/import/import-row";
import { csvRows, ndjsonRows } from "../../../../services/import/file-rows";
import { ImportError } from "../../../../services/import/import.errors";

async function collect(rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const cells = (row: SourceRow | undefined) => (row?.content.kind === "cells" ? row.content.cells : null);

describe("csvRows", () => {
  it("reads quoted cells with commas, line breaks and doubled quotes, and the line each row starts on", async () => {
    const text = 'externalId,name\nA-1,"Acme, Inc."\nA-2,"two\nlines"\n\nA-3,"say ""hi"""\n';
    const rows = await collect(csvRows(Readable.from([text])));
    expect(rows.map((r) => [r.row, r.line, cells(r)])).toEqual([
      [0, 1, ["externalId", "name"]],
      [1, 2, ["A-1", "Acme, Inc."]],
      [2, 3, ["A-2", "two\nlines"]],
      [3, 6, ["A-3", 'say "hi"']],
    ]);
  });

  it("drops a byte-order mark and keeps Chinese text", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("name\n北京长城公司\n", "utf8")]);
    const rows = await collect(csvRows(Readable.from([bytes])));
    expect(rows.map(cells)).toEqual([["name"], ["北京长城公司"]]);
  });

  it("passes on a row with the wrong number of cells, for the row alone to be rejected", async () => {
    const rows = await collect(csvRows(Readable.from(["a,b\n1,2,3\n4,5\n"])));
    expect(rows.map(cells)).toEqual([
      ["a", "b"],
      ["1", "2", "3"],
      ["4", "5"],
    ]);
  });

  it("ends with BROKEN_FILE naming the line when a quote never closes", async () => {
    const failure = collect(csvRows(Readable.from(['a,b\n1,2\n3,"open\n'])));
    await expect(failure).rejects.toThrow(ImportError);
    await expect(failure).rejects.toMatchObject({
      code: "BROKEN_FILE",
      message: expect.stringContaining("broken at line 3"),
    });
  });
});

describe("ndjsonRows", () => {
  it("numbers rows without blank lines and keeps the line numbers of the file", async () => {
    const rows = await collect(ndjsonRows(Readable.from(['{"a":1}\n\n{"a":2}\r\n'])));
    expect(rows).toEqual([
      { row: 1, line: 1, content: { kind: "json", text: '{"a":1}' } },
      { row: 2, line: 3, content: { kind: "json", text: '{"a":2}' } },
    ]);
  });
});
