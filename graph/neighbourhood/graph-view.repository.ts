import neo4j from "neo4j-driver";
import { NeighbourhoodRequest, PathsRequest } from "../../domain/neighbourhood/graph-view-request";
import {
  GraphEdge,
  GraphNode,
  GraphNodeKind,
  GraphPath,
  GraphRelationship,
  Neighbourhood,
} from "../../domain/neighbourhood/graph-view.model";
import { CypherExecutor } from "../executor";
import { neighbourhoodQuery, pathsQuery } from "./graph-view.queries";

type Row = Record<string, unknown>;

function toNode(row: Row, distance: number): GraphNode {
  return {
    id: String(row.id),
    kind: String(row.kind) as GraphNodeKind,
    label: String(row.label ?? row.id),
    degree: Number(row.degree),
    distance: row.distance === undefined ? distance : Number(row.distance),
  };
}

function toEdge(row: Row): GraphEdge {
  const source = String(row.source);
  const target = String(row.target);
  const type = String(row.type) as GraphRelationship;
  return { id: `${source}|${type}|${target}`, source, target, type };
}

/** Neighbourhoods and paths over one tenant's records (the explorer's graph view). */
export class GraphViewRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  /** The neighbourhood of a record, or null when the tenant has no such live record. */
  async neighbourhood(request: NeighbourhoodRequest): Promise<Neighbourhood | null> {
    const query = neighbourhoodQuery(request.center.kind, request.depth, request.types);
    const [row] = await this.executor.read(query, {
      tenant: this.tenant,
      id: request.center.id,
      first: neo4j.int(request.first),
    });
    if (!row) return null;
    return {
      center: toNode(row.center as Row, 0),
      nodes: (row.nodes as Row[]).map((n) => toNode(n, 1)),
      edges: (row.edges as Row[]).map(toEdge),
      totalCount: Number(row.total),
    };
  }

  /** The shortest paths between two records; none when either is not the tenant's or none is short enough. */
  async paths(request: PathsRequest): Promise<GraphPath[]> {
    const query = pathsQuery(request.from.kind, request.to.kind, request.maxLength, request.types);
    const rows = await this.executor.read(query, {
      tenant: this.tenant,
      from: request.from.id,
      to: request.to.id,
      first: neo4j.int(request.first),
    });
    return rows.map((row) => {
      const nodes = (row.nodes as Row[]).map((n, i) => toNode(n, i));
      return { nodes, edges: (row.edges as Row[]).map(toEdge), length: nodes.length - 1 };
    });
  }
}
