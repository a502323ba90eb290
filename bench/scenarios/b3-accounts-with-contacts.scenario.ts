import { AccountsWithContactsDocument, type AccountsWithContactsQuery } from "../../schema/generated/graphql";
import { pick, sortBy } from "../check/canonical";
import { apolloRequest, rawRequest, relataRequest } from "./requests";
import { dataOf, type Scenario, type ScenarioInputs } from "./scenario";

const PAGE = 100;
const CONTACTS = 10;

/**
 * The library's offset list (`accounts(limit:)`), one more than the page to learn whether a next page
 * exists. Its cursor form, `accountsConnection(first:)`, first collects every account of the tenant to
 * count them; at 100,000 accounts that exceeds Neo4j's transaction memory limit (70 % of a 2 GB heap).
 */
const NEO4J_GRAPHQL_QUERY = /* GraphQL */ `
  query AccountsWithContacts($tenant: String!, $limit: Int!, $contacts: Int!) {
    accounts(limit: $limit, where: { tenant: { eq: $tenant } }, sort: [{ name: ASC }, { id: ASC }]) {
      id
      name
      contactsConnection(first: $contacts, sort: [{ node: { name: ASC } }, { node: { id: ASC } }]) {
        totalCount
        edges {
          node {
            id
            name
            title
            buyingRole
          }
        }
      }
    }
  }
`;

type Row = Record<string, unknown>;
interface Page {
  pageInfo: { hasNextPage: boolean };
  edges: Array<{ node: Row }>;
}
interface Contacts {
  totalCount: number;
  edges: Array<{ node: Row }>;
}

/** Accounts in page order (the order is part of the answer), contacts by name; cursors differ by design. */
function canonicalPage(page: Page, contactsOf: (account: Row) => Contacts) {
  return {
    hasNextPage: page.pageInfo.hasNextPage,
    accounts: page.edges.map(({ node }) => {
      const contacts = contactsOf(node);
      return {
        id: node.id,
        name: node.name,
        contacts: {
          totalCount: contacts.totalCount,
          nodes: sortBy(
            contacts.edges.map((e) => pick(e.node, ["id", "name", "title", "buyingRole"])),
            (c) => [String(c.name), String(c.id)],
          ),
        },
      };
    }),
  };
}

/** B3 list page: 100 accounts by name with their first 10 contacts (the AccountsWithContacts operation). */
export function accountsWithContactsScenario(inputs: ScenarioInputs): Scenario {
  const { tenant } = inputs;
  const token = inputs.tokens[tenant] as string;
  return {
    id: "B3",
    title: `${PAGE} accounts with contacts (first ${CONTACTS})`,
    kinds: ["relata", "neo4j-graphql", "raw"],
    fanOut: true,
    notes: {
      relata: "latest health joins this page once the health issue lands",
      "neo4j-graphql":
        "asked with accounts(limit: 101, sort), not accountsConnection(first: 100): the connection form collects " +
        "every account of the tenant to count them and exceeds Neo4j's transaction memory at 100,000 accounts",
    },
    requests(kind) {
      switch (kind) {
        case "relata":
          return [relataRequest(AccountsWithContactsDocument, { first: PAGE, contacts: CONTACTS }, token)];
        case "neo4j-graphql":
          return [apolloRequest(NEO4J_GRAPHQL_QUERY, { tenant, limit: PAGE + 1, contacts: CONTACTS })];
        case "raw":
          return [rawRequest("/b3", { tenant, first: PAGE, contacts: CONTACTS })];
        case "apollo":
          return [];
      }
    },
    normalise(kind, answer) {
      if (kind === "neo4j-graphql") {
        const accounts = dataOf<{ accounts: Row[] }>(answer).accounts;
        const page: Page = {
          pageInfo: { hasNextPage: accounts.length > PAGE },
          edges: accounts.slice(0, PAGE).map((node) => ({ node })),
        };
        return canonicalPage(page, (account) => account.contactsConnection as Contacts);
      }
      const page = dataOf<AccountsWithContactsQuery>(answer).accounts as unknown as Page;
      return canonicalPage(page, (account) => account.contacts as Contacts);
    },
  };
}
