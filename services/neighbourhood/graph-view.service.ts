import { neighbourhoodRequest, pathsRequest } from "../../domain/neighbourhood/graph-view-request";
import { GraphPath, Neighbourhood } from "../../domain/neighbourhood/graph-view.model";
import { GraphViewRepository } from "../../graph/neighbourhood/graph-view.repository";

/** Neighbourhoods and paths of one tenant's records, with the caps of GRAPH_LIMITS checked first. */
export class GraphViewService {
  constructor(private readonly repository: GraphViewRepository) {}

  /** Null when the tenant has no such live record (another tenant's id included). */
  neighbourhood(args: {
    id: string;
    depth?: number | null;
    types?: readonly string[] | null;
    first?: number | null;
  }): Promise<Neighbourhood | null> {
    return this.repository.neighbourhood(neighbourhoodRequest(args));
  }

  /** Empty when either record is not the tenant's or no path is short enough. */
  paths(args: {
    from: string;
    to: string;
    maxLength?: number | null;
    types?: readonly string[] | null;
    first?: number | null;
  }): Promise<GraphPath[]> {
    return this.repository.paths(pathsRequest(args));
  }
}
