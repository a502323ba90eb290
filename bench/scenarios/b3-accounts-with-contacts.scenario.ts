import {
  AccountsWithContactsAndHealthDocument,
  type AccountsWithContactsAndHealthQuery,
} from "../../schema/generated/graphql";
import { DEFAULT_MODEL_ID } from "../../services/health/health-model";
import { instant, pick, sortBy } from "../check/canonical";
import { apolloRequest, rawRequest, relataRequest } from "./requests";
import { dataOf, type Scenario, type ScenarioInputs } from "./scenario";

const PAGE = 100;
const CONTACTS = 10;

/**
 * The library's offset list (`accounts(limit:)`), one more than the page to learn whether a next page
 * exists. Its cursor form, `accountsConnection(first:)`, first collects every account of the tenant to
 * count them; at 100,000 accounts that exceeds Neo4j's transaction memory limit (70 % of a 2 GB heap).
 * The latest health is the account's one snapshot of the default model marked `latest`.
 */
const NEO4J_GRAPHQL_QUERY = /* GraphQL */ `
  query AccountsWithContactsAndHealth($tenant: String!, $limit: Int!, $contacts: Int!, $modelId: String!) {
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
      healthScores(where: { tenant: { eq: $tenant }, modelId: { eq: $modelId }, latest: { eq: true } }) {
        score
        grade
        confidence
        version
        computedAt
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
interface Health {
  score: number | null;
  grade: string | null;
  confidence: number;
  modelVersion: number;
  computedAt: string;
}

/**
 * Accounts in page order (the order is part of the answer), contacts by name, the latest health snapshot
 * (score, grade, confidence, model version, when it was computed); cursors differ by design.
 */
function canonicalPage(page: Page, contactsOf: (account: Row) => Contacts, healthOf: (account: Row) => Health | null) {
  return {
    hasNextPage: page.pageInfo.hasNextPage,
    accounts: page.edges.map(({ node }) => {
      const contacts = contactsOf(node);
      const health = healthOf(node);
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
        health:
          health === null
            ? null
            : {
                score: health.score ?? null,
                grade: health.grade ?? null,
                confidence: health.confidence,
                modelVersion: health.modelVersion,
                computedAt: instant(health.computedAt),
              },
      };
    }),
  };
}

/**
 * B3 list page: 100 accounts by name with their first 10 contacts and their latest health (the
 * AccountsWithContactsAndHealth operation; the snapshots are stored when the data set is seeded).
 */
export function accountsWithContactsScenario(inputs: ScenarioInputs): Scenario {
  const { tenant } = inputs;
  const token = inputs.tokens[tenant] as string;
  return {
    id: "B3",
    title: `${PAGE} accounts with contacts (first ${CONTACTS}) and latest health`,
    kinds: ["relata", "neo4j-graphql", "raw"],
    fanOut: true,
    notes: {
      "neo4j-graphql":
        "asked with accounts(limit: 101, sort), not accountsConnection(first: 100): the connection form collects " +
        "every account of the tenant to count them and exceeds Neo4j's transaction memory at 100,000 accounts; " +
        "latest health through the SCORES relationship filtered on latest and modelId",
    },
    requests(kind) {
      switch (kind) {
        case "relata":
          return [relataRequest(AccountsWithContactsAndHealthDocument, { first: PAGE, contacts: CONTACTS }, token)];
        case "neo4j-graphql":
          return [
            apolloRequest(NEO4J_GRAPHQL_QUERY, {
              tenant,
              limit: PAGE + 1,
              contacts: CONTACTS,
              modelId: DEFAULT_MODEL_ID,
            }),
          ];
        case "raw":
          return [rawRequest("/b3", { tenant, first: PAGE, contacts: CONTACTS, modelId: DEFAULT_MODEL_ID })];
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
        return canonicalPage(
          page,
          (account) => account.contactsConnection as Contacts,
          (account) => {
            const latest = account.healthScores as Array<Row & { version: number }>;
            if (latest.length > 1)
              throw new Error(`account ${String(account.id)} has ${latest.length} latest snapshots`);
            return latest[0] ? ({ ...latest[0], modelVersion: latest[0].version } as unknown as Health) : null;
          },
        );
      }
      const page = dataOf<AccountsWithContactsAndHealthQuery>(answer).accounts as unknown as Page;
      return canonicalPage(
        page,
        (account) => account.contacts as Contacts,
        (account) => (account.health as Health | null) ?? null,
      );
    },
  };
}
