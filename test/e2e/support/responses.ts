import type { GraphQLResponse } from "../../support/test-api";

export type ResponseError = NonNullable<GraphQLResponse["body"]["errors"]>[number];

/**
 * The data of a successful response: asserts HTTP 200 and no errors first, so that a failure shows the
 * errors the server sent rather than a confusing "cannot read property of null".
 */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 200, errors: undefined });
  expect(response.body.data).toBeTruthy();
  return response.body.data as T;
}

/** The single error of a failed response, after asserting the HTTP status and that there is exactly one. */
export function onlyErrorOf(response: GraphQLResponse<unknown>, status: number): ResponseError {
  expect(response.status).toBe(status);
  expect(response.body.errors).toHaveLength(1);
  return (response.body.errors as ResponseError[])[0] as ResponseError;
}

/** The names of the Cypher statements a request ran (admins with `x-relata-debug: 1`), in order. */
export function statementNames(response: GraphQLResponse<unknown>): string[] {
  const relata = response.body.extensions?.relata as { queries: Array<{ name: string }> } | undefined;
  expect(relata).toBeDefined();
  return (relata as { queries: Array<{ name: string }> }).queries.map((q) => q.name);
}
