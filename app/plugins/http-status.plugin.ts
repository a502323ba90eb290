import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

/**
 * HTTP statuses for public error codes that must not travel as 200. Apollo answers 200 for any error
 * raised while executing, so load balancers and clients could not tell "the database is down" from a
 * normal answer.
 */
const STATUS_BY_CODE: Readonly<Record<string, number>> = { SERVICE_UNAVAILABLE: 503 };

/** Seconds a client should wait before retrying a 503: about a quick restart of the managed Neo4j. */
const RETRY_AFTER_SECONDS = 5;

/** The status a response with these (formatted) errors should have, or `undefined` to keep Apollo's. Pure. */
export function statusForErrors(errors: readonly GraphQLFormattedError[] | undefined): number | undefined {
  let status: number | undefined;
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    const mapped = typeof code === "string" ? STATUS_BY_CODE[code] : undefined;
    if (mapped !== undefined && (status === undefined || mapped > status)) status = mapped;
  }
  return status;
}

/**
 * Sets the HTTP status from the public codes of the response's errors, in one place: any
 * SERVICE_UNAVAILABLE makes it 503 with Retry-After. A status already set (401, 403) is kept.
 */
export function httpStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const status = statusForErrors(response.body.singleResult.errors);
          if (status === undefined || (response.http.status ?? 200) !== 200) return;
          response.http.status = status;
          if (status === 503) response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
