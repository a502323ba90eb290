import { AccountByIdDocument, type AccountByIdQuery } from "../../schema/generated/graphql";
import { instant, pick } from "../check/canonical";
import { apolloRequest, rawRequest, relataRequest } from "./requests";
import { dataOf, type Scenario, type ScenarioInputs } from "./scenario";

const SCALARS = ["id", "sourceSystem", "externalId", "name", "industry", "segment", "region", "annualRevenue"];

const NEO4J_GRAPHQL_QUERY = /* GraphQL */ `
  query AccountById($tenant: String!, $id: ID!) {
    accounts(where: { tenant: { eq: $tenant }, id: { eq: $id } }) {
      id
      sourceSystem
      externalId
      name
      industry
      segment
      region
      annualRevenue
      firstSeenAt
      lastUpdatedAt
    }
  }
`;

/** The ten scalar fields of one account, in canonical form. */
export function canonicalAccount(account: unknown): Record<string, unknown> | null {
  if (account === null || account === undefined) return null;
  const fields = account as Record<string, unknown>;
  return {
    ...pick(fields, SCALARS),
    firstSeenAt: instant(fields.firstSeenAt),
    lastUpdatedAt: instant(fields.lastUpdatedAt),
  };
}

/** B1 point lookup: `account(id)` with ten scalar fields (the canonical AccountById operation). */
export function accountByIdScenario(inputs: ScenarioInputs): Scenario {
  const { tenant, accountIds } = inputs;
  const token = inputs.tokens[tenant] as string;
  return {
    id: "B1",
    title: "account by id, ten scalar fields",
    kinds: ["relata", "neo4j-graphql", "raw"],
    fanOut: false,
    requests(kind) {
      switch (kind) {
        case "relata":
          return accountIds.map((id) => relataRequest(AccountByIdDocument, { id }, token));
        case "neo4j-graphql":
          return accountIds.map((id) => apolloRequest(NEO4J_GRAPHQL_QUERY, { tenant, id }));
        case "raw":
          return accountIds.map((id) => rawRequest("/b1", { tenant, id }));
        case "apollo":
          return [];
      }
    },
    normalise(kind, answer) {
      if (kind === "neo4j-graphql") {
        const accounts = dataOf<{ accounts: unknown[] }>(answer).accounts;
        return canonicalAccount(accounts[0]);
      }
      return canonicalAccount(dataOf<AccountByIdQuery>(answer).account);
    },
  };
}
