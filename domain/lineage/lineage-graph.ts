/**
 * The answer of `lineage(of)`: the computed value, what it was computed by and what it came from, as a small
 * graph. Node ids are Relata's global ids where the node has one (accounts, signals, source systems,
 * identities, people, concepts) and stable synthetic ids otherwise (`mapping:…`, `field:…`, `model:…`).
 */

/** The kinds of node a lineage graph holds; providers of later features add their own (e.g. ANCHOR_POINT). */
export type LineageNodeKind = string;

/**
 * The kinds of edge, always pointing from what was computed towards what it came from:
 * DERIVED_FROM (a value from values or records), COMPUTED_BY (a value by a model, rule or formula),
 * MAPPED_BY (a concept value through a mapping), READS (a mapping reads a source field), OBSERVED_IN (a
 * record or field belongs to a source system), ABOUT (a record is about a subject), RESOLVED_TO (a duplicate
 * counts for the customer it resolved to), CONSIDERED (a candidate that lost to the surviving value).
 */
export type LineageEdgeKind =
  | "DERIVED_FROM"
  | "COMPUTED_BY"
  | "MAPPED_BY"
  | "READS"
  | "OBSERVED_IN"
  | "ABOUT"
  | "RESOLVED_TO"
  | "CONSIDERED"
  | (string & { readonly __lineageEdge?: never });

export type LineageProperties = Readonly<Record<string, unknown>>;

export interface LineageNode {
  id: string;
  kind: LineageNodeKind;
  label: string;
  /** The version of what the node is (a model version, a pack version), when it has one. */
  version: string | null;
  properties: LineageProperties;
}

export interface LineageEdge {
  from: string;
  to: string;
  kind: LineageEdgeKind;
  properties: LineageProperties;
}

export interface LineageGraph {
  /** The id of the node that is the value asked about. */
  rootId: string;
  /** Which provider answered (HEALTH_SCORE, CONCEPT_VALUE, GOLDEN_FIELD, …). */
  kind: string;
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** Nodes (and the edges to them) were left out to keep the answer within its bound. */
  truncated: boolean;
  /** Source records (signals, identities) that fed the value, counted even when not all are listed. */
  recordCount: number;
  /** How the answer was obtained, in plain words (e.g. "re-derived as of the snapshot's time"). */
  notes: string[];
}

/** The default and largest number of nodes one answer holds. */
export const DEFAULT_LINEAGE_NODES = 200;
export const MAX_LINEAGE_NODES = 1000;

/**
 * Collects a lineage graph under a node budget: nodes beyond it are dropped (and `truncated` set), edges are
 * kept only between nodes that made it in, and a node or edge added twice is kept once.
 */
export class LineageGraphBuilder {
  private readonly nodes = new Map<string, LineageNode>();
  private readonly edges = new Map<string, LineageEdge>();
  private dropped = false;
  private records = 0;
  private readonly notes: string[] = [];

  constructor(private readonly maxNodes: number) {}

  /** Adds a node; false when the budget is spent (the node is left out). */
  node(node: LineageNode): boolean {
    if (this.nodes.has(node.id)) return true;
    if (this.nodes.size >= this.maxNodes) {
      this.dropped = true;
      return false;
    }
    this.nodes.set(node.id, node);
    return true;
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** A node added before (to complete its properties once what follows it is known). */
  get(id: string): LineageNode | undefined {
    return this.nodes.get(id);
  }

  /** Adds an edge between two nodes already in the graph; an edge to a left-out node is left out too. */
  edge(from: string, to: string, kind: LineageEdgeKind, properties: LineageProperties = {}): void {
    if (!this.nodes.has(from) || !this.nodes.has(to)) return;
    const key = `${from}\u0000${kind}\u0000${to}`;
    if (!this.edges.has(key)) this.edges.set(key, { from, to, kind, properties });
  }

  /** Counts source records that fed the value (listed or not). */
  countRecords(n: number): void {
    this.records += n;
  }

  /** Marks the answer as incomplete for a reason other than the node budget (e.g. capped signal lists). */
  markTruncated(): void {
    this.dropped = true;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  build(rootId: string, kind: string): LineageGraph {
    return {
      rootId,
      kind,
      nodes: [...this.nodes.values()],
      edges: [...this.edges.values()],
      truncated: this.dropped,
      recordCount: this.records,
      notes: [...this.notes],
    };
  }
}
