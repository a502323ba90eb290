import { describeInterruption, indexRanges, reportInterruption } from "../../../../domain/ingest/ingest-interruption";

describe("indexRanges", () => {
  it("merges consecutive indexes into inclusive ranges, in order", () => {
    expect(indexRanges([5, 0, 1, 2, 7, 8])).toEqual([
      { from: 0, to: 2 },
      { from: 5, to: 5 },
      { from: 7, to: 8 },
    ]);
    expect(indexRanges([])).toEqual([]);
  });
});

describe("reportInterruption (issue 10 of issue 9)", () => {
  const report = reportInterruption({
    records: 12,
    invalid: 2,
    chunks: [
      { indexes: [0, 1, 2, 3], status: "COMMITTED" },
      { indexes: [4, 5, 7], status: "FAILED" },
      { indexes: [8, 9], status: "INTERRUPTED" },
      { indexes: [10], status: "NOT_STARTED" },
    ],
  });

  it("counts committed records and every other written-to chunk as not committed", () => {
    expect(report).toMatchObject({ records: 12, committed: 4, notCommitted: 6, invalid: 2, retrySafe: true });
    expect(report.chunks[1]).toEqual({
      chunk: 1,
      status: "FAILED",
      records: 3,
      indexes: [
        { from: 4, to: 5 },
        { from: 7, to: 7 },
      ],
    });
  });

  it("describes what was committed, the chunk in flight, and that a retry is safe", () => {
    const message = describeInterruption(report);
    expect(message).toContain("4 of 12 records were committed (1 of 4 chunks, each one transaction)");
    expect(message).toContain("6 were not (2 more were invalid; a retry lists them)");
    expect(message).toContain("The chunk in flight (INTERRUPTED) was rolled back unless");
    expect(message).toContain("Retrying the whole call is safe: upserts are idempotent");
  });
});
