import {
  ExplorerAccountRowFragment,
  ExplorerAccountSearchDocument,
  ExplorerAccountSearchQuery,
  ExplorerAccountsByIdsDocument,
  ExplorerFieldsMeasuringDocument,
  ExplorerOrganizationsDocument,
  ExplorerOrganizationsQuery,
  ExplorerRecordSearchDocument,
  ExplorerRecordSearchQuery,
  ExplorerSignalSubjectsDocument,
} from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { accountFilter, distinctIds, fieldsAndSystems, matchByName, SearchQuery } from "./search.logic";

export type Concept = ExplorerRecordSearchQuery["concepts"]["edges"][number]["node"];

export interface ConceptAccounts {
  concept: Concept;
  accounts: ExplorerAccountRowFragment[];
}

export interface SearchResults {
  accounts: ExplorerAccountSearchQuery["accounts"];
  facets: ExplorerAccountSearchQuery["facets"];
  contacts: ExplorerRecordSearchQuery["contacts"] | null;
  organizations: ExplorerOrganizationsQuery["organizations"]["edges"][number]["node"][];
  byConcept: ConceptAccounts[];
}

const CONCEPTS_FOLLOWED = 2;
const ACCOUNTS_PER_CONCEPT = 20;

/** The accounts with signals of the fields mapped onto a concept (or one below it), freshest data first. */
async function accountsOfConcept(concept: Concept, token: string, signal: AbortSignal): Promise<ConceptAccounts> {
  const measures = await runOperation(ExplorerFieldsMeasuringDocument, { conceptId: concept.id }, token, signal);
  const { fields, systems } = fieldsAndSystems(measures.fieldsMeasuring);
  if (fields.length === 0) return { concept, accounts: [] };
  const subjects = await runOperation(ExplorerSignalSubjectsDocument, { fields, systems, first: 200 }, token, signal);
  const ids = distinctIds(
    subjects.signals.edges.map((e) => e.node.subjectId),
    ACCOUNTS_PER_CONCEPT,
  );
  if (ids.length === 0) return { concept, accounts: [] };
  const nodes = await runOperation(ExplorerAccountsByIdsDocument, { ids }, token, signal);
  const accounts = nodes.nodes.filter((n): n is ExplorerAccountRowFragment & { __typename?: "Account" } =>
    Boolean(n && "name" in n),
  );
  return { concept, accounts };
}

/** Everything the search page shows for a query, read through the generated operations. */
export async function search(query: SearchQuery, token: string, signal: AbortSignal): Promise<SearchResults> {
  const filter = accountFilter(query);
  const q = query.q.trim();
  const [accounts, records, organizations] = await Promise.all([
    runOperation(
      ExplorerAccountSearchDocument,
      { filter, facetFilter: accountFilter({ q, industry: null, segment: null, region: null }), first: 25 },
      token,
      signal,
    ),
    q ? runOperation(ExplorerRecordSearchDocument, { search: q, first: 10 }, token, signal) : Promise.resolve(null),
    q ? runOperation(ExplorerOrganizationsDocument, { first: 500 }, token, signal) : Promise.resolve(null),
  ]);
  const concepts = records?.concepts.edges.map((e) => e.node).slice(0, CONCEPTS_FOLLOWED) ?? [];
  const byConcept = await Promise.all(concepts.map((c) => accountsOfConcept(c, token, signal)));
  return {
    accounts: accounts.accounts,
    facets: accounts.facets,
    contacts: records?.contacts ?? null,
    organizations: organizations
      ? matchByName(
          organizations.organizations.edges.map((e) => e.node),
          q,
        )
      : [],
    byConcept,
  };
}
