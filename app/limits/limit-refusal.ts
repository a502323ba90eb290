import { ASTNode, GraphQLError, GraphQLFormattedError } from "graphql";

/** Why a request was refused before it ran: the `extensions.reason` beside the code BAD_USER_INPUT. */
export const LIMIT_REASONS = [
  "QUERY_TOO_DEEP",
  "TOO_MANY_ALIASES",
  "FIELD_REPEATED",
  "TOO_MANY_DIRECTIVES",
  "TOO_MANY_TOKENS",
  "INPUT_TOO_LONG",
  "INPUT_TOO_DEEP",
  "QUERY_TOO_COSTLY",
] as const;

export type LimitReason = (typeof LIMIT_REASONS)[number];

function isLimitReason(value: unknown): value is LimitReason {
  return typeof value === "string" && (LIMIT_REASONS as readonly string[]).includes(value);
}

/**
 * A request refused by one of the request limits: BAD_USER_INPUT with a reason, before anything ran.
 * `details` become further extensions (e.g. the estimated cost and the budget). Refusals raised after
 * validation carry HTTP 400 themselves, as validation errors get it from Apollo.
 */
export function limitRefusal(
  reason: LimitReason,
  message: string,
  options: { nodes?: ASTNode | readonly ASTNode[]; details?: Record<string, unknown>; afterValidation?: boolean } = {},
): GraphQLError {
  return new GraphQLError(message, {
    nodes: options.nodes,
    extensions: {
      code: "BAD_USER_INPUT",
      reason,
      ...options.details,
      ...(options.afterValidation ? { http: { status: 400 } } : {}),
    },
  });
}

/** "The operation "Name" " or "The operation " for an anonymous one: how refusals start. */
export function operationLabel(name: string | undefined): string {
  return name ? `The operation "${name}"` : "The operation";
}

/** 1234567 → "1,234,567": refusals quote sizes a person reads. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "more than 10^308";
}

// graphql 16 writes "more that"; accept the corrected spelling of later versions too.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens/;

/**
 * Gives a formatted refusal its public code. Apollo files validation errors under
 * GRAPHQL_VALIDATION_FAILED and the parser's token limit under GRAPHQL_PARSE_FAILED; ours say what to
 * fix under BAD_USER_INPUT. Returns null for any other error.
 */
export function asLimitRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  if (isLimitReason(formatted.extensions?.reason)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: "BAD_USER_INPUT" } };
  }
  const tokens = TOO_MANY_TOKENS.exec(formatted.message);
  if (tokens !== null && formatted.extensions?.code === "GRAPHQL_PARSE_FAILED") {
    const limit = Number(tokens[1]);
    return {
      message:
        `The document has more than ${formatCount(limit)} tokens (names, punctuation and values); at most ` +
        `${formatCount(limit)} are allowed. Send large values as variables, drop repeated selections, or split it ` +
        `into several requests.`,
      extensions: { code: "BAD_USER_INPUT", reason: "TOO_MANY_TOKENS" },
    };
  }
  return null;
}
