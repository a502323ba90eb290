import {
  EMPTY_GRAPH,
  collapseGroups,
  GROUP_KIND,
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

describe("collapsing large groups of leaves (issue 13)", () => {
  const account = { id: "acc", kind: "Account", label: "Acme", degree: 40 };
  const contacts = Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, kind: "Contact", label: `C${i}`, degree: 1 }));
  const org = { id: "org", kind: "Organization", label: "Partner", degree: 2 };
  const visible = {
    nodes: [account, org, ...contacts],
    edges: [
      ...contacts.map((c) => ({ id: `w${c.id}`, source: c.id, target: "acc", type: "WORKS_AT" })),
      { id: "p1", source: "org", target: "acc", type: "PARTNER_OF" },
    ],
  };

  it("draws more leaves of one kind than the threshold as one group linked like them", () => {
    const drawing = collapseGroups(visible, { keep: new Set(["acc"]), opened: new Set() });
    const group = drawing.nodes.find((n) => n.kind === GROUP_KIND)!;
    expect(group.label).toBe("20 Contact");
    expect(drawing.groups.get(group.id)).toHaveLength(20);
    expect(drawing.nodes.map((n) => n.id).sort()).toEqual(["acc", group.id, "org"].sort());
    expect(drawing.edges).toContainEqual({ id: `${group.id}:edge`, source: group.id, target: "acc", type: "WORKS_AT" });
    expect(drawing.edges.some((e) => e.source.startsWith("c"))).toBe(false);
  });

  it("leaves small sets, opened groups and kept records alone", () => {
    expect(collapseGroups(visible, { keep: new Set(["acc"]), opened: new Set(), threshold: 25 }).groups.size).toBe(0);
    const id = [...collapseGroups(visible, { keep: new Set(["acc"]), opened: new Set() }).groups.keys()][0]!;
    const opened = collapseGroups(visible, { keep: new Set(["acc"]), opened: new Set([id]) });
    expect(opened.nodes).toHaveLength(visible.nodes.length);
    const kept = collapseGroups(visible, { keep: new Set(["acc", "c0", "c1", "c2", "c3", "c4"]), opened: new Set() });
    expect(kept.groups.size).toBe(0);
  });

  it("does not fold a record that links to two drawn records", () => {
    const bridged = {
      nodes: visible.nodes,
      edges: [...visible.edges, { id: "x", source: "c0", target: "org", type: "WORKS_AT" }],
    };
    const drawing = collapseGroups(bridged, { keep: new Set(["acc"]), opened: new Set() });
    expect(drawing.nodes.map((n) => n.id)).toContain("c0");
    expect([...drawing.groups.values()][0]).toHaveLength(19);
  });
});
