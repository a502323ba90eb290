import {
  ExplorerNeighbourhoodDocument,
  ExplorerNeighbourhoodQuery,
  ExplorerPathsDocument,
  ExplorerPathsQuery,
  GraphRelationship,
} from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";

export type Hood = NonNullable<ExplorerNeighbourhoodQuery["neighbourhood"]>;
export type Path = ExplorerPathsQuery["paths"][number];

export const ALL_TYPES: GraphRelationship[] = [
  "WORKS_AT",
  "FOR_ACCOUNT",
  "INSTALLED_AT",
  "PARTNER_OF",
  "SUPPLIES",
  "SERVICES",
  "RESELLS_TO",
];

export function neighbourhood(token: string, id: string, depth: number, first: number): Promise<Hood | null> {
  return runOperation(ExplorerNeighbourhoodDocument, { id, depth, first }, token).then((d) => d.neighbourhood ?? null);
}

export function paths(token: string, from: string, to: string, types: GraphRelationship[]): Promise<Path[]> {
  return runOperation(ExplorerPathsDocument, { from, to, maxLength: 6, types, first: 3 }, token).then((d) => d.paths);
}
