import { Customer360Document, type Customer360Query } from "../../schema/generated/graphql";
import { instant, pick, sortBy } from "../check/canonical";
import { canonicalAccount } from "./b1-account-by-id.scenario";
import { apolloRequest, rawRequest, relataRequest } from "./requests";
import { dataOf, type Scenario, type ScenarioInputs } from "./scenario";

/** The page size of every list but signals in the Customer360 operation. */
const LIST_SIZE = 50;

const NETWORK_FIELDS = {
  partnersConnection: "PARTNER_OF",
  suppliersConnection: "SUPPLIES",
  serviceProvidersConnection: "SERVICES",
  resellersConnection: "RESELLS_TO",
} as const;

const organizationList = (field: string) => `
      ${field}(first: ${LIST_SIZE}, sort: [{ node: { name: ASC } }, { node: { id: ASC } }]) {
        totalCount
        edges { node { id name kind region } }
      }`;

/** The Customer360 operation in the library's dialect; the value network is one field per relationship type. */
const NEO4J_GRAPHQL_QUERY = /* GraphQL */ `
  query Customer360($tenant: String!, $id: ID!, $signals: Int!) {
    accounts(where: { tenant: { eq: $tenant }, id: { eq: $id } }) {
      id sourceSystem externalId name industry segment region annualRevenue firstSeenAt lastUpdatedAt
      contactsConnection(first: ${LIST_SIZE}, sort: [{ node: { name: ASC } }, { node: { id: ASC } }]) {
        totalCount
        edges { node { id name title email buyingRole } }
      }
      opportunitiesConnection(first: ${LIST_SIZE}, sort: [{ node: { closeDate: DESC } }, { node: { id: DESC } }]) {
        totalCount
        edges { node { id name stage amount currency closeDate } }
      }
      assetsConnection(first: ${LIST_SIZE}, sort: [{ node: { name: ASC } }, { node: { id: ASC } }]) {
        totalCount
        edges { node { id name model serialNumber installedOn } }
      }
      ${Object.keys(NETWORK_FIELDS).map(organizationList).join("\n")}
      signalsConnection(first: $signals, sort: [{ node: { observedAt: DESC } }, { node: { id: DESC } }]) {
        totalCount
        edges {
          node { id sourceSystem externalId field valueType numberValue stringValue booleanValue unit observedAt }
        }
      }
    }
  }
`;

type Row = Record<string, unknown>;
interface Connection {
  totalCount: number;
  edges: Array<{ node: Row; relationship?: string }>;
}

const CONTACT = ["id", "name", "title", "email", "buyingRole"];
const OPPORTUNITY = ["id", "name", "stage", "amount", "currency", "closeDate"];
const ASSET = ["id", "name", "model", "serialNumber", "installedOn"];
const ORGANIZATION = ["id", "name", "kind", "region"];
const SIGNAL = ["id", "sourceSystem", "recordId", "field", "valueType", "numberValue", "stringValue", "booleanValue"];

function list(connection: Connection, fields: readonly string[], order: (rows: Row[]) => Row[]) {
  return { totalCount: connection.totalCount, nodes: order(connection.edges.map((e) => pick(e.node, fields))) };
}

const byName = (rows: Row[]) => sortBy(rows, (r) => [String(r.name), String(r.id)]);
const byCloseDate = (rows: Row[]) => sortBy(rows, (r) => [String(r.closeDate ?? "0000-00-00"), String(r.id)], true);

function canonical360(account: Row, network: Connection, signals: Connection) {
  const signalNodes = signals.edges.map(({ node }): Row => ({
    ...pick(node, SIGNAL),
    unit: node.unit ?? null,
    observedAt: instant(node.observedAt),
  }));
  return {
    account: canonicalAccount(account),
    contacts: list(account.contacts as Connection, CONTACT, byName),
    opportunities: list(account.opportunities as Connection, OPPORTUNITY, byCloseDate),
    assets: list(account.assets as Connection, ASSET, byName),
    network: {
      totalCount: network.totalCount,
      edges: sortBy(
        network.edges.map((e) => ({ relationship: e.relationship, node: pick(e.node, ORGANIZATION) })),
        (e) => [String(e.node.name), `${String(e.node.id)}|${String(e.relationship)}`],
      ).slice(0, LIST_SIZE),
    },
    signals: {
      totalCount: signals.totalCount,
      nodes: sortBy(signalNodes, (s) => [String(s.observedAt), String(s.id)], true),
    },
  };
}

/** How many objects a canonical customer-360 answer holds: the account and every listed node. */
export function objectCount(canonical: unknown): number {
  const c = canonical as ReturnType<typeof canonical360>;
  return (
    1 +
    c.contacts.nodes.length +
    c.opportunities.nodes.length +
    c.assets.nodes.length +
    c.network.edges.length +
    c.signals.nodes.length
  );
}

/**
 * B2 customer 360: the canonical Customer360 operation — an account with contacts, opportunities,
 * assets, value network and its latest signals — on the dense key-account tenant.
 */
export function customer360Scenario(inputs: ScenarioInputs): Scenario {
  const tenant = inputs.keyAccountTenant;
  const token = inputs.tokens[tenant] as string;
  const signals = inputs.latestSignals;
  return {
    id: "B2",
    title: `customer 360 (Customer360, latest ${signals} signals)`,
    kinds: ["relata", "neo4j-graphql", "raw"],
    fanOut: true,
    requests(kind) {
      switch (kind) {
        case "relata":
          return inputs.keyAccountIds.map((id) => relataRequest(Customer360Document, { id, signals }, token));
        case "neo4j-graphql":
          return inputs.keyAccountIds.map((id) => apolloRequest(NEO4J_GRAPHQL_QUERY, { tenant, id, signals }));
        case "raw":
          return inputs.keyAccountIds.map((id) => rawRequest("/b2", { tenant, id, signals }));
        case "apollo":
          return [];
      }
    },
    normalise(kind, answer) {
      if (kind !== "neo4j-graphql") {
        const account = dataOf<Customer360Query>(answer).account as unknown as Row | null;
        if (!account) return null;
        return canonical360(account, account.network as Connection, account.signals as Connection);
      }
      const account = dataOf<{ accounts: Row[] }>(answer).accounts[0];
      if (!account) return null;
      const network: Connection = { totalCount: 0, edges: [] };
      for (const [field, relationship] of Object.entries(NETWORK_FIELDS)) {
        const connection = account[field] as Connection;
        network.totalCount += connection.totalCount;
        network.edges.push(...connection.edges.map((e) => ({ node: e.node, relationship })));
      }
      const signalsConnection = account.signalsConnection as Connection;
      const renamed: Connection = {
        totalCount: signalsConnection.totalCount,
        edges: signalsConnection.edges.map((e) => ({ node: { ...e.node, recordId: e.node.externalId } })),
      };
      return canonical360(
        {
          ...account,
          contacts: account.contactsConnection,
          opportunities: account.opportunitiesConnection,
          assets: account.assetsConnection,
        },
        network,
        renamed,
      );
    },
  };
}
