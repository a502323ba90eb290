import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { Logger } from "pino";
import { AuthorizationError } from "type-graphql";
import { asLimitRefusal } from "../limits/limit-refusal";
import { toPublicError } from "./to-graphql-error";

/**
 * Apollo's `formatError`: GraphQL's own errors pass (with our reasons), ours are mapped by code, and
 * anything unknown is logged with its cause and masked.
 */
export function formatErrorFor(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError && !(original instanceof AuthorizationError)) {
      // GraphQL's own errors (parse, validation, variables) and errors mapped before execution.
      if (formatted.extensions?.code === "INTERNAL_SERVER_ERROR") log.error({ err: original }, "request failed");
      // Refusals by the request limits (docs/security.md) say what to fix, under BAD_USER_INPUT.
      return asLimitRefusal(formatted) ?? formatted;
    }
    const mapped = toPublicError(original);
    if (mapped.unknown) log.error({ err: mapped.cause ?? original, path: formatted.path }, "request failed");
    return {
      message: mapped.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: mapped.code, ...(mapped.reason ? { reason: mapped.reason } : {}), ...mapped.extensions },
    };
  };
}
