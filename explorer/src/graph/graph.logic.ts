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

/** A record kind the drawing uses for a collapsed group of records. */
export const GROUP_KIND = "Group";
/** More leaf records of one kind around one record than this are drawn as one group until opened. */
export const GROUP_THRESHOLD = 15;

/** The drawing with large sets of leaves collapsed, and which records each group stands for. */
export interface CollapsedDrawing {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Group id → the ids of the records it stands for. */
  groups: ReadonlyMap<string, readonly string[]>;
}

/**
 * Keeps a large neighbourhood readable: the leaves around one record (records linked to nothing else that is
 * drawn, not expanded, not kept) of one kind over one relationship type are drawn as a single group node
 * ("42 Contact") when there are more than `threshold` of them, unless the group was opened. Pure.
 */
export function collapseGroups(
  visible: { nodes: readonly ViewNode[]; edges: readonly ViewEdge[] },
  options: {
    /** Records never folded into a group: the centre, expanded records, a highlighted path. */
    keep: ReadonlySet<string>;
    /** Groups the user opened. */
    opened: ReadonlySet<string>;
    threshold?: number;
  },
): CollapsedDrawing {
  const threshold = options.threshold ?? GROUP_THRESHOLD;
  const edgesOf = new Map<string, ViewEdge[]>();
  for (const edge of visible.edges) {
    edgesOf.set(edge.source, [...(edgesOf.get(edge.source) ?? []), edge]);
    edgesOf.set(edge.target, [...(edgesOf.get(edge.target) ?? []), edge]);
  }
  // Candidate groups: (other end, kind, type) → leaves.
  const candidates = new Map<string, { parent: string; kind: string; type: string; members: string[] }>();
  for (const node of visible.nodes) {
    const mine = edgesOf.get(node.id) ?? [];
    if (options.keep.has(node.id) || mine.length === 0) continue;
    const others = new Set(mine.map((e) => (e.source === node.id ? e.target : e.source)));
    const types = new Set(mine.map((e) => e.type));
    if (others.size !== 1 || types.size !== 1) continue;
    const parent = [...others][0]!;
    const type = [...types][0]!;
    const id = `group:${parent}:${node.kind}:${type}`;
    const group = candidates.get(id) ?? { parent, kind: node.kind, type, members: [] };
    group.members.push(node.id);
    candidates.set(id, group);
  }
  const groups = new Map<string, readonly string[]>();
  const folded = new Set<string>();
  for (const [id, group] of candidates) {
    if (group.members.length <= threshold || options.opened.has(id)) continue;
    groups.set(id, group.members);
    group.members.forEach((member) => folded.add(member));
  }
  if (groups.size === 0) return { nodes: [...visible.nodes], edges: [...visible.edges], groups };
  const nodes = visible.nodes.filter((n) => !folded.has(n.id));
  const edges = visible.edges.filter((e) => !folded.has(e.source) && !folded.has(e.target));
  for (const [id, members] of groups) {
    const group = candidates.get(id)!;
    nodes.push({ id, kind: GROUP_KIND, label: `${members.length} ${group.kind}`, degree: members.length });
    const outward = (edgesOf.get(members[0]!) ?? [])[0]!;
    edges.push(
      outward.source === group.parent
        ? { id: `${id}:edge`, source: group.parent, target: id, type: group.type }
        : { id: `${id}:edge`, source: id, target: group.parent, type: group.type },
    );
  }
  return { nodes, edges, groups };
}
