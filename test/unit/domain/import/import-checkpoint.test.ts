import { ImportCheckpoint, parseCheckpoint, resumePoint } from "../../../../domain/import/import-checkpoint";

const file = { path: "/data/accounts.csv", size: 1200, mtimeMs: 1764590000000 };
const checkpoint: ImportCheckpoint = {
  version: 1,
  tenant: "acme",
  type: "accounts",
  file,
  rowsDone: 500,
  reportBytes: 312,
  counts: { created: 480, updated: 10, unchanged: 0, rejected: 10 },
};

describe("parseCheckpoint", () => {
  it("reads back what was written", () => {
    expect(parseCheckpoint(JSON.stringify(checkpoint))).toEqual(checkpoint);
  });

  it.each([
    ["a torn write", JSON.stringify(checkpoint).slice(0, 40)],
    ["another version", JSON.stringify({ ...checkpoint, version: 2 })],
    ["a negative row count", JSON.stringify({ ...checkpoint, rowsDone: -1 })],
    ["missing counts", JSON.stringify({ ...checkpoint, counts: undefined })],
    ["not an object", "[]"],
  ])("refuses %s", (_case, text) => {
    expect(parseCheckpoint(text)).toBeNull();
  });
});

describe("resumePoint", () => {
  const wanted = { tenant: "acme", type: "accounts", file };

  it("resumes a checkpoint of the same file, tenant and type", () => {
    expect(resumePoint(checkpoint, wanted)).toEqual({ resume: checkpoint, note: null });
  });

  it("starts from the first row without a checkpoint, silently", () => {
    expect(resumePoint(null, wanted)).toEqual({ resume: null, note: null });
  });

  it.each([
    ["the file changed", { ...wanted, file: { ...file, size: 1300 } }],
    ["the file was touched", { ...wanted, file: { ...file, mtimeMs: file.mtimeMs + 1 } }],
    ["another tenant", { ...wanted, tenant: "other" }],
    ["another type", { ...wanted, type: "contacts" }],
  ])("starts over, saying why, when %s", (_case, other) => {
    const point = resumePoint(checkpoint, other);
    expect(point.resume).toBeNull();
    expect(point.note).toMatch(/starting from the first row/);
  });
});
