import { ApolloServerPlugin } from "@apollo/server";
import { RequestContext } from "../../resolvers/context";
import { rootFieldsOf } from "../usage/operation-fields";
import { UsageRecorder } from "../usage/usage-recorder";

/**
 * Counts every operation that reaches execution (after validation and the query guard) for usage
 * calibration: the caller and the root fields' names, never the request's variables or text.
 */
export function usageRecordingPlugin(recorder: UsageRecorder): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ document, operation, contextValue }) {
          if (!operation || operation.operation === "subscription") return;
          const { tenant, subject, userId, agent } = contextValue.principal;
          recorder.record(
            { tenant, subject, ...(userId === undefined ? {} : { userId }), ...(agent === undefined ? {} : { agent }) },
            rootFieldsOf(document, operation),
          );
        },
      };
    },
  };
}
