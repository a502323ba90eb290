/** A record as the graph page holds it. */
export interface ViewNode {
  id: string;
  kind: string;
  label: string;
  degree: number;
}

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

/** What the graph page draws: records and links by id, and how many neighbours each expanded record has in all. */
export interface GraphModel {
  nodes: ReadonlyMap<string, ViewNode>;
  edges: ReadonlyMap<string, ViewEdge>;
  /** Per expanded record: how many records its neighbourhood has in all, and how many were asked for. */
  expanded: ReadonlyMap<string, { total: number; shown: number }>;
}

export const EMPTY_GRAPH: GraphModel = { nodes: new Map(), edges: new Map(), expanded: new Map() };

/** The graph with a neighbourhood added: new records and links kept once, the centre marked expanded. Pure. */
export function mergeNeighbourhood(
  graph: GraphModel,
  hood: { center: ViewNode; nodes: readonly ViewNode[]; edges: readonly ViewEdge[]; totalCount: number },
  asked: number,
): GraphModel {
  const nodes = new Map(graph.nodes);
  const edges = new Map(graph.edges);
  for (const node of [hood.center, ...hood.nodes]) {
    const { id, kind, label, degree } = node;
    nodes.set(id, { id, kind, label, degree });
  }
  for (const edge of hood.edges) {
    const { id, source, target, type } = edge;
    edges.set(id, { id, source, target, type });
  }
  const expanded = new Map(graph.expanded);
  expanded.set(hood.center.id, { total: hood.totalCount, shown: Math.min(asked, hood.totalCount) });
  return { nodes, edges, expanded };
}

/** The links of the types shown, and the records they or the expanded records touch. Pure. */
export function visibleElements(
  graph: GraphModel,
  types: ReadonlySet<string>,
): { nodes: ViewNode[]; edges: ViewEdge[] } {
  const edges = [...graph.edges.values()].filter((e) => types.has(e.type));
  const ids = new Set<string>(graph.expanded.keys());
  for (const e of edges) {
    ids.add(e.source);
    ids.add(e.target);
  }
  const nodes = [...graph.nodes.values()].filter((n) => ids.has(n.id));
  nodes.sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  return { nodes, edges };
}

/** Records grouped by kind with counts, for the legend and the list beside the drawing. Pure. */
export function groupByKind(nodes: readonly ViewNode[]): Array<{ kind: string; nodes: ViewNode[] }> {
  const groups = new Map<string, ViewNode[]>();
  for (const node of nodes) groups.set(node.kind, [...(groups.get(node.kind) ?? []), node]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, list]) => ({ kind, nodes: list }));
}

/** How many more records an expanded record has than were fetched; 0 when all are shown. Pure. */
export function remaining(graph: GraphModel, id: string): number {
  const state = graph.expanded.get(id);
  return state ? Math.max(0, state.total - state.shown) : 0;
}

/** A path as text: "Acme Health → Bridge Partners → Parts Co". Pure. */
export function pathText(nodes: ReadonlyArray<{ label: string }>): string {
  return nodes.map((n) => n.label).join(" → ");
}
