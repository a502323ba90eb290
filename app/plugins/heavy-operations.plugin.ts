import { ApolloServerPlugin } from "@apollo/server";
import { RequestContext } from "../../resolvers/context";
import { toGraphQLError } from "../errors/to-graphql-error";
import { HeavyOperationSlots } from "../limits/heavy-operation-slots";
import { heavyFieldsOf } from "../limits/heavy-operations";

/**
 * Holds one of the tenant's heavy-operation slots while a heavy mutation runs. The slot is taken once the
 * operation is known (after validation, before execution, so a refused call ran no Cypher) and given
 * back when the response is sent, whether the operation succeeded or failed.
 */
export function heavyOperationsPlugin(slots: HeavyOperationSlots): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      // Another plugin's didResolveOperation may refuse the request while this one still waits for a slot;
      // the response is then sent first, and a slot granted afterwards must go straight back.
      let responded = false;
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (!operation) return;
          const heavy = heavyFieldsOf(document, operation);
          // Mutation fields run one after another, so one request holds one slot whatever it selects.
          if (heavy.length === 0) return;
          try {
            release = await slots.acquire(contextValue.principal.tenant, heavy[0] as string);
            if (responded) release();
          } catch (error) {
            throw toGraphQLError(error);
          }
        },
        async willSendResponse() {
          responded = true;
          release?.();
          release = null;
        },
      };
    },
  };
}
