import type { TypedDocumentString } from "./generated/graphql";
import { classifyFailure, ExplorerError } from "./explorer-error";

/** Where the API is: the same origin that served the explorer. */
export const GRAPHQL_PATH = "/graphql";

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * Sends one of the generated operations with the bearer token; resolves with its data or rejects with an
 * {@link ExplorerError} saying whether the token was refused, the server is down or the request failed.
 */
export async function runOperation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  token: string,
  signal?: AbortSignal,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ExplorerError("SERVER_DOWN", (error as Error).message);
  }
  let body: GraphQLBody<TResult> | null = null;
  try {
    body = (await response.json()) as GraphQLBody<TResult>;
  } catch {
    body = null;
  }
  const failure = classifyFailure(response.status, body?.errors ?? []);
  if (failure !== null) throw failure;
  if (!body || body.data === undefined || body.data === null) {
    throw new ExplorerError("FAILED", `The server answered ${response.status} without data.`);
  }
  return body.data;
}
