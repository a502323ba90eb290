import {
  EMPTY_GRAPH,
  groupByKind,
  mergeNeighbourhood,
  pathText,
  remaining,
  visibleElements,
} from "../../../explorer/src/graph/graph.logic";

const node = (id: string, kind = "Contact", degree = 1) => ({ id, kind, label: id.toUpperCase(), degree });
const edge = (source: string, type: string, target: string) => ({
  id: `${source}|${type}|${target}`,
  source,
  target,
  type,
});

const acme = {
  center: node("acme", "Account", 3),
  nodes: [node("ada"), node("ben"), node("fixit", "Organization", 2)],
  edges: [edge("ada", "WORKS_AT", "acme"), edge("ben", "WORKS_AT", "acme"), edge("fixit", "SERVICES", "acme")],
  totalCount: 5,
};

describe("the graph page's model", () => {
  it("adds a neighbourhood once, however often it is merged, and remembers what is left to show", () => {
    const once = mergeNeighbourhood(EMPTY_GRAPH, acme, 3);
    const twice = mergeNeighbourhood(once, acme, 3);
    expect(twice.nodes.size).toBe(4);
    expect(twice.edges.size).toBe(3);
    expect(remaining(twice, "acme")).toBe(2);
    expect(remaining(twice, "ada")).toBe(0);
  });

  it("shows only links of the chosen types and the records they touch, with every expanded record", () => {
    const graph = mergeNeighbourhood(EMPTY_GRAPH, acme, 3);
    const shown = visibleElements(graph, new Set(["SERVICES"]));
    expect(shown.edges.map((e) => e.type)).toEqual(["SERVICES"]);
    expect(shown.nodes.map((n) => n.id).sort()).toEqual(["acme", "fixit"]);
    expect(visibleElements(graph, new Set()).nodes.map((n) => n.id)).toEqual(["acme"]);
  });

  it("groups records by kind, in name order", () => {
    const groups = groupByKind([node("b"), node("x", "Account"), node("a")]);
    expect(groups.map((g) => [g.kind, g.nodes.map((n) => n.id)])).toEqual([
      ["Account", ["x"]],
      ["Contact", ["b", "a"]],
    ]);
  });

  it("writes a path as its labels joined by arrows", () => {
    expect(pathText([{ label: "Acme" }, { label: "Bridge" }, { label: "Parts Co" }])).toBe("Acme → Bridge → Parts Co");
  });
});
