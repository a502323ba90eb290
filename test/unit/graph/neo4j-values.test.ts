import neo4j from "neo4j-driver";
import { instant } from "../../../graph/common/row-mapping";
import { keyedNodeProjection } from "../../../graph/common/node-projection";
import { toPlain } from "../../../graph/neo4j-values";

describe("toPlain", () => {
  it("turns driver integers into numbers wherever they are nested", () => {
    const row = { total: neo4j.int(3), items: [{ node: { rank: neo4j.int(-7) }, sortKey: ["a", neo4j.int(2)] }] };
    expect(toPlain(row)).toEqual({ total: 3, items: [{ node: { rank: -7 }, sortKey: ["a", 2] }] });
  });

  it("prints UTC date-times as JavaScript ISO strings and dates as ISO dates", () => {
    const at = neo4j.types.DateTime.fromStandardDate(new Date("2026-03-01T10:20:30.000Z"));
    const day = new neo4j.types.Date(2026, 3, 1);
    expect(toPlain({ at, day })).toEqual({ at: "2026-03-01T10:20:30.000Z", day: "2026-03-01" });
  });

  it("keeps strings, numbers and booleans and maps undefined to null", () => {
    expect(toPlain({ s: "x", n: 1.5, b: false, u: undefined, z: null })).toEqual({
      s: "x",
      n: 1.5,
      b: false,
      u: null,
      z: null,
    });
  });

  it("returns a copy, not the driver's objects", () => {
    const inner = { a: 1 };
    const plain = toPlain({ inner }) as { inner: unknown };
    expect(plain.inner).toEqual(inner);
    expect(plain.inner).not.toBe(inner);
  });
});

describe("instant", () => {
  it("prints epoch milliseconds as an ISO instant", () => {
    expect(instant({ at: Date.UTC(2026, 0, 2, 3, 4, 5, 6) }, "at")).toBe("2026-01-02T03:04:05.006Z");
  });

  it("normalises ISO text to milliseconds in UTC", () => {
    expect(instant({ at: "2026-01-02T04:04:05+01:00" }, "at")).toBe("2026-01-02T03:04:05.000Z");
  });

  it("gives an empty string for a missing value", () => {
    expect(instant({}, "at")).toBe("");
  });
});

describe("keyedNodeProjection", () => {
  it("reads the provenance instants as epoch milliseconds and appends extra entries last", () => {
    expect(keyedNodeProjection("c", "accountId: p.id")).toBe(
      "c {.*, firstSeenAt: c.firstSeenAt.epochMillis, lastUpdatedAt: c.lastUpdatedAt.epochMillis, accountId: p.id}",
    );
  });
});
