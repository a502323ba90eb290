import { GlobalIdRef, parseGlobalId } from "../ids/global-id";
import { GraphViewError } from "./graph-view.errors";
import {
  GRAPH_LIMITS,
  GRAPH_NODE_KINDS,
  GRAPH_RELATIONSHIPS,
  GraphNodeKind,
  GraphRelationship,
} from "./graph-view.model";

export interface NodeRef {
  kind: GraphNodeKind;
  id: string;
}

export interface NeighbourhoodRequest {
  center: NodeRef;
  depth: number;
  types: GraphRelationship[];
  first: number;
}

export interface PathsRequest {
  from: NodeRef;
  to: NodeRef;
  maxLength: number;
  types: GraphRelationship[];
  first: number;
}

function isGraphKind(kind: GlobalIdRef["kind"]): kind is GraphNodeKind {
  return (GRAPH_NODE_KINDS as readonly string[]).includes(kind);
}

/** The record an id names, when it is one a graph view draws; throws INVALID_ID / INVALID_ARGUMENT. Pure. */
export function graphNodeRef(id: string, argument: string): NodeRef {
  const ref = parseGlobalId(id, argument);
  if (!isGraphKind(ref.kind)) {
    throw new GraphViewError(
      `${argument} names a ${ref.kind}; a graph view starts from an account, contact, opportunity, asset or ` +
        `organization. Pass the id of one of those.`,
    );
  }
  return { kind: ref.kind, id: ref.id };
}

function bounded(value: number | null | undefined, fallback: number, min: number, max: number, name: string): number {
  const chosen = value ?? fallback;
  if (!Number.isInteger(chosen) || chosen < min || chosen > max) {
    throw new GraphViewError(`${name} must be an integer from ${min} to ${max}; it is ${String(value)}.`);
  }
  return chosen;
}

/** The relationship types asked for, deduplicated and in whitelist order; all of them when none are given. Pure. */
export function relationshipTypes(types: readonly string[] | null | undefined): GraphRelationship[] {
  if (types === null || types === undefined) return [...GRAPH_RELATIONSHIPS];
  if (types.length === 0) {
    throw new GraphViewError(`types is empty; leave it out to follow every type (${GRAPH_RELATIONSHIPS.join(", ")}).`);
  }
  for (const type of types) {
    if (!(GRAPH_RELATIONSHIPS as readonly string[]).includes(type)) {
      throw new GraphViewError(
        `${type} is not a relationship a graph view follows: use ${GRAPH_RELATIONSHIPS.join(", ")}.`,
      );
    }
  }
  return GRAPH_RELATIONSHIPS.filter((t) => types.includes(t));
}

/** A neighbourhood request with its defaults filled and every cap checked. Pure. */
export function neighbourhoodRequest(args: {
  id: string;
  depth?: number | null;
  types?: readonly string[] | null;
  first?: number | null;
}): NeighbourhoodRequest {
  const { maxDepth, defaultDepth, maxNodes, defaultNodes } = GRAPH_LIMITS;
  return {
    center: graphNodeRef(args.id, "id"),
    depth: bounded(args.depth, defaultDepth, 1, maxDepth, "depth"),
    types: relationshipTypes(args.types),
    first: bounded(args.first, defaultNodes, 1, maxNodes, "first"),
  };
}

/** A paths request with its defaults filled and every cap checked. Pure. */
export function pathsRequest(args: {
  from: string;
  to: string;
  maxLength?: number | null;
  types?: readonly string[] | null;
  first?: number | null;
}): PathsRequest {
  const { maxPathLength, defaultPathLength, maxPaths, defaultPaths } = GRAPH_LIMITS;
  const from = graphNodeRef(args.from, "from");
  const to = graphNodeRef(args.to, "to");
  if (from.id === to.id) throw new GraphViewError("from and to are the same record; pass two different ids.");
  return {
    from,
    to,
    maxLength: bounded(args.maxLength, defaultPathLength, 1, maxPathLength, "maxLength"),
    types: relationshipTypes(args.types),
    first: bounded(args.first, defaultPaths, 1, maxPaths, "first"),
  };
}
