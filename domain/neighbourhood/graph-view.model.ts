import { NETWORK_RELATIONSHIPS } from "../records";

/**
 * The relationships a graph view may follow: a contact's, an opportunity's and an asset's link to its
 * account, and the value network's links from organizations to accounts. The Cypher is built from this
 * list only, never from request strings.
 */
export const GRAPH_RELATIONSHIPS = ["WORKS_AT", "FOR_ACCOUNT", "INSTALLED_AT", ...NETWORK_RELATIONSHIPS] as const;
export type GraphRelationship = (typeof GRAPH_RELATIONSHIPS)[number];

/** The records a graph view draws, by the label they carry (deleted records carry other labels). */
export const GRAPH_NODE_KINDS = ["Account", "Contact", "Opportunity", "Asset", "Organization"] as const;
export type GraphNodeKind = (typeof GRAPH_NODE_KINDS)[number];

/** Caps on what one request may ask for; docs/explorer.md. */
export const GRAPH_LIMITS = {
  maxDepth: 3,
  defaultDepth: 1,
  maxNodes: 500,
  defaultNodes: 50,
  maxPathLength: 6,
  defaultPathLength: 4,
  maxPaths: 10,
  defaultPaths: 3,
} as const;

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  /** The record's name (its external id when it has none). */
  label: string;
  /** Relationships of the followed types the record has to live records: what expanding it would add. */
  degree: number;
  /** Links from the centre of a neighbourhood (0 for the centre; the position along a path). */
  distance: number;
}

export interface GraphEdge {
  /** `source|type|target`: one relationship of a type between two records. */
  id: string;
  source: string;
  target: string;
  type: GraphRelationship;
}

export interface Neighbourhood {
  center: GraphNode;
  /** The nearest records first (then by id), at most `first`, the centre left out. */
  nodes: GraphNode[];
  /** Every followed relationship between the records returned, the centre included. */
  edges: GraphEdge[];
  /** Records within the depth in all; more than `nodes` when the list was cut at `first`. */
  totalCount: number;
}

export interface GraphPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
  length: number;
}
