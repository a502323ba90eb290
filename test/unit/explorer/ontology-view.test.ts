import { conceptTree, mappingsBySystem } from "../../../explorer/src/ontology/ontology.logic";

const c = (id: string, ...broader: string[]) => ({ id, broader: broader.map((b) => ({ id: b })) });

describe("a pack's concept tree", () => {
  it("puts each concept under its broader ones, roots first, siblings by id", () => {
    const tree = conceptTree([
      c("health"),
      c("support", "health"),
      c("csat", "satisfaction"),
      c("satisfaction", "health"),
    ]);
    expect(tree.map((n) => n.concept.id)).toEqual(["health"]);
    expect(tree[0]!.children.map((n) => n.concept.id)).toEqual(["satisfaction", "support"]);
    expect(tree[0]!.children[0]!.children.map((n) => n.concept.id)).toEqual(["csat"]);
  });

  it("takes a concept whose broader one is in another pack as a root, and survives a cycle", () => {
    expect(conceptTree([c("ext", "core:health")]).map((n) => n.concept.id)).toEqual(["ext"]);
    const cyclic = conceptTree([c("root"), c("a", "root", "b"), c("b", "a")]);
    expect(cyclic[0]!.children[0]!.concept.id).toBe("a");
  });
});

describe("mappings per source system", () => {
  it("group by system and sort fields", () => {
    expect(
      mappingsBySystem([
        { system: "survey", field: "nps" },
        { system: "crm", field: "csat" },
        { system: "survey", field: "csat" },
      ]).map((g) => [g.system, g.mappings.map((m) => m.field)]),
    ).toEqual([
      ["crm", ["csat"]],
      ["survey", ["csat", "nps"]],
    ]);
  });
});
