import type { ApolloServerPlugin } from "@apollo/server";
import { Logger } from "pino";
import { RequestContext } from "../../resolvers/context";

/**
 * Records, once per GraphQL request, the SENSITIVE personal values it handed out in clear (the guard notes
 * them, resolvers/auth/personal-data-guard.ts), when the caller is automation (decision 0028). Fails
 * closed: when the audit record cannot be written, the answer is replaced by an internal error, so no
 * SENSITIVE value leaves unaudited.
 */
export function personalDataAuditPlugin(log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          const reads = contextValue?.personalData;
          if (reads === undefined) return;
          try {
            await reads.record("graphql", operationName ?? null);
          } catch (error) {
            log.error({ err: error, component: "personal-data" }, "the audit record of a sensitive read failed");
            if (response.body.kind === "single") {
              response.body.singleResult = {
                errors: [
                  {
                    message: "Internal error; it has been logged",
                    extensions: { code: "INTERNAL_SERVER_ERROR" },
                  },
                ],
              };
            }
          }
        },
      };
    },
  };
}
