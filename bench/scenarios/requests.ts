import { print, type DocumentNode } from "graphql";

import type { BenchRequest } from "./scenario";

/** A GraphQL POST to Relata's `/graphql` with a bearer token. */
export function relataRequest(
  document: DocumentNode,
  variables: Record<string, unknown>,
  token: string,
  debug = false,
): BenchRequest {
  const definition = document.definitions.find((d) => d.kind === "OperationDefinition");
  const operationName = definition && "name" in definition ? definition.name?.value : undefined;
  return {
    method: "POST",
    path: "/graphql",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      ...(debug ? { "x-relata-debug": "1" } : {}),
    },
    body: JSON.stringify({ query: print(document), variables, operationName }),
  };
}

/** A GraphQL POST to an Apollo standalone server (the Neo4j GraphQL Library variant, the Apollo floor). */
export function apolloRequest(query: string, variables: Record<string, unknown> = {}): BenchRequest {
  return {
    method: "POST",
    path: "/",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  };
}

/** A JSON POST to one of the raw endpoint's routes. */
export function rawRequest(route: string, body: Record<string, unknown>): BenchRequest {
  return { method: "POST", path: route, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** The same request with Relata's debug header, to read how many Cypher queries it ran. */
export function withDebug(request: BenchRequest): BenchRequest {
  return { ...request, headers: { ...request.headers, "x-relata-debug": "1" } };
}
