import { EMPTY_FILTER } from "../../../../domain/anchors/anchor-metric";
import {
  anchorPointLineage,
  AnchorPointLineageInput,
  anchorPointRef,
} from "../../../../domain/lineage/anchor-point-lineage";

const ANCHOR = "anc_AAAAAAAAAAAAAAAAAAAAAA";

const records = [...Array(6).keys()].map((i) => ({
  id: `tkt_${i}`,
  kind: "TICKET",
  label: `ticket Z-${i}`,
  sourceSystem: "zendesk",
  sourceSystemId: "src_emVuZGVzaw.tag",
  account: { id: `acc_${i % 2}`, label: `Hospital ${i % 2}` },
  properties: { externalId: `Z-${i}` },
}));

const input: AnchorPointLineageInput = {
  anchor: { id: ANCHOR, name: "First resolution", owner: "u-1" },
  version: { version: 2, definitionHash: "d", createdAt: null, actor: "user:u-1", target: 4, direction: "DECREASE" },
  metric: { population: "TICKETS", measure: "RESOLUTION_HOURS", aggregation: "MEDIAN", filter: EMPTY_FILTER },
  point: {
    weekStart: "2026-11-23",
    value: 70,
    n: 6,
    metricHash: "abcdef0123456789abcdef",
    population: '{"measure":"RESOLUTION_HOURS"}',
    computedAt: "2026-11-30T00:00:00.000Z",
    idsStored: true,
  },
  records,
  after: null,
  more: false,
  maxNodes: 200,
};

describe("anchorPointRef", () => {
  it("reads an anchor id with a day, an anchor id alone and a point id", () => {
    expect(anchorPointRef(ANCHOR, "2026-11-25")).toEqual({ anchorId: ANCHOR, day: "2026-11-25" });
    expect(anchorPointRef(ANCHOR, null)).toEqual({ anchorId: ANCHOR, day: null });
    expect(anchorPointRef(`anchor-point:${ANCHOR}@2026-11-23`, null)).toEqual({ anchorId: ANCHOR, day: "2026-11-23" });
  });

  it("claims nothing else: other ids, fields that are no day, a point id with a field", () => {
    expect(anchorPointRef("acc_AAAAAAAAAAAAAAAAAAAAAA", null)).toBeNull();
    expect(anchorPointRef(ANCHOR, "health")).toBeNull();
    expect(anchorPointRef(`anchor-point:${ANCHOR}@2026-11-23`, "2026-11-23")).toBeNull();
    expect(anchorPointRef("anchor-point:anc_short@2026-11-23", null)).toBeNull();
  });
});

describe("anchorPointLineage", () => {
  it("links the point to its anchor, version and metric, and derives it from every record", () => {
    const graph = anchorPointLineage(input);
    expect(graph.rootId).toBe(`anchor-point:${ANCHOR}@2026-11-23`);
    expect(graph.kind).toBe("ANCHOR_POINT");
    const edge = (from: string, kind: string) => graph.edges.filter((e) => e.from === from && e.kind === kind);
    expect(
      edge(graph.rootId, "COMPUTED_BY")
        .map((e) => e.to)
        .sort(),
    ).toEqual([`anchor-version:${ANCHOR}@2`, "metric:abcdef0123456789"]);
    expect(edge(graph.rootId, "DERIVED_FROM").map((e) => e.to)).toEqual(records.map((r) => r.id));
    expect(graph.edges.filter((e) => e.kind === "OBSERVED_IN")).toHaveLength(6);
    expect(graph.edges.filter((e) => e.kind === "ABOUT")).toHaveLength(6);
    expect(graph.recordCount).toBe(6);
    expect(graph.truncated).toBe(false);
    expect(graph.nodes[0]!.properties).toMatchObject({ recordsListed: 6, nextRecordsAfter: null });
  });

  it("lists records before accounts under a small budget and pages after the last record listed", () => {
    const graph = anchorPointLineage({ ...input, maxNodes: 8 });
    // point, anchor, version, metric, source system: 3 records fit, no account.
    expect(graph.nodes.filter((n) => n.kind === "TICKET").map((n) => n.id)).toEqual(["tkt_0", "tkt_1", "tkt_2"]);
    expect(graph.nodes.some((n) => n.kind === "ACCOUNT")).toBe(false);
    expect(graph.truncated).toBe(true);
    expect(graph.nodes[0]!.properties).toMatchObject({ recordsListed: 3, nextRecordsAfter: "tkt_2", recordCount: 6 });
  });

  it("gives a cursor when more records follow the page even if all of it was listed", () => {
    const graph = anchorPointLineage({ ...input, records: records.slice(0, 2), more: true });
    expect(graph.nodes[0]!.properties).toMatchObject({ recordsListed: 2, nextRecordsAfter: "tkt_1" });
  });
});
