import { LineageGraphBuilder } from "../../../../domain/lineage/lineage-graph";

const node = (id: string) => ({ id, kind: "X", label: id, version: null, properties: {} });

describe("LineageGraphBuilder", () => {
  it("keeps nodes up to its budget, drops the rest and says so", () => {
    const g = new LineageGraphBuilder(2);
    expect(g.node(node("a"))).toBe(true);
    expect(g.node(node("b"))).toBe(true);
    expect(g.node(node("c"))).toBe(false);
    const graph = g.build("a", "TEST");
    expect(graph.nodes.map((n) => n.id)).toEqual(["a", "b"]);
    expect(graph.truncated).toBe(true);
  });

  it("keeps a node or edge added twice once, and leaves out edges to nodes that were dropped", () => {
    const g = new LineageGraphBuilder(2);
    g.node(node("a"));
    g.node(node("a"));
    g.node(node("b"));
    g.node(node("c"));
    g.edge("a", "b", "DERIVED_FROM");
    g.edge("a", "b", "DERIVED_FROM");
    g.edge("a", "c", "DERIVED_FROM");
    const graph = g.build("a", "TEST");
    expect(graph.nodes).toHaveLength(2);
    expect(graph.edges).toEqual([{ from: "a", to: "b", kind: "DERIVED_FROM", properties: {} }]);
  });

  it("is not truncated when everything fits, and counts records", () => {
    const g = new LineageGraphBuilder(10);
    g.node(node("a"));
    g.countRecords(3);
    g.countRecords(2);
    const graph = g.build("a", "TEST");
    expect(graph.truncated).toBe(false);
    expect(graph.recordCount).toBe(5);
  });
});
