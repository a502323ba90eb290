import { GraphQLRequestListener } from "@apollo/server";
import { getOperationAST, GraphQLError, parse } from "graphql";
import { HeavyOperationSlots } from "../../../../app/limits/heavy-operation-slots";
import { heavyOperationsPlugin } from "../../../../app/plugins/heavy-operations.plugin";
import { RequestContext } from "../../../../resolvers/context";

const INGEST = parse("mutation { ingestSignals(input: []) { created } }");
const READ = parse("{ viewer { tenant } }");

/** Drives the plugin's hooks for one request the way Apollo does, with only the fields it reads. */
async function request(slots: HeavyOperationSlots, document = INGEST, tenant = "acme") {
  const plugin = heavyOperationsPlugin(slots);
  const listener = (await plugin.requestDidStart?.({} as never)) as GraphQLRequestListener<RequestContext>;
  const hookContext = {
    document,
    operation: getOperationAST(document),
    contextValue: { principal: { tenant, role: "admin", subject: "test" } },
  } as never;
  return {
    resolveOperation: () => (listener.didResolveOperation as (c: never) => Promise<void>)(hookContext),
    sendResponse: () => (listener.willSendResponse as (c: never) => Promise<void>)(hookContext),
  };
}

describe("heavyOperationsPlugin", () => {
  describe("slots taken and given back", () => {
    it("holds a slot from the resolved operation until the response is sent", async () => {
      const slots = new HeavyOperationSlots({ perTenant: 1, waitMs: 0 });
      const first = await request(slots);
      await first.resolveOperation();
      expect(slots.active("acme")).toBe(1);
      await first.sendResponse();
      expect(slots.active("acme")).toBe(0);
    });

    it("takes no slot for a query", async () => {
      const slots = new HeavyOperationSlots({ perTenant: 1, waitMs: 0 });
      await (await request(slots, READ)).resolveOperation();
      expect(slots.active("acme")).toBe(0);
    });

    it("gives back a slot granted after the response was already sent (another plugin refused the request)", async () => {
      const slots = new HeavyOperationSlots({ perTenant: 1, waitMs: 60_000 });
      const running = await request(slots);
      await running.resolveOperation();
      const refusedElsewhere = await request(slots);
      const waiting = refusedElsewhere.resolveOperation();
      expect(slots.waiting("acme")).toBe(1);
      await refusedElsewhere.sendResponse();
      await running.sendResponse();
      await waiting;
      expect(slots.active("acme")).toBe(0);
    });
  });

  describe("refusals", () => {
    it("refuses over the cap with a GraphQL error carrying 429 and Retry-After", async () => {
      const slots = new HeavyOperationSlots({ perTenant: 1, waitMs: 0 });
      await (await request(slots)).resolveOperation();
      const error = await (
        await request(slots)
      )
        .resolveOperation()
        .then(() => null)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphQLError);
      const extensions = (error as GraphQLError).extensions as {
        code: string;
        reason: string;
        http: { status: number; headers: Map<string, string> };
      };
      expect(extensions.code).toBe("RATE_LIMITED");
      expect(extensions.reason).toBe("HEAVY_OPERATION_LIMIT");
      expect(extensions.http.status).toBe(429);
      expect(extensions.http.headers.get("retry-after")).toBe("5");
    });
  });
});
