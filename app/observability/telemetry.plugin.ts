import { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { RequestContext } from "../../resolvers/context";
import { RequestOutcome } from "./relata-metrics";
import { Telemetry } from "./telemetry";

function codesOf(errors: ReadonlyArray<GraphQLFormattedError>): Array<{ code: string; reason?: string }> {
  return errors.map((error) => {
    const code = error.extensions?.code;
    const reason = error.extensions?.reason;
    return {
      code: typeof code === "string" ? code : "INTERNAL_SERVER_ERROR",
      ...(typeof reason === "string" ? { reason } : {}),
    };
  });
}

/**
 * Reports every GraphQL answer to the telemetry: operation type, outcome, time, Cypher statements and
 * error codes, for the metrics and the request's span. Requests refused before they start (no or a bad
 * token, a rate limit, a malformed HTTP request) are counted too, as operation type `unknown`.
 */
export function telemetryPlugin(telemetry: Telemetry): ApolloServerPlugin<RequestContext> {
  const refused = async ({ error }: { error: Error }) => {
    const errors = codesOf([error instanceof GraphQLError ? error.toJSON() : { message: error.message }]);
    telemetry.requestFinished({ operationType: "unknown", outcome: "error", errors }, telemetry.requestSpan());
  };
  return {
    contextCreationDidFail: refused,
    invalidRequestWasReceived: refused,
    async requestDidStart() {
      const started = performance.now();
      const span = telemetry.requestSpan();
      return {
        async willSendResponse({ response, operation, operationName, contextValue }) {
          const single = response.body.kind === "single" ? response.body.singleResult : null;
          const errors = codesOf(single?.errors ?? []);
          const outcome: RequestOutcome =
            errors.length === 0 ? "ok" : single?.data !== undefined && single?.data !== null ? "partial" : "error";
          telemetry.requestFinished(
            {
              operationType: operation?.operation ?? "unknown",
              operationName: operation ? (operationName ?? null) : undefined,
              outcome,
              seconds: (performance.now() - started) / 1000,
              statements: contextValue?.stats?.queries,
              dbTimeMs: contextValue?.stats?.dbTimeMs,
              tenant: contextValue?.principal?.tenant,
              errors,
            },
            span,
          );
        },
      };
    },
  };
}
