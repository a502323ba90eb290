/** Pure view logic of the lineage and impact pages (issue 17, docs/lineage.md). */

export interface LineageNodeLike {
  id: string;
  kind: string;
  label: string;
  properties: unknown;
}

export interface LineageEdgeLike {
  from: string;
  to: string;
  kind: string;
}

export interface LineageLayer<N> {
  depth: number;
  nodes: N[];
}

/**
 * The nodes in layers by their shortest distance from the root along the edges (from what was computed towards
 * what it came from); nodes the root does not reach come last. Within a layer, by kind then label. Pure.
 */
export function layersOf<N extends LineageNodeLike>(
  rootId: string,
  nodes: readonly N[],
  edges: readonly LineageEdgeLike[],
): Array<LineageLayer<N>> {
  const out = new Map<string, string[]>();
  for (const edge of edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge.to]);
  const depth = new Map<string, number>([[rootId, 0]]);
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const next of out.get(id) ?? []) {
      if (depth.has(next)) continue;
      depth.set(next, depth.get(id)! + 1);
      queue.push(next);
    }
  }
  const deepest = Math.max(0, ...depth.values());
  const byDepth = new Map<number, N[]>();
  for (const node of nodes) {
    const d = depth.get(node.id) ?? deepest + 1;
    byDepth.set(d, [...(byDepth.get(d) ?? []), node]);
  }
  return [...byDepth.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([d, list]) => ({
      depth: d,
      nodes: [...list].sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label)),
    }));
}

/** A layer's nodes by kind, in their order (layers are sorted by kind). Pure. */
export function kindGroups<N extends { kind: string }>(nodes: readonly N[]): Array<{ kind: string; nodes: N[] }> {
  const groups: Array<{ kind: string; nodes: N[] }> = [];
  for (const node of nodes) {
    const last = groups[groups.length - 1];
    if (last && last.kind === node.kind) last.nodes.push(node);
    else groups.push({ kind: node.kind, nodes: [node] });
  }
  return groups;
}

/** The edges leaving a node, each with its target's label. Pure. */
export function outgoing(
  id: string,
  edges: readonly LineageEdgeLike[],
  labels: ReadonlyMap<string, string>,
): Array<{ kind: string; to: string; label: string }> {
  return edges.filter((e) => e.from === id).map((e) => ({ kind: e.kind, to: e.to, label: labels.get(e.to) ?? e.to }));
}

function property(node: LineageNodeLike, name: string): string | null {
  const props = node.properties;
  if (props === null || typeof props !== "object") return null;
  const value = (props as Record<string, unknown>)[name];
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** What impact can be asked about for a node: a source field (system id and field) or a concept. Pure. */
export function impactTargetOf(node: LineageNodeLike): { id: string; field: string | null } | null {
  if (node.kind === "SOURCE_FIELD") {
    const system = property(node, "sourceSystemId");
    const field = property(node, "field");
    return system && field ? { id: system, field } : null;
  }
  if (node.kind === "CONCEPT_VALUE" || node.kind === "MAPPING") {
    const concept = property(node, "conceptId");
    return concept ? { id: concept, field: null } : null;
  }
  return null;
}

/** The explorer page of a node, when it has one: an account's 360, a resolved customer. Pure. */
export function pageOf(node: LineageNodeLike): { page: "account" | "customer"; id: string } | null {
  if (node.kind === "ACCOUNT" && node.id.startsWith("acc_")) return { page: "account", id: node.id };
  if (node.id.startsWith("per_") || node.id.startsWith("rorg_")) return { page: "customer", id: node.id };
  return null;
}

/** A node's properties as name and text, nulls and empty lists left out. Pure. */
export function propertyRows(properties: unknown): Array<[string, string]> {
  if (properties === null || typeof properties !== "object") return [];
  return Object.entries(properties as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
}
