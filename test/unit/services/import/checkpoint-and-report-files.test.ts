import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ImportCheckpoint } from "../../../../domain/import/import-checkpoint";
import { CheckpointFile } from "../../../../services/import/checkpoint-file";
import { ReportFile } from "../../../../services/import/report-file";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "relata-import-unit-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const rejected = (row: number) => ({
  row,
  line: row + 1,
  externalId: `A-${row}`,
  field: "name",
  reason: "name must not be empty",
});

describe("ReportFile", () => {
  it("writes one JSON line per rejected row and counts its bytes", () => {
    const report = new ReportFile(join(dir, "r.jsonl"), 0);
    report.append([rejected(1), rejected(2)]);
    report.close();
    const text = readFileSync(join(dir, "r.jsonl"), "utf8");
    expect(report.bytes).toBe(Buffer.byteLength(text));
    expect(
      text
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([rejected(1), rejected(2)]);
  });

  it("cuts an existing report back to the length a checkpoint recorded, and starts a new one at 0", () => {
    const path = join(dir, "r.jsonl");
    const first = new ReportFile(path, 0);
    first.append([rejected(1)]);
    const kept = first.bytes;
    first.append([rejected(7)]); // written by a batch that was never checkpointed
    first.close();
    const resumed = new ReportFile(path, kept);
    resumed.append([rejected(9)]);
    resumed.close();
    expect(
      readFileSync(path, "utf8")
        .trimEnd()
        .split("\n")
        .map((l) => (JSON.parse(l) as { row: number }).row),
    ).toEqual([1, 9]);
    new ReportFile(path, 0).close();
    expect(readFileSync(path, "utf8")).toBe("");
  });

  it("counts bytes, not characters, for Chinese text", () => {
    const report = new ReportFile(join(dir, "r.jsonl"), 0);
    report.append([{ ...rejected(1), externalId: "客户-1" }]);
    report.close();
    expect(report.bytes).toBe(readFileSync(join(dir, "r.jsonl")).length);
  });
});

describe("CheckpointFile", () => {
  const checkpoint: ImportCheckpoint = {
    version: 1,
    tenant: "acme",
    type: "accounts",
    file: { path: "/data/a.csv", size: 10, mtimeMs: 1 },
    rowsDone: 2000,
    reportBytes: 120,
    counts: { created: 1990, updated: 0, unchanged: 0, rejected: 10 },
  };

  it("reads back what it wrote, leaving no temporary file", () => {
    const file = new CheckpointFile(join(dir, "r.jsonl.checkpoint.json"));
    file.write(checkpoint);
    expect(file.read()).toEqual(checkpoint);
    expect(existsSync(`${file.path}.tmp`)).toBe(false);
  });

  it("reads nothing when there is no checkpoint, or a damaged one, and removes it", () => {
    const file = new CheckpointFile(join(dir, "c.json"));
    expect(file.read()).toBeNull();
    writeFileSync(file.path, '{"version":1,"tenant":');
    expect(file.read()).toBeNull();
    file.remove();
    expect(existsSync(file.path)).toBe(false);
  });
});
