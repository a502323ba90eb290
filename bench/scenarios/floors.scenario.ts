import { apolloRequest, rawRequest } from "./requests";
import { dataOf, type Scenario } from "./scenario";

/** F1: the raw endpoint running `RETURN 1` — HTTP plus one driver round trip, the floor under every read. */
export function driverFloorScenario(): Scenario {
  return {
    id: "F1",
    title: "floor: driver RETURN 1 over HTTP",
    kinds: ["raw"],
    fanOut: false,
    requests: (kind) => (kind === "raw" ? [rawRequest("/f1", {})] : []),
    normalise: (_kind, answer) => dataOf(answer),
  };
}

/** F2: Apollo Server answering `{ __typename }` — the floor of a GraphQL server with nothing behind it. */
export function apolloFloorScenario(): Scenario {
  return {
    id: "F2",
    title: "floor: Apollo Server { __typename }",
    kinds: ["apollo"],
    fanOut: false,
    requests: (kind) => (kind === "apollo" ? [apolloRequest("{ __typename }")] : []),
    normalise: (_kind, answer) => dataOf(answer),
  };
}
