import {
  explanationTree,
  gradeBandRanges,
  historySeries,
  historyTimeRange,
  signalLanes,
} from "../../../explorer/src/account/account.logic";

describe("the explanation tree", () => {
  const lines = [
    { id: "root", parentId: null, depth: 0, contribution: 70 },
    { id: "sat", parentId: "root", depth: 1, contribution: 20 },
    { id: "sup", parentId: "root", depth: 1, contribution: -30 },
    { id: "csat", parentId: "sat", depth: 2, contribution: 20 },
    { id: "lost", parentId: "gone", depth: 2, contribution: 1 },
  ];

  it("puts each line under its parent, largest contributions first, whatever their sign", () => {
    const [root, orphan] = explanationTree(lines);
    expect(root!.line.id).toBe("root");
    expect(root!.children.map((c) => c.line.id)).toEqual(["sup", "sat"]);
    expect(root!.children[1]!.children.map((c) => c.line.id)).toEqual(["csat"]);
    expect(orphan!.line.id).toBe("lost");
  });

  it("keeps every line once", () => {
    const count = (nodes: ReturnType<typeof explanationTree>): number =>
      nodes.reduce((n, node) => n + 1 + count(node.children), 0);
    expect(count(explanationTree(lines))).toBe(lines.length);
  });
});

describe("grade bands", () => {
  it("become ranges covering 0..100, lowest first, whatever order the model lists them in", () => {
    expect(
      gradeBandRanges([
        { grade: "A", min: 80 },
        { grade: "D", min: 0 },
        { grade: "B", min: 60 },
      ]),
    ).toEqual([
      { grade: "D", from: 0, to: 60 },
      { grade: "B", from: 60, to: 80 },
      { grade: "A", from: 80, to: 100 },
    ]);
  });
});

describe("the health history series", () => {
  it("orders snapshots oldest first, in seconds, keeping scores without data as gaps", () => {
    expect(
      historySeries([
        { computedAt: "2026-02-01T00:00:00Z", score: 61.5 },
        { computedAt: "2026-01-01T00:00:00Z", score: null },
      ]),
    ).toEqual([
      [Date.parse("2026-01-01T00:00:00Z") / 1000, Date.parse("2026-02-01T00:00:00Z") / 1000],
      [null, 61.5],
    ]);
  });
});

describe("the signals timeline", () => {
  it("gives each source field a lane and each signal a point at its time", () => {
    const lanes = signalLanes([
      { sourceSystem: "crm", field: "nps", observedAt: "2026-01-03T00:00:00Z" },
      { sourceSystem: "billing", field: "overdue_days", observedAt: "2026-01-01T00:00:00Z" },
      { sourceSystem: "crm", field: "nps", observedAt: "2026-01-02T00:00:00Z" },
    ]);
    expect(lanes.fields).toEqual(["billing/overdue_days", "crm/nps"]);
    expect(lanes.data[0]).toEqual(
      ["2026-01-01", "2026-01-02", "2026-01-03"].map((d) => Date.parse(`${d}T00:00:00Z`) / 1000),
    );
    expect(lanes.data[1]).toEqual([1, null, null]);
    expect(lanes.data[2]).toEqual([null, 2, 2]);
  });
});

describe("the health history's time axis", () => {
  it("shows a month around a single score instead of stretching it over years", () => {
    const at = Date.parse("2026-12-02T00:00:00Z") / 1000;
    expect(historyTimeRange(at, at)).toEqual([at - 14 * 86_400, at + 14 * 86_400]);
  });

  it("keeps the span of several scores, and a unit range with none", () => {
    expect(historyTimeRange(100, 100 + 10 * 86_400)).toEqual([100, 100 + 10 * 86_400]);
    expect(historyTimeRange(null, null)).toEqual([0, 1]);
  });
});
