import { findCycle } from "../../../../ontology/pack/find-cycle";

/** A graph from adjacency lists written as an object. */
function graph(edges: Record<string, string[]>): Map<string, string[]> {
  return new Map(Object.entries(edges));
}

/** Whether `cycle` is a closed walk along edges of `g`. */
function isCycleOf(g: Map<string, string[]>, cycle: string[]): boolean {
  if (cycle.length < 2 || cycle[0] !== cycle[cycle.length - 1]) return false;
  return cycle.slice(1).every((to, i) => (g.get(cycle[i]!) ?? []).includes(to));
}

describe("findCycle", () => {
  describe("graphs without a cycle", () => {
    it("finds none in an empty graph", () => {
      expect(findCycle(new Map())).toBeNull();
    });

    it("finds none in a chain, or with edges to nodes that have no entry", () => {
      expect(findCycle(graph({ a: ["b"], b: ["c"], c: [] }))).toBeNull();
      expect(findCycle(graph({ a: ["b"], b: ["outside"] }))).toBeNull();
    });

    it("finds none in a diamond: shared descendants are not a cycle", () => {
      expect(findCycle(graph({ top: ["left", "right"], left: ["bottom"], right: ["bottom"], bottom: [] }))).toBeNull();
    });

    it("finds none in a DAG where a later start node reaches nodes already finished", () => {
      expect(findCycle(graph({ a: ["c"], b: ["c", "a"], c: ["d"], d: [] }))).toBeNull();
    });

    it("finds none in a deep chain without overflowing the stack", () => {
      const edges = new Map<string, string[]>();
      const depth = 100_000;
      for (let i = 0; i < depth; i += 1) edges.set(`n${i}`, i + 1 < depth ? [`n${i + 1}`] : []);
      expect(findCycle(edges)).toBeNull();
    });
  });

  describe("graphs with a cycle", () => {
    it("finds a self-loop", () => {
      expect(findCycle(graph({ a: ["a"] }))).toEqual(["a", "a"]);
    });

    it("finds a two-node cycle", () => {
      expect(findCycle(graph({ a: ["b"], b: ["a"] }))).toEqual(["a", "b", "a"]);
    });

    it("finds a long cycle, listing its nodes in order with the first repeated at the end", () => {
      const names = Array.from({ length: 50 }, (_v, i) => `n${String(i).padStart(2, "0")}`);
      const g = new Map(names.map((name, i) => [name, [names[(i + 1) % names.length]!]]));
      expect(findCycle(g)).toEqual([...names, names[0]]);
    });

    it("returns only the cycle, not the path that leads to it", () => {
      const g = graph({ a: ["b"], b: ["c"], c: ["d"], d: ["b"] });
      expect(findCycle(g)).toEqual(["b", "c", "d", "b"]);
    });

    it("finds a cycle reachable only from a later start node", () => {
      const g = graph({ a: ["b"], b: [], c: ["a"], x: ["y"], y: ["z"], z: ["x"] });
      const cycle = findCycle(g);
      expect(cycle).toEqual(["x", "y", "z", "x"]);
    });

    it("finds a cycle among nodes reached through a finished part of the graph", () => {
      const g = graph({ a: ["shared"], b: ["shared", "c"], c: ["b"], shared: [] });
      const cycle = findCycle(g)!;
      expect(isCycleOf(g, cycle)).toBe(true);
      expect(new Set(cycle)).toEqual(new Set(["b", "c"]));
    });

    it("finds a cycle behind a diamond", () => {
      const g = graph({
        top: ["left", "right"],
        left: ["bottom"],
        right: ["bottom"],
        bottom: ["loop"],
        loop: ["bottom"],
      });
      const cycle = findCycle(g)!;
      expect(isCycleOf(g, cycle)).toBe(true);
      expect(cycle).toEqual(["bottom", "loop", "bottom"]);
    });

    it("finds a cycle next to an edge into a node without an entry", () => {
      // "b" is only a target (an id of another pack, say): a dead end, not part of the cycle.
      const g = graph({ a: ["b", "c"], c: ["a"] });
      expect(findCycle(g)).toEqual(["a", "c", "a"]);
    });

    it("finds a cycle at the end of a deep chain without overflowing the stack", () => {
      const edges = new Map<string, string[]>();
      const depth = 100_000;
      for (let i = 0; i < depth; i += 1) edges.set(`n${i}`, [`n${i + 1}`]);
      edges.set(`n${depth}`, [`n${depth - 2}`]);
      const cycle = findCycle(edges)!;
      expect(cycle).toEqual([`n${depth - 2}`, `n${depth - 1}`, `n${depth}`, `n${depth - 2}`]);
    });

    it("does not depend on the order in which nodes were inserted", () => {
      const forward = graph({ a: ["b"], b: ["c"], c: ["a"] });
      const backward = new Map([...forward].reverse());
      expect(findCycle(backward)).toEqual(findCycle(forward));
    });
  });
});
